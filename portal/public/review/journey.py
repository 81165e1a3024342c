"""Asking for a Care (Education) and Treatment Review, one question a page."""

from datetime import date

from flask_babel import lazy_gettext as _l

from ...journeys import Journey, Step
from ...services import consent
from ...services.review_timescales import ADULT_AGE, review_due
from ..referral import forms as shared
from ..referral.forms import RelayedParentConsentForm
from ..referral.journey import (
    about_the_person,
    consent_steps,
    for_you_or_them,
    role,
    themselves,
)
from ..referral.journey import born as born_from_person
from . import forms


def linked(answers):
    """Linked to an earlier request: its details are used, not shown or asked again."""
    return bool(((answers.get("known") or {}).get("reference") or "").strip())


def not_linked(answers):
    return not linked(answers)


def born(answers):
    if linked(answers):
        value = (answers.get("known") or {}).get("date_of_birth")
        return date.fromisoformat(value) if value else None
    return born_from_person(answers)


def consent_route(answers):
    if not role(answers) or not born(answers):
        return None
    return consent.route_for(role(answers), born(answers))


def under_18(answers):
    birth = born(answers)
    return birth is not None and consent.age_on(birth, date.today()) < ADULT_AGE


def in_hospital(answers):
    return (answers.get("where") or {}).get("where") == "hospital"


def due_for(answers, today=None):
    """When a review should happen, by the policy, from these answers."""
    stay = answers.get("hospital") or {}
    history = answers.get("history") or {}

    def day(value):
        return date.fromisoformat(value) if value else None

    return review_due(
        born(answers),
        today or date.today(),
        in_hospital(answers),
        admitted=day(stay.get("admitted")),
        community_review_before=history.get("community_review") == "yes",
        secure=stay.get("secure") == "yes",
        moved_on=day(stay.get("moved_on"))
        if stay.get("moved") in ("hospital", "security")
        else None,
        last_review=day(history.get("last_review"))
        if history.get("reviewed_since") == "yes"
        else None,
        last_review_unknown=history.get("reviewed_since") == "not_sure",
    )


CONSENT_FORMS = {
    consent.OWN: forms.OwnConsentForm,
    consent.PARENT: forms.ParentConsentForm,
    consent.RELAYED_PARENT: RelayedParentConsentForm,
    consent.RELAYED_PERSON: forms.RelayedPersonConsentForm,
    consent.CHILD_ASKING: forms.ChildAskingForm,
}

JOURNEY = Journey(
    "review",
    (
        Step("who", forms.WhoForm, _l("Who is asking for the review?")),
        Step("you", shared.YouForm, _l("About you"), applies=lambda a: not themselves(a)),
        Step("known", forms.KnownForm, _l("Have we heard about this person before?")),
        *about_the_person(applies=not_linked),
        Step("education", forms.EducationForm, _l("School or college"), applies=under_18),
        Step(
            "where",
            forms.WhereForm,
            for_you_or_them(_l("Where are you now?"), _l("Where are they now?")),
        ),
        Step(
            "hospital", forms.HospitalStayForm, _l("About the hospital stay"), applies=in_hospital
        ),
        Step("history", forms.HistoryForm, _l("Reviews so far"), applies=in_hospital),
        Step("why", forms.WhyForm, _l("Why a review is needed now"), crisis=True),
        *consent_steps(
            consent_route,
            CONSENT_FORMS,
            _l("Agreeing to the review"),
            consent.REVIEW_TEXT,
            forms.ChildViewForm,
        ),
        Step("invite", forms.InviteForm, _l("Planning the review")),
    ),
)
