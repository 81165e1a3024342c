from datetime import date

from flask import redirect, render_template

from .. import credits as credit_list
from . import bp
from .destinations import BY_KEY
from .forms import StartForm

# When the accessibility statement was last reviewed.
STATEMENT_DATE = date(2026, 11, 22)


@bp.route("/", methods=["GET", "POST"])
def start():
    form = StartForm()
    if form.validate_on_submit():
        return redirect(BY_KEY[form.goal.data].path, code=303)
    status = 400 if form.is_submitted() else 200
    return render_template("public/start.html", form=form), status


@bp.route("/accessibility")
def accessibility():
    return render_template("public/accessibility.html", statement_date=STATEMENT_DATE)


@bp.route("/privacy")
def privacy():
    return render_template("public/privacy.html")


@bp.route("/contact")
def contact():
    return render_template("public/contact.html")


@bp.route("/credits")
def credits():
    return render_template(
        "public/credits.html",
        picture_credits=credit_list.pictures(),
        software_credits=credit_list.SOFTWARE,
    )
