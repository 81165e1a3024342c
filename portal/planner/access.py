"""Which planner this browser has open.

Opening one (by creating it, or with its code and PIN) puts its id in the session. A
signed cookie remembers it on this device for as long as the planner is kept, so a
closed browser or a server restart loses nothing; with a PIN set, that cookie alone
only offers the PIN page. "Close my planner on this device" forgets both."""

from flask import after_this_request, current_app, request, session
from itsdangerous import BadSignature, URLSafeSerializer

from ..services import planners

OPEN = "planner:open"
COOKIE = "planner"


def _signer():
    return URLSafeSerializer(current_app.secret_key, salt="planner")


def remembered_id():
    signed = request.cookies.get(COOKIE)
    try:
        return _signer().loads(signed) if signed else None
    except BadSignature:
        return None


def current(for_update=False):
    """The planner open in this browser, or None."""
    planner_id = session.get(OPEN)
    if planner_id:
        planner = planners.find(planner_id, for_update=for_update)
        if planner is not None:
            return planner
        session.pop(OPEN, None)
    planner = planners.find(remembered_id(), for_update=for_update)
    if planner is not None and not planner.pin_hash:
        session[OPEN] = planner.id
        return planner
    return None


def locked_here():
    """A planner remembered on this device that needs its PIN to open."""
    if session.get(OPEN):
        return None
    planner = planners.find(remembered_id())
    return planner if planner is not None and planner.pin_hash else None


def open_here(planner):
    session[OPEN] = planner.id
    session.permanent = True
    value = _signer().dumps(planner.id)
    path = _path()

    @after_this_request
    def set_cookie(response):
        response.set_cookie(
            COOKIE,
            value,
            max_age=int(planners.lifetime().total_seconds()),
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
            path=path,
        )
        return response


def forget_here():
    for key in [k for k in session if k.startswith("planner:")]:
        session.pop(key)
    path = _path()

    @after_this_request
    def clear_cookie(response):
        response.delete_cookie(COOKIE, path=path)
        return response


def _path():
    from flask import url_for

    return url_for("planner.start")
