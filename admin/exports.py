"""Exports: the register as CSV or XLSX, an anonymised summary for reporting, and a
subject access export of everything held about one person.

A download changes nothing, but it is a view of personal data: each is a POST with a
CSRF token (so a link cannot start one) and leaves an audit row with its kind and row
count. Files are attachments with a dated name that holds no personal data."""

from datetime import date

from flask import (
    Response,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from portal.extensions import db
from portal.forms import PortalForm
from portal.forms.fields import CheckboxesField, DateField, RadioField
from portal.forms.validators import Required
from portal.models import RegisterEntry
from portal.services import audit, subject_access
from portal.services import exports_register as register_export
from portal.services import exports_summary as summary_export
from portal.services.area import current_area

from . import bp, roles
from .guard import requires_role
from .register_forms import AGE_GROUP_NAMES, CONDITION_NAMES, RISK_NAMES, SETTING_NAMES
from .sessions import actor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The summary holds no personal data: administrators may report from it too.
SUMMARY_ROLES = (*roles.REGISTER, *roles.ADMIN)
# The files name each code as the register pages do.
NAMES = register_export.Names(
    conditions=CONDITION_NAMES,
    settings=SETTING_NAMES,
    risks=RISK_NAMES,
    age_groups=AGE_GROUP_NAMES,
    headings={"language": _l("Language")},
)


class RegisterExportForm(PortalForm):
    file_format = RadioField(
        _l("File type"),
        choices=[
            SelectChoice("csv", _l("CSV (comma-separated values)")),
            SelectChoice("xlsx", _l("Excel workbook (XLSX)")),
        ],
        choice_hints={
            "csv": _l("Opens in any spreadsheet or database program."),
            "xlsx": _l(
                "Opens in Microsoft Excel. Slower to make: for a large register it can "
                "take a minute or two."
            ),
        },
        default="csv",
        validators=[Required(_l("Select a file type"))],
    )
    include_removed = CheckboxesField(
        _l("Who to include"),
        description=_l("Everyone on the register now is included."),
        choices=[SelectChoice("yes", _l("Also include people who have come off the register"))],
    )


class PeriodForm(PortalForm):
    start = DateField(
        _l("From"),
        description=_l("For example, 1 1 2026"),
        thing=_l("the start date"),
        validators=[Required(_l("Enter the start date"))],
    )
    end = DateField(
        _l("To"),
        description=_l("For example, 31 3 2026"),
        thing=_l("the end date"),
        validators=[Required(_l("Enter the end date"))],
    )

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError(_l("The end date must be the same as or after the start date"))


class ConfirmForm(PortalForm):
    """Only the CSRF token: the button is the decision."""


def attachment(response, filename):
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["Cache-Control"] = "no-store"
    return response


def can_export_register():
    return current_user.role in roles.REGISTER


# The exports page ----------------------------------------------------------------------


def exports_page(form=None, status=200):
    if form is None and can_export_register():
        form = RegisterExportForm()
    start, end = summary_export.default_period()
    return (
        render_template(
            "admin/exports/index.html",
            form=form,
            can_export_register=can_export_register(),
            start=start,
            end=end,
        ),
        status,
    )


@bp.route("/exports")
@requires_role(*SUMMARY_ROLES)
def exports():
    return exports_page()


@bp.route("/exports/register", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def exports_register():
    if request.method == "GET":  # a link or a bookmark: the page, never a file
        return redirect(url_for("admin.exports"), 303)
    form = RegisterExportForm()
    if not form.validate_on_submit():
        return exports_page(form, 400)
    include_removed = "yes" in (form.include_removed.data or [])
    file_format = form.file_format.data
    today = date.today()
    who = "everyone" if include_removed else "active"
    filename = f"register-{who}-{today.isoformat()}.{file_format}"
    if file_format == "xlsx":
        spool, size, written = register_export.register_xlsx(include_removed, NAMES, today)
        try:
            record_register_export(file_format, written, include_removed)
        except BaseException:
            spool.close()
            raise
        response = send_file(spool, mimetype=XLSX, as_attachment=True, download_name=filename)
        response.content_length = size
        return attachment(response, filename)
    # CSV streams, so the rows are counted first: the audit row is saved before any is sent.
    record_register_export(file_format, register_export.count(include_removed), include_removed)
    rows = register_export.rows(include_removed, NAMES, today)
    chunks = register_export.csv_chunks(register_export.headers(include_removed, NAMES), rows)
    response = Response(stream_with_context(chunks), mimetype="text/csv")
    return attachment(response, filename)


def record_register_export(file_format, rows, include_removed):
    audit.record(
        "export.register",
        "register",
        actor=actor(current_user),
        format=file_format,
        rows=rows,
        include_removed=include_removed,
    )
    db.session.commit()


# The anonymised summary ----------------------------------------------------------------


def period_from_query():
    """The period asked for in the query string, or the last three months."""
    if any(key.startswith(("start-", "end-")) for key in request.args):
        form = PeriodForm(formdata=request.args, meta={"csrf": False})
    else:
        start, end = summary_export.default_period()
        form = PeriodForm(formdata=None, start=start, end=end, meta={"csrf": False})
    form.validate()
    return form


def summary_page(form, status=200):
    result = None
    if not form.errors:
        result = summary_export.summary(form.start.data, form.end.data, NAMES)
        audit.record(
            "summary.viewed",
            "register",
            actor=actor(current_user),
            start=form.start.data.isoformat(),
            end=form.end.data.isoformat(),
        )
        db.session.commit()
    return (
        render_template(
            "admin/exports/summary.html",
            form=form,
            result=result,
            note=summary_export.SUPPRESSION_NOTE,
        ),
        status,
    )


@bp.route("/exports/summary")
@requires_role(*SUMMARY_ROLES)
def exports_summary():
    form = period_from_query()
    return summary_page(form, 400 if form.errors else 200)


@bp.route("/exports/summary/download", methods=["GET", "POST"])
@requires_role(*SUMMARY_ROLES)
def exports_summary_download():
    if request.method == "GET":  # a link or a bookmark: the page, never a file
        return redirect(url_for("admin.exports_summary"), 303)
    form = PeriodForm()
    if not form.validate_on_submit():
        return summary_page(form, 400)
    start, end = form.start.data, form.end.data
    result = summary_export.summary(start, end, NAMES)
    rows = summary_export.total_rows(result)
    audit.record(
        "export.summary",
        "register",
        actor=actor(current_user),
        format="csv",
        rows=rows,
        start=start.isoformat(),
        end=end.isoformat(),
    )
    db.session.commit()
    filename = f"register-summary-{start.isoformat()}-to-{end.isoformat()}.csv"
    body = summary_export.summary_csv(result, current_area().name)
    return attachment(Response(body, mimetype="text/csv"), filename)


# Subject access ------------------------------------------------------------------------


def entry_url(entry):
    """The register record page (another part of the staff side), once it exists."""
    for endpoint in ("admin.register_entry", "admin.entry"):
        if endpoint in current_app.view_functions:
            return url_for(endpoint, entry_id=entry.id)
    return None


@bp.route("/register/<int:entry_id>/subject-access", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_subject_access(entry_id):
    entry = db.get_or_404(RegisterEntry, entry_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        document = subject_access.gather(entry, actor(current_user))
        audit.record(
            "subject_access.exported",
            "register_entry",
            entry.id,
            actor=actor(current_user),
            format="json",
            **subject_access.counts(document),
        )
        db.session.commit()
        filename = f"subject-access-record-{entry.id}-{date.today().isoformat()}.json"
        response = Response(subject_access.to_json(document), mimetype="application/json")
        return attachment(response, filename)
    audit.record(
        "register.viewed",
        "register_entry",
        entry.id,
        actor=actor(current_user),
        page="subject_access",
    )
    db.session.commit()
    return render_template(
        "admin/exports/subject_access.html",
        entry=entry,
        form=form,
        requests=subject_access.matched_requests(entry),
        entry_url=entry_url(entry),
    )
