"""The request to go on the Dynamic Support Register, as a journey of one-question pages."""

from datetime import date

from flask_babel import lazy_gettext as _l

from ...journeys import Journey, Step
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


JOURNEY = Journey(
    "referral",
    (
        Step("who", forms.WhoForm, _l("Who is filling in this form?")),
        Step("you", forms.YouForm, _l("About you"), applies=lambda a: not themselves(a)),
        Step("person", forms.PersonForm, for_you_or_them(_l("About you"), _l("About the person"))),
        Step(
            "address", forms.AddressForm, for_you_or_them(_l("Your address"), _l("Their address"))
        ),
        Step("contact", forms.ContactForm, _l("How to contact")),
        Step("communication", forms.CommunicationForm, _l("Help to communicate")),
        Step(
            "diagnosis",
            forms.DiagnosisForm,
            for_you_or_them(
                _l("Do you have a learning disability, autism or both?"),
                _l("Do they have a learning disability, autism or both?"),
            ),
        ),
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
        Step(
            "consent",
            lambda a: CONSENT_FORMS[consent_route(a)],
            _l("Agreeing to go on the register"),
            applies=lambda a: consent_route(a) is not None,
            intro=consent.TEXT,
        ),
        Step(
            "child_view",
            forms.ChildViewForm,
            _l("What the child thinks"),
            applies=lambda a: (
                consent_route(a) in (consent.PARENT, consent.RELAYED_PARENT)
                and (a.get("consent") or {}).get("agree") == "yes"
            ),
        ),
    ),
)
