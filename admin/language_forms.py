"""The form for recording that a qualified translator checked a language (withdrawing a
check is a plain PortalForm: only the CSRF token, the button is the decision)."""

from flask_babel import lazy_gettext as _l

from portal.forms import PortalForm
from portal.forms.fields import DateField, StringField
from portal.forms.validators import MaxLength, PastDate, Required

CHECKED_BY_LIMIT = 200  # the language_check.checked_by column


class CheckForm(PortalForm):
    checked_by = StringField(
        _l("Who checked it"),
        description=_l("The qualified translator's name, or their organisation's."),
        validators=[
            Required(_l("Enter who checked it")),
            MaxLength(CHECKED_BY_LIMIT, _l("Who checked it")),
        ],
    )
    checked_on = DateField(
        _l("The date it was checked"),
        description=_l("For example, 27 11 2026"),
        thing=_l("the date it was checked"),
        validators=[
            Required(_l("Enter the date it was checked")),
            PastDate(_l("The date it was checked")),
        ],
    )
