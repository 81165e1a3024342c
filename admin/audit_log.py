"""The audit log, for administrators: who viewed or changed what, and when, newest first,
searchable by what happened, the kind of record, its number, who and when. Looking at
the log is itself audited, with the names of the filters used (never their values)."""

import json

from flask import current_app, render_template, request, url_for
from flask_babel import format_datetime, format_number, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.services import audit, audit_search
from portal.services.clock import aware

from . import bp, paging, roles
from .audit_forms import ACTION_NAMES, SUBJECT_NAMES, AuditFilterForm
from .guard import requires_role, role_allows
from .sessions import actor

# The page that shows each kind of record, and the name of its id in the URL.
RECORD_PAGES = {
    "register_entry": ("admin.entry", "entry_id"),
    "review": ("admin.register_review", "review_id"),
    "referral": ("admin.queue_item", "referral_id"),
    "feedback": ("admin.feedback_inbox_item", "feedback_id"),
    "staff": ("admin.staff_member", "member_id"),
    "area_settings": ("admin.settings", None),
    "language": ("admin.languages", None),
}


# The search's fields render the same for every search with the same values, and NHS.UK
# macros are slow (a date input costs milliseconds): keep each rendering, up to a limit.
# (The "who" list is left out: its choices change when staff join.)
FIELD_HTML = {}
FIELD_HTML_LIMIT = 500


@bp.app_template_global()
def audit_field(field, params=None):
    if field.errors:
        return field(params)
    value = getattr(field, "raw", None) or field.data
    key = (field.name, str(get_locale()), repr(value), json.dumps(params, sort_keys=True))
    html = FIELD_HTML.get(key)
    if html is None:
        html = field(params)
        if len(FIELD_HTML) < FIELD_HTML_LIMIT:
            FIELD_HTML[key] = html
    return html


def record_link(subject_type, subject_id, role):
    """A link to the record's page, only when this role may open it (administrators may
    not open people's records: they see the ids)."""
    endpoint, key = RECORD_PAGES.get(subject_type, (None, None))
    if endpoint not in current_app.view_functions:
        return None
    if not role_allows(endpoint, role):
        return None
    if key is None:
        return url_for(endpoint)
    return url_for(endpoint, **{key: subject_id}) if subject_id is not None else None


def who(actor_code, names, role):
    """(name, link or None) for an audit row's actor."""
    member_id = audit_search.staff_id(actor_code)
    if member_id is None:
        if actor_code == audit_search.PUBLIC:
            return _("Public"), None
        if actor_code == audit_search.PORTAL:
            return _("Portal"), None
        return actor_code, None
    if member_id not in names:
        return _("Staff member %(number)s (no longer known)", number=member_id), None
    return names[member_id], record_link("staff", member_id, role)


def detail_text(detail):
    """The row's detail (ids, codes and counts only) as short "name: value" parts."""
    parts = []
    for key, value in (detail or {}).items():
        if isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value) or _("none")
        elif value is None:
            value = _("none")
        parts.append(f"{key}: {value}")
    return parts


def present(row, names, role):
    name, name_link = who(row.actor, names, role)
    return {
        "id": row.id,
        "when": format_datetime(aware(row.at), "d MMM y HH:mm"),
        "who": name,
        "who_link": name_link,
        "action": row.action,
        "action_name": ACTION_NAMES.get(row.action),
        "subject": SUBJECT_NAMES.get(row.subject_type, row.subject_type),
        "subject_id": row.subject_id,
        "subject_link": record_link(row.subject_type, row.subject_id, role),
        "detail": detail_text(row.detail),
    }


def filters_from(form):
    number = (form.subject_id.data or "").strip()
    return audit_search.Filters(
        action=form.action.data or None,
        subject_type=form.subject_type.data or None,
        subject_id=int(number) if number else None,
        actor=form.actor.data or None,
        start=form.start.data,
        end=form.end.data,
    )


def pagination(found):
    if found.number == 1 and not found.has_next:
        return None
    return {
        "previous": {
            "href": paging.page_url("admin.audit_log", found.number - 1),
            "text": _("Previous"),
            "labelText": _("Newer events"),
        }
        if found.number > 1
        else None,
        "next": {
            "href": paging.page_url("admin.audit_log", found.number + 1),
            "text": _("Next"),
            "labelText": _("Older events"),
        }
        if found.has_next
        else None,
        "ariaLabel": _("Pages of the audit log"),
    }


@bp.route("/audit")
@requires_role(*roles.ADMIN)
def audit_log():
    form = AuditFilterForm(formdata=request.args)
    form.set_actor_choices(
        audit_search.staff_choices(),
        anyone=_("Anyone"),
        public=_("Public"),
        disabled=_("disabled"),
        number=_("account"),
    )
    if not form.validate():
        return render_template("admin/audit/list.html", form=form, found=None), 400
    try:
        number = max(1, int(request.args.get("page", "1")))
    except ValueError:
        number = 1
    filters = filters_from(form)
    found = audit_search.search(filters, number)
    names = audit_search.staff_names(row.actor for row in found.rows)
    rows = [present(row, names, current_user.role) for row in found.rows]
    # After the search, so this row shows on the next page load, not this one.
    audit.record(
        "audit.searched",
        "audit_event",
        actor=actor(current_user),
        filters=filters.used(),
        page=found.number,
    )
    db.session.commit()
    return render_template(
        "admin/audit/list.html",
        form=form,
        found=found,
        rows=rows,
        filtered=bool(filters.used()),
        pagination=pagination(found),
        first_page_url=paging.page_url("admin.audit_log", 1),
        showing=_(
            "Showing %(first)s to %(last)s of %(total)s",
            first=format_number(found.first),
            last=format_number(found.last),
            total=format_number(found.total),
        ),
    )
