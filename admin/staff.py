"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/staff-members")
@requires_role(*roles.ADMIN)
def staff_list():
    return render_template("admin/placeholder.html", heading="staff_list")
