"""The staff side. Every view needs sign-in, multi-factor authentication and the right role;
the guard runs before every request to this blueprint, so a new view cannot forget it."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/staff", template_folder="templates")

from . import guard, views  # noqa: E402, F401 - registers the guard and routes
