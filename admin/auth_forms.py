"""Forms for signing in, setting up the authenticator, and accepting an invitation."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from portal.forms import PortalForm
from portal.forms.fields import EmailField, PasswordField, StringField
from portal.forms.validators import Required
from portal.services.staff import password_problem


class SignInForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[Required(_l("Enter your email address"))])
    password = PasswordField(_l("Password"), validators=[Required(_l("Enter your password"))])


class CodeForm(PortalForm):
    code = StringField(
        _l("Code from your authenticator app"),
        description=_l("The 6 numbers your app shows now, for example 123456"),
        validators=[Required(_l("Enter the 6 numbers from your authenticator app"))],
    )


class InviteCodeForm(PortalForm):
    code = StringField(_l("Code"), validators=[Required(_l("Enter the code from your link"))])


class ChoosePasswordForm(PortalForm):
    code = StringField(_l("Code"))
    password = PasswordField(
        _l("Choose a password"),
        description=_l(
            "At least 8 characters. A few unrelated words together are strong and easy to remember."
        ),
        validators=[Required(_l("Choose a password"))],
    )
    confirm = PasswordField(
        _l("Type the password again"), validators=[Required(_l("Type the password again"))]
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def validate_password(self, field):
        member = self.member
        problem = password_problem(
            field.data or "", member.email if member else "", member.name if member else ""
        )
        if problem:
            raise ValidationError(problem)

    def validate_confirm(self, field):
        if self.password.data and field.data != self.password.data:
            raise ValidationError(_l("The passwords do not match. Type the same password twice"))
