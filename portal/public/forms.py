from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from ..forms import PortalForm
from ..forms.fields import RadioField, SubmitField
from ..forms.validators import Required
from .destinations import BY_KEY, DESTINATIONS


class StartForm(PortalForm):
    goal = RadioField(
        _l("What do you want to do?"),
        choices=[SelectChoice(d.key, d.title) for d in DESTINATIONS],
        choice_hints={d.key: d.hint for d in DESTINATIONS},
        validators=[Required(_l("Select what you want to do"))],
        # Checked below, with a plain message instead of WTForms' own.
        validate_choice=False,
    )
    submit = SubmitField(_l("Continue"))

    def validate_goal(self, field):
        if field.data not in BY_KEY:
            raise ValidationError(_l("Select what you want to do"))
