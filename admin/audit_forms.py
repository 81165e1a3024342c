"""The audit log's search form, and the words for what the audit trail records."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from portal.forms import PortalForm
from portal.forms.fields import DateField, StringField

from .register_forms import ChoiceSelectField

# What each action means, in words. An action not listed here still shows, by its code.
ACTION_NAMES = {
    "action.added": _l("Review action added"),
    "action.updated": _l("Review action changed"),
    "audit.searched": _l("Audit log searched"),
    "consent.decision_recorded": _l("Decision standing in for consent recorded"),
    "consent.withdrawn": _l("Consent withdrawn by the person"),
    "draft.resumed": _l("Unfinished request resumed"),
    "export.register": _l("Register exported"),
    "export.summary": _l("Anonymised summary downloaded"),
    "feedback.status_changed": _l("Feedback marked read or replied"),
    "feedback.viewed": _l("Feedback opened"),
    "language.check_withdrawn": _l("Translator's check withdrawn"),
    "language.checked": _l("Translator's check recorded"),
    "lookup.failed": _l("Status look-up failed"),
    "lookup.succeeded": _l("Status looked up"),
    "planner.code_replaced": _l("Planner code replaced"),
    "planner.created": _l("Planner started"),
    "planner.deleted": _l("Planner deleted"),
    "planner.link_emailed": _l("Planner link emailed"),
    "planner.linked": _l("Planner linked to a review"),
    "planner.opened": _l("Planner opened"),
    "planner.pin_removed": _l("Planner PIN removed"),
    "planner.pin_right": _l("Planner PIN right"),
    "planner.pin_set": _l("Planner PIN set"),
    "planner.pin_wrong": _l("Planner PIN wrong"),
    "planner.printed": _l("Planner printed"),
    "planner.saved": _l("Planner saved"),
    "planner.share_stopped": _l("Planner sharing stopped"),
    "planner.shared": _l("Planner shared"),
    "planner.unlinked": _l("Planner unlinked from a review"),
    "planner.viewed": _l("Planner viewed"),
    "planner_share.viewed": _l("Shared planner viewed by staff"),
    "receipt.downloaded": _l("Request receipt downloaded"),
    "referral.contact_logged": _l("Contact with someone logged"),
    "referral.declined": _l("Request to join not sent (no consent)"),
    "referral.listed": _l("Triage queue listed"),
    "referral.note_added": _l("Note added to a request"),
    "referral.status_changed": _l("Request status changed"),
    "referral.status_viewed": _l("Status page viewed by the person"),
    "referral.submitted": _l("Request to join the register sent"),
    "referral.viewed": _l("Request opened"),
    "register.added": _l("Person added to the register"),
    "register.listed": _l("Register listed or searched"),
    "register.rated": _l("Person rated"),
    "register.removed": _l("Person taken off the register"),
    "register.updated": _l("Register record changed"),
    "register.viewed": _l("Register record viewed"),
    "review.declined": _l("Review request not sent (no consent)"),
    "review.held": _l("Review recorded as held"),
    "review.notes_changed": _l("Review notes changed"),
    "review.planned": _l("Review planned"),
    "review.report_sent": _l("Review report recorded as sent"),
    "review.submitted": _l("Request for a review sent"),
    "review.viewed": _l("Review viewed"),
    "settings.changed": _l("Local area settings changed"),
    "staff.disabled": _l("Staff account disabled"),
    "staff.enabled": _l("Staff account enabled"),
    "staff.invite_accepted": _l("Staff invitation accepted"),
    "staff.invited": _l("Staff member invited"),
    "staff.locked": _l("Staff account locked"),
    "staff.mfa_set_up": _l("Authenticator app set up"),
    "staff.reset": _l("Staff sign-in reset"),
    "staff.role_changed": _l("Staff role changed"),
    "staff.sign_in_failed": _l("Staff sign-in failed"),
    "staff.signed_in": _l("Staff member signed in"),
    "staff.signed_out": _l("Staff member signed out"),
    "staff.unlocked": _l("Staff account unlocked"),
    "subject_access.exported": _l("Subject access export made"),
    "summary.viewed": _l("Anonymised summary viewed"),
}
SUBJECT_NAMES = {
    "area_settings": _l("Local area settings"),
    "audit_event": _l("Audit log"),
    "draft": _l("Unfinished request"),
    "feedback": _l("Feedback"),
    "language": _l("Language of the public pages"),
    "planner": _l("My CTR Planner"),
    "planner_share": _l("Shared planner"),
    "referral": _l("Request (triage queue)"),
    "register": _l("The whole register"),
    "register_entry": _l("Register record"),
    "review": _l("Review"),
    "review_action": _l("Review action"),
    "staff": _l("Staff account"),
}
LONGEST_ID = 10  # digits; ids are 32-bit on PostgreSQL


class RecordNumber:
    def __call__(self, form, field):
        text = (field.data or "").strip()
        if text and (not text.isdigit() or len(text) > LONGEST_ID or int(text) > 2**31 - 1):
            raise ValidationError(_l("Record number must be a whole number, like 42"))


class NotBefore:
    def __init__(self, other, message):
        self.other, self.message = other, message

    def __call__(self, form, field):
        start = form[self.other].data
        if field.data and start and field.data < start:
            raise ValidationError(self.message)


def sorted_choices(names, anything):
    ordered = sorted(names.items(), key=lambda item: str(item[1]).casefold())
    return [SelectChoice("", anything), *(SelectChoice(code, name) for code, name in ordered)]


class AuditFilterForm(PortalForm):
    """Sent by GET, so a search can be bookmarked; it changes nothing, so no CSRF. The
    "who" choices are filled in by the view, from the staff list."""

    class Meta:
        csrf = False

    action = ChoiceSelectField(
        _l("What happened"), choices=sorted_choices(ACTION_NAMES, _l("Anything")), default=""
    )
    subject_type = ChoiceSelectField(
        _l("Kind of record"),
        choices=sorted_choices(SUBJECT_NAMES, _l("Any kind")),
        default="",
    )
    subject_id = StringField(
        _l("Record number (optional)"),
        description=_l("The number in the record's web address, like 42."),
        validators=[RecordNumber()],
    )
    actor = ChoiceSelectField(_l("Who"), choices=[], default="")
    start = DateField(
        _l("From (optional)"),
        description=_l("For example, 1 3 2026."),
        thing=_l("the start date"),
    )
    end = DateField(
        _l("To (optional)"),
        description=_l("Includes the whole of that day."),
        thing=_l("the end date"),
        validators=[
            NotBefore("start", _l("The end date must be the same as or after the start date"))
        ],
    )

    def set_actor_choices(self, staff, anyone, public, disabled, number):
        """Staff by name; two with the same name are told apart by their account number."""
        seen = {}
        for row in staff:
            seen[row.name] = seen.get(row.name, 0) + 1
        choices = [SelectChoice("", anyone), SelectChoice("public", public)]
        for row in staff:
            label = row.name
            if seen[row.name] > 1:
                label += f" ({number} {row.id})"
            if not row.is_active:
                label += f" ({disabled})"
            choices.append(SelectChoice(f"staff:{row.id}", label))
        self.actor.choices = choices
