"""How a referral's state reads to the person, in plain words."""

from flask_babel import lazy_gettext as _l

STATUS = {
    "new": _l("We have your request. The team has not looked at it yet."),
    "being_looked_at": _l("The team is looking at your request."),
    "more_information_needed": _l("The team needs to know more. They will contact you."),
    "added_to_register": _l("The person is now on the register."),
    "not_added": _l("The person has not been added to the register."),
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

CHILD_VIEW = {
    "agrees": _l("They want to go on the register."),
    "disagrees": _l("They do not want to go on the register."),
    "unsure": _l("They are not sure."),
    "could_not_say": _l("They could not tell us, even with help."),
}


def status_text(status):
    return STATUS.get(status, status)


def consent_summary(record):
    return CONSENT.get(record.basis, record.basis)


def child_view_text(view):
    return CHILD_VIEW.get(view, view)


def init_app(app):
    app.jinja_env.globals.update(
        status_text=status_text, consent_summary=consent_summary, child_view_text=child_view_text
    )
