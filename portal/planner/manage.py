"""Keeping a planner: its private link and code, a PIN, opening it on another device,
linking it to a request, sharing it with the chair, closing it here, and deleting it."""

import hashlib
import json

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _

from ..extensions import db
from ..forms import PortalForm
from ..i18n import current_language
from ..services import audit, mail, planners, referrals
from . import access, bp
from .access_forms import EmailLinkForm, LinkForm, OpenForm, SetPinForm, ShareForm, UnlockForm
from .journey import PARTS, display_name
from .present import present, shareable
from .views import carried, flow


def planner_here():
    planner = access.current()
    if planner is None:
        abort(redirect(url_for("planner.start")))
    return planner


def private_link(code):
    return url_for("planner.open_planner", _external=True) + "?code=" + code


@bp.route("/your-link")
def your_link():
    planner = planner_here()
    code = session.get("planner:code")
    if code is None:
        return redirect(url_for("planner.tasks"))
    return render_template(
        "planner/your_link.html",
        planner=planner,
        code=code,
        link=private_link(code),
        form=EmailLinkForm(formdata=None),
        mail_enabled=mail.enabled(),
        emailed=session.pop("planner:emailed", None),
    )


@bp.route("/email-link", methods=["POST"])
def email_link():
    planner = planner_here()
    code = session.get("planner:code")
    if code is None:
        return redirect(url_for("planner.tasks"), 303)
    form = EmailLinkForm()
    if not form.validate():
        return render_template(
            "planner/your_link.html",
            planner=planner,
            code=code,
            link=private_link(code),
            form=form,
            mail_enabled=mail.enabled(),
            emailed=None,
        ), 400
    # In the language of the page the person asked from, which becomes the planner's.
    planner.language = current_language()
    body = render_template("planner/link_email.txt", link=private_link(code), code=code)
    subject = _("Your review planner link")
    sent = mail.send(form.email.data, subject, body, language=planner.language)
    audit.record("planner.link_emailed", "planner", planner.id, sent=sent)
    db.session.commit()
    session["planner:emailed"] = "sent" if sent else "failed"
    return redirect(url_for("planner.your_link"), 303)


@bp.route("/open", methods=["GET", "POST"], endpoint="open_planner")
def open_with_code():
    if request.method == "GET":
        form = OpenForm(formdata=None)
        form.code.data = request.args.get("code", "")
        return render_template("planner/open.html", flow=flow, form=form, replay=[], step_key="")
    form = OpenForm()
    step_key = request.form.get("step", "")
    if form.validate():
        planner = planners.find_by_code(form.code.data, for_update=True)
        if planner is None:
            form.code.errors.append(form.not_found)
        elif planner.pin_hash and not pin_ok(planner, form.pin):
            pass
        else:
            return opened(planner, step_key)
    return render_template(
        "planner/open.html", flow=flow, form=form, replay=carried(), step_key=step_key
    ), 400


def pin_ok(planner, field):
    if not (field.data or "").strip():  # not a guess: no try used up
        field.errors.append(_("Enter your PIN"))
        return False
    try:
        if planners.pin_matches(planner, field.data):
            return True
        field.errors.append(_("That PIN is not right. Check it and try again"))
    except planners.Locked as locked:
        field.errors.append(
            _(
                "Too many wrong PINs. You can try again after %(time)s",
                time=format_datetime(locked.until, "HH:mm"),
            )
        )
    return False


def opened(planner, step_key=""):
    """Open the planner here; a page typed while it was closed is kept, half-typed."""
    access.open_here(planner)
    audit.record("planner.opened", "planner", planner.id)
    db.session.commit()
    step = flow.journey.step(step_key) if step_key else None
    if step is not None:
        if carried():
            flow.keep_raw(step, planner)  # kept half-typed, as "Save and go back" keeps it
        return redirect(flow.url("step", step_key=step.key), 303)
    return redirect(url_for("planner.tasks"), 303)


@bp.route("/unlock", methods=["GET", "POST"])
def unlock():
    planner = access.locked_here(for_update=request.method == "POST")
    if planner is None:
        return redirect(url_for("planner.start"))
    form = UnlockForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST":
        step_key = request.form.get("step", "")
        if form.validate() and pin_ok(planner, form.pin):
            return opened(planner, step_key)
        return render_template(
            "planner/unlock.html", form=form, replay=carried(), step_key=step_key
        ), 400
    return render_template("planner/unlock.html", form=form, replay=[], step_key="")


@bp.route("/pin", methods=["GET", "POST"])
def pin():
    planner = planner_here()
    form = SetPinForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST":
        if form.validate():
            planners.set_pin(planner, form.pin.data.strip())
            access.open_here(planner)  # the new key: only this device stays open
            session["planner:notice"] = "pin_set"
            return redirect(url_for("planner.tasks"), 303)
        return render_template("planner/pin.html", planner=planner, form=form), 400
    return render_template("planner/pin.html", planner=planner, form=form, remove_form=PortalForm())


@bp.route("/pin/remove", methods=["POST"])
def remove_pin():
    planner = planner_here()
    PortalForm().validate_on_submit() or abort(400)
    planners.set_pin(planner, None)
    access.open_here(planner)
    session["planner:notice"] = "pin_removed"
    return redirect(url_for("planner.tasks"), 303)


@bp.route("/new-link", methods=["POST"])
def new_link():
    planner = planner_here()
    PortalForm().validate_on_submit() or abort(400)
    session["planner:code"] = planners.replace_code(planner)
    access.open_here(planner)  # the old link, and every other device, are shut out
    return redirect(url_for("planner.your_link"), 303)


@bp.route("/close", methods=["POST"])
def close():
    PortalForm().validate_on_submit() or abort(400)
    access.forget_here()
    return redirect(url_for("planner.closed"), 303)


@bp.route("/closed")
def closed():
    return render_template("planner/closed.html")


@bp.route("/delete", methods=["GET", "POST"])
def delete():
    planner = planner_here()
    form = PortalForm()
    if request.method == "POST":
        form.validate_on_submit() or abort(400)
        planners.delete_planner(planner)
        access.forget_here()
        return redirect(url_for("planner.deleted"), 303)
    return render_template("planner/delete.html", planner=planner, form=form)


@bp.route("/deleted")
def deleted():
    return render_template("planner/deleted.html")


@bp.route("/link", methods=["GET", "POST"])
def link():
    planner = planner_here()
    form = LinkForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST":
        if form.validate():
            try:
                found = referrals.find(
                    form.reference.data, form.date_of_birth.data, purpose="planner"
                )
            except referrals.TooManyTries:
                found = None
                form.reference.errors.append(
                    _("Too many tries with that reference number. Wait an hour, or phone the team.")
                )
            else:
                if found is None:
                    form.reference.errors.append(
                        _(
                            "We could not find a request with that reference number "
                            "and date of birth"
                        )
                    )
            if found is not None:
                planners.link(planner, found)
                session["planner:notice"] = "linked"
                return redirect(url_for("planner.tasks"), 303)
        return render_template("planner/link.html", planner=planner, form=form), 400
    return render_template("planner/link.html", planner=planner, form=form)


@bp.route("/unlink", methods=["POST"])
def unlink():
    planner = planner_here()
    PortalForm().validate_on_submit() or abort(400)
    planners.unlink(planner)
    session["planner:notice"] = "unlinked"
    return redirect(url_for("planner.tasks"), 303)


def linked_planner():
    planner = planner_here()
    if planner.referral is None:
        abort(redirect(url_for("planner.link")))
    return planner


@bp.route("/share", methods=["GET", "POST"])
def share():
    planner = linked_planner()
    form = ShareForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.parts.data = session.get("planner:share_parts") or [part.key for part in PARTS]
        return render_template("planner/share.html", planner=planner, form=form)
    if not form.validate():
        return render_template("planner/share.html", planner=planner, form=form), 400
    session["planner:share_parts"] = form.parts.data
    return redirect(url_for("planner.share_check"), 303)


@bp.route("/share/check", methods=["GET", "POST"])
def share_check():
    planner = linked_planner()
    parts = [p for p in session.get("planner:share_parts") or [] if p in {x.key for x in PARTS}]
    if not parts:
        return redirect(url_for("planner.share"))
    form = PortalForm()
    copy = shareable(planner.answers, parts)
    seen = fingerprint(copy, planner.referral_id)
    if request.method == "POST":
        form.validate_on_submit() or abort(400)
        if request.form.get("seen") != seen:
            # Changed since the preview (another tab, or a new link): show it again.
            session["planner:notice"] = "share_changed"
            return redirect(url_for("planner.share_check"), 303)
        planners.share(planner, parts, copy)
        session.pop("planner:share_parts", None)
        session["planner:notice"] = "shared"
        return redirect(url_for("planner.tasks"), 303)
    planners.viewed(planner, "share_check")
    return render_template(
        "planner/share_check.html",
        planner=planner,
        form=form,
        parts=present(planner.answers, parts=parts),
        name=display_name(planner.answers),
        seen=seen,
    )


def fingerprint(copy, referral_id):
    """What the preview showed, and to whom: sharing goes ahead only if it is the same."""
    text = json.dumps([copy, referral_id], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@bp.route("/share/stop", methods=["POST"])
def stop_sharing():
    planner = planner_here()
    PortalForm().validate_on_submit() or abort(400)
    planners.stop_sharing(planner)
    session["planner:notice"] = "share_stopped"
    return redirect(url_for("planner.tasks"), 303)
