"""The local area's settings: the saved row, or the configured defaults until one is saved."""

from flask import current_app, g

from ..extensions import db
from ..models import AreaSettings

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
