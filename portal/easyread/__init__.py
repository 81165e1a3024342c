"""Easy-read explanations of the register and reviews, with read-aloud audio."""

from flask import Blueprint, render_template

from ..public.destinations import BY_KEY

bp = Blueprint("easyread", __name__)


@bp.route("/about")
def index():
    return render_template("public/coming_soon.html", destination=BY_KEY["about"])
