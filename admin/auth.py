"""Signing in and out (sign-in pages are being built)."""

from flask import abort, redirect, render_template, url_for

from portal.forms import PortalForm

from . import bp, sessions


@bp.route("/sign-in")
def sign_in():
    return render_template("admin/sign_in.html")


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    PortalForm().validate_on_submit() or abort(400)
    sessions.end()
    return redirect(url_for("admin.sign_in"), 303)
