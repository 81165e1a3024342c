"""Easy-read rows shown inside the My CTR Planner: before the review (part 1) and the
choices a person has on the day (part 5). Read aloud like the explanation pages."""

from flask_babel import lazy_gettext as _l

from ..model import Row

BEFORE_ROWS = (
    Row(
        "meeting",
        (
            _l("A [Care and Treatment Review](care-and-treatment-review) is a meeting about you."),
            _l("It checks that your care is right for you."),
        ),
    ),
    Row(
        "check",
        (
            _l("The review looks at your care and your health now."),
            _l("That includes your mental health and any medicine you take."),
        ),
    ),
    Row(
        "home",
        (
            _l("It looks at where you live now, and where you want to live."),
            _l("It looks at your plans for the future."),
        ),
    ),
    Row(
        "happy",
        (
            _l("It looks at what upsets you, and what helps you feel well."),
            _l("It looks at how to keep you and other people safe."),
        ),
    ),
    Row(
        "report",
        (
            _l("After the review, the [chair](chair) writes a report."),
            _l("The report says what needs to happen, who will do it, and by when."),
        ),
    ),
    Row(
        "private",
        (
            _l("Your report is private."),
            _l("You and the people important to your review can see it."),
            _l("So can the people who give or pay for your care."),
        ),
    ),
    Row(
        "law",
        (
            _l("If someone may not be safe, the law may say others must see the report."),
            _l("They must keep it private too."),
        ),
    ),
    Row(
        "records",
        (
            _l("The NHS may use facts from reviews to check care is going well."),
            _l("These facts never show your name or anything that says who you are."),
        ),
    ),
    Row(
        "agree",
        (
            _l("You choose if you want a review. This is called [consent](consent)."),
            _l("You should get all the help you need to decide."),
        ),
    ),
    Row(
        "parent",
        (
            _l("If you are under 16, a parent decides too."),
            _l("If you cannot decide, a guardian or deputy may decide for you."),
        ),
    ),
    Row(
        "support",
        (
            _l("If nobody can decide for you, people who care for you meet."),
            _l("They make a [best interests decision](best-interests-decision)."),
        ),
    ),
    Row(
        "change",
        (
            _l("Your consent form goes to the chair of your review."),
            _l("A copy is kept safe. You can change your mind at any time."),
        ),
    ),
    Row(
        "person",
        (
            _l("Your [care coordinator](care-coordinator) knows where your form is kept."),
            _l("They can help if you want to change your mind."),
            _l("You can write down how to contact them in your planner."),
        ),
    ),
)

DAY_ROWS = (
    Row(
        "meeting",
        (
            _l("On the day, you meet the review panel."),
            _l("There are 3 people on the panel."),
        ),
    ),
    Row(
        "person",
        (
            _l("You can meet them one person at a time, if you want."),
            _l("You can choose who is with you."),
        ),
    ),
    Row(
        "time",
        (
            _l("You can take a break whenever you need one."),
            _l("You can say where you would like to meet."),
        ),
    ),
)


def all_rows():
    return (*BEFORE_ROWS, *DAY_ROWS)


def whole_texts():
    """Each reading page's sentences together, for its "listen to this page" player."""
    return tuple([s for row in rows for s in row.sentences] for rows in (BEFORE_ROWS, DAY_ROWS))
