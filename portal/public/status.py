"""Check my request or change my consent: find a request by its reference and the person's
date of birth (or a private link), see where it is, and withdraw consent."""

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..forms import PortalForm
from ..forms.fields import DateField, StringField
from ..forms.validators import Required
from ..models import Referral
from ..services import referrals
from .referral.wording import status_text

bp = Blueprint("status", __name__, url_prefix="/my-request")
ACCESS = "status:referral"
TOO_MANY = _l("Too many tries with that reference number. Wait an hour, or phone the team.")
# Statuses staff set when they finish with a withdrawal of consent.
FINISHED_WITHDRAWAL = {
    "dealt_with": _l("Consent was withdrawn. The team has finished with this request."),
    "removed_from_register": _l("The person has come off the register, as asked."),
}


def status_words(status):
    return FINISHED_WITHDRAWAL.get(status) or status_text(status)


class LookupForm(PortalForm):
    reference = StringField(
        _l("Reference number"),
        description=_l("For example, DSR-AB23-CD45 or REV-AB23-CD45. It is on your confirmation."),
        validators=[Required(_l("Enter your reference number"))],
    )
    date_of_birth = DateField(
        _l("The person's date of birth"),
        description=_l("For example, 27 3 2009"),
        thing=_l("date of birth"),
        validators=[Required(_l("Enter the person's date of birth"))],
    )


class LinkForm(PortalForm):
    code = StringField(_l("Code"), validators=[Required(_l("Enter the code from your link"))])


def allowed_referral():
    referral_id = session.get(ACCESS)
    referral = db.session.get(Referral, referral_id) if referral_id else None
    if referral is None:
        abort(redirect(url_for("status.lookup")))
    return referral


def let_in(referral):
    session[ACCESS] = referral.id
    return redirect(url_for("status.show"), 303)


@bp.route("", methods=["GET", "POST"])
def lookup():
    form = LookupForm()
    if form.validate_on_submit():
        try:
            referral = referrals.find(form.reference.data, form.date_of_birth.data)
        except referrals.TooManyTries:
            form.reference.errors.append(TOO_MANY)
        else:
            if referral:
                return let_in(referral)
            form.reference.errors.append(
                _l("We could not find a request with that reference number and date of birth")
            )
    status = 400 if form.is_submitted() else 200
    return render_template("status/lookup.html", form=form), status


@bp.route("/link", methods=["GET", "POST"])
def open_link():
    form = LinkForm()
    if request.method == "GET":
        form.code.data = request.args.get("code", "")
        return render_template("status/link.html", form=form)
    if form.validate_on_submit():
        referral = referrals.find_by_token(form.code.data.strip())
        if referral:
            return let_in(referral)
        form.code.errors.append(_l("That link does not work. Use your reference number instead."))
    return render_template("status/link.html", form=form), 400


@bp.route("/status")
def show():
    referral = allowed_referral()
    referrals.viewed(referral)
    return render_template(
        "status/show.html", referral=referral, form=PortalForm(), status_text=status_words
    )


@bp.route("/withdraw", methods=["GET", "POST"])
def withdraw():
    referral = allowed_referral()
    form = PortalForm()
    if form.validate_on_submit():
        referrals.withdraw_consent(referral)
        return redirect(url_for("status.show"), 303)
    return render_template("status/withdraw.html", referral=referral, form=form)


@bp.route("/done", methods=["POST"])
def done():
    PortalForm().validate_on_submit() or abort(400)
    session.pop(ACCESS, None)
    return redirect(url_for("public.start"), 303)
