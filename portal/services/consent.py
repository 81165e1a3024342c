"""Who can consent to going on the Dynamic Support Register, by age and by who is asking.

- 16 and over: the person decides. Someone else can only tell us what the person said,
  or that the person cannot make this decision (then a best interests decision is needed,
  and no consent is recorded as given).
- Under 16: someone with parental responsibility consents, and the child's own view is
  asked and recorded. A child asking for themselves is heard, and a parent is then asked.
"""

from datetime import date

from flask_babel import lazy_gettext as _l

ADULT_CONSENT_AGE = 16

# How consent is asked for, given who is filling in the form and the person's age.
OWN = "own"  # the person, 16 or over, answers for themselves
PARENT = "parent"  # a parent answers for their child under 16
RELAYED_PARENT = "relayed_parent"  # someone else tells us whether a parent agreed
RELAYED_PERSON = "relayed_person"  # someone else tells us whether the person agreed
CHILD_ASKING = "child_asking"  # a child under 16 asking for themselves

# The words shown beside the consent question. Changing them means a new version, so
# every consent record says exactly what the person saw.
TEXT_VERSION = "dsr-consent-2026-11"
TEXT = (
    _l("Your name and details go on the local Dynamic Support Register."),
    _l("The team uses them to find the right support for you."),
    _l("Only people who help with your care should see them."),
    _l("You can change your mind at any time."),
    _l("Saying no does not change the care you get."),
)


def age_on(born, today):
    """Whole years between born and today (someone born on 29 February has their
    birthday on 1 March in other years)."""
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years


def route_for(requester_role, born, today=None):
    under_16 = age_on(born, today or date.today()) < ADULT_CONSENT_AGE
    if requester_role == "person":
        return CHILD_ASKING if under_16 else OWN
    if under_16:
        return PARENT if requester_role == "parent" else RELAYED_PARENT
    return RELAYED_PERSON


# Consent is asked every time a review is offered.
REVIEW_TEXT_VERSION = "review-consent-2026-11"
REVIEW_TEXT = (
    _l("A small panel reads your notes and talks to you and the people who support you."),
    _l("They check your care is safe and right, and plan what happens next."),
    _l("The chair writes a report, and you get a copy."),
    _l("You can change your mind at any time."),
    _l("Saying no does not change the care you get."),
)


def text_shown(sentences=TEXT):
    return " ".join(str(sentence) for sentence in sentences)
