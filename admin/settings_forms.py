"""The local area settings form: every contact and promise the public pages show."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import StopValidation

from portal.forms import PortalForm
from portal.forms.fields import EmailField, RadioField, StringField, TelField, TextAreaField
from portal.forms.validators import Email, MaxLength, Phone, Required
from portal.public.referral.forms import choices


class DaysField(StringField):
    """A whole number of days, kept as typed so a wrong answer comes back unchanged."""

    def nhs_params(self):
        return {
            **super().nhs_params(),
            "inputmode": "numeric",
            "classes": "nhsuk-input--width-3",
            "suffix": {"text": _l("days")},
        }


class WholeDays:
    def __init__(self, low, high):
        self.low, self.high = low, high

    def __call__(self, form, field):
        text = (field.data or "").strip()
        message = _l(
            "Enter a whole number of days from %(low)s to %(high)s", low=self.low, high=self.high
        )
        if not text.isdigit() or not self.low <= int(text) <= self.high:
            field.errors[:] = []
            raise StopValidation(message)


class NeededWith:
    """Needed when another field has something in it (a crisis line needs a number)."""

    def __init__(self, other, message):
        self.other, self.message = other, message

    def __call__(self, form, field):
        if (form[self.other].data or "").strip() and not (field.data or "").strip():
            raise StopValidation(self.message)


def text(label, hint, limit, required=None):
    checks = [Required(required)] if required else []
    return StringField(label, description=hint, validators=[*checks, MaxLength(limit, label)])


def email(label, hint, required=None):
    checks = [Required(required)] if required else []
    return EmailField(label, description=hint, validators=[*checks, Email(), MaxLength(320, label)])


def phone(label, hint, required=None, checks=()):
    first = [Required(required)] if required else list(checks)
    return TelField(label, description=hint, validators=[*first, Phone(), MaxLength(40, label)])


def days(label, hint, high):
    return DaysField(label, description=hint, validators=[WholeDays(1, high)])


YES_NO = (("yes", _l("Yes")), ("no", _l("No")))

# The form's sections: (heading, fields), so the template and the tests share one order.
SECTIONS = (
    (_l("The local area"), ("name", "team_name", "is_demo")),
    (_l("How to contact the team"), ("contact_email", "contact_phone", "office_hours")),
    (_l("Local crisis line"), ("crisis_line_name", "crisis_line_phone", "crisis_line_hours")),
    (_l("Advocacy"), ("advocacy_name", "advocacy_phone", "advocacy_email")),
    (_l("Complaints"), ("complaints_route", "complaints_email", "complaints_phone")),
    (_l("How soon the team answers"), ("referral_response_days", "review_request_response_days")),
    (
        _l("When the register entry is looked at again"),
        ("review_days_red", "review_days_amber", "review_days_green", "review_days_blue"),
    ),
)
NUMBERS = (
    "referral_response_days",
    "review_request_response_days",
    "review_days_red",
    "review_days_amber",
    "review_days_green",
    "review_days_blue",
)


class SettingsForm(PortalForm):
    name = text(
        _l("Name of the local area"),
        _l("Shown at the foot of every page, and in the privacy notice."),
        200,
        _l("Enter the name of the local area"),
    )
    team_name = text(
        _l("Name of the team"),
        _l("Shown on the public start page, the contact page and in confirmations."),
        200,
        _l("Enter the name of the team"),
    )
    is_demo = RadioField(
        _l("Is this a demonstration site?"),
        description=_l(
            "Yes shows a banner on every page saying it is a test version, for made-up people only."
        ),
        choices=choices(YES_NO),
        validators=[Required(_l("Select yes if this is a demonstration site"))],
    )
    contact_email = email(
        _l("Team email address"),
        _l("Shown on the contact page, the privacy notice, Easy Read pages and the planner."),
        _l("Enter the team's email address"),
    )
    contact_phone = phone(
        _l("Team phone number"),
        _l("Shown on the contact page, in confirmations and on error pages."),
        _l("Enter the team's phone number"),
    )
    office_hours = text(
        _l("Office hours"),
        _l("For example, Monday to Friday, 9am to 5pm. Shown beside the team's phone number."),
        200,
        _l("Enter the office hours"),
    )
    crisis_line_name = text(
        _l("Crisis line name (optional)"),
        _l("Shown beside 999 and NHS 111 in the crisis box on every public page."),
        200,
    )
    crisis_line_phone = phone(
        _l("Crisis line phone number (optional)"),
        _l("The crisis box shows the local line only when this has a number."),
        checks=[
            NeededWith(
                "crisis_line_name",
                _l("Enter the crisis line's phone number, or leave its name empty"),
            )
        ],
    )
    crisis_line_hours = text(
        _l("When the crisis line is open (optional)"),
        _l("For example, 24 hours a day. Shown after the crisis line's number."),
        200,
    )
    advocacy_name = text(
        _l("Advocacy service name (optional)"),
        _l("Shown on the contact page, when asking for help, in Easy Read and the planner."),
        200,
    )
    advocacy_phone = phone(_l("Advocacy phone number (optional)"), None)
    advocacy_email = email(_l("Advocacy email address (optional)"), None)
    complaints_route = TextAreaField(
        _l("How to complain (optional)"),
        description=_l("Shown on the contact page, after feedback and after asking for a review."),
        validators=[MaxLength(2000, _l("How to complain"))],
    )
    complaints_email = email(_l("Complaints email address (optional)"), None)
    complaints_phone = phone(_l("Complaints phone number (optional)"), None)
    referral_response_days = days(
        _l("Working days to answer a request for support"),
        _l("Shown on the start and confirmation pages of asking for support."),
        60,
    )
    review_request_response_days = days(
        _l("Working days to answer a request for a review"),
        _l("Shown on the start and confirmation pages of asking for a review."),
        60,
    )
    review_days_red = days(
        _l("Rated red"),
        _l(
            "Days until a register entry rated red is looked at again. Used for its next "
            "review date whenever it is rated red."
        ),
        365,
    )
    review_days_amber = days(
        _l("Rated amber"),
        _l(
            "Days until a register entry rated amber is looked at again. Used for its next "
            "review date whenever it is rated amber."
        ),
        365,
    )
    review_days_green = days(
        _l("Rated green"),
        _l(
            "Days until a register entry rated green is looked at again. Used for its next "
            "review date whenever it is rated green."
        ),
        365,
    )
    review_days_blue = days(
        _l("Rated blue"),
        _l(
            "Days until a register entry rated blue is looked at again. Used for its next "
            "review date whenever it is rated blue."
        ),
        365,
    )

    @classmethod
    def from_area(cls, area, fields):
        data = {name: getattr(area, name) for name in fields}
        data["is_demo"] = "yes" if area.is_demo else "no"
        data.update({name: str(data[name]) for name in NUMBERS})
        return cls(data=data)

    def values(self, fields):
        """The typed answers as the settings row stores them."""
        values = {}
        for name in fields:
            value = self[name].data
            if name in NUMBERS:
                value = int(value.strip())
            elif name == "is_demo":
                value = value == "yes"
            else:
                value = (value or "").strip()
            values[name] = value
        return values
