from flask import abort, current_app, g, redirect, request, session, url_for
from flask_login import current_user

from portal.extensions import db, login_manager
from portal.models import StaffMember

from . import bp, sessions

# Views anyone may reach: the ways in.
OPEN_ENDPOINTS = {
    "admin.sign_in",
    "admin.sign_in_code",
    "admin.set_up_mfa",
    "admin.accept_invite",
    "admin.signed_out",
    "admin.sign_out",
}
TIMED_OUT_KEY = "staff_timed_out"


def requires_role(*roles):
    """Mark a view as open only to these roles (any signed-in staff role when unmarked)."""

    def mark(view):
        view.allowed_roles = frozenset(roles)
        return view

    return mark


def role_allows(endpoint, role):
    view = current_app.view_functions.get(endpoint)
    allowed = getattr(view, "allowed_roles", None)
    return allowed is None or role in allowed


@login_manager.user_loader
def load_staff(staff_id):
    member = db.session.get(StaffMember, int(staff_id))
    return member if member and member.is_active else None


@bp.before_request
def guard():
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    member = current_user if current_user.is_authenticated else None
    if sessions.current(member) is None:
        # A half-done sign-in (password right, code not yet) is left alone.
        if sessions.SESSION_KEY in session:
            sessions.end()
            if g.get("staff_session_idle"):
                session[TIMED_OUT_KEY] = True
        return redirect(url_for("admin.sign_in"))
    if not role_allows(request.endpoint, current_user.role):
        abort(403)
    return None


@bp.after_request
def never_cache(response):
    response.headers["Cache-Control"] = "no-store"
    return response
