"""How a referral's state reads to the person, in plain words."""

from datetime import date

from flask_babel import lazy_gettext as _l

STATUS = {
    "new": _l("We have your request. The team has not looked at it yet."),
    "being_looked_at": _l("The team is looking at your request."),
    "more_information_needed": _l("The team needs to know more. They will contact you."),
    "added_to_register": _l("The person is now on the register."),
    "not_added": _l("The person has not been added to the register."),
    "passed_to_care_coordinator": _l("Your care coordinator is looking at your worries first."),
    "review_agreed": _l("A review has been agreed. You will hear when it will be."),
    "review_not_agreed": _l("A review has not been agreed this time."),
    "consent_withdrawn": _l("Consent was withdrawn. The team has stopped work on this request."),
}

CONSENT = {
    "own": _l("The person agreed to go on the register."),
    "parental": _l("A parent, or someone with parental responsibility, agreed."),
    "parental_needed": _l("The child asked to go on the register. A parent must agree too."),
    "best_interests_needed": _l(
        "The person cannot make this decision. A best interests decision is needed first."
    ),
}

REVIEW_CONSENT = {
    "own": _l("The person agreed to have a review."),
    "parental": _l("A parent, or someone with parental responsibility, agreed to the review."),
    "parental_needed": _l("The child asked for a review. A parent or carer will be asked too."),
    "best_interests_needed": _l(
        "The person cannot make this decision. A best interests decision is needed first."
    ),
}

REVIEW_CHILD_VIEW = {
    "agrees": _l("They want a review."),
    "disagrees": _l("They do not want a review."),
    "unsure": _l("They are not sure."),
    "could_not_say": _l("They could not tell us, even with help."),
}

CHILD_VIEW = {
    "agrees": _l("They want to go on the register."),
    "disagrees": _l("They do not want to go on the register."),
    "unsure": _l("They are not sure."),
    "could_not_say": _l("They could not tell us, even with help."),
}


def status_text(status):
    return STATUS.get(status, status)


def consent_summary(record):
    wording = REVIEW_CONSENT if record.referral.kind == "review" else CONSENT
    return wording.get(record.basis, record.basis)


def child_view_text(view, kind="register"):
    return (REVIEW_CHILD_VIEW if kind == "review" else CHILD_VIEW).get(view, view)


def review_due_of(referral):
    """The policy's date for a review request, from its answers, by the same service the
    staff register uses, as it stood on the day it was sent."""
    from ..review.journey import due_for

    return due_for(referral.answers, today=referral.submitted_at.date())


def init_app(app):
    app.jinja_env.globals.update(
        status_text=status_text,
        consent_summary=consent_summary,
        child_view_text=child_view_text,
        review_due_of=review_due_of,
        today=date.today,
    )
