"""Forms for administrators managing staff accounts."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from portal.forms import PortalForm
from portal.forms.fields import EmailField, RadioField, StringField
from portal.forms.validators import Email, MaxLength, Required
from portal.services.staff import email_taken

from .menu import ROLE_NAMES

ROLE_HINTS = {
    "triager": _l("Works the triage queue: looks at requests, adds notes, changes their status."),
    "register_manager": _l(
        "Also adds people to the register, rates them, records reviews and exports."
    ),
    "administrator": _l("Manages staff accounts, local area settings and the audit log."),
}


def role_field(label):
    return RadioField(
        label,
        choices=[SelectChoice(role, name) for role, name in ROLE_NAMES.items()],
        validators=[Required(_l("Select a role"))],
    )


class InviteForm(PortalForm):
    name = StringField(
        _l("Full name"),
        validators=[Required(_l("Enter their full name")), MaxLength(200, _l("The name"))],
    )
    email = EmailField(
        _l("Work email address"),
        validators=[Required(_l("Enter their work email address")), Email()],
    )
    role = role_field(_l("Role"))

    def validate_email(self, field):
        if field.data and email_taken(field.data):
            raise ValidationError(_l("A staff member with that email address already exists"))


class RoleForm(PortalForm):
    role = role_field(_l("Change their role"))
