"""Signing in (password, then a code from an authenticator app), setting the app up on
first sign-in, accepting an invitation, and signing out.

Between the password and the code, the session holds only the member's id and when the
password was right: never the authenticator secret, as the session cookie is readable."""

import time

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.forms import PortalForm
from portal.models import StaffMember
from portal.services import audit, mfa, staff
from portal.services.area import current_area

from . import bp, sessions
from .auth_forms import ChoosePasswordForm, CodeForm, InviteCodeForm, SignInForm
from .guard import TIMED_OUT_KEY

PENDING_KEY = "staff_pending"
PENDING_SECONDS = 300
WRONG_DETAILS = _l("Enter a correct email address and password")
LOCKED = _l(
    "This account is locked for 15 minutes after too many wrong tries. "
    "Try again later, or ask an administrator to unlock it."
)
WRONG_CODE = _l("That code is not right. Enter the 6 numbers your app shows now")
USED_CODE = _l("That code has been used. Wait for your app to show a new code")


def pending_member():
    """The member whose password was right in the last few minutes, or None."""
    pending = session.get(PENDING_KEY) or {}
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        session.pop(PENDING_KEY, None)
        return None
    member = db.session.get(StaffMember, pending.get("id", 0))
    return member if member is not None and member.is_active else None


def start_pending(member):
    session.clear()
    session[PENDING_KEY] = {"id": member.id, "at": int(time.time())}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    timed_out = session.pop(TIMED_OUT_KEY, False)
    if form.validate_on_submit():
        member = staff.by_email(form.email.data)
        if member is not None and staff.is_locked(member):
            staff.verify_password(None, "")  # the same time as any other refusal
            form.email.errors.append(LOCKED)
        elif (
            member is not None
            and member.is_active
            and staff.verify_password(member, form.password.data)
        ):
            start_pending(member)
            target = "admin.sign_in_code" if member.totp_confirmed else "admin.set_up_mfa"
            return redirect(url_for(target), 303)
        else:
            if member is not None and member.is_active:
                staff.failed_attempt(member, "password")
            form.email.errors.append(WRONG_DETAILS)
    form.password.data = ""
    status = 400 if form.is_submitted() else 200
    return render_template("admin/sign_in.html", form=form, timed_out=timed_out), status


def check_code(member, form):
    """Check the code; on success start the session. Returns True when signed in."""
    if staff.is_locked(member):
        form.code.errors.append(LOCKED)
        return False
    result = mfa.check(member, form.code.data)
    if result is mfa.Check.OK:
        member.totp_confirmed = True
        sessions.start(member)
        return True
    form.code.errors.append(USED_CODE if result is mfa.Check.REUSED else WRONG_CODE)
    staff.failed_attempt(member, "code")
    return False


@bp.route("/sign-in/code", methods=["GET", "POST"])
def sign_in_code():
    member = pending_member()
    if member is None or not member.totp_confirmed:
        return redirect(url_for("admin.sign_in"))
    form = CodeForm()
    if form.validate_on_submit() and check_code(member, form):
        return redirect(url_for("admin.dashboard"), 303)
    status = 400 if form.is_submitted() else 200
    return render_template("admin/auth/code.html", form=form), status


@bp.route("/set-up-authenticator", methods=["GET", "POST"])
def set_up_mfa():
    member = pending_member()
    if member is None or member.totp_confirmed:
        return redirect(url_for("admin.sign_in"))
    if not member.totp_secret:
        member.totp_secret = mfa.new_secret()
        db.session.commit()
    form = CodeForm()
    if form.validate_on_submit() and check_code(member, form):
        audit.record("staff.mfa_set_up", "staff", member.id, actor=sessions.actor(member))
        db.session.commit()
        return redirect(url_for("admin.dashboard"), 303)
    issuer = f"{current_area().name} DSR portal"
    uri = mfa.provisioning_uri(member.totp_secret, member.email, issuer)
    label = _l("QR code to add %(issuer)s to your authenticator app", issuer=issuer)
    status = 400 if form.is_submitted() else 200
    return render_template(
        "admin/auth/set_up.html",
        form=form,
        qr=mfa.qr_svg(uri, label),
        key=mfa.grouped(member.totp_secret),
        issuer=issuer,
    ), status


@bp.route("/invite", methods=["GET", "POST"])
def accept_invite():
    """An invited member opens their link, chooses a password, then sets up the app."""
    if request.method == "GET":
        form = InviteCodeForm(formdata=None, code=request.args.get("code", ""))
        return render_template("admin/auth/invite_open.html", form=form)
    code = request.form.get("code", "").strip()
    member = staff.by_invite(code) if code else None
    if "password" not in request.form:
        form = InviteCodeForm()
        if form.validate_on_submit() and member is not None:
            choose = ChoosePasswordForm(formdata=None, code=code, member=member)
            return render_template("admin/auth/invite_password.html", form=choose)
        if form.is_submitted() and not form.code.errors:
            form.code.errors.append(
                _l("That link does not work. Ask an administrator for a new one")
            )
        return render_template("admin/auth/invite_open.html", form=form), 400
    if member is None:
        abort(400)
    form = ChoosePasswordForm(member=member)
    if form.validate_on_submit():
        staff.accept_invite(member, form.password.data)
        db.session.commit()
        start_pending(member)
        return redirect(url_for("admin.set_up_mfa"), 303)
    form.password.data = form.confirm.data = ""
    return render_template("admin/auth/invite_password.html", form=form), 400


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    PortalForm().validate_on_submit() or abort(400)
    member_id = session.get("_user_id")
    if member_id and sessions.SESSION_KEY in session:
        audit.record("staff.signed_out", "staff", int(member_id), actor=f"staff:{member_id}")
    sessions.end()
    return redirect(url_for("admin.signed_out"), 303)


@bp.route("/signed-out")
def signed_out():
    return render_template("admin/auth/signed_out.html")
