"""The staff menu: only what the signed-in member's role may open, taken from the same
marks the route guard reads, so the menu can never offer a page the guard refuses."""

from flask import request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from . import bp
from .guard import role_allows

ROLE_NAMES = {
    "triager": _l("Triager"),
    "register_manager": _l("Register manager"),
    "administrator": _l("Administrator"),
}

MENU = (
    ("admin.dashboard", _l("Dashboard")),
    ("admin.queue", _l("Triage queue")),
    ("admin.register", _l("Register")),
    ("admin.feedback_inbox", _l("Feedback")),
    ("admin.exports", _l("Exports")),
    ("admin.staff_list", _l("Staff")),
    ("admin.settings", _l("Local area settings")),
    ("admin.languages", _l("Languages")),
    ("admin.audit_log", _l("Audit log")),
)


def staff_nav():
    items = []
    for endpoint, text in MENU:
        if role_allows(endpoint, current_user.role):
            item = {"href": url_for(endpoint), "text": text}
            if request.endpoint == endpoint:
                item["current"] = True
            elif (request.endpoint or "").startswith(endpoint + "_"):
                item["active"] = True
            items.append(item)
    return items


def role_name(role):
    return ROLE_NAMES.get(role, role)


@bp.app_context_processor
def menu_helpers():
    return {"staff_nav": staff_nav, "role_name": role_name}
