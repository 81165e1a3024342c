"""The staff side. Every view needs sign-in, multi-factor authentication and the right role;
the guard runs before every request to this blueprint, so a new view cannot forget it."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/staff", template_folder="templates")

from . import (  # noqa: E402, F401 - registers the guard, the menu and the routes
    audit_log,
    auth,
    dashboard,
    exports,
    feedback,
    guard,
    languages,
    menu,
    register,
    reviews,
    settings,
    staff,
    triage,
)
