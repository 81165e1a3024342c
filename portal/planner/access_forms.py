"""Forms for opening, protecting, linking and sharing a planner (not its questions)."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from ..forms import PortalForm
from ..forms.fields import CheckboxesField, DateField, EmailField, PinField, StringField
from ..forms.validators import Email, MaxLength, PastDate, Required
from ..public.referral.forms import choices
from .journey import PARTS

PIN_LENGTHS = (4, 6)


def pin_field(label, hint=None, validators=()):
    return PinField(label, description=hint, validators=list(validators))


def check_pin_shape(field):
    pin = (field.data or "").strip()
    if pin and (not pin.isdigit() or not PIN_LENGTHS[0] <= len(pin) <= PIN_LENGTHS[1]):
        raise ValidationError(_l("Your PIN must be 4 to 6 numbers"))


class OpenForm(PortalForm):
    code = StringField(
        _l("Your planner code"),
        description=_l("12 letters and numbers, like K7QM-4TXW-9RBD"),
        validators=[Required(_l("Enter your planner code"))],
    )
    pin = pin_field(_l("Your PIN, if you set one"))
    not_found = _l("We could not find a planner with that code. Check it and try again.")


class UnlockForm(PortalForm):
    pin = pin_field(_l("Your PIN"), validators=[Required(_l("Enter your PIN"))])


class SetPinForm(PortalForm):
    pin = pin_field(
        _l("Choose a PIN"),
        _l("4 to 6 numbers. Do not use your date of birth."),
        [Required(_l("Enter a PIN of 4 to 6 numbers"))],
    )
    again = pin_field(
        _l("Type the PIN again"), validators=[Required(_l("Type the PIN again, to check it"))]
    )

    def validate_pin(self, field):
        check_pin_shape(field)

    def validate_again(self, field):
        if (self.pin.data or "").strip() and field.data != self.pin.data:
            raise ValidationError(_l("The 2 PINs are different. Type the same PIN twice"))


class EmailLinkForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        description=_l("We send the link once and do not keep your email address."),
        validators=[
            Required(_l("Enter your email address")),
            Email(),
            MaxLength(320, _l("Your email address")),
        ],
    )


class LinkForm(PortalForm):
    reference = StringField(
        _l("Reference number"),
        description=_l("It was on the page after you asked, like REV-AB23-CD45"),
        validators=[Required(_l("Enter the reference number")), MaxLength(30, _l("Reference"))],
    )
    date_of_birth = DateField(
        _l("Date of birth of the person the review is for"),
        description=_l("For example, 27 3 2009"),
        thing=_l("date of birth"),
        validators=[Required(_l("Enter the date of birth")), PastDate(_l("Date of birth"))],
    )


class ShareForm(PortalForm):
    parts = CheckboxesField(
        _l("Which parts do you want to share?"),
        description=_l("You will see exactly what is shared before anything is sent."),
        choices=choices(
            [
                (part.key, _l("Part %(n)s: %(title)s", n=part.number, title=part.title))
                for part in PARTS
            ]
        ),
        validators=[Required(_l("Select at least one part to share"))],
    )
