from flask import render_template

from . import bp


@bp.route("/sign-in")
def sign_in():
    return render_template("admin/sign_in.html")


@bp.route("/")
def dashboard():
    return render_template("admin/dashboard.html")
