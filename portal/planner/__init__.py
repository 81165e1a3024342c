"""The My CTR Planner: a private, printable booklet to get ready for a review."""

from flask import Blueprint

bp = Blueprint("planner", __name__, url_prefix="/my-review-planner")

from . import views  # noqa: E402, F401 - routes register on import
