"""Forms: the NHS.UK widget layer for WTForms and shared validators."""

from flask_wtf import FlaskForm


class PortalForm(FlaskForm):
    """A form that can list its errors for the NHS error summary."""

    # Labels to use when the person fills in the form about themselves: {field: text}.
    YOU = {}

    def speak_to_the_person(self):
        for name, text in self.YOU.items():
            self[name].label.text = text
        return self

    def error_summary(self):
        return [
            {"text": field.errors[0], "href": "#" + getattr(field, "error_anchor", field.id)}
            for field in self
            if field.errors
        ]
