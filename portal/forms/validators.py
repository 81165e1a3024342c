"""Validators whose messages say what to do, in plain words."""

import re
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


class NHSNumber:
    """Optional; when given, 10 digits with a correct check digit (spaces allowed)."""

    def __call__(self, form, field):
        import nhs_number

        if not field.data or not field.data.strip():
            field.data = None
            return
        digits = "".join(ch for ch in field.data if not ch.isspace())
        if not digits.isdigit() or len(digits) != 10:
            raise ValidationError(_l("NHS number must be 10 numbers, like 943 476 5919"))
        if not nhs_number.is_valid(digits):
            raise ValidationError(
                _l("This is not a valid NHS number. Check the numbers, or leave it empty")
            )
        field.data = digits


class Postcode:
    PATTERN = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")

    def __call__(self, form, field):
        if not field.data:
            return
        cleaned = " ".join(field.data.upper().split())
        if not self.PATTERN.match(cleaned):
            raise ValidationError(_l("Enter a real postcode, like LS1 4HR"))
        field.data = cleaned[:-3].strip() + " " + cleaned[-3:]


class Phone:
    def __call__(self, form, field):
        if not field.data:
            return
        digits = [ch for ch in field.data if ch.isdigit()]
        allowed = set("0123456789 +()-")
        if not set(field.data) <= allowed or not 10 <= len(digits) <= 15:
            raise ValidationError(_l("Enter a phone number, like 01632 960 001 or 07700 900 982"))


class Email:
    def __call__(self, form, field):
        from email_validator import EmailNotValidError, validate_email

        if not field.data:
            return
        try:
            field.data = validate_email(field.data.strip(), check_deliverability=False).normalized
        except EmailNotValidError as error:
            raise ValidationError(
                _l("Enter an email address in the right format, like name@example.com")
            ) from error


class RequiredIf:
    """Required when another field's answer includes a value (a follow-up question)."""

    def __init__(self, other, value, message):
        self.other, self.value, self.message = other, value, message

    def __call__(self, form, field):
        other = form[self.other].data
        chosen = self.value in other if isinstance(other, list) else other == self.value
        if chosen and not (field.data or "").strip():
            raise StopValidation(self.message)
