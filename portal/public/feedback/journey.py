"""Telling us what a review was like: who took part, the five questions, then, only for
someone who chooses to, who they are and how to reply."""

from flask_babel import lazy_gettext as _l

from ...journeys import Journey, Step
from . import forms

# Pages that say who someone is; they apply, and are kept, only when they say yes.
ABOUT_YOU = ("name", "review_date", "reply", "reply_email", "reply_phone", "reply_post")


def named(answers):
    return (answers.get("identity") or {}).get("tell_us") == "yes"


def reply_by(answers):
    return (answers.get("reply") or {}).get("reply_by") if named(answers) else None


def replying_by(way):
    return lambda answers: reply_by(answers) == way


JOURNEY = Journey(
    "feedback",
    (
        Step("role", forms.RoleForm, _l("How did you take part in the review?")),
        Step("before", forms.BeforeForm, _l("Before the review")),
        Step("on_the_day", forms.OnTheDayForm, _l("What was it like on the day?")),
        Step("better", forms.BetterForm, _l("What would have made the review better?")),
        Step("difference", forms.DifferenceForm, _l("What difference did the review make?")),
        Step(
            "anything_else",
            forms.AnythingElseForm,
            _l("Is there anything else you want to tell us?"),
        ),
        Step("identity", forms.IdentityForm, _l("Do you want to tell us who you are?")),
        Step("name", forms.NameForm, _l("What is your name? (optional)"), applies=named),
        Step(
            "review_date",
            forms.ReviewDateForm,
            _l("When was the review? (optional)"),
            applies=named,
        ),
        Step("reply", forms.ReplyForm, _l("How can we reply to you?"), applies=named),
        Step(
            "reply_email",
            forms.ReplyEmailForm,
            _l("What is your email address?"),
            applies=replying_by("email"),
        ),
        Step(
            "reply_phone",
            forms.ReplyPhoneForm,
            _l("What is your phone number?"),
            applies=replying_by("phone"),
        ),
        Step(
            "reply_post",
            forms.ReplyPostForm,
            _l("What is your address?"),
            applies=replying_by("post"),
        ),
    ),
)
