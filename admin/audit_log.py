"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/audit")
@requires_role(*roles.ADMIN)
def audit_log():
    return render_template("admin/placeholder.html", heading="audit_log")
