"""The request to go on the Dynamic Support Register, as a journey of one-question pages."""

from datetime import date

from flask_babel import lazy_gettext as _l

from ...journeys import Journey, Step
from ...journeys.engine import always
from ...services import consent
from . import forms


def role(answers):
    return (answers.get("who") or {}).get("role")


def themselves(answers):
    return role(answers) == "person"


def born(answers):
    value = (answers.get("person") or {}).get("date_of_birth")
    return date.fromisoformat(value) if value else None


def consent_route(answers):
    if not role(answers) or not born(answers):
        return None
    return consent.route_for(role(answers), born(answers))


CONSENT_FORMS = {
    consent.OWN: forms.OwnConsentForm,
    consent.PARENT: forms.ParentConsentForm,
    consent.RELAYED_PARENT: forms.RelayedParentConsentForm,
    consent.RELAYED_PERSON: forms.RelayedPersonConsentForm,
    consent.CHILD_ASKING: forms.ChildAskingForm,
}


def for_you_or_them(you, them):
    return lambda answers: you if themselves(answers) else them


def about_the_person(applies=always):
    """The pages about who the request is for; the review request asks the same."""
    return (
        Step(
            "person",
            forms.PersonForm,
            for_you_or_them(_l("About you"), _l("About the person")),
            applies=applies,
        ),
        Step(
            "address",
            forms.AddressForm,
            for_you_or_them(_l("Your address"), _l("Their address")),
            applies=applies,
        ),
        Step("contact", forms.ContactForm, _l("How to contact"), applies=applies),
        Step("communication", forms.CommunicationForm, _l("Help to communicate"), applies=applies),
        Step(
            "diagnosis",
            forms.DiagnosisForm,
            for_you_or_them(
                _l("Do you have a learning disability, autism or both?"),
                _l("Do they have a learning disability, autism or both?"),
            ),
            applies=applies,
        ),
    )


def consent_steps(route_of, forms_by_route, title, text, child_view_form):
    """Consent by the rules for the person's age and who is asking, then, where a parent
    agreed for a child, what the child thinks."""
    return (
        Step(
            "consent",
            lambda a: forms_by_route[route_of(a)],
            title,
            applies=lambda a: route_of(a) is not None,
            intro=text,
        ),
        Step(
            "child_view",
            child_view_form,
            _l("What the child thinks"),
            applies=lambda a: (
                route_of(a) in (consent.PARENT, consent.RELAYED_PARENT)
                and (a.get("consent") or {}).get("agree") == "yes"
            ),
        ),
    )


JOURNEY = Journey(
    "referral",
    (
        Step("who", forms.WhoForm, _l("Who is filling in this form?")),
        Step("you", forms.YouForm, _l("About you"), applies=lambda a: not themselves(a)),
        *about_the_person(),
        Step(
            "living",
            forms.LivingForm,
            for_you_or_them(
                _l("Where do you live or stay now?"), _l("Where do they live or stay now?")
            ),
        ),
        Step(
            "hospital",
            forms.HospitalForm,
            _l("About the hospital"),
            applies=lambda a: (a.get("living") or {}).get("setting") == "hospital",
        ),
        Step("risks", forms.RisksForm, _l("What is happening"), crisis=True),
        Step("support", forms.SupportForm, _l("Who gives support now")),
        Step("help", forms.HelpForm, _l("What would help?")),
        *consent_steps(
            consent_route,
            CONSENT_FORMS,
            _l("Agreeing to go on the register"),
            consent.TEXT,
            forms.ChildViewForm,
        ),
    ),
)
