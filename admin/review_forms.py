"""The forms for planning and recording a C(E)TR and its SMART actions."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError

from portal.forms import PortalForm
from portal.forms.fields import DateField, RadioField, SelectField, StringField, TextAreaField
from portal.forms.validators import MaxLength, PastDate, Required
from portal.services.reviews import ACTION_STATUS_NAMES, SETTING_NAMES

NAME_LIMIT = 200
WHAT_LIMIT = 500
NOTES_LIMIT = 5000
YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]


def choices(names):
    return [SelectChoice(value, label) for value, label in names.items()]


def panel_member(label, thing, required_message=None):
    validators = [MaxLength(NAME_LIMIT, thing)]
    if required_message:
        validators.insert(0, Required(required_message))
    return StringField(label, validators=validators)


class PanelMixin:
    def panel(self):
        return {
            "chair": (self.chair.data or "").strip(),
            "expert_by_experience": (self.expert_by_experience.data or "").strip(),
            "clinical_expert": (self.clinical_expert.data or "").strip(),
        }


class PlanForm(PanelMixin, PortalForm):
    setting = RadioField(
        _l("Where is the review?"),
        choices=choices(SETTING_NAMES),
        choice_hints={
            "community": _l("At home or in the community. The policy sets no date."),
            "post_admission": _l("The first review after going into a mental health hospital."),
            "in_hospital": _l("A repeat review for someone already in hospital."),
        },
        validators=[Required(_l("Select where the review is"))],
    )
    admitted = DateField(
        _l("Date of admission"),
        description=_l("Post-admission and in-hospital reviews only. For example, 3 10 2025."),
        thing=_l("the date of admission"),
        validators=[PastDate(_l("The date of admission"))],
    )
    community_review_before = RadioField(
        _l("Post-admission only: was a community C(E)TR held before the admission?"),
        choices=YES_NO,
    )
    last_review = DateField(
        _l("In hospital only: date of the last review"),
        description=_l("Leave empty if there has been no review since the admission."),
        thing=_l("the date of the last review"),
        validators=[PastDate(_l("The date of the last review"))],
    )
    secure = RadioField(
        _l("In hospital only: is it a secure hospital or ward?"),
        choices=YES_NO,
    )
    moved_on = DateField(
        _l("In hospital only: date of a move to another hospital, or to more or less security"),
        description=_l("Leave empty if they have not moved since the last review."),
        thing=_l("the date of the move"),
        validators=[PastDate(_l("The date of the move"))],
    )
    planned_on = DateField(
        _l("Planned date of the review"),
        description=_l("For example, 3 10 2025."),
        thing=_l("the planned date"),
        validators=[Required(_l("Enter the planned date of the review"))],
    )
    chair = panel_member(_l("Chair (optional)"), _l("The chair's name"))
    expert_by_experience = panel_member(
        _l("Expert by experience (optional)"), _l("The expert by experience's name")
    )
    clinical_expert = panel_member(
        _l("Clinical expert (optional)"), _l("The clinical expert's name")
    )
    referral_id = SelectField(
        _l("From a review request sent through the portal (optional)"),
        description=_l("Review requests for this person that were agreed."),
        choices=[],
        validate_choice=False,
    )

    def in_hospital(self):
        return self.setting.data in ("post_admission", "in_hospital")

    def validate_admitted(self, field):
        if self.in_hospital() and not field.data and not field.errors:
            raise StopValidation(_l("Enter the date of admission"))

    def validate_community_review_before(self, field):
        if self.setting.data == "post_admission" and not field.data:
            raise ValidationError(_l("Select if a community C(E)TR was held before the admission"))

    def validate_secure(self, field):
        if self.setting.data == "in_hospital" and not field.data:
            raise ValidationError(_l("Select if it is a secure hospital or ward"))

    def validate_moved_on(self, field):
        if self.setting.data != "in_hospital" or not field.data:
            return
        if self.admitted.data and field.data < self.admitted.data:
            raise ValidationError(_l("The date of the move must be after the admission"))

    def validate_referral_id(self, field):
        allowed = {str(value) for value, *_ in field.iter_choices()}
        if field.data and field.data not in allowed:
            raise ValidationError(_l("Select one of the review requests shown"))


class HeldForm(PanelMixin, PortalForm):
    held_on = DateField(
        _l("Date the review was held"),
        description=_l("For example, 3 10 2025."),
        thing=_l("the date it was held"),
        validators=[
            Required(_l("Enter the date the review was held")),
            PastDate(_l("The date it was held")),
        ],
    )
    chair = panel_member(_l("Chair"), _l("The chair's name"), _l("Enter the chair's name"))
    expert_by_experience = panel_member(
        _l("Expert by experience"),
        _l("The expert by experience's name"),
        _l("Enter the expert by experience's name"),
    )
    clinical_expert = panel_member(
        _l("Clinical expert"),
        _l("The clinical expert's name"),
        _l("Enter the clinical expert's name"),
    )

    def __init__(self, *args, report_sent_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report_sent_on = report_sent_on

    def validate_held_on(self, field):
        if field.data and self.report_sent_on and field.data > self.report_sent_on:
            raise ValidationError(
                _l("The date it was held must be on or before the date the report was sent")
            )


class ReportForm(PortalForm):
    report_sent_on = DateField(
        _l("Date the report was sent"),
        description=_l("The standard is within 2 weeks of the review. For example, 3 10 2025."),
        thing=_l("the date the report was sent"),
        validators=[
            Required(_l("Enter the date the report was sent")),
            PastDate(_l("The date the report was sent")),
        ],
    )

    def __init__(self, *args, held_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.held_on = held_on

    def validate_report_sent_on(self, field):
        if field.data and self.held_on and field.data < self.held_on:
            raise ValidationError(
                _l("The date the report was sent must be on or after the date the review was held")
            )


class NotesForm(PortalForm):
    notes = TextAreaField(
        _l("Notes"),
        description=_l("For staff. Leave empty to remove the notes."),
        max_length=NOTES_LIMIT,
        validators=[MaxLength(NOTES_LIMIT, _l("Notes"))],
    )


class ActionForm(PortalForm):
    what = TextAreaField(
        _l("What needs to happen"),
        description=_l("Specific and measurable, in words the person can understand."),
        max_length=WHAT_LIMIT,
        validators=[
            Required(_l("Enter what needs to happen")),
            MaxLength(WHAT_LIMIT, _l("What needs to happen")),
        ],
    )
    who = StringField(
        _l("Who will do it"),
        description=_l("A named person or team."),
        validators=[
            Required(_l("Enter who will do it")),
            MaxLength(NAME_LIMIT, _l("Who will do it")),
        ],
    )
    due_on = DateField(
        _l("By when"),
        description=_l("For example, 3 10 2025."),
        thing=_l("the date it should be done by"),
        validators=[Required(_l("Enter the date it should be done by"))],
    )

    def values(self):
        return {
            "what": self.what.data.strip(),
            "who": self.who.data.strip(),
            "due_on": self.due_on.data,
        }


class ActionChangeForm(ActionForm):
    status = RadioField(
        _l("Status"),
        choices=choices(ACTION_STATUS_NAMES),
        validators=[Required(_l("Select the status"))],
    )
    done_on = DateField(
        _l("Date it was done"),
        description=_l("Only when it is done. For example, 3 10 2025."),
        thing=_l("the date it was done"),
        validators=[PastDate(_l("The date it was done"))],
    )

    def validate_done_on(self, field):
        if self.status.data == "done" and not field.data and not field.errors:
            raise ValidationError(_l("Enter the date it was done"))
