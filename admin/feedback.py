"""The feedback inbox: what people told us about their reviews, newest first. Register
managers only. Opening one changes nothing; "Mark as read" and "Mark as replied" are
buttons that POST. Every opening and change of status leaves an audit row."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.extensions import db
from portal.forms import PortalForm
from portal.forms.fields import RadioField
from portal.models import Feedback
from portal.public.feedback import forms as public_forms
from portal.public.feedback.sending import QUESTIONS
from portal.services import audit
from portal.services import feedback_inbox as inbox

from . import bp, paging, roles
from .guard import requires_role
from .sessions import actor

STATUS_NAMES = {"new": _l("New"), "read": _l("Read"), "replied": _l("Replied")}
STATUS_TAGS = {"new": "nhsuk-tag--blue", "read": "nhsuk-tag--grey", "replied": "nhsuk-tag--green"}
# The public form's own words, so the inbox asks the questions exactly as people saw them.
ROLE_NAMES = dict(public_forms.ROLES)
REPLY_WAYS = dict(public_forms.REPLY_WAYS)
ANSWER_WORDS = dict(public_forms.ENOUGH)
QUESTION_FORMS = {
    "before": public_forms.BeforeForm,
    "on_the_day": public_forms.OnTheDayForm,
    "better": public_forms.BetterForm,
    "difference": public_forms.DifferenceForm,
    "anything_else": public_forms.AnythingElseForm,
}


def question_label(key):
    page, field = QUESTIONS[key]
    unbound = getattr(QUESTION_FORMS[page], field)
    return unbound.kwargs.get("label") or unbound.args[0]


class StatusFilter(PortalForm):
    """Sent by GET so a filtered list can be bookmarked; it changes nothing, so no CSRF."""

    class Meta:
        csrf = False

    status = RadioField(
        _l("Show"),
        choices=[
            SelectChoice("", _l("All feedback")),
            *(SelectChoice(key, name) for key, name in STATUS_NAMES.items()),
        ],
        default="",
    )


@bp.app_template_global()
def feedback_status_tag(status):
    return {
        "text": STATUS_NAMES.get(status, status),
        "classes": STATUS_TAGS.get(status, "nhsuk-tag--grey"),
    }


@bp.app_template_global()
def feedback_role_name(role):
    return ROLE_NAMES.get(role, _("Not said"))


def feedback_or_404(feedback_id):
    feedback = db.session.get(Feedback, feedback_id)
    if feedback is None:
        abort(404)
    return feedback


@bp.route("/feedback")
@requires_role(*roles.REGISTER)
def feedback_inbox():
    form = StatusFilter(formdata=request.args)
    valid = form.validate()
    status = form.status.data if valid and form.status.data in inbox.STATUSES else None
    try:
        number = int(request.args.get("page", "1"))
    except ValueError:
        number = 1
    found = inbox.find(status, number)
    return (
        render_template(
            "admin/feedback/list.html",
            filter_form=form,
            found=found,
            status=status,
            pagination=paging.pagination(found, "admin.feedback_inbox", _("Pages of feedback")),
            showing=_(
                "Showing %(first)s to %(last)s of %(total)s",
                first=format_number(found.first),
                last=format_number(found.last),
                total=format_number(found.total),
            ),
        ),
        200 if valid else 400,
    )


@bp.route("/feedback/<int:feedback_id>")
@requires_role(*roles.REGISTER)
def feedback_inbox_item(feedback_id):
    feedback = feedback_or_404(feedback_id)
    # A view of anonymous feedback holds no personal data, but is audited all the same.
    audit.record(
        "feedback.viewed",
        "feedback",
        feedback.id,
        actor=actor(current_user),
        anonymous=feedback.anonymous,
        status=feedback.status,
    )
    db.session.commit()
    answers = feedback.answers or {}
    enough = answers.get("enough_help")
    rows = [
        (question_label("enough_help"), ANSWER_WORDS.get(enough, enough), False),
        *(
            (question_label(key), answers.get(key), True)
            for key in ("enough_help_more", "on_the_day", "better", "difference", "anything_else")
        ),
    ]
    return render_template(
        "admin/feedback/item.html",
        feedback=feedback,
        rows=rows,
        role_label=public_forms.RoleForm.role.args[0],
        reply_way=REPLY_WAYS.get(feedback.reply_by),
        can_reply=inbox.can_reply(feedback),
    )


@bp.route("/feedback/<int:feedback_id>/status", methods=["POST"])
@requires_role(*roles.REGISTER)
def feedback_inbox_status(feedback_id):
    feedback = feedback_or_404(feedback_id)
    status = request.form.get("status")
    if not PortalForm().validate_on_submit() or status not in ("read", "replied"):
        abort(400)
    if status == "replied" and not inbox.can_reply(feedback):
        abort(400)
    if inbox.set_status(feedback, status, actor(current_user)):
        db.session.commit()
    flash(_("Marked as replied") if status == "replied" else _("Marked as read"))
    return redirect(url_for("admin.feedback_inbox_item", feedback_id=feedback.id), 303)
