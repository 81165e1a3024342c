"""The Dynamic Support Register: the list (search, filters, pages), each person's record
(rating, minimum dataset, linked support), adding someone directly and coming off.
Register managers only. Every view and change of a record leaves an audit row; search
words never do (they may be names)."""

import json
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_number, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from portal.extensions import db
from portal.forms.fields import CheckboxesField, DateField, RadioField, TextAreaField
from portal.models import RegisterEntry, StaffMember
from portal.services import audit
from portal.services import register as register_service
from portal.services.area import current_area
from portal.services.register_search import SEVERITY, SORTS, Criteria, find
from portal.text import as_paragraphs

from . import bp, roles
from .guard import requires_role
from .languages import language_label
from .paging import pagination
from .register_forms import (
    AGE_GROUP_NAMES,
    RATING_MEANINGS,
    RATING_NAMES,
    RATING_TAGS,
    SECTIONS,
    SETTING_NAMES,
    FilterForm,
    LanguageField,
    NewEntryForm,
    RatingForm,
    RemoveForm,
    YesNoField,
)
from .sessions import actor


# Globals, so the register's macros can use them when imported without context.
@bp.app_template_global()
def rating_name(code):
    return RATING_NAMES.get(code, code)


@bp.app_template_global()
def rating_tag(code):
    return RATING_TAGS.get(code, "nhsuk-tag--grey")


@bp.app_template_global()
def setting_name(code):
    return SETTING_NAMES.get(code, code or "")


@bp.app_template_global()
def age_group_name(born):
    return AGE_GROUP_NAMES[register_service.age_group(born)]


# The list's filter controls render the same for everyone with the same choices, and the
# NHS.UK macros cost a few milliseconds each on every page: keep each state once rendered.
# (Never the search box: its value may be a name.)
FILTER_HTML = {}
FILTER_HTML_LIMIT = 1000


@bp.app_template_global()
def filter_field(field, params=None):
    if field.errors:
        return field(params)
    key = (field.name, str(get_locale()), repr(field.data), json.dumps(params, sort_keys=True))
    html = FILTER_HTML.get(key)
    if html is None:
        html = field(params)
        if len(FILTER_HTML) < FILTER_HTML_LIMIT:
            FILTER_HTML[key] = html
    return html


def staff_names(*actors):
    """{"staff:<id>": name} for every actor given, in one query (no query per row)."""
    ids = {int(a[6:]) for a in actors if a and a.startswith("staff:") and a[6:].isdigit()}
    found = {}
    if ids:
        query = select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(ids))
        found = dict(db.session.execute(query).all())
    names = {}
    for who in actors:
        if who and who.startswith("staff:") and who[6:].isdigit():
            names[who] = found.get(int(who[6:]), _("A former staff member"))
        else:
            names[who] = who
    return names


def entry_or_404(entry_id):
    entry = db.session.get(RegisterEntry, entry_id)
    if entry is None:
        abort(404)
    return entry


def viewed(entry, page, **detail):
    audit.record(
        "register.viewed",
        "register_entry",
        entry.id,
        actor=actor(current_user),
        page=page,
        **detail,
    )
    db.session.commit()


def history_only(entry):
    """A record of someone who has come off is kept as history: it cannot change."""
    flash(
        _(
            "%(name)s has come off the register. Their record is kept as history and cannot "
            "be changed.",
            name=f"{entry.first_name} {entry.last_name}",
        )
    )
    return redirect(url_for("admin.entry", entry_id=entry.id), 303)


# The list


def criteria_from(form, removed):
    return Criteria(
        text=form.q.data or "",
        ratings=tuple(r for r in SEVERITY if r in (form.rating.data or [])),
        age_group=form.age.data or None,
        setting=form.setting.data or None,
        overdue_review="review" in (form.overdue.data or []),
        overdue_action="action" in (form.overdue.data or []),
        removed=removed,
        sort=form.sort.data if form.sort.data in SORTS else "rating",
    )


@bp.route("/register")
@requires_role(*roles.REGISTER)
def register():
    removed = request.args.get("view") == "removed"
    form = FilterForm(formdata=request.args)
    valid = form.validate()
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        page = 1
    criteria = criteria_from(form, removed) if valid else Criteria(removed=removed)
    found = find(criteria, page)
    audit.record(
        "register.listed",
        "register_entry",
        actor=actor(current_user),
        view="removed" if removed else "active",
        page=found.number,
        results=found.total,
        # Which filters, never the words searched for: they may be someone's name.
        search=found.search_kind,
        ratings=list(criteria.ratings),
        age_group=criteria.age_group,
        setting=criteria.setting,
        overdue_review=criteria.overdue_review,
        overdue_action=criteria.overdue_action,
        sort=criteria.sort,
    )
    db.session.commit()
    return (
        render_template(
            "admin/register/list.html",
            form=form,
            found=found,
            removed=removed,
            today=date.today(),
            pagination=pagination(found, "admin.register", _("Pages of results")),
            searched=bool(criteria.filtered or criteria.ratings),
            removed_search_url=url_for(
                "admin.register",
                **{**request.args.to_dict(flat=False), "view": ["removed"], "page": ["1"]},
            ),
            showing=_(
                "Showing %(first)s to %(last)s of %(total)s",
                first=format_number(found.first),
                last=format_number(found.last),
                total=format_number(found.total),
            ),
        ),
        200 if valid else 400,
    )


# Adding someone directly


@bp.route("/register/new", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_new():
    form = NewEntryForm()
    if form.validate_on_submit():
        details = form.details()
        same = register_service.active_with_nhs_number(details["nhs_number"])
        if same is None:
            entry = register_service.add_directly(
                actor(current_user), form.rating.data, form.reason.data.strip(), **details
            )
            db.session.commit()
            flash(_("%(name)s is on the register.", name=f"{entry.first_name} {entry.last_name}"))
            return redirect(url_for("admin.entry", entry_id=entry.id), 303)
        form.nhs_number.errors.append(_("Someone with this NHS number is already on the register"))
    status = 400 if form.errors else 200
    return render_template("admin/register/new.html", form=form), status


# One person's record


def display(field, value):
    """How a stored value reads on the record page; None when nothing is recorded."""
    if value is None or value == [] or value == "":
        return None
    if isinstance(field, DateField):
        return format_date(value, "d MMMM y")
    if isinstance(field, YesNoField):
        return _("Yes") if value else _("No")
    if isinstance(field, LanguageField):
        return language_label(value)
    labels = (
        {str(v): str(text) for v, text, *_rest in field.iter_choices()}
        if hasattr(field, "iter_choices")
        else {}
    )
    if isinstance(field, CheckboxesField):
        items = Markup("").join(Markup("<li>{}</li>").format(labels.get(v, v)) for v in value)
        return Markup('<ul class="nhsuk-list nhsuk-list--bullet">{}</ul>').format(items)
    if isinstance(field, RadioField):
        return labels.get(str(value), value)
    if isinstance(field, TextAreaField):
        return as_paragraphs(value)
    return value


def section_rows(entry, key, section):
    form = section.form(obj=entry, meta={"csrf": False})
    if key == "support" and not keyworker_applies(entry) and not entry.keyworker_referral:
        del form["keyworker_referral"]
        del form["keyworker_referral_on"]
    rows = []
    for field in form:
        rows.append(
            {
                "key": field.label.text,
                "value": display(field, getattr(entry, field.name)),
                "href": url_for("admin.register_change", entry_id=entry.id, section=key)
                + "#"
                + field.error_anchor,
                "hidden": field.label.text,
            }
        )
    return rows


def extra_rows(entry, rows, names):
    """Facts shown with the dataset that are not changed there."""
    rows["identity"].insert(0, {"key": _("Reference"), "value": entry.reference, "href": None})
    at = next(
        i
        for i, row in enumerate(rows["identity"])
        if row["href"] and "date_of_birth" in row["href"]
    )
    rows["identity"].insert(
        at + 1,
        {
            "key": _("Age group"),
            "value": AGE_GROUP_NAMES[register_service.age_group(entry.date_of_birth)],
            "href": None,
        },
    )
    rows["dates"].insert(
        0,
        {
            "key": _("Added to the register"),
            "value": _(
                "%(date)s by %(who)s",
                date=format_date(entry.added_at, "d MMMM y"),
                who=names.get(entry.added_by, entry.added_by),
            ),
            "href": None,
        },
    )


def keyworker_applies(entry):
    """Keyworkers are for children and young people (under 18)."""
    return register_service.age_group(entry.date_of_birth) != "adult"


@bp.route("/register/<int:entry_id>")
@requires_role(*roles.REGISTER)
def entry(entry_id):
    entry = entry_or_404(entry_id)
    changes = entry.rating_changes
    names = staff_names(entry.added_by, entry.removed_by, *(c.by for c in changes))
    sections = [
        (key, section, section_rows(entry, key, section)) for key, section in SECTIONS.items()
    ]
    extra_rows(entry, {key: rows for key, _section, rows in sections}, names)
    viewed(entry, "record")
    return render_template(
        "admin/register/entry.html",
        entry=entry,
        changes=changes,
        names=names,
        sections=sections,
        keyworker_applies=keyworker_applies(entry),
        rating_meanings=RATING_MEANINGS,
        today=date.today(),
    )


@bp.route("/register/<int:entry_id>/rating", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_rating(entry_id):
    entry = entry_or_404(entry_id)
    if not entry.active:
        return history_only(entry)
    form = RatingForm()
    if form.validate_on_submit():
        register_service.rate(
            entry, form.rating.data, form.reason.data.strip(), actor(current_user)
        )
        db.session.commit()
        flash(
            _(
                "Rating changed to %(rating)s. The next register review is now %(date)s: "
                "the local default for %(rating)s is %(days)s days.",
                rating=RATING_NAMES[entry.rating],
                date=format_date(entry.next_review_on, "d MMMM y"),
                days=current_area().review_days(entry.rating),
            )
        )
        return redirect(url_for("admin.entry", entry_id=entry.id), 303)
    if request.method == "GET":
        viewed(entry, "rating")
    defaults = {code: current_area().review_days(code) for code in SEVERITY}
    return render_template(
        "admin/register/rating.html", entry=entry, form=form, review_days=defaults
    ), 400 if form.errors else 200


@bp.route("/register/<int:entry_id>/change/<section>", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_change(entry_id, section):
    entry = entry_or_404(entry_id)
    if section not in SECTIONS:
        abort(404)
    if not entry.active:
        return history_only(entry)
    chosen = SECTIONS[section]
    form = chosen.form() if request.method == "POST" else chosen.form(obj=entry)
    if section == "support" and not keyworker_applies(entry):
        del form["keyworker_referral"]
        del form["keyworker_referral_on"]
    if "language" in form:
        form.language.on_record = entry.language  # still offered if no longer configured
    if form.validate_on_submit():
        values = form.values()
        same = (
            register_service.active_with_nhs_number(values["nhs_number"], other_than=entry.id)
            if section == "identity"
            else None
        )
        if same is None:
            changed = register_service.update_details(entry, values, actor(current_user), section)
            db.session.commit()
            flash(_("Saved.") if changed else _("Nothing was changed."))
            return redirect(url_for("admin.entry", entry_id=entry.id) + f"#section-{section}", 303)
        form.nhs_number.errors.append(_("Someone else on the register has this NHS number"))
    if request.method == "GET":
        viewed(entry, "change", section=section)
    status = 400 if form.errors else 200
    return render_template(
        "admin/register/change.html",
        entry=entry,
        form=form,
        section=section,
        title=chosen.title,
        default_days=current_area().review_days(entry.rating),
    ), status


@bp.route("/register/<int:entry_id>/remove", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_remove(entry_id):
    """Coming off the register: a written reason, then a check, then it is done."""
    entry = entry_or_404(entry_id)
    if not entry.active:
        return history_only(entry)
    form = RemoveForm()
    if request.method == "GET":
        viewed(entry, "remove")
        return render_template("admin/register/remove.html", entry=entry, form=form)
    if not form.validate_on_submit():
        return render_template("admin/register/remove.html", entry=entry, form=form), 400
    if request.form.get("edit"):  # "Change the reason" on the check page
        return render_template("admin/register/remove.html", entry=entry, form=form)
    if request.form.get("confirm") != "yes":
        # First the reason; then the check page, which sends it back with confirm=yes.
        return render_template("admin/register/remove_check.html", entry=entry, form=form)
    register_service.remove(entry, form.reason.data.strip(), actor(current_user))
    db.session.commit()
    flash(
        _(
            "%(name)s has come off the register. Their record is kept as history.",
            name=f"{entry.first_name} {entry.last_name}",
        )
    )
    return redirect(url_for("admin.entry", entry_id=entry.id), 303)
