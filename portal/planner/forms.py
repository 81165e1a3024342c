"""The questions of the My CTR Planner, one form a page. Almost every answer is optional:
it is the person's own booklet, and a part can be left and finished later."""

from flask_babel import lazy_gettext as _l
from wtforms import FieldList, FormField
from wtforms.validators import ValidationError

from ..forms import PortalForm
from ..forms.fields import (
    CheckboxesField,
    DateField,
    EmailField,
    RadioField,
    StringField,
    TelField,
)
from ..forms.validators import Email, MaxLength, PastDate, Phone, Required
from ..public.referral.forms import choices, long_text

MAX_ACTIONS = 20


def short_text(label, hint=None, limit=200):
    return StringField(label, description=hint, validators=[MaxLength(limit, label)])


class ReadForm(PortalForm):
    """A page to read: pressing Continue marks it as read."""


class CoordinatorForm(PortalForm):
    name = short_text(_l("Your care coordinator's name (optional)"))
    team = short_text(_l("Where they work (optional)"), _l("For example, the name of their team"))
    phone = TelField(_l("Their phone number (optional)"), validators=[Phone()])
    email = EmailField(
        _l("Their email address (optional)"),
        validators=[Email(), MaxLength(320, _l("Their email address"))],
    )


class AboutYouForm(PortalForm):
    first_name = StringField(
        _l("First name"),
        validators=[Required(_l("Enter your first name")), MaxLength(100, _l("First name"))],
    )
    last_name = short_text(_l("Last name (optional)"), limit=100)
    preferred_name = short_text(_l("What do you like to be called? (optional)"), limit=100)
    date_of_birth = DateField(
        _l("Date of birth"),
        description=_l("For example, 27 3 2009. It tells us which consent pages you need."),
        thing=_l("date of birth"),
        validators=[Required(_l("Enter your date of birth")), PastDate(_l("Date of birth"))],
    )
    address = long_text(_l("Your address (optional)"), thing=_l("Your address"))


WANT_REVIEW = (
    ("yes", _l("Yes, I would like a review")),
    ("no", _l("No, I do not want a review")),
    ("not_sure", _l("I am not sure yet")),
)


class WantForm(PortalForm):
    want = RadioField(
        _l("Would you like to have a review?"),
        description=_l("Saying no does not change the care you get."),
        choices=choices(WANT_REVIEW),
        validators=[Required(_l("Select if you would like a review"))],
    )


DECIDERS = (
    ("me", _l("I can decide this myself")),
    ("guardian", _l("I cannot decide this myself, so someone decides for me")),
)


class DeciderForm(PortalForm):
    decider = RadioField(
        _l("Who decides about your review?"),
        description=_l("If you are 16 or over, you decide, unless you cannot decide this."),
        choices=choices(DECIDERS),
        choice_hints={
            "guardian": _l("A guardian or deputy, or a best interests decision"),
        },
        validators=[Required(_l("Select who decides about your review"))],
    )


AGREES = (("yes", _l("Yes, they agree")), ("no", _l("No, they do not agree")))

GUARDIAN_ROLES = (
    ("guardian", _l("A guardian")),
    ("deputy", _l("A deputy from the Court of Protection")),
    ("best_interests", _l("Someone making a best interests decision")),
)


class GuardianForm(PortalForm):
    name = StringField(
        _l("Their full name"),
        validators=[Required(_l("Enter their full name")), MaxLength(200, _l("Their name"))],
    )
    role = RadioField(
        _l("Who are they?"),
        choices=choices(GUARDIAN_ROLES),
        validators=[Required(_l("Select who they are"))],
    )
    agrees = RadioField(
        _l("Do they agree to the review?"),
        choices=choices(AGREES),
        validators=[Required(_l("Select if they agree to the review"))],
    )


class ParentForm(PortalForm):
    name = StringField(
        _l("Your parent's full name"),
        description=_l("Or the person with parental responsibility for you"),
        validators=[Required(_l("Enter your parent's full name")), MaxLength(200, _l("Name"))],
    )
    relationship = short_text(_l("How are they related to you? (optional)"), _l("For example, mum"))
    agrees = RadioField(
        _l("Does your parent agree to the review?"),
        choices=choices(AGREES),
        validators=[Required(_l("Select if your parent agrees to the review"))],
    )


class InviteForm(PortalForm):
    family = long_text(
        _l("A family carer you would like to invite (optional)"),
        _l("Write their names"),
        _l("Family carer"),
    )
    advocate = long_text(
        _l("An advocate you would like to invite (optional)"),
        _l("An advocate helps you say what you want"),
        _l("Advocate"),
    )
    important = long_text(
        _l("Anyone else important to you (optional)"),
        _l("For example, a friend or a support worker"),
        _l("Someone important"),
    )


SAME_DAY = (
    ("same_day", _l("The same day as another care meeting")),
    ("different_day", _l("A different day")),
    ("no_preference", _l("It does not matter to me")),
)


class WhichDayForm(PortalForm):
    day = RadioField(
        _l("When would you like your review?"),
        choices=choices(SAME_DAY),
        validators=[Required(_l("Select when you would like your review"))],
    )
    other_meeting = short_text(
        _l("Which other meeting? (optional)"), _l("For example, my care programme meeting")
    )


class HelpsForm(PortalForm):
    helps = long_text(
        _l("What would help your review go well? (optional)"),
        _l("For example, a quiet room, pictures, or someone you know with you"),
        _l("What would help"),
    )


class ProfileForm(PortalForm):
    important = long_text(
        _l("What is important to me (optional)"),
        _l("For example, my hobbies, my family, and what a good day looks like"),
        _l("What is important to me"),
    )
    like = long_text(
        _l("What people like about me (optional)"),
        _l("For example, I am funny, kind, or good at music"),
        _l("What people like about me"),
    )
    support = long_text(
        _l("How best to support me (optional)"),
        _l("For example, give me time to answer, or show me pictures"),
        _l("How best to support me"),
    )


class WhenForm(PortalForm):
    date = DateField(
        _l("When is your review? (optional)"),
        description=_l("For example, 14 3 2027. Leave it empty if you do not know yet."),
        thing=_l("the date of your review"),
    )
    place = short_text(_l("Where is it? (optional)"))


class GoodAndBetterForm(PortalForm):
    good = long_text(_l("What is good now? (optional)"), thing=_l("What is good now"))
    better = long_text(_l("What could be better? (optional)"), thing=_l("What could be better"))


class FutureForm(PortalForm):
    plan = long_text(_l("What is the plan so far? (optional)"), thing=_l("The plan so far"))
    hopes = long_text(
        _l("What would you like for your future? (optional)"),
        _l("For example, where you want to live, and what you want to do"),
        _l("What you would like"),
    )


COMMUNITY = (
    ("community", _l("I think I could get my care in the community")),
    ("hospital", _l("I think I need to be in hospital now")),
    ("not_sure", _l("I am not sure")),
)


class CommunityForm(PortalForm):
    view = RadioField(
        _l("What do you think? (optional)"),
        description=_l("The community means living at home or near home, not in hospital."),
        choices=choices(COMMUNITY),
    )
    plan = long_text(
        _l("What is the plan so far, or what needs to happen? (optional)"),
        thing=_l("The plan"),
    )


class QuestionsForm(PortalForm):
    questions = long_text(
        _l("Your questions or comments (optional)"),
        _l("Write anything you want to ask or say at your review"),
        _l("Your questions"),
    )


DAY_CHOICES = (
    ("one_at_a_time", _l("I would like to meet one person at a time")),
    ("breaks", _l("I would like to take breaks when I need them")),
    ("someone_with_me", _l("I would like someone with me")),
    ("choose_place", _l("I would like to choose where we meet")),
)


class DayChoicesForm(PortalForm):
    wanted = CheckboxesField(
        _l("My choices for the day (optional)"),
        description=_l("Tick all that you want. You can print this list."),
        choices=choices(DAY_CHOICES),
    )
    with_me = short_text(_l("Who I want with me (optional)"))
    place = short_text(_l("Where I would like to meet (optional)"))
    other = long_text(_l("Anything else about the day (optional)"), thing=_l("Anything else"))


class WhatNowForm(PortalForm):
    what_now = long_text(
        _l("What needs to happen now, in your own words (optional)"),
        _l("Your review's chair sends a report. Write what it says needs to happen."),
        _l("What needs to happen now"),
    )


DONE = (("no", _l("Not yet")), ("yes", _l("Done")))


class ActionForm(PortalForm):
    """One action from the review. A row left empty is dropped."""

    class Meta:
        csrf = False

    what = short_text(_l("What needs to happen"), limit=500)
    who = short_text(_l("Who will do it"))
    by_when = short_text(_l("By when"), _l("For example, 1 March 2027, or next week"), 100)
    done = RadioField(_l("Is it done?"), choices=choices(DONE), default="no")
    remove = CheckboxesField(choices=choices((("yes", _l("Remove this action")),)))

    def validate_what(self, field):
        others = (self.who.data or "").strip() or (self.by_when.data or "").strip()
        if others and not (field.data or "").strip() and not self.remove.data:
            raise ValidationError(_l("Enter what needs to happen"))

    def is_empty(self):
        return not any((f.data or "").strip() for f in (self.what, self.who, self.by_when))


class ActionsForm(PortalForm):
    actions = FieldList(FormField(ActionForm), min_entries=1, max_entries=MAX_ACTIONS + 1)

    def error_summary(self):
        summary = []
        for entry in self.actions:
            for field in entry.form:
                if field.errors:
                    summary.append({"text": field.errors[0], "href": "#" + field.id})
        return summary

    def kept(self):
        """The actions worth keeping: no empty rows."""
        return [entry.form for entry in self.actions if not entry.form.is_empty()]
