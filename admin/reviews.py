"""C(E)TR reviews on the register: plan one, record that it was held and when its report
went, its SMART actions, and the planner the person shared with the chair. Register
managers only; every view and change leaves an audit row."""

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.forms import PortalForm
from portal.models import Referral, RegisterEntry, Review, ReviewAction, StaffMember
from portal.planner.present import present
from portal.services import audit, reviews
from portal.services.review_timescales import EXPLAIN

from . import bp, roles
from .guard import requires_role
from .review_forms import (
    ActionChangeForm,
    ActionForm,
    HeldForm,
    NotesForm,
    PlanForm,
    ReportForm,
)
from .sessions import actor

# Named under "register_" so the staff menu shows these pages as part of the register.
REVIEW = "admin.register_review"


def entry_url(entry):
    """The register record page, once it exists (another part of the staff side)."""
    if "admin.entry" in current_app.view_functions:
        return url_for("admin.entry", entry_id=entry.id)
    return None


def staff_name(who):
    """'staff:<id>' as the member's name."""
    kind, _sep, number = (who or "").partition(":")
    member = (
        db.session.get(StaffMember, int(number)) if kind == "staff" and number.isdigit() else None
    )
    return member.name if member else who


def get_review(review_id):
    return db.get_or_404(Review, review_id)


def get_action(review, action_id):
    action = db.session.get(ReviewAction, action_id)
    if action is None or action.review_id != review.id:
        abort(404)
    return action


def viewed(review, page):
    audit.record(
        "review.viewed",
        "review",
        review.id,
        actor=actor(current_user),
        entry=review.entry_id,
        page=page,
    )
    db.session.commit()


def back_to(review, anchor=None):
    return redirect(url_for(REVIEW, review_id=review.id, _anchor=anchor), 303)


def form_page(review, form, heading, fields, button, status=200, intro=None):
    """One of the small forms about a review: held, report, notes, an action."""
    return (
        render_template(
            "admin/reviews/form.html",
            review=review,
            entry=review.entry,
            form=form,
            heading=heading,
            fields=fields,
            button_text=button,
            intro=intro,
            action_url=request.path,
        ),
        status,
    )


# Planning --------------------------------------------------------------------------------


def request_choices(requests):
    return [("", _("Not from a portal request"))] + [
        (
            str(r.id),
            _(
                "%(reference)s, sent %(date)s",
                reference=r.reference,
                date=format_date(r.submitted_at.date(), "d MMMM y"),
            ),
        )
        for r in requests
    ]


@bp.route("/register/<int:entry_id>/reviews/new", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_plan(entry_id):
    entry = db.get_or_404(RegisterEntry, entry_id)
    if not entry.active:
        abort(404)
    requests = reviews.agreed_requests(entry)
    form = PlanForm(data={"last_review": entry.last_review_on})
    form.referral_id.choices = request_choices(requests)
    if request.method == "GET":
        audit.record(
            "register.viewed",
            "register_entry",
            entry.id,
            actor=actor(current_user),
            page="plan_review",
        )
        db.session.commit()
    elif form.validate_on_submit():
        inputs = reviews.DueInputs(
            setting=form.setting.data,
            admitted=form.admitted.data,
            community_review_before=form.community_review_before.data == "yes",
            secure=form.secure.data == "yes",
            moved_on=form.moved_on.data,
            last_review=form.last_review.data,
        )
        referral = next((r for r in requests if str(r.id) == form.referral_id.data), None)
        review = reviews.plan(
            entry,
            inputs,
            form.planned_on.data,
            actor(current_user),
            panel=form.panel(),
            referral=referral,
        )
        db.session.commit()
        flash(_("The review is planned."))
        return back_to(review)
    status = 400 if form.errors else 200
    return (
        render_template(
            "admin/reviews/plan.html",
            entry=entry,
            form=form,
            has_requests=bool(requests),
            entry_url=entry_url(entry),
        ),
        status,
    )


# The review ------------------------------------------------------------------------------


@bp.route("/reviews/<int:review_id>")
@requires_role(*roles.REGISTER)
def register_review(review_id):
    review = get_review(review_id)
    share = reviews.shared_planner(review)
    today = date.today()
    viewed(review, "review")
    return render_template(
        "admin/reviews/review.html",
        review=review,
        entry=review.entry,
        share=share,
        today=today,
        due_reason=EXPLAIN.get(review.due_kind),
        overdue=reviews.review_overdue(review, today),
        report_late=reviews.report_late_days(review, today),
        planned_by=staff_name(review.created_by),
        referral=db.session.get(Referral, review.referral_id) if review.referral_id else None,
        entry_url=entry_url(review.entry),
    )


@bp.route("/reviews/<int:review_id>/held", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_held(review_id):
    review = get_review(review_id)
    form = HeldForm(obj=review, report_sent_on=review.report_sent_on)
    if form.validate_on_submit():
        reviews.record_held(review, form.held_on.data, form.panel(), actor(current_user))
        db.session.commit()
        flash(_("The review is recorded as held."))
        return back_to(review)
    if request.method == "GET":
        viewed(review, "held")
    return form_page(
        review,
        form,
        _("Record that the review was held"),
        ("held_on", "chair", "expert_by_experience", "clinical_expert"),
        _("Save"),
        400 if form.errors else 200,
        intro=_("Confirm the names of the panel of three who held it."),
    )


@bp.route("/reviews/<int:review_id>/report", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_report(review_id):
    review = get_review(review_id)
    if review.held_on is None:
        flash(_("Record that the review was held before the date its report was sent."))
        return back_to(review)
    form = ReportForm(obj=review, held_on=review.held_on)
    if form.validate_on_submit():
        reviews.record_report(review, form.report_sent_on.data, actor(current_user))
        db.session.commit()
        flash(_("The date the report was sent is saved."))
        return back_to(review)
    if request.method == "GET":
        viewed(review, "report")
    return form_page(
        review,
        form,
        _("Record when the report was sent"),
        ("report_sent_on",),
        _("Save"),
        400 if form.errors else 200,
        intro=_("The review was held on %(date)s.", date=format_date(review.held_on, "d MMMM y")),
    )


@bp.route("/reviews/<int:review_id>/notes", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_notes(review_id):
    review = get_review(review_id)
    form = NotesForm(obj=review)
    if form.validate_on_submit():
        reviews.save_notes(review, form.notes.data, actor(current_user))
        db.session.commit()
        flash(_("The notes are saved."))
        return back_to(review)
    if request.method == "GET":
        viewed(review, "notes")
    return form_page(
        review,
        form,
        _("Notes about the review"),
        ("notes",),
        _("Save"),
        400 if form.errors else 200,
    )


# SMART actions ---------------------------------------------------------------------------


@bp.route("/reviews/<int:review_id>/actions/new", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_action_new(review_id):
    review = get_review(review_id)
    form = ActionForm()
    if form.validate_on_submit():
        reviews.add_action(review, actor=actor(current_user), **form.values())
        db.session.commit()
        flash(_("The action is added."))
        return back_to(review, "actions")
    if request.method == "GET":
        viewed(review, "action_new")
    return form_page(
        review,
        form,
        _("Add an action"),
        ("what", "who", "due_on"),
        _("Add the action"),
        400 if form.errors else 200,
        intro=_("A SMART action says what needs to happen, who will do it and by when."),
    )


@bp.route("/reviews/<int:review_id>/actions/<int:action_id>", methods=["GET", "POST"])
@requires_role(*roles.REGISTER)
def register_review_action(review_id, action_id):
    review = get_review(review_id)
    action = get_action(review, action_id)
    form = ActionChangeForm(obj=action)
    if form.validate_on_submit():
        reviews.update_action(
            action,
            actor(current_user),
            status=form.status.data,
            done_on=form.done_on.data,
            **form.values(),
        )
        db.session.commit()
        flash(_("The action is saved."))
        return back_to(review, "actions")
    if request.method == "GET":
        viewed(review, "action")
    return form_page(
        review,
        form,
        _("Change an action"),
        ("what", "who", "due_on", "status", "done_on"),
        _("Save"),
        400 if form.errors else 200,
    )


@bp.route("/reviews/<int:review_id>/actions/<int:action_id>/done", methods=["POST"])
@requires_role(*roles.REGISTER)
def register_review_action_done(review_id, action_id):
    review = get_review(review_id)
    action = get_action(review, action_id)
    if not PortalForm().validate_on_submit():  # the CSRF check
        abort(400)
    if action.status == "open":
        reviews.mark_done(action, actor(current_user))
        db.session.commit()
        flash(_("The action is marked as done."))
    return back_to(review, "actions")


# The person's planner, for the chair -----------------------------------------------------


@bp.route("/reviews/<int:review_id>/planner")
@requires_role(*roles.REGISTER)
def register_review_planner(review_id):
    review = get_review(review_id)
    share = reviews.shared_planner(review)
    if share is None:
        abort(404)
    audit.record(
        "planner_share.viewed",
        "planner_share",
        share.id,
        actor=actor(current_user),
        review=review.id,
        parts=list(share.parts),
    )
    db.session.commit()
    return render_template(
        "admin/reviews/planner.html",
        review=review,
        entry=review.entry,
        share=share,
        parts=present(share.answers, parts=share.parts),
    )


# For the register record page (admin/reviews/_summary.html) ------------------------------


@bp.app_template_global()
def review_rows(entry):
    """The person's reviews, newest first, with what a glance should show."""
    today = date.today()
    return [
        {
            "review": review,
            "overdue": reviews.review_overdue(review, today),
            "report_late": reviews.report_late_days(review, today),
        }
        for review in entry.reviews
    ]


@bp.app_template_global()
def review_setting_name(setting):
    return reviews.SETTING_NAMES.get(setting, setting)


@bp.app_template_global()
def review_type_name(review_type):
    return reviews.TYPE_NAMES.get(review_type, review_type)


@bp.app_template_global()
def action_status_name(status):
    return reviews.ACTION_STATUS_NAMES.get(status, status)
