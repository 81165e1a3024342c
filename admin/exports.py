"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/exports")
@requires_role(*roles.REGISTER)
def exports():
    return render_template("admin/placeholder.html", heading="exports")
