"""The questions of the request to go on the Dynamic Support Register, one form a page."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from ...forms import PortalForm
from ...forms.fields import (
    CheckboxesField,
    DateField,
    EmailField,
    RadioField,
    StringField,
    TelField,
    TextAreaField,
)
from ...forms.validators import (
    Email,
    MaxLength,
    NHSNumber,
    PastDate,
    Phone,
    Postcode,
    Required,
    RequiredIf,
)

LONG_TEXT = 5000


def choices(pairs):
    return [SelectChoice(value, label) for value, label in pairs]


def long_text(label, hint=None, thing=None):
    return TextAreaField(
        label,
        description=hint,
        max_length=LONG_TEXT,
        validators=[MaxLength(LONG_TEXT, thing or label)],
    )


ROLES = (
    ("person", _l("I am asking for myself")),
    ("parent", _l("I am their parent, or have parental responsibility")),
    ("family", _l("I am a family member or carer")),
    ("advocate", _l("I am their advocate")),
    ("professional", _l("I am a professional who works with them")),
)


class WhoForm(PortalForm):
    role = RadioField(
        _l("Who is filling in this form?"),
        choices=choices(ROLES),
        validators=[Required(_l("Select who is filling in this form"))],
    )


class YouForm(PortalForm):
    name = StringField(
        _l("Your full name"),
        validators=[Required(_l("Enter your full name")), MaxLength(200, _l("Your name"))],
    )
    relationship = StringField(
        _l("How do you know them?"),
        description=_l("For example: mum, grandad, support worker, social worker"),
        validators=[
            Required(_l("Enter how you know them")),
            MaxLength(200, _l("How you know them")),
        ],
    )
    organisation = StringField(
        _l("Where you work (if you are a professional)"),
        validators=[MaxLength(200, _l("Where you work"))],
    )
    phone = TelField(_l("Your phone number"), validators=[Phone()])
    email = EmailField(
        _l("Your email address"),
        description=_l("We send a confirmation here. You can leave it empty."),
        validators=[Email(), MaxLength(320, _l("Your email address"))],
    )

    def validate_phone(self, field):
        if not (field.data or "").strip() and not (self.email.data or "").strip():
            raise ValidationError(_l("Enter a phone number or an email address, so we can reply"))


class PersonForm(PortalForm):
    YOU = {"preferred_name": _l("What do you like to be called? (optional)")}
    first_name = StringField(
        _l("First name"),
        validators=[Required(_l("Enter the first name")), MaxLength(100, _l("First name"))],
    )
    last_name = StringField(
        _l("Last name"),
        validators=[Required(_l("Enter the last name")), MaxLength(100, _l("Last name"))],
    )
    preferred_name = StringField(
        _l("What do they like to be called? (optional)"),
        validators=[MaxLength(100, _l("The name they like"))],
    )
    date_of_birth = DateField(
        _l("Date of birth"),
        description=_l("For example, 27 3 2009"),
        thing=_l("date of birth"),
        validators=[Required(_l("Enter the date of birth")), PastDate(_l("Date of birth"))],
    )
    nhs_number = StringField(
        _l("NHS number (optional)"),
        description=_l(
            "A 10 digit number, like 943 476 5919. Leave it empty if you do not know it."
        ),
        validators=[NHSNumber()],
    )

    def validate_date_of_birth(self, field):
        if field.data and field.data.year < date.today().year - 120:
            raise ValidationError(_l("Date of birth must be a real date of birth"))


class AddressForm(PortalForm):
    line1 = StringField(
        _l("Address line 1"),
        validators=[
            Required(_l("Enter the first line of the address")),
            MaxLength(200, _l("Address line 1")),
        ],
    )
    line2 = StringField(
        _l("Address line 2 (optional)"), validators=[MaxLength(200, _l("Address line 2"))]
    )
    town = StringField(
        _l("Town or city"),
        validators=[Required(_l("Enter the town or city")), MaxLength(100, _l("Town or city"))],
    )
    postcode = StringField(
        _l("Postcode"),
        validators=[Required(_l("Enter the postcode")), Postcode()],
    )


CONTACT_WAYS = (
    ("phone", _l("Phone call")),
    ("text", _l("Text message")),
    ("email", _l("Email")),
    ("letter", _l("Letter")),
)


class ContactForm(PortalForm):
    YOU = {"ways": _l("How should we contact you?")}
    ways = CheckboxesField(
        _l("How should we contact them?"),
        description=_l("Select all that work. If you are their parent carer, we contact you."),
        choices=choices(CONTACT_WAYS),
        validators=[Required(_l("Select at least one way to contact them"))],
    )
    phone = TelField(
        _l("Phone number"),
        validators=[RequiredIf("ways", "phone", _l("Enter the phone number to call")), Phone()],
    )
    email = EmailField(
        _l("Email address"),
        validators=[RequiredIf("ways", "email", _l("Enter the email address to use")), Email()],
    )
    best_times = StringField(
        _l("When is a good time? (optional)"),
        description=_l("For example: weekday mornings, not after 4pm"),
        validators=[MaxLength(200, _l("A good time"))],
    )

    def validate_phone(self, field):
        if "text" in (self.ways.data or []) and not (field.data or "").strip():
            raise ValidationError(_l("Enter the phone number for text messages"))


NEEDS = (
    ("easy_read", _l("Easy read")),
    ("large_print", _l("Large print")),
    ("bsl", _l("British Sign Language")),
    ("interpreter", _l("An interpreter for another language")),
    ("someone_present", _l("Someone who must be there")),
    ("other", _l("Something else")),
    ("none", _l("No, nothing extra")),
)


class CommunicationForm(PortalForm):
    YOU = {
        "needs": _l("Do you need anything to help you understand us or talk to us?"),
        "interpreter_language": _l("If you need an interpreter, which language?"),
        "someone_present": _l("If someone must be there, who?"),
        "other_need": _l("If something else helps, what is it?"),
    }
    needs = CheckboxesField(
        _l("Do they need anything to help them understand us or talk to us?"),
        description=_l(
            "We record this so everyone who contacts them knows. Select all that apply."
        ),
        choices=choices(NEEDS),
        validators=[Required(_l("Select what helps, or select no, nothing extra"))],
    )
    interpreter_language = StringField(
        _l("If they need an interpreter, which language?"),
        validators=[
            RequiredIf("needs", "interpreter", _l("Enter the language for the interpreter")),
            MaxLength(100, _l("The language")),
        ],
    )
    someone_present = StringField(
        _l("If someone must be there, who?"),
        validators=[
            RequiredIf("needs", "someone_present", _l("Enter who must be there")),
            MaxLength(200, _l("Who must be there")),
        ],
    )
    other_need = StringField(
        _l("If something else helps, what is it?"),
        validators=[
            RequiredIf("needs", "other", _l("Enter what else helps")),
            MaxLength(500, _l("What else helps")),
        ],
    )

    def validate_needs(self, field):
        if "none" in (field.data or []) and len(field.data) > 1:
            raise ValidationError(_l("Select what helps, or select no, nothing extra, not both"))


DIAGNOSES = (
    ("learning_disability", _l("A learning disability")),
    ("autism", _l("Autism")),
    ("both", _l("Both a learning disability and autism")),
    ("waiting", _l("Waiting for an assessment")),
)


class DiagnosisForm(PortalForm):
    YOU = {"diagnosis": _l("Do you have a learning disability, autism or both?")}
    diagnosis = RadioField(
        _l("Do they have a learning disability, autism or both?"),
        choices=choices(DIAGNOSES),
        validators=[Required(_l("Select a learning disability, autism, both, or waiting"))],
    )


SETTINGS = (
    ("family_home", _l("At home with family")),
    ("foster_or_residential", _l("In a foster home or residential home")),
    ("supported_living", _l("In supported living")),
    ("residential_school", _l("At a residential school or college, 52 weeks a year")),
    ("hospital", _l("In a mental health hospital")),
    ("other", _l("Somewhere else")),
)


class LivingForm(PortalForm):
    YOU = {"setting": _l("Where do you live or stay now?")}
    setting = RadioField(
        _l("Where do they live or stay now?"),
        choices=choices(SETTINGS),
        validators=[Required(_l("Select where they live or stay now"))],
    )
    other_setting = StringField(
        _l("If somewhere else, where?"),
        validators=[
            RequiredIf("setting", "other", _l("Enter where they live or stay")),
            MaxLength(200, _l("Where they live")),
        ],
    )


class HospitalForm(PortalForm):
    YOU = {"since": _l("When did you go in?")}
    hospital = StringField(
        _l("Which hospital?"),
        validators=[
            Required(_l("Enter the name of the hospital")),
            MaxLength(200, _l("The hospital")),
        ],
    )
    since = DateField(
        _l("When did they go in?"),
        description=_l("For example, 3 10 2026. A rough date is fine."),
        thing=_l("the date they went in"),
        validators=[
            Required(_l("Enter when they went into hospital")),
            PastDate(_l("The date they went in")),
        ],
    )


RISKS = (
    ("life_events", _l("Big changes or upsetting events, like someone dying or abuse")),
    ("mental_health", _l("Mental health problems that are not settled or not treated")),
    ("physical_health", _l("Pain or worry from a physical health problem")),
    ("previous_admission", _l("Been in a mental health hospital before")),
    ("legal_restrictions", _l("Under the Mental Health Act or a Deprivation of Liberty order")),
    ("behaviour", _l("Behaviour that is hard for others to manage")),
    ("unsettled_home", _l("A home that is not settled, or support staff who keep changing")),
    ("not_known", _l("Not known to learning disability services")),
    ("no_fixed_address", _l("Nowhere settled to live")),
    ("police_or_courts", _l("Trouble with the police, courts or youth offending team")),
    ("emergency_visits", _l("Going to A&E in a crisis")),
    ("no_family_or_advocate", _l("No family carer or advocate")),
    ("drugs_or_alcohol", _l("Problems with drugs or alcohol")),
    ("moving_to_adult_services", _l("No plan for moving from children's to adult services")),
    ("recently_discharged", _l("Left hospital not long ago")),
    ("intensive_support", _l("Using intensive support or short breaks for behaviour")),
)


class RisksForm(PortalForm):
    YOU = {"reasons": _l("What is happening in your life now?")}
    reasons = CheckboxesField(
        _l("What is happening in their life now?"),
        description=_l("Select all that apply. It is fine if none of these fit."),
        choices=choices(RISKS),
    )
    more = long_text(
        _l("Tell us more"),
        hint=_l("What worries you most? What has happened lately?"),
        thing=_l("Tell us more"),
    )

    def validate_more(self, field):
        if not self.reasons.data and not (field.data or "").strip():
            raise ValidationError(_l("Select what is happening, or tell us in your own words"))


SUPPORTERS = (
    ("care_coordinator", _l("A care coordinator")),
    ("social_worker", _l("A social worker")),
    ("school", _l("A school or college")),
    ("ehc_plan", _l("An Education, Health and Care (EHC) plan")),
    ("keyworker", _l("A keyworker")),
    ("advocate", _l("An advocate")),
    ("gp", _l("A GP (family doctor)")),
)


class SupportForm(PortalForm):
    YOU = {"supporters": _l("Who supports you now?")}
    supporters = CheckboxesField(
        _l("Who supports them now?"),
        description=_l("Select all that apply. Leave them all empty if nobody does."),
        choices=choices(SUPPORTERS),
    )
    details = long_text(
        _l("Names and contact details (optional)"),
        hint=_l("For example: Jo Smith, social worker, 01632 960 123"),
        thing=_l("Names and contact details"),
    )


class HelpForm(PortalForm):
    what_would_help = long_text(
        _l("What would help?"),
        hint=_l("In your own words. You can leave this empty."),
        thing=_l("What would help"),
    )


AGREE = (("yes", _l("Yes")), ("no", _l("No")))


def yes_or_no(question):
    return RadioField(
        question, choices=choices(AGREE), validators=[Required(_l("Select yes or no"))]
    )


class OwnConsentForm(PortalForm):
    """A person of 16 or over, answering for themselves."""

    agree = yes_or_no(_l("Do you agree to go on the Dynamic Support Register?"))


class ParentConsentForm(PortalForm):
    agree = yes_or_no(_l("As their parent, do you agree to them going on the register?"))


class RelayedParentConsentForm(PortalForm):
    agree = yes_or_no(_l("Has a parent, or someone with parental responsibility, agreed?"))
    parent_name = StringField(
        _l("Their name"),
        validators=[
            RequiredIf("agree", "yes", _l("Enter the name of the parent who agreed")),
            MaxLength(200, _l("Their name")),
        ],
    )


PERSON_AGREES = (
    ("yes", _l("Yes, they agree")),
    ("no", _l("No, they do not agree")),
    ("cannot_decide", _l("They cannot make this decision, even with help")),
)


def person_agrees(question):
    """Someone else tells us the person's answer, or that they cannot decide."""
    return RadioField(
        question,
        choices=choices(PERSON_AGREES),
        choice_hints={
            "cannot_decide": _l(
                "The team will then make a best interests decision with the people who know them."
            )
        },
        validators=[Required(_l("Select if they agree"))],
    )


def parent_contact(hint):
    """A child asking for themselves: who to talk to about a parent's agreement."""
    return StringField(
        _l("Who is your parent or carer, and how can we contact them?"),
        description=hint,
        validators=[
            RequiredIf("agree", "yes", _l("Enter who your parent or carer is")),
            MaxLength(300, _l("Your parent or carer")),
        ],
    )


def child_view(question, views):
    return RadioField(
        question, choices=choices(views), validators=[Required(_l("Select what the child thinks"))]
    )


def child_view_detail():
    return long_text(
        _l("Anything else about what they think (optional)"), thing=_l("What they think")
    )


class RelayedPersonConsentForm(PortalForm):
    agree = person_agrees(_l("Does the person agree to go on the register?"))


class ChildAskingForm(PortalForm):
    agree = yes_or_no(_l("Do you want to go on the Dynamic Support Register?"))
    parent_contact = parent_contact(_l("A parent or carer must agree too. We will talk to them."))


CHILD_VIEWS = (
    ("agrees", _l("They want to go on the register")),
    ("disagrees", _l("They do not want to")),
    ("unsure", _l("They are not sure")),
    ("could_not_say", _l("They could not tell us, even with help")),
)


class ChildViewForm(PortalForm):
    view = child_view(_l("What does the child think?"), CHILD_VIEWS)
    detail = child_view_detail()
