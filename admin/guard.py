from flask import abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from portal.extensions import db, login_manager
from portal.models import StaffMember

from . import bp

# Views anyone may reach: the way in.
OPEN_ENDPOINTS = {"admin.sign_in"}
MFA_SESSION_KEY = "staff_mfa_verified"


def requires_role(*roles):
    """Mark a view as open only to these roles (any signed-in staff role when unmarked)."""

    def mark(view):
        view.allowed_roles = frozenset(roles)
        return view

    return mark


@login_manager.user_loader
def load_staff(staff_id):
    member = db.session.get(StaffMember, int(staff_id))
    return member if member and member.is_active else None


@bp.before_request
def guard():
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if not current_user.is_authenticated or not session.get(MFA_SESSION_KEY):
        return redirect(url_for("admin.sign_in"))
    view = current_app.view_functions.get(request.endpoint)
    allowed = getattr(view, "allowed_roles", None)
    if allowed is not None and current_user.role not in allowed:
        abort(403)
    return None


@bp.after_request
def never_cache(response):
    response.headers["Cache-Control"] = "no-store"
    return response
