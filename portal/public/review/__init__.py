"""Ask for a Care (Education) and Treatment Review."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/ask-for-a-review")

from . import views  # noqa: E402, F401 - routes register on import
