from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from ..forms import PortalForm
from ..forms.fields import RadioField, SubmitField
from ..forms.validators import Required
from .destinations import DESTINATIONS


class StartForm(PortalForm):
    goal = RadioField(
        _l("What do you want to do?"),
        choices=[SelectChoice(d.key, d.title) for d in DESTINATIONS],
        choice_hints={d.key: d.hint for d in DESTINATIONS},
        validators=[Required(_l("Select what you want to do"))],
    )
    submit = SubmitField(_l("Continue"))
