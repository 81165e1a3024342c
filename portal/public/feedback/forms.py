"""The questions of the review feedback form, one thing a page. Only who took part and the
first question must be answered; everything else may be left empty."""

from flask_babel import lazy_gettext as _l

from ...forms import PortalForm
from ...forms.fields import DateField, EmailField, RadioField, StringField, TelField, TextAreaField
from ...forms.validators import Email, MaxLength, PastDate, Phone, Required
from ..referral.forms import choices, long_text

ROLES = (
    ("person", _l("It was my review")),
    ("family", _l("I am a family member or carer")),
    ("advocate", _l("I am an advocate")),
    ("professional", _l("I am a professional, like a nurse or social worker")),
    ("panel", _l("I was on the review panel")),
    ("other", _l("Someone else")),
)


class RoleForm(PortalForm):
    role = RadioField(
        _l("How did you take part in the review?"),
        choices=choices(ROLES),
        choice_hints={
            "panel": _l("For example, the chair, the expert by experience or the clinical expert.")
        },
        validators=[Required(_l("Select how you took part in the review"))],
    )


ENOUGH = (("yes", _l("Yes")), ("partly", _l("Partly")), ("no", _l("No")))


class BeforeForm(PortalForm):
    enough = RadioField(
        _l("Did you get enough help and information before the review?"),
        choices=choices(ENOUGH),
        choice_hints={"partly": _l("Some, but not enough.")},
        validators=[Required(_l("Select yes, partly or no"))],
    )
    more = long_text(
        _l("Tell us more (optional)"),
        hint=_l("For example, what helped, or what was missing."),
        thing=_l("Tell us more"),
    )


LEAVE_EMPTY = _l("You can leave this empty.")


class OnTheDayForm(PortalForm):
    on_the_day = long_text(
        _l("What was it like on the day?"),
        hint=_l("For example, did people listen to you? You can leave this empty."),
        thing=_l("What it was like on the day"),
    )


class BetterForm(PortalForm):
    better = long_text(
        _l("What would have made the review better?"),
        hint=LEAVE_EMPTY,
        thing=_l("What would have made it better"),
    )


class DifferenceForm(PortalForm):
    difference = long_text(
        _l("What difference did the review make?"),
        hint=_l("For example, did anything change after it? You can leave this empty."),
        thing=_l("What difference it made"),
    )


class AnythingElseForm(PortalForm):
    anything_else = long_text(
        _l("Is there anything else you want to tell us?"),
        hint=LEAVE_EMPTY,
        thing=_l("Anything else"),
    )


TELL = (("no", _l("No, keep me anonymous")), ("yes", _l("Yes")))


class IdentityForm(PortalForm):
    # Anonymous unless the person chooses otherwise: "no" is already picked.
    tell_us = RadioField(
        _l("Do you want to tell us who you are?"),
        description=_l("You do not have to. Anonymous means we do not know who you are."),
        choices=choices(TELL),
        choice_hints={
            "no": _l("We will not know who sent it, so we cannot reply."),
            "yes": _l("You can tell us your name and how to reply."),
        },
        default="no",
        validators=[Required(_l("Select no or yes"))],
    )


class NameField(StringField):
    def nhs_params(self):
        return {**super().nhs_params(), "autocomplete": "name"}


class NameForm(PortalForm):
    name = NameField(
        _l("What is your name? (optional)"),
        description=LEAVE_EMPTY,
        validators=[MaxLength(200, _l("Your name"))],
    )


class ReviewDateForm(PortalForm):
    review_date = DateField(
        _l("When was the review? (optional)"),
        description=_l("For example, 15 3 2026. A rough date is fine. You can leave this empty."),
        thing=_l("the date of the review"),
        validators=[PastDate(_l("The date of the review"))],
    )


REPLY_WAYS = (
    ("email", _l("By email")),
    ("phone", _l("By phone")),
    ("post", _l("By post")),
    ("none", _l("Do not reply to me")),
)


class ReplyForm(PortalForm):
    reply_by = RadioField(
        _l("How can we reply to you?"),
        choices=choices(REPLY_WAYS),
        validators=[Required(_l("Select how we can reply, or select do not reply"))],
    )


class ReplyEmailForm(PortalForm):
    email = EmailField(
        _l("What is your email address?"),
        validators=[
            Required(_l("Enter your email address, so we can reply")),
            Email(),
            MaxLength(320, _l("Your email address")),
        ],
    )


class ReplyPhoneForm(PortalForm):
    phone = TelField(
        _l("What is your phone number?"),
        validators=[Required(_l("Enter your phone number, so we can reply")), Phone()],
    )


class AddressField(TextAreaField):
    def nhs_params(self):
        return {**super().nhs_params(), "autocomplete": "street-address", "rows": 4}


class ReplyPostForm(PortalForm):
    address = AddressField(
        _l("What is your address?"),
        description=_l("Put the postcode at the end."),
        validators=[
            Required(_l("Enter your address, so we can reply")),
            MaxLength(500, _l("Your address")),
        ],
    )
