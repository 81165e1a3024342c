"""Validators whose messages say what to do, in plain words."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms.validators import StopValidation, ValidationError


class Required:
    """Stops with a message like "Enter your date of birth" when nothing was given."""

    def __init__(self, message):
        self.message = message
        self.field_flags = {}

    def __call__(self, form, field):
        data = field.data
        if data is None or (isinstance(data, str) and not data.strip()) or data == []:
            if not field.process_errors:  # a half-typed date already says what is missing
                field.errors[:] = []
                raise StopValidation(self.message)


class MaxLength:
    def __init__(self, limit, thing):
        self.limit, self.thing = limit, thing

    def __call__(self, form, field):
        if field.data and len(field.data) > self.limit:
            raise ValidationError(
                _l(
                    "%(thing)s must be %(limit)s characters or fewer",
                    thing=self.thing,
                    limit=self.limit,
                )
            )


class PastDate:
    def __init__(self, thing):
        self.thing = thing

    def __call__(self, form, field):
        if field.data and field.data > date.today():
            raise ValidationError(_l("%(thing)s must be in the past", thing=self.thing))
