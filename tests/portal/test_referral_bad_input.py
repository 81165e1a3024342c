"""Every kind of bad input gets a plain message beside the field and in the summary,
status 400, and keeps what was typed."""

from datetime import date, timedelta

import pytest

from .journey_helpers import BASE, answers, send, walk

PERSON = {
    "first_name": "Sam",
    "last_name": "Jones",
    "nhs_number": "",
    "date_of_birth-day": "3",
    "date_of_birth-month": "4",
    "date_of_birth-year": "1990",
}
TOMORROW = date.today() + timedelta(days=1)


def at_person_page(client):
    walk(client, answers(), stop_before="person")


def assert_refused(response, message, field_id):
    assert response.status_code == 400
    soup = response.soup
    assert soup.title.get_text().startswith("Error: ")
    summary = [(a.get_text(strip=True), a["href"]) for a in soup.select(".nhsuk-error-summary a")]
    assert (message, f"#{field_id}") in summary, summary
    # A date's message sits beside the whole date, not one of its boxes.
    field = field_id.removesuffix("-day").removesuffix("-month").removesuffix("-year")
    beside = soup.select_one(f"#{field}-error")
    assert beside is not None and message in beside.get_text(), "the message is beside the field"
    return soup


@pytest.mark.parametrize(
    ("changes", "message", "field_id"),
    [
        (
            {
                "date_of_birth-day": str(TOMORROW.day),
                "date_of_birth-month": str(TOMORROW.month),
                "date_of_birth-year": str(TOMORROW.year),
            },
            "Date of birth must be in the past",
            "date_of_birth-day",
        ),
        (
            {"date_of_birth-day": "30", "date_of_birth-month": "2"},
            "Date of birth must be a real date",
            "date_of_birth-day",
        ),
        ({"date_of_birth-month": ""}, "Date of birth must include a month", "date_of_birth-month"),
        (
            {"nhs_number": "943 476 5918"},
            "This is not a valid NHS number. Check the numbers, or leave it empty",
            "nhs_number",
        ),
        ({"nhs_number": "12345"}, "NHS number must be 10 numbers, like 943 476 5919", "nhs_number"),
        ({"first_name": "   "}, "Enter the first name", "first_name"),
        ({"last_name": "x" * 10_000}, "Last name must be 100 characters or fewer", "last_name"),
    ],
)
def test_bad_answers_about_the_person_are_explained_and_kept(
    client, db_session, changes, message, field_id
):
    at_person_page(client)
    sent = {**PERSON, **changes}
    response = client.submit(f"{BASE}/person", sent)
    soup = assert_refused(response, message, field_id)
    for name, value in sent.items():
        field = soup.select_one(f"input[name='{name}']")
        assert field is not None and field.get("value", "") == value, f"{name} was not kept"


def test_ten_thousand_characters_of_text_are_refused_and_kept(client, db_session):
    walk(client, answers(), stop_before="risks")
    story = "a" * 10_000
    response = client.submit(f"{BASE}/risks", {"reasons": ["behaviour"], "more": story})
    soup = assert_refused(response, "Tell us more must be 5000 characters or fewer", "more")
    assert soup.select_one("textarea#more").get_text() == story
    assert soup.select_one("#reasons-6").has_attr("checked"), "ticked boxes stay ticked"


def test_an_empty_required_choice_is_explained(client, db_session):
    begin_location = walk(client, answers(), stop_before="who")[1]
    response = client.submit(begin_location, {})
    assert_refused(response, "Select who is filling in this form", "role")


def test_markup_in_any_field_is_stored_and_shown_as_harmless_text(app, client, db_session):
    attack = '<script>alert("x")</script><b>bold</b>'
    steps = answers()
    steps["person"] = {**steps["person"], "first_name": attack, "preferred_name": attack}
    steps["risks"] = {"reasons": [], "more": attack}
    walk(client, steps)
    page = client.get(f"{BASE}/check-answers")
    body = page.get_data(as_text=True)
    assert "<script>alert" not in body and "<b>bold</b>" not in body
    assert attack in page.soup.main.get_text(), "shown back exactly, as text"
    assert send(client).status_code == 303
    confirmation = client.get(f"{BASE}/confirmation").get_data(as_text=True)
    assert "<script>alert" not in confirmation


def test_a_contact_way_needs_its_detail(client, db_session):
    walk(client, answers(), stop_before="contact")
    response = client.submit(f"{BASE}/contact", {"ways": ["email"], "email": ""})
    assert_refused(response, "Enter the email address to use", "email")
    response = client.submit(f"{BASE}/contact", {"ways": ["email"], "email": "not an email"})
    assert_refused(
        response, "Enter an email address in the right format, like name@example.com", "email"
    )


def test_a_forged_choice_gets_a_plain_message(client, db_session):
    walk(client, answers(), stop_before="diagnosis")
    response = client.submit(f"{BASE}/diagnosis", {"diagnosis": "<img src=x>"})
    assert_refused(response, "Select one of the options shown", "diagnosis")


def test_a_bad_postcode_is_explained(client, db_session):
    walk(client, answers(), stop_before="address")
    response = client.submit(
        f"{BASE}/address", {"line1": "1 High St", "town": "Leeds", "postcode": "NOT A CODE"}
    )
    assert_refused(response, "Enter a real postcode, like LS1 4HR", "postcode")


def test_the_risk_page_shows_where_to_get_help_right_after_its_heading(client, db_session):
    walk(client, answers(), stop_before="risks")
    main = client.get(f"{BASE}/risks").soup.main
    headings = [h.get_text(" ", strip=True) for h in main.find_all(["h1", "h2"])]
    assert headings[0].endswith("What is happening")
    assert "Need help now?" in headings[1]
