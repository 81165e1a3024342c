"""The questions of a request for a Care (Education) and Treatment Review. Pages that ask
the same as the request to join the register reuse its forms."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from ...forms import PortalForm
from ...forms.fields import CheckboxesField, DateField, RadioField, StringField
from ...forms.validators import MaxLength, PastDate, Required
from ..referral.forms import ROLES as shared_roles
from ..referral.forms import (
    child_view,
    child_view_detail,
    choices,
    long_text,
    parent_contact,
    person_agrees,
    yes_or_no,
)

# The register's roles, with the team and the commissioner, who may also ask for a review.
ROLES = (
    *(role for role in shared_roles if role[0] != "professional"),
    ("professional", _l("I work in a team that supports them")),
    ("commissioner", _l("I am the commissioner who pays for their care")),
)


class WhoForm(PortalForm):
    role = RadioField(
        _l("Who is asking for the review?"),
        choices=choices(ROLES),
        validators=[Required(_l("Select who is asking for the review"))],
    )


class KnownForm(PortalForm):
    """An earlier request about the same person, so their details need not be typed again."""

    reference = StringField(
        _l("Reference number of an earlier request (optional)"),
        description=_l("For example, DSR-AB23-CD45. Leave it empty if there is none."),
        validators=[MaxLength(30, _l("The reference number"))],
    )
    date_of_birth = DateField(
        _l("The person's date of birth"),
        description=_l("Only needed with a reference number"),
        thing=_l("date of birth"),
    )

    def validate_reference(self, field):
        from ...services import referrals

        if not (field.data or "").strip():
            return
        if not self.date_of_birth.data:
            raise ValidationError(_l("Enter the person's date of birth, to check the reference"))
        try:
            found = referrals.find(field.data, self.date_of_birth.data, purpose="link")
        except referrals.TooManyTries as error:
            raise ValidationError(
                _l("Too many tries with that reference number. Wait an hour, or phone the team.")
            ) from error
        if found is None:
            raise ValidationError(
                _l("We could not find a request with that reference number and date of birth")
            )


class EducationForm(PortalForm):
    school = StringField(
        _l("Which school or college do they go to? (optional)"),
        validators=[MaxLength(200, _l("The school or college"))],
    )
    support = RadioField(
        _l("Do they have extra help with learning?"),
        choices=choices(
            (
                ("ehc_plan", _l("Yes, an Education, Health and Care (EHC) plan")),
                ("sen_support", _l("Yes, special educational needs (SEN) support")),
                ("none", _l("No")),
                ("not_sure", _l("I am not sure")),
            )
        ),
        validators=[Required(_l("Select if they have extra help with learning"))],
    )
    sen_team = StringField(
        _l("Who is their special educational needs (SEN) contact? (optional)"),
        description=_l("For example, a name at the council's SEN team"),
        validators=[MaxLength(300, _l("Their SEN contact"))],
    )


class WhereForm(PortalForm):
    YOU = {"where": _l("Where are you now?")}
    where = RadioField(
        _l("Where are they now?"),
        choices=choices(
            (
                ("community", _l("At home or in the community")),
                ("hospital", _l("In a mental health hospital")),
            )
        ),
        validators=[Required(_l("Select where they are now"))],
    )


MOVES = (
    ("no", _l("No")),
    ("hospital", _l("Yes, to another hospital")),
    ("security", _l("Yes, to a ward with more or less security")),
)


class HospitalStayForm(PortalForm):
    hospital = StringField(
        _l("Which hospital?"),
        validators=[
            Required(_l("Enter the name of the hospital")),
            MaxLength(200, _l("The hospital")),
        ],
    )
    admitted = DateField(
        _l("When did they go in?"),
        description=_l("For example, 3 10 2026. A rough date is fine."),
        thing=_l("the date they went in"),
        validators=[
            Required(_l("Enter when they went into hospital")),
            PastDate(_l("The date they went in")),
        ],
    )
    secure = RadioField(
        _l("Is it a secure hospital or ward?"),
        choices=choices((("yes", _l("Yes")), ("no", _l("No")), ("not_sure", _l("I am not sure")))),
        validators=[Required(_l("Select if it is a secure hospital or ward"))],
    )
    moved = RadioField(
        _l("Have they moved hospital or ward lately?"),
        choices=choices(MOVES),
        validators=[Required(_l("Select if they have moved lately"))],
    )
    moved_on = DateField(
        _l("If they moved, when?"),
        thing=_l("the date they moved"),
        validators=[PastDate(_l("The date they moved"))],
    )

    def validate_moved_on(self, field):
        if self.moved.data in ("hospital", "security") and not field.data and not field.errors:
            raise ValidationError(_l("Enter when they moved"))
        if field.data and self.admitted.data and field.data < self.admitted.data:
            raise ValidationError(_l("The date they moved must be after they went in"))


class HistoryForm(PortalForm):
    community_review = RadioField(
        _l("Did they have a review at home or in the community before going into hospital?"),
        choices=choices((("yes", _l("Yes")), ("no", _l("No")), ("not_sure", _l("I am not sure")))),
        validators=[Required(_l("Select if they had a review before going into hospital"))],
    )
    reviewed_since = RadioField(
        _l("Have they had a review since going into hospital?"),
        choices=choices((("yes", _l("Yes")), ("no", _l("No")), ("not_sure", _l("I am not sure")))),
        validators=[Required(_l("Select if they have had a review in hospital"))],
    )
    last_review = DateField(
        _l("If yes, when was the last one?"),
        description=_l("For example, 3 10 2026. A rough date is fine."),
        thing=_l("the date of the last review"),
        validators=[PastDate(_l("The date of the last review"))],
    )

    def validate_last_review(self, field):
        if self.reviewed_since.data == "yes" and not field.data and not field.errors:
            raise ValidationError(_l("Enter when the last review was"))


REASONS = (
    ("service", _l("Worries about the service or support they get")),
    ("treatment", _l("Worries about their treatment plan")),
    ("safety", _l("Worries about their safety or wellbeing")),
    ("discharge", _l("No clear date or plan to leave hospital")),
    ("move", _l("A move between hospitals, or to more or less security")),
    (
        "diagnosis",
        _l("A new diagnosis of learning disability or autism, or one that may be removed"),
    ),
    ("risk", _l("At risk of going into hospital")),
    ("other", _l("Something else")),
)


class WhyForm(PortalForm):
    YOU = {"reasons": _l("Why do you want a review now?")}
    reasons = CheckboxesField(
        _l("Why do they need a review now?"),
        description=_l("Select all that apply."),
        choices=choices(REASONS),
        validators=[Required(_l("Select why a review is needed now"))],
    )
    explain = long_text(
        _l("Tell us more"),
        hint=_l("What has happened? What worries you?"),
        thing=_l("Tell us more"),
    )

    def validate_explain(self, field):
        if "other" in (self.reasons.data or []) and not (field.data or "").strip():
            raise ValidationError(_l("Tell us what else is happening"))


class InviteForm(PortalForm):
    people = long_text(
        _l("Who would they like to invite? (optional)"),
        hint=_l("For example, a family carer, an advocate, or someone important to them"),
        thing=_l("Who to invite"),
    )
    day = RadioField(
        _l("Should the review be on the same day as another care meeting?"),
        choices=choices(
            (
                ("same_day", _l("Yes, on the same day")),
                ("different_day", _l("No, on a different day")),
                ("no_preference", _l("It does not matter")),
            )
        ),
        validators=[Required(_l("Select if the review should be on the same day"))],
    )
    helps = long_text(
        _l("Is there anything that would help the review go well? (optional)"),
        hint=_l("For example, breaks, a quiet room, meeting one person at a time"),
        thing=_l("What would help"),
    )


class OwnConsentForm(PortalForm):
    agree = yes_or_no(_l("Do you agree to have a review?"))


class ParentConsentForm(PortalForm):
    agree = yes_or_no(_l("As their parent, do you agree to the review?"))


class ChildAskingForm(PortalForm):
    agree = yes_or_no(_l("Do you want a review?"))
    parent_contact = parent_contact(
        _l("A parent or carer usually agrees too. We will talk to them.")
    )


class RelayedPersonConsentForm(PortalForm):
    agree = person_agrees(_l("Does the person agree to have a review?"))


CHILD_VIEWS = (
    ("agrees", _l("They want a review")),
    ("disagrees", _l("They do not want a review")),
    ("unsure", _l("They are not sure")),
    ("could_not_say", _l("They could not tell us, even with help")),
)


class ChildViewForm(PortalForm):
    view = child_view(_l("What does the child think about having a review?"), CHILD_VIEWS)
    detail = child_view_detail()
