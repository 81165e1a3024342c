"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/feedback")
@requires_role(*roles.REGISTER)
def feedback_inbox():
    return render_template("admin/placeholder.html", heading="feedback_inbox")
