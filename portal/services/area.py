"""The local area's settings: the saved row, or the configured defaults until one is saved."""

from flask import current_app, g

from ..extensions import db
from ..models import AreaSettings
from . import audit

SETTINGS_ID = 1


def defaults():
    return dict(current_app.config["AREA_DEFAULTS"])


def current_area():
    """The settings for this request (read once per request)."""
    if "area" not in g:
        g.area = db.session.get(AreaSettings, SETTINGS_ID) or AreaSettings(
            id=SETTINGS_ID, **defaults()
        )
    return g.area


def ensure_saved():
    """Store the defaults as the area's settings if nothing is stored yet. Returns the row."""
    row = db.session.get(AreaSettings, SETTINGS_ID)
    if row is None:
        row = AreaSettings(id=SETTINGS_ID, **defaults())
        db.session.add(row)
        db.session.commit()
    return row


# Every setting an administrator can change (the form groups them in its own order).
FIELDS = (
    "name",
    "team_name",
    "contact_email",
    "contact_phone",
    "office_hours",
    "crisis_line_name",
    "crisis_line_phone",
    "crisis_line_hours",
    "advocacy_name",
    "advocacy_phone",
    "advocacy_email",
    "complaints_route",
    "complaints_email",
    "complaints_phone",
    "referral_response_days",
    "review_request_response_days",
    "review_days_red",
    "review_days_amber",
    "review_days_green",
    "review_days_blue",
    "is_demo",
)


def save(values, actor):
    """Store new settings (the row is made from the defaults first if there is none) and
    audit the names of the fields that changed, never their values. Returns those names;
    the caller commits."""
    row = db.session.get(AreaSettings, SETTINGS_ID)
    if row is None:
        row = AreaSettings(id=SETTINGS_ID, **defaults())
        db.session.add(row)
    changed = [name for name in FIELDS if name in values and getattr(row, name) != values[name]]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        audit.record("settings.changed", "area_settings", SETTINGS_ID, actor=actor, fields=changed)
    g.area = row  # the rest of this request sees the new values
    return changed
