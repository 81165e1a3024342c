"""WTForms fields that render themselves with the matching NHS.UK frontend macro.

Templates call ``form.field(params)``; params are merged over what the field knows
(id, name, label, hint, value, error), so a template only says what differs.
"""

from datetime import date

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import fields
from wtforms.utils import unset_value
from wtforms.validators import ValidationError


def merge(base, extra):
    """Deep-merge two params dicts; values in extra win."""
    out = dict(base)
    for key, value in (extra or {}).items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def render_macro(component, macro_name, params):
    """Call an NHS.UK macro. Autoescaping is on for every template, .jinja included
    (templating.init_app), so what the macro returns is already escaped Markup."""
    template = current_app.jinja_env.get_template(f"nhsuk/components/{component}/macro.jinja")
    html = getattr(template.module, macro_name)(params)
    if not isinstance(html, Markup):
        raise RuntimeError("NHS.UK macros must render with autoescaping on")
    return html


class NHSField:
    """Mixin: the macro to call and the params every field of this kind needs."""

    component = "input"
    macro_name = "input"

    def error_params(self):
        if not self.errors:
            return {}
        # The macro's own hidden prefix is English: give it in the page's language.
        return {"errorMessage": {"text": self.errors[0], "visuallyHiddenText": _l("Error")}}

    def hint_params(self):
        return {"hint": {"text": self.description}} if self.description else {}

    def nhs_params(self):
        return {
            "id": self.id,
            "name": self.name,
            "label": {"text": self.label.text},
            **self.hint_params(),
            **self.error_params(),
        }

    @property
    def error_anchor(self):
        """The id the error summary links to: the first control of the field."""
        return self.id

    def __call__(self, params=None, **kwargs):
        return render_macro(self.component, self.macro_name, merge(self.nhs_params(), params))


class StringField(NHSField, fields.StringField):
    input_type = "text"

    def nhs_params(self):
        params = {**super().nhs_params(), "value": self._value(), "type": self.input_type}
        return params


class EmailField(StringField):
    input_type = "email"

    def nhs_params(self):
        return {**super().nhs_params(), "autocomplete": "email", "spellcheck": False}


class TelField(StringField):
    input_type = "tel"

    def nhs_params(self):
        return {**super().nhs_params(), "autocomplete": "tel"}


class PasswordField(NHSField, fields.PasswordField):
    component = "password-input"
    macro_name = "passwordInput"
    # The show and hide button's words; the macro's own are English.
    toggle_words = {
        "showPasswordText": _l("Show"),
        "hidePasswordText": _l("Hide"),
        "showPasswordAriaLabelText": _l("Show password"),
        "hidePasswordAriaLabelText": _l("Hide password"),
        "passwordShownAnnouncementText": _l("Your password is visible"),
        "passwordHiddenAnnouncementText": _l("Your password is hidden"),
    }

    def nhs_params(self):
        return {**super().nhs_params(), **{k: str(v) for k, v in self.toggle_words.items()}}


class PinField(PasswordField):
    toggle_words = {
        **PasswordField.toggle_words,
        "showPasswordAriaLabelText": _l("Show PIN"),
        "hidePasswordAriaLabelText": _l("Hide PIN"),
        "passwordShownAnnouncementText": _l("Your PIN is visible"),
        "passwordHiddenAnnouncementText": _l("Your PIN is hidden"),
    }


def by_plural_category(one, other):
    """The script picks a message by the browser's plural category for the page's
    language (Polish has "few" and "many" too): give every category the language has, so
    none falls back with a console warning. Translations word "other" to suit any count."""
    categories = {*get_locale().plural_form.tags, "other"}
    return {category: str(one if category == "one" else other) for category in categories}


class TextAreaField(NHSField, fields.TextAreaField):
    """A textarea; with max_length it becomes the NHS character count."""

    def __init__(self, *args, max_length=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = max_length

    def nhs_params(self):
        params = {**super().nhs_params(), "value": self._value(), "rows": 6}
        if self.max_length:
            params.update(
                maxlength=self.max_length,
                textareaDescriptionText=_l("You can enter up to %(count)s characters")
                % {"count": self.max_length},
                # NHS.UK frontend's script fills in %{count} as the person types.
                charactersUnderLimitText=by_plural_category(
                    _l("You have %{count} character remaining"),
                    _l("You have %{count} characters remaining"),
                ),
                charactersAtLimitText=str(_l("You have 0 characters remaining")),
                charactersOverLimitText=by_plural_category(
                    _l("You have %{count} character too many"),
                    _l("You have %{count} characters too many"),
                ),
            )
        return params

    def __call__(self, params=None, **kwargs):
        component, name = ("character-count", "characterCount")
        if not self.max_length:
            component, name = ("textarea", "textarea")
        return render_macro(component, name, merge(self.nhs_params(), params))


class ChoiceMixin(NHSField):
    """Radios and checkboxes: a fieldset whose legend is the field's label, and optional
    hint text under each choice."""

    def __init__(self, *args, choice_hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice_hints = choice_hints or {}

    def nhs_params(self):
        params = {
            "idPrefix": self.id,
            "name": self.name,
            "fieldset": {"legend": {"text": self.label.text, "size": "m"}},
            "items": [
                {"value": value, "text": label, "checked": self.is_chosen(value)}
                for value, label, *_ in self.iter_choices()
            ],
            **self.hint_params(),
            **self.error_params(),
        }
        for item in params["items"]:
            if item["value"] in self.choice_hints:
                item["hint"] = {"text": self.choice_hints[item["value"]]}
        return params


class RadioField(ChoiceMixin, fields.RadioField):
    component = "radios"
    macro_name = "radios"

    def is_chosen(self, value):
        return self.data is not None and str(value) == str(self.data)

    def pre_validate(self, form):
        # Replaces WTForms' own check, whose message is not plain or translated.
        allowed = {str(value) for value, *_ in self.iter_choices()}
        if self.data is not None and str(self.data) not in allowed:
            raise ValidationError(_l("Select one of the options shown"))


class CheckboxesField(ChoiceMixin, fields.SelectMultipleField):
    component = "checkboxes"
    macro_name = "checkboxes"

    def is_chosen(self, value):
        return str(value) in {str(v) for v in (self.data or [])}

    def pre_validate(self, form):
        # Replaces WTForms' own check, whose message is not plain English.
        allowed = {str(value) for value, *_ in self.iter_choices()}
        if any(str(value) not in allowed for value in self.data or []):
            raise ValidationError(_l("Select from the options shown"))


class SelectField(NHSField, fields.SelectField):
    component = "select"
    macro_name = "select"

    def nhs_params(self):
        return {
            **super().nhs_params(),
            "items": [
                {"value": value, "text": label, "selected": str(value) == str(self.data)}
                for value, label, *_ in self.iter_choices()
            ],
        }


class SubmitField(NHSField, fields.SubmitField):
    component = "button"
    macro_name = "button"

    def nhs_params(self):
        return {"text": self.label.text, "name": self.name, "value": "1", "type": "submit"}


class DateField(NHSField, fields.Field):
    """Day, month and year boxes, kept exactly as typed so nothing is lost on an error."""

    component = "date-input"
    macro_name = "dateInput"
    PARTS = ("day", "month", "year")

    def __init__(self, label=None, validators=None, thing=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.thing = thing or self.label.text.lower()
        self.raw = dict.fromkeys(self.PARTS, "")
        self.bad_parts = ()

    @property
    def error_anchor(self):
        return f"{self.id}-{(self.bad_parts or self.PARTS)[0]}"

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        self.bad_parts = ()
        keys = [f"{self.name}-{part}" for part in self.PARTS]
        if formdata is not None and any(key in formdata for key in keys):
            self.raw = {
                part: (formdata.get(key) or "").strip()
                for part, key in zip(self.PARTS, keys, strict=True)
            }
            self.data = self.parse()
            return
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.data = data if isinstance(data, date) else None
        if self.data:
            self.raw = {"day": str(data.day), "month": str(data.month), "year": str(data.year)}

    def parse(self):
        """Turn the typed parts into a date, or record a plain message about what is wrong."""
        missing = tuple(part for part in self.PARTS if not self.raw[part])
        if len(missing) == 3:
            return None
        if missing:
            self.bad_parts = missing
            self.process_errors.append(self.missing_message(missing))
            return None
        try:
            day, month, year = (int(self.raw[part]) for part in self.PARTS)
            if not 1000 <= year <= 9999:
                self.bad_parts = ("year",)
                raise ValueError
            return date(year, month, day)
        except (ValueError, OverflowError):  # a huge day or month overflows C's int
            self.bad_parts = self.bad_parts or self.PARTS
            self.process_errors.append(
                _l("%(thing)s must be a real date", thing=self.thing.capitalize())
                if self.bad_parts == self.PARTS
                else _l("Year must include 4 numbers")
            )
            return None

    def missing_message(self, missing):
        names = {"day": _l("a day"), "month": _l("a month"), "year": _l("a year")}
        if len(missing) == 1:
            return _l(
                "%(thing)s must include %(part)s",
                thing=self.thing.capitalize(),
                part=names[missing[0]],
            )
        return _l(
            "%(thing)s must include %(first)s and %(second)s",
            thing=self.thing.capitalize(),
            first=names[missing[0]],
            second=names[missing[1]],
        )

    def nhs_params(self):
        has_error = bool(self.errors)
        return {
            "id": self.id,
            "fieldset": {"legend": {"text": self.label.text, "size": "m"}},
            **self.hint_params(),
            **self.error_params(),
            "items": [
                {
                    "id": f"{self.id}-{part}",
                    "name": f"{self.name}-{part}",
                    "label": label,
                    "value": self.raw[part],
                    "width": 4 if part == "year" else 2,
                    "classes": "nhsuk-input--error"
                    if has_error and (not self.bad_parts or part in self.bad_parts)
                    else "",
                }
                for part, label in zip(
                    self.PARTS, (_l("Day"), _l("Month"), _l("Year")), strict=True
                )
            ],
        }
