"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/settings")
@requires_role(*roles.ADMIN)
def settings():
    return render_template("admin/placeholder.html", heading="settings")
