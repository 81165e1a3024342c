"""Forms and wording for the triage queue, and a request's answers read back through the
same public forms that asked them (so a label changed there changes here too)."""

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from portal.forms import PortalForm
from portal.forms.fields import (
    CheckboxesField,
    DateField,
    RadioField,
    StringField,
    TextAreaField,
)
from portal.forms.validators import MaxLength, PastDate, Required
from portal.journeys.engine import display_value, from_stored, question_fields
from portal.models.register import RATINGS
from portal.public.referral import journey as register_journey
from portal.public.referral.forms import NEEDS, RISKS
from portal.public.review import journey as review_journey
from portal.public.review.forms import REASONS
from portal.services.register import DECISION_KINDS
from portal.services.triage import CONTACT_METHODS, NEEDS_REASON_FOR_PERSON, OPEN_STATUSES
from portal.text import as_paragraphs

from .register_forms import RATING_MEANINGS, RATING_NAMES, ChoiceSelectField, reason_field

KIND_NAMES = {
    "register": _l("Register request"),
    "review": _l("Review request"),
    "withdrawal": _l("Consent withdrawn"),
}
STATUS_NAMES = {
    "new": _l("New"),
    "being_looked_at": _l("Being looked at"),
    "more_information_needed": _l("More information needed"),
    "added_to_register": _l("Added to the register"),
    "not_added": _l("Not added"),
    "passed_to_care_coordinator": _l("Passed to the care coordinator"),
    "review_agreed": _l("Review agreed"),
    "review_not_agreed": _l("Review not agreed"),
    "consent_withdrawn": _l("Consent withdrawn"),
    "dealt_with": _l("Dealt with"),
    "removed_from_register": _l("Taken off the register"),
}
# What choosing each status means, under its radio.
STATUS_HINTS = {
    "being_looked_at": _l("You are working on it. The person sees that the team is looking."),
    "more_information_needed": _l("Someone must tell you more. Log the contact below."),
    "not_added": _l("Finishes the request. Write why for the person."),
    "passed_to_care_coordinator": _l("The care coordinator tries to sort out the worry first."),
    "review_agreed": _l("Finishes the request. Plan the review from the register record."),
    "review_not_agreed": _l("Finishes the request. Write why for the person."),
    "dealt_with": _l("Finishes the request. Nothing more will happen with it."),
}
CONTACT_METHOD_NAMES = {
    "phone": _l("Phone"),
    "email": _l("Email"),
    "letter": _l("Letter"),
    "meeting": _l("Meeting"),
    "other": _l("Other"),
}
# Both journeys' reason codes, for the urgent reasons shown in the queue.
REASON_NAMES = {**dict(RISKS), **dict(REASONS)}
# Who asked, or who gave consent, as staff say it.
ROLE_NAMES = {
    "person": _l("The person themselves"),
    "parent": _l("A parent, or someone with parental responsibility"),
    "family": _l("A family member or carer"),
    "advocate": _l("Their advocate"),
    "professional": _l("A professional who works with them"),
    "commissioner": _l("The commissioner"),
}
TEXT = 2000
LONG_TEXT = 5000


def choices(names, order=None):
    return [SelectChoice(value, names[value]) for value in (names if order is None else order)]


def text_area(label, limit, required=None, hint=None):
    validators = [Required(required)] if required else []
    return TextAreaField(
        label,
        description=hint,
        max_length=limit,
        validators=[*validators, MaxLength(limit, label)],
    )


class FilterForm(PortalForm):
    """The queue's filters, sent by GET: nothing changes, so no CSRF token."""

    class Meta:
        csrf = False

    kind = ChoiceSelectField(
        _l("Kind"),
        choices=[SelectChoice("", _l("All kinds")), *choices(KIND_NAMES)],
        default="",
    )
    status = ChoiceSelectField(
        _l("Status"),
        choices=[SelectChoice("", _l("Any status")), *choices(STATUS_NAMES, OPEN_STATUSES)],
        default="",
    )


class RefusableForm(PortalForm):
    """A form a view may refuse as a whole (no consent, nothing to take off): the refusal
    is a form error, listed first in the error summary and linked to where the page
    explains it."""

    refusal_anchor = "#consent"

    def error_summary(self):
        refusals = [{"text": text, "href": self.refusal_anchor} for text in self.form_errors]
        return refusals + super().error_summary()


class StatusForm(RefusableForm):
    refusal_anchor = "#where"

    status = RadioField(
        _l("New status"),
        choices=[],
        choice_hints=STATUS_HINTS,
        validators=[Required(_l("Select a status"))],
    )
    reason = text_area(
        _l("Why (for the team)"),
        TEXT,
        required=_l("Enter why you are changing the status"),
        hint=_l("Kept in the history with your name. A few words are enough."),
    )
    reason_for_person = text_area(
        _l("What to tell the person"),
        1000,
        hint=_l(
            "Shown on their status page. Needed when they are not added or a review is not "
            "agreed. Use short, plain words."
        ),
    )

    def offer(self, statuses):
        self.status.choices = choices(STATUS_NAMES, statuses)
        return self

    def validate_reason_for_person(self, field):
        if self.status.data in NEEDS_REASON_FOR_PERSON and not (field.data or "").strip():
            raise ValidationError(_l("Enter the reason for the person, in plain words"))


class NoteForm(PortalForm):
    note = text_area(_l("Note"), LONG_TEXT, required=_l("Enter the note"))


class ContactForm(PortalForm):
    contact_with = StringField(
        _l("Who with"),
        description=_l("For example: Pat Jones, mum; Jo Smith, social worker"),
        validators=[Required(_l("Enter who you were in contact with")), MaxLength(200, _l("Who"))],
    )
    contact_method = RadioField(
        _l("How"),
        choices=choices(CONTACT_METHOD_NAMES, CONTACT_METHODS),
        validators=[Required(_l("Select how you were in contact"))],
    )
    contact_text = text_area(_l("What was said"), LONG_TEXT, required=_l("Enter what was said"))


# The decision that stands in for consent, by the consent basis: the field labels follow
# the decision, so each reads as a plain question.
DECISION_LABELS = {
    "best_interests": {
        "decided_by": _l("Who made the best-interests decision"),
        "decided_by_hint": _l("Their name and role"),
        "decided_on": _l("Date of the decision"),
        "decision_reason": _l("Why going on the register is in their best interests"),
    },
    "parental": {
        "decided_by": _l("Who"),
        "decided_by_hint": _l(
            "The person with parental responsibility who agreed, or the professional who "
            "judged the child able to decide. Name and role."
        ),
        "decided_on": _l("Date"),
        "decision_reason": _l(
            "How they agreed, or why the child is able to decide and what they said"
        ),
    },
}


class DecisionForm(RefusableForm):
    decision_kind = RadioField(
        _l("What was decided"),
        choices=[],
        validators=[Required(_l("Select what was decided"))],
    )
    decided_by = StringField(
        _l("Who"),
        validators=[Required(_l("Enter who decided")), MaxLength(200, _l("Who"))],
    )
    decided_on = DateField(
        _l("Date"),
        description=_l("For example, 27 3 2026"),
        thing=_l("the date"),
        validators=[Required(_l("Enter the date")), PastDate(_l("The date"))],
    )
    decision_reason = text_area(_l("Why"), TEXT, required=_l("Enter why"))

    def for_basis(self, kinds):
        """Fit the form to the decisions that apply (one or two kinds)."""
        self.decision_kind.choices = choices(DECISION_KINDS, kinds)
        if len(kinds) == 1:
            self.decision_kind.data = kinds[0]
        labels = DECISION_LABELS["best_interests" if kinds == ("best_interests",) else "parental"]
        self.decided_by.label.text = labels["decided_by"]
        self.decided_by.description = labels["decided_by_hint"]
        self.decided_on.label.text = labels["decided_on"]
        self.decision_reason.label.text = labels["decision_reason"]
        return self


class AddForm(RefusableForm):
    # In the order the policy lists them, each with its one-line meaning.
    rating = RadioField(
        _l("First rating"),
        choices=choices(RATING_NAMES, RATINGS),
        choice_hints=RATING_MEANINGS,
        validators=[Required(_l("Select a rating"))],
    )
    rating_reason = reason_field()


TAKE_OFF_REASON = _l("The person asked to come off the register")


class TakeOffForm(RefusableForm):
    refusal_anchor = "#withdrawal"

    removal_reason = text_area(
        _l("Why they are coming off the register"),
        TEXT,
        required=_l("Enter why they are coming off the register"),
    )


# The request's answers, read back


def _journey(referral):
    return review_journey if referral.kind == "review" else register_journey


def _form_class(module, step, answers):
    if step.key == "consent":
        # The route it was asked by, not the one today's date would give.
        route = (answers.get("consent") or {}).get("route")
        return module.CONSENT_FORMS.get(route) or step.form_class(answers)
    return step.form_class(answers)


def _value(field):
    if isinstance(field, CheckboxesField):
        chosen = {str(v) for v in field.data or []}
        labels = [str(label) for value, label, *_ in field.iter_choices() if value in chosen]
        if not labels:
            return None
        items = Markup("").join(Markup("<li>{}</li>").format(label) for label in labels)
        return Markup('<ul class="nhsuk-list nhsuk-list--bullet">{}</ul>').format(items)
    if isinstance(field, TextAreaField):
        return as_paragraphs(field.data) or None
    value = display_value(field)
    if isinstance(value, date):
        return format_date(value, "d MMMM y")
    return value or None


# Headings that speak to the person filling in the form read oddly to staff.
STAFF_HEADINGS = {"you": _l("The person who asked"), "known": _l("An earlier request")}


def answer_sections(referral):
    """[(heading, [{"key", "value"}])] for every page answered, in the journey's order."""
    answers = referral.answers or {}
    module = _journey(referral)
    # Headings that change for someone asking for themselves are worded about "them".
    about_them = {**answers, "who": {"role": "someone else"}}
    sections = []
    for step in module.JOURNEY.steps:
        if step.key not in answers:
            continue
        try:
            form_class = _form_class(module, step, answers)
        except (KeyError, TypeError, ValueError):  # answers from an older journey
            form_class = None
        heading = STAFF_HEADINGS.get(step.key) or step.heading(about_them)
        if form_class is None:
            rows = [{"key": k, "value": str(v)} for k, v in answers[step.key].items()]
        else:
            form = form_class(
                formdata=None,
                data=from_stored(form_class, answers[step.key]),
                meta={"csrf": False},
            )
            rows = [{"key": f.label.text, "value": _value(f)} for f in question_fields(form)]
        sections.append((heading, rows))
    return sections


def communication_needs(referral):
    """What helps the person communicate, as short lines; [] when nothing extra."""
    given = (referral.answers or {}).get("communication") or {}
    names = dict(NEEDS)
    lines = [str(names.get(need, need)) for need in given.get("needs") or [] if need != "none"]
    if given.get("interpreter_language"):
        lines.append(_("Interpreter language: %(value)s", value=given["interpreter_language"]))
    if given.get("someone_present"):
        lines.append(_("Who must be there: %(value)s", value=given["someone_present"]))
    if given.get("other_need"):
        lines.append(_("What else helps: %(value)s", value=given["other_need"]))
    return lines
