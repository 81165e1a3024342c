"""Ask to go on the Dynamic Support Register."""

from flask import Blueprint

bp = Blueprint("referral", __name__, url_prefix="/ask-to-join-the-register")

from . import views  # noqa: E402, F401 - routes register on import
