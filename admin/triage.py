"""The triage queue: every request to join the register, review request and withdrawal of
consent that staff have not finished with, most urgent first; and each item's page, where
staff change its status, keep notes and a contact log, record a decision that stands in
for consent, add the person to the register, or take them off when they withdraw.

Triagers work the queue; only register managers add people or take them off. Every view
and every change leaves an audit row with ids and codes only."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime, format_number
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.models import Referral
from portal.services import audit, triage
from portal.services import register as register_service
from portal.services.clock import aware

from . import bp, roles
from .guard import requires_role
from .paging import pagination
from .register import staff_names
from .sessions import actor
from .triage_forms import (
    CONTACT_METHOD_NAMES,
    KIND_NAMES,
    REASON_NAMES,
    ROLE_NAMES,
    STATUS_NAMES,
    TAKE_OFF_REASON,
    AddForm,
    ContactForm,
    DecisionForm,
    FilterForm,
    NoteForm,
    StatusForm,
    TakeOffForm,
    answer_sections,
    communication_needs,
)


@bp.app_template_global()
def queue_status_name(code):
    return STATUS_NAMES.get(code, code)


@bp.app_template_global()
def queue_time(moment):
    """A date and time in the history and notes (UTC, as every time here)."""
    return format_datetime(aware(moment), "d MMM y, HH:mm")


def is_manager():
    return current_user.role in roles.REGISTER


def referral_or_404(referral_id):
    referral = db.session.get(Referral, referral_id)
    if referral is None:
        abort(404)
    return referral


# The queue


@bp.route("/queue")
@requires_role(*roles.QUEUE)
def queue():
    form = FilterForm(formdata=request.args)
    valid = form.validate()
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        page = 1
    kind = (form.kind.data or None) if valid else None
    status = (form.status.data or None) if valid else None
    found = triage.queue_page(kind, status, page)
    audit.record(
        "referral.listed",
        "referral",
        actor=actor(current_user),
        page=found.number,
        results=found.total,
        kind=kind,
        status=status,
    )
    db.session.commit()
    return render_template(
        "admin/triage/queue.html",
        form=form,
        found=found,
        pagination=pagination(found, "admin.queue", _("Pages of the queue")),
        kind_names=KIND_NAMES,
        reason_names=REASON_NAMES,
        filtered=bool(kind or status),
        showing=_(
            "Showing %(first)s to %(last)s of %(total)s",
            first=format_number(found.first),
            last=format_number(found.last),
            total=format_number(found.total),
        ),
    ), 200 if valid else 400


# One item


def decision_kinds(referral):
    """The decisions a register manager may record in place of consent, or () when none
    is needed or possible."""
    consent = referral.consent
    if not can_add(referral) or consent is None or consent.withdrawn_at is not None:
        return ()
    if consent.given or consent.decision_kind:
        return ()
    return register_service.DECISION_FOR_BASIS.get(consent.basis, ())


def can_add(referral):
    """Whether this request could put someone on the register at all (consent aside)."""
    return (
        referral.kind == "register"
        and triage.is_open(referral)
        and triage.queue_kind(referral) != "withdrawal"
        and register_service.entry_for_referral(referral) is None
    )


def add_refusal(referral):
    """Why the add form must refuse, in plain words; None when it may go ahead."""
    if referral.kind != "register":
        return _("Only a request to join the register can put someone on it.")
    if register_service.entry_for_referral(referral) is not None:
        return _("This person is already on the register from this request.")
    problem = register_service.consent_problem(referral)
    if problem is not None:
        return str(problem)
    if not triage.is_open(referral):
        return _("This request is finished. Nobody can be added from it.")
    return None


def statuses_offered(referral):
    """The statuses to offer: "dealt with" waits until nobody is on the register from it."""
    offered = triage.statuses_for(referral)
    if triage.entry_to_take_off(referral) is not None:
        offered = tuple(s for s in offered if s != "dealt_with")
    return offered


def actor_names(referral, entry):
    consent = referral.consent
    actors = [c.by for c in referral.status_changes] + [n.by for n in referral.notes]
    if consent is not None:
        actors.append(consent.decision_recorded_by)
    if entry is not None:
        actors.append(entry.added_by)
    names = staff_names(*actors)
    names["portal"] = _("Sent through the portal")
    names["the person or their representative"] = _("The person or their representative")
    return names


def show_item(referral, status=200, failed=None, **bound):
    """The item's page. After a refused POST, `failed` is the form with the errors (the
    layout's error summary reads `form`) and `bound` keeps what was typed."""
    entry = register_service.entry_for_referral(referral)
    kind = triage.queue_kind(referral)
    kinds = decision_kinds(referral)
    forms = {
        "status_form": StatusForm(formdata=None).offer(statuses_offered(referral)),
        "note_form": NoteForm(formdata=None),
        "contact_form": ContactForm(formdata=None),
        "decision_form": DecisionForm(formdata=None).for_basis(kinds) if kinds else None,
        "add_form": AddForm(formdata=None),
        "take_off_form": TakeOffForm(formdata=None, removal_reason=str(TAKE_OFF_REASON)),
        **bound,
    }
    context = {"form": failed} if failed is not None else {}
    audit.record("referral.viewed", "referral", referral.id, actor=actor(current_user), page="item")
    db.session.commit()
    return render_template(
        "admin/triage/item.html",
        referral=referral,
        consent=referral.consent,
        kind=kind,
        kind_name=KIND_NAMES[kind],
        entry=entry,
        take_off_entry=triage.entry_to_take_off(referral),
        is_open=triage.is_open(referral),
        age=triage.age_of(triage.waiting_since(referral), referral.kind)
        if triage.is_open(referral)
        else None,
        urgent=[REASON_NAMES.get(c, c) for c in triage.urgent_reasons(referral.risk_reasons)],
        # Why they cannot be added yet; once on the register it no longer matters here.
        consent_problem=register_service.consent_problem(referral)
        if referral.kind == "register" and entry is None
        else None,
        can_add=can_add(referral),
        manager=is_manager(),
        entry_url=url_for("admin.entry", entry_id=entry.id)
        if entry is not None and "admin.entry" in current_app.view_functions
        else None,
        names=actor_names(referral, entry),
        needs=communication_needs(referral),
        sections=answer_sections(referral),
        role_names=ROLE_NAMES,
        contact_names=CONTACT_METHOD_NAMES,
        decision_names=register_service.DECISION_KINDS,
        **forms,
        **context,
    ), status


def back_to(referral, anchor=""):
    return redirect(url_for("admin.queue_item", referral_id=referral.id) + anchor, 303)


@bp.route("/queue/<int:referral_id>")
@requires_role(*roles.QUEUE)
def queue_item(referral_id):
    return show_item(referral_or_404(referral_id))


@bp.route("/queue/<int:referral_id>/status", methods=["POST"])
@requires_role(*roles.QUEUE)
def queue_status(referral_id):
    referral = referral_or_404(referral_id)
    offered = statuses_offered(referral)
    form = StatusForm().offer(offered)
    if not offered:
        form.form_errors.append(
            _("Take them off the register first. That finishes the request.")
            if triage.entry_to_take_off(referral) is not None
            else _("This request is finished. Its status cannot change now.")
        )
    elif form.validate_on_submit():
        triage.change_status(
            referral,
            form.status.data,
            form.reason.data.strip(),
            form.reason_for_person.data,
            actor(current_user),
        )
        db.session.commit()
        flash(_("Status changed to: %(status)s.", status=STATUS_NAMES[form.status.data]))
        return back_to(referral)
    return show_item(referral, 400, failed=form, status_form=form)


@bp.route("/queue/<int:referral_id>/note", methods=["POST"])
@requires_role(*roles.QUEUE)
def queue_note(referral_id):
    referral = referral_or_404(referral_id)
    form = NoteForm()
    if form.validate_on_submit():
        triage.add_note(referral, form.note.data.strip(), actor(current_user))
        db.session.commit()
        flash(_("Note added."))
        return back_to(referral, "#notes")
    return show_item(referral, 400, failed=form, note_form=form)


@bp.route("/queue/<int:referral_id>/contact", methods=["POST"])
@requires_role(*roles.QUEUE)
def queue_contact(referral_id):
    referral = referral_or_404(referral_id)
    form = ContactForm()
    if form.validate_on_submit():
        triage.log_contact(
            referral,
            form.contact_with.data.strip(),
            form.contact_method.data,
            form.contact_text.data.strip(),
            actor(current_user),
        )
        db.session.commit()
        flash(_("Contact logged."))
        return back_to(referral, "#notes")
    return show_item(referral, 400, failed=form, contact_form=form)


@bp.route("/queue/<int:referral_id>/decision", methods=["POST"])
@requires_role(*roles.REGISTER)
def queue_decision(referral_id):
    referral = referral_or_404(referral_id)
    kinds = decision_kinds(referral)
    form = DecisionForm()
    if not kinds:
        form.form_errors.append(_("No decision is needed, or it cannot be recorded, for this."))
        return show_item(referral, 400, failed=form)
    form.for_basis(kinds)
    if form.validate_on_submit():
        register_service.record_decision(
            referral,
            form.decision_kind.data,
            form.decided_by.data.strip(),
            form.decided_on.data,
            form.decision_reason.data.strip(),
            actor(current_user),
        )
        db.session.commit()
        flash(_("Decision recorded. You can now add them to the register."))
        return back_to(referral, "#add")
    return show_item(referral, 400, failed=form, decision_form=form)


@bp.route("/queue/<int:referral_id>/add", methods=["POST"])
@requires_role(*roles.REGISTER)
def queue_add(referral_id):
    referral = referral_or_404(referral_id)
    form = AddForm()
    refusal = add_refusal(referral)
    if refusal is None and form.validate_on_submit():
        entry = register_service.add_from_referral(
            referral, form.rating.data, form.rating_reason.data.strip(), actor(current_user)
        )
        db.session.commit()
        flash(
            _(
                "%(name)s is on the register.",
                name=f"{referral.first_name} {referral.last_name}",
            )
        )
        if "admin.entry" in current_app.view_functions:
            return redirect(url_for("admin.entry", entry_id=entry.id), 303)
        return back_to(referral)
    if refusal is not None:
        form.form_errors.append(refusal)
    return show_item(referral, 400, failed=form, add_form=form)


@bp.route("/queue/<int:referral_id>/take-off", methods=["POST"])
@requires_role(*roles.REGISTER)
def queue_take_off(referral_id):
    referral = referral_or_404(referral_id)
    form = TakeOffForm()
    if triage.entry_to_take_off(referral) is None:
        form.form_errors.append(_("Nobody is on the register from this request."))
        return show_item(referral, 400, failed=form, take_off_form=form)
    if form.validate_on_submit():
        triage.take_off_register(referral, form.removal_reason.data.strip(), actor(current_user))
        db.session.commit()
        flash(
            _(
                "%(name)s has come off the register. The request is finished.",
                name=f"{referral.first_name} {referral.last_name}",
            )
        )
        return back_to(referral)
    return show_item(referral, 400, failed=form, take_off_form=form)
