"""Forms and wording for the register pages: the list's search and filters, the rating,
the minimum dataset in a few groups, adding someone directly, and coming off."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError

from portal.forms import PortalForm
from portal.forms.fields import (
    CheckboxesField,
    DateField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from portal.forms.validators import MaxLength, NHSNumber, PastDate, Postcode, Required
from portal.i18n import DEFAULT, language_name, supported
from portal.public.referral.forms import RISKS
from portal.services.register_search import SEVERITY

RATING_NAMES = {
    "RED": _l("Red"),
    "AMBER": _l("Amber"),
    "GREEN": _l("Green"),
    "BLUE": _l("Blue"),
}
RATING_MEANINGS = {
    "RED": _l("High risk of admission to a mental health hospital now"),
    "AMBER": _l("High risk of admission if the right support does not come soon"),
    "GREEN": _l("Risks are being managed well in the community"),
    "BLUE": _l("In a mental health hospital now"),
}
# The tag's colour is never the only sign: the tag always says the rating's name.
RATING_TAGS = {
    "RED": "nhsuk-tag--red",
    "AMBER": "nhsuk-tag--orange",
    "GREEN": "nhsuk-tag--green",
    "BLUE": "nhsuk-tag--blue",
}
CONDITION_NAMES = {
    "learning_disability": _l("Learning disability"),
    "autism": _l("Autism"),
    "both": _l("Learning disability and autism"),
    "waiting": _l("Waiting for an assessment"),
}
SETTING_NAMES = {
    "family_home": _l("At home with family"),
    "own_home": _l("In their own home"),
    "foster_or_residential": _l("Foster home or residential home"),
    "supported_living": _l("Supported living"),
    "residential_school": _l("Residential school or college (52 weeks)"),
    "hospital": _l("Mental health hospital"),
    "other": _l("Somewhere else"),
}
AGE_GROUP_NAMES = {
    "child": _l("Child (under 16)"),
    "young_person": _l("Young person (16 or 17)"),
    "adult": _l("Adult (18 or over)"),
}
RISK_NAMES = dict(RISKS)
SORT_NAMES = {
    "rating": _l("Rating, most urgent first"),
    "review": _l("Next register review, soonest first"),
}
YES_NO = {"yes": _l("Yes"), "no": _l("No")}
TEXT = 2000
LONG_TEXT = 5000


def choices(names, order=None):
    return [SelectChoice(value, names[value]) for value in (order or names)]


class ChoiceSelectField(SelectField):
    """A select whose wrong values get a plain message (WTForms' own is not translated)."""

    def pre_validate(self, form):
        if (self.data or "") not in {value for value, *_rest in self.iter_choices()}:
            raise ValidationError(_l("Select one of the options shown"))


class LanguageField(ChoiceSelectField):
    """The language to write to them in: one of the public side's languages, or the one on
    their record if the portal no longer offers it (`on_record`, or the record's own value
    when the form was made from it)."""

    on_record = None

    def __init__(self, label, **kwargs):
        super().__init__(label, choices=self.offered, default=DEFAULT, **kwargs)

    def offered(self):
        codes = list(supported())
        kept = self.on_record or self.object_data
        if kept and kept not in codes:
            codes.append(kept)
        return [SelectChoice(code, language_name(code)) for code in codes]


def language_field():
    return LanguageField(
        _l("Language"),
        description=_l(
            "The language they use with us. If it is not English, staff write to them in it "
            "or arrange an interpreter."
        ),
    )


class YesNoField(RadioField):
    """Yes, no or not known, kept as True, False or None."""

    CHOICES = (("yes", _l("Yes")), ("no", _l("No")), ("unknown", _l("Not known")))

    def __init__(self, label, **kwargs):
        super().__init__(label, choices=[SelectChoice(v, t) for v, t in self.CHOICES], **kwargs)

    def process_data(self, value):
        if isinstance(value, bool) or value is None:
            value = {True: "yes", False: "no", None: "unknown"}[value]
        self.data = value

    def model_value(self):
        return {"yes": True, "no": False}.get(self.data)


def text_area(label, limit=TEXT, hint=None):
    return TextAreaField(
        label, description=hint, max_length=limit, validators=[MaxLength(limit, label)]
    )


class FilterForm(PortalForm):
    """The list's search and filters: sent by GET, so a search can be bookmarked and the
    form works without JavaScript. Nothing changes, so no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(
        _l("Name, NHS number or reference"),
        description=_l("For example, Sam Jones, 943 476 5919 or DSR-ABCD-2346"),
        validators=[MaxLength(100, _l("The search"))],
    )
    rating = CheckboxesField(_l("Rating"), choices=choices(RATING_NAMES, SEVERITY))
    age = ChoiceSelectField(
        _l("Age group"),
        choices=[SelectChoice("", _l("Any age")), *choices(AGE_GROUP_NAMES)],
        default="",
    )
    setting = ChoiceSelectField(
        _l("Where they live"),
        choices=[SelectChoice("", _l("Anywhere")), *choices(SETTING_NAMES)],
        default="",
    )
    overdue = CheckboxesField(
        _l("Overdue"),
        choices=[
            SelectChoice("review", _l("Register review overdue")),
            SelectChoice("action", _l("Review action overdue")),
        ],
    )
    sort = ChoiceSelectField(_l("Sort by"), choices=choices(SORT_NAMES), default="rating")


class SectionForm(PortalForm):
    """One group of the minimum dataset. Field names are the register's column names."""

    def values(self):
        """What to store: stripped text (empty is None), dates, True/False/None, lists."""
        out = {}
        for field in self:
            if field.name == "csrf_token":
                continue
            value = field.model_value() if hasattr(field, "model_value") else field.data
            if isinstance(value, str):
                value = value.strip() or None
            out[field.name] = value
        return out


def first_name_field():
    return StringField(
        _l("First name"),
        validators=[Required(_l("Enter their first name")), MaxLength(100, _l("First name"))],
    )


def last_name_field():
    return StringField(
        _l("Last name"),
        validators=[Required(_l("Enter their last name")), MaxLength(100, _l("Last name"))],
    )


def nhs_number_field():
    return StringField(
        _l("NHS number (optional)"),
        description=_l("10 numbers, like 943 476 5919"),
        validators=[NHSNumber()],
    )


def date_of_birth_field():
    return DateField(
        _l("Date of birth"),
        description=_l("For example, 15 3 2009"),
        thing=_l("date of birth"),
        validators=[Required(_l("Enter their date of birth")), PastDate(_l("Date of birth"))],
    )


def communication_needs_field():
    return text_area(
        _l("Communication needs"),
        1000,
        hint=_l(
            "What helps them understand and be understood: easy read, an interpreter, "
            "someone they trust there."
        ),
    )


def rating_field():
    return RadioField(
        _l("Rating"),
        choices=choices(RATING_NAMES, SEVERITY),
        choice_hints=RATING_MEANINGS,
        validators=[Required(_l("Select a rating"))],
    )


def reason_field():
    return TextAreaField(
        _l("Why this rating?"),
        description=_l("What has changed, and what the risks are now."),
        max_length=TEXT,
        validators=[Required(_l("Enter why you chose this rating")), MaxLength(TEXT, _l("Why"))],
    )


class RatingForm(PortalForm):
    rating = rating_field()
    reason = reason_field()


class IdentityForm(SectionForm):
    first_name = first_name_field()
    last_name = last_name_field()
    nhs_number = nhs_number_field()
    date_of_birth = date_of_birth_field()
    address = text_area(_l("Address"), 500)
    postcode = StringField(_l("Postcode"), validators=[Postcode()])
    communication_needs = communication_needs_field()
    language = language_field()


class NeedsForm(SectionForm):
    condition = RadioField(
        _l("Learning disability, autism or both"), choices=choices(CONDITION_NAMES)
    )
    mental_health_diagnosis = text_area(_l("Mental health diagnosis"))
    behaviour_that_challenges = text_area(_l("Behaviour that challenges"))
    criminal_justice_contact = text_area(_l("Contact with the criminal or youth justice system"))
    last_annual_health_check = DateField(
        _l("Date of last annual health check"),
        thing=_l("date of the last annual health check"),
        validators=[PastDate(_l("The date of the last annual health check"))],
    )


class RisksForm(SectionForm):
    risk_reasons = CheckboxesField(
        _l("Reasons they may be at risk"),
        description=_l("Select all that apply."),
        choices=choices(RISK_NAMES),
    )
    key_risks = text_area(_l("Key risks"), LONG_TEXT)
    previous_admissions = text_area(_l("Previous admissions"))
    crisis_contacts = text_area(_l("Crisis contacts"))


class CareForm(SectionForm):
    setting = RadioField(_l("Where they live now"), choices=choices(SETTING_NAMES))
    placement_52_week = YesNoField(_l("In a 52-week residential placement?"))
    in_transition = YesNoField(_l("Moving from children's to adult services?"))
    care_coordinator = text_area(_l("Care coordinator"), 500)
    service_provider = text_area(_l("Service provider"), 500)
    has_care_plan = YesNoField(_l("Care plan in place?"))
    has_crisis_plan = YesNoField(_l("Crisis and contingency plan in place?"))
    has_risk_assessment = YesNoField(_l("Risk assessment in place?"))
    current_package = text_area(_l("Current package of care"), LONG_TEXT)
    personal_budget_offered = YesNoField(_l("Personal budget offered?"))
    advocate_involved = YesNoField(_l("Advocate involved?"))


class WishesForm(SectionForm):
    person_wishes = text_area(_l("The person's wishes"), LONG_TEXT)
    family_wishes = text_area(_l("The family's wishes"), LONG_TEXT)


class DatesForm(SectionForm):
    consent_given_on = DateField(
        _l("Date consent was given"),
        description=_l("Or the date of the best-interests decision."),
        thing=_l("date consent was given"),
        validators=[
            Required(_l("Enter the date consent was given")),
            PastDate(_l("The date consent was given")),
        ],
    )
    last_review_on = DateField(
        _l("Date of last register review"),
        thing=_l("date of the last register review"),
        validators=[PastDate(_l("The date of the last register review"))],
    )
    next_review_on = DateField(
        _l("Date of next register review"),
        description=_l("Set from the rating when it changes. You can move it."),
        thing=_l("date of the next register review"),
        validators=[Required(_l("Enter the date of the next register review"))],
    )


def offered_on(label, answer, missing, thing):
    """The date linked support was offered: needed when the answer is yes."""

    def needed_when_yes(form, field):
        if form[answer].data == "yes" and field.data is None and not field.process_errors:
            field.errors[:] = []
            raise StopValidation(missing)

    return DateField(label, thing=thing, validators=[needed_when_yes, PastDate(thing)])


class SupportForm(SectionForm):
    keyworker_referral = RadioField(
        _l("Keyworker referral offered?"),
        description=_l("For children and young people."),
        choices=choices(YES_NO),
    )
    keyworker_referral_on = offered_on(
        _l("Date the keyworker referral was offered"),
        "keyworker_referral",
        _l("Enter the date the keyworker referral was offered"),
        _l("The date the keyworker referral was offered"),
    )
    carers_assessment = RadioField(_l("Carer's assessment offered?"), choices=choices(YES_NO))
    carers_assessment_on = offered_on(
        _l("Date the carer's assessment was offered"),
        "carers_assessment",
        _l("Enter the date the carer's assessment was offered"),
        _l("The date the carer's assessment was offered"),
    )


class Section:
    def __init__(self, title, form):
        self.title, self.form = title, form


SECTIONS = {
    "identity": Section(_l("Identity"), IdentityForm),
    "needs": Section(_l("Needs and diagnosis"), NeedsForm),
    "risks": Section(_l("Risks"), RisksForm),
    "care": Section(_l("Care and support"), CareForm),
    "wishes": Section(_l("Wishes"), WishesForm),
    "dates": Section(_l("Dates"), DatesForm),
    "support": Section(_l("Linked support offered"), SupportForm),
}


class NewEntryForm(PortalForm):
    """Adding someone directly: a professional's referral with consent given on paper."""

    first_name = first_name_field()
    last_name = last_name_field()
    date_of_birth = date_of_birth_field()
    nhs_number = nhs_number_field()
    condition = RadioField(
        _l("Learning disability, autism or both"),
        choices=choices(CONDITION_NAMES),
        validators=[Required(_l("Select a learning disability, autism, both, or waiting"))],
    )
    setting = RadioField(
        _l("Where they live now"),
        choices=choices(SETTING_NAMES),
        validators=[Required(_l("Select where they live now"))],
    )
    communication_needs = communication_needs_field()
    language = language_field()
    consent_given_on = DateField(
        _l("Date consent was given"),
        description=_l(
            "Nobody goes on the register without consent. For an adult who cannot decide, "
            "enter the date of the best-interests decision. For example, 3 10 2026."
        ),
        thing=_l("date consent was given"),
        validators=[
            Required(_l("Enter the date consent was given")),
            PastDate(_l("The date consent was given")),
        ],
    )
    rating = rating_field()
    reason = reason_field()

    def details(self):
        """The register's fields from this form (the rating and reason go separately)."""
        return {
            name: (self[name].data.strip() or None)
            if isinstance(self[name].data, str)
            else self[name].data
            for name in (
                "first_name",
                "last_name",
                "date_of_birth",
                "nhs_number",
                "condition",
                "setting",
                "communication_needs",
                "language",
                "consent_given_on",
            )
        }


class RemoveForm(PortalForm):
    reason = TextAreaField(
        _l("Why are they coming off the register?"),
        description=_l(
            "For example, they are no longer at risk of admission, or they asked to "
            "come off. This is kept with their record."
        ),
        max_length=TEXT,
        validators=[
            Required(_l("Enter why they are coming off the register")),
            MaxLength(TEXT, _l("Why")),
        ],
    )
