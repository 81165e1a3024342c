"""The widget layer: each field renders its NHS.UK macro, keeps what was typed, and
puts a plain message beside the field."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict
from wtforms.fields.choices import SelectChoice

from portal.forms import PortalForm
from portal.forms import fields as f
from portal.forms.validators import MaxLength, PastDate, Required


class ExampleForm(PortalForm):
    class Meta:
        csrf = False

    name = f.StringField("Full name", validators=[Required("Enter your full name")])
    email = f.EmailField("Email address")
    story = f.TextAreaField(
        "Tell us more", max_length=50, validators=[MaxLength(50, "Tell us more")]
    )
    where = f.RadioField(
        "Where do you live?",
        choices=[SelectChoice("home", "At home"), SelectChoice("other", "Somewhere else")],
        validators=[Required("Select where you live")],
    )
    needs = f.CheckboxesField(
        "What helps you?",
        choices=[SelectChoice("easy", "Easy read"), SelectChoice("bsl", "British Sign Language")],
    )
    born = f.DateField(
        "Date of birth",
        validators=[Required("Enter your date of birth"), PastDate("Date of birth")],
    )
    send = f.SubmitField("Send")


def make(app, **data):
    with app.test_request_context():
        form = ExampleForm(formdata=MultiDict(data) if data else None)
        form.validate()
        rendered = {field.name: str(field()) for field in form}
        return form, {k: BeautifulSoup(v, "html.parser") for k, v in rendered.items()}


VALID = {
    "name": "Sam",
    "where": "home",
    "born-day": "3",
    "born-month": "4",
    "born-year": "2001",
}


def test_each_field_renders_its_nhs_component(app):
    _, html = make(app)
    assert html["name"].select_one("input.nhsuk-input#name[name=name][type=text]")
    assert html["email"].select_one("input#email[type=email][autocomplete=email]")
    assert html["story"].select_one(".nhsuk-character-count textarea#story")
    assert "You can enter up to 50 characters" in html["story"].get_text()
    counter = html["story"].select_one("[data-module=nhsuk-character-count]")
    assert counter["data-i18n.characters-under-limit.other"] == (
        "You have %{count} characters remaining"
    ), "the counter's live messages go through gettext too"
    assert [i["id"] for i in html["where"].select("input.nhsuk-radios__input")] == [
        "where",
        "where-2",
    ]
    assert html["where"].select_one("legend").get_text(strip=True) == "Where do you live?"
    assert len(html["needs"].select("input.nhsuk-checkboxes__input")) == 2
    assert [i["name"] for i in html["born"].select("input")] == [
        "born-day",
        "born-month",
        "born-year",
    ]
    assert html["send"].select_one("button.nhsuk-button").get_text(strip=True) == "Send"


def test_errors_show_beside_the_field_and_in_the_summary(app):
    form, html = make(app, name="", where="")
    error = html["name"].select_one("#name-error")
    assert "Enter your full name" in error.get_text()
    assert "name-error" in html["name"].select_one("input")["aria-describedby"]
    assert html["name"].select_one(".nhsuk-form-group--error")
    summary = form.error_summary()
    assert {"text": "Enter your full name", "href": "#name"} in summary
    assert {"text": "Select where you live", "href": "#where"} in summary
    assert {"text": "Enter your date of birth", "href": "#born-day"} in summary


def test_everything_typed_is_kept_after_an_error(app):
    _, html = make(
        app,
        name="",
        email="not-an-email",
        story="x" * 60,
        where="other",
        needs="bsl",
        **{"born-day": "31", "born-month": "2", "born-year": "2000"},
    )
    assert html["email"].select_one("input")["value"] == "not-an-email"
    assert html["story"].select_one("textarea").get_text() == "x" * 60
    assert html["where"].select_one("#where-2").has_attr("checked")
    assert html["needs"].select_one("input[value=bsl]").has_attr("checked")
    assert [i["value"] for i in html["born"].select("input")] == ["31", "2", "2000"]


def test_markup_typed_into_a_field_comes_back_as_harmless_text(app):
    attack = '"><script>alert(1)</script>'
    _, html = make(app, name=attack, story=attack)
    assert not html["name"].find("script")
    assert html["name"].select_one("input")["value"] == attack
    assert not html["story"].find("script")


@pytest.mark.parametrize(
    ("parts", "message", "anchor"),
    [
        (("", "4", "2001"), "Date of birth must include a day", "born-day"),
        (("3", "", "2001"), "Date of birth must include a month", "born-month"),
        (("3", "4", ""), "Date of birth must include a year", "born-year"),
        (("", "", "2001"), "Date of birth must include a day and a month", "born-day"),
        (("31", "2", "2001"), "Date of birth must be a real date", "born-day"),
        (("3", "13", "2001"), "Date of birth must be a real date", "born-day"),
        (("x", "4", "2001"), "Date of birth must be a real date", "born-day"),
        (("3", "4", "01"), "Year must include 4 numbers", "born-year"),
        (("", "", ""), "Enter your date of birth", "born-day"),
    ],
)
def test_date_messages_say_exactly_what_is_wrong(app, parts, message, anchor):
    day, month, year = parts
    form, _ = make(app, **{"born-day": day, "born-month": month, "born-year": year})
    assert form.born.errors == [message]
    assert form.born.error_anchor == anchor


def test_a_date_in_the_future_is_refused(app):
    future = date.today() + timedelta(days=1)
    form, _ = make(
        app,
        **{
            "born-day": str(future.day),
            "born-month": str(future.month),
            "born-year": str(future.year),
        },
    )
    assert form.born.errors == ["Date of birth must be in the past"]


def test_a_valid_form_validates(app):
    form, _ = make(app, **VALID)
    assert form.errors == {}
    assert form.born.data == date(2001, 4, 3)


def test_unknown_checkbox_values_are_refused_plainly(app):
    form, _ = make(app, **VALID, needs="hack")
    assert form.needs.errors == ["Select from the options shown"]


def test_text_over_the_limit_gets_a_plain_message(app):
    form, _ = make(app, **VALID, story="y" * 10_000)
    assert form.story.errors == ["Tell us more must be 50 characters or fewer"]
