"""Forms: the NHS.UK widget layer for WTForms and shared validators."""

from flask_wtf import FlaskForm


class PortalForm(FlaskForm):
    """A form that can list its errors for the NHS error summary."""

    def error_summary(self):
        return [
            {"text": field.errors[0], "href": "#" + getattr(field, "error_anchor", field.id)}
            for field in self
            if field.errors
        ]
