"""Placeholder until this area is built."""

from flask import render_template

from . import bp, roles
from .guard import requires_role


@bp.route("/queue")
@requires_role(*roles.QUEUE)
def queue():
    return render_template("admin/placeholder.html", heading="queue")
