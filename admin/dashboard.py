"""Placeholder until this area is built."""

from flask import render_template

from . import bp


@bp.route("/")
def dashboard():
    return render_template("admin/placeholder.html", heading="dashboard")
