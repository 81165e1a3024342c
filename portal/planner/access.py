"""Which planner this browser has open.

Opening one (by creating it, or with its code and PIN) puts its id in the session. A
signed cookie remembers it on this device for as long as the planner is kept, so a
closed browser or a server restart loses nothing; with a PIN set, that cookie alone
only offers the PIN page. "Close my planner on this device" forgets both."""

import hmac

from flask import after_this_request, current_app, request, session
from itsdangerous import BadSignature, URLSafeSerializer

from ..services import planners

OPEN = "planner:open"
COOKIE = "planner"


def _signer():
    return URLSafeSerializer(current_app.secret_key, salt="planner")


def remembered():
    """(planner id, access key) from the device's cookie, or None."""
    signed = request.cookies.get(COOKIE)
    try:
        return _signer().loads(signed) if signed else None
    except BadSignature:
        return None


def _find(pair, for_update=False):
    """The planner a stored (id, access key) names, if the key is still its key."""
    if not isinstance(pair, list) or len(pair) != 2:
        return None
    planner = planners.find(pair[0], for_update=for_update)
    if planner is None or not hmac.compare_digest(str(pair[1]), planner.access_key):
        return None
    return planner


def current(for_update=False):
    """The planner open in this browser, or None."""
    if session.get(OPEN):
        planner = _find(session[OPEN], for_update=for_update)
        if planner is not None:
            return planner
        session.pop(OPEN, None)
    planner = _find(remembered(), for_update=for_update)
    if planner is not None and not planner.pin_hash:
        session[OPEN] = [planner.id, planner.access_key]
        return planner
    return None


def locked_here(for_update=False):
    """A planner remembered on this device that needs its PIN to open."""
    if session.get(OPEN):
        return None
    planner = _find(remembered(), for_update=for_update)
    return planner if planner is not None and planner.pin_hash else None


def open_here(planner):
    session[OPEN] = [planner.id, planner.access_key]
    session.permanent = True
    value = _signer().dumps([planner.id, planner.access_key])
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
