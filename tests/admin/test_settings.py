"""Local area settings: administrators only; one form for every setting, plain messages
and everything kept on a mistake; saving stores the row (made from the defaults if need
be), audits the names of what changed, and the public pages use the new values."""

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AreaSettings, AuditEvent
from portal.services import area as area_service

PAGE = "/staff/settings"


def form_values(response):
    """What the form would send as it stands."""
    values = {}
    for field in response.soup.select("form.portal-settings-form input, form textarea"):
        name = field.get("name")
        if field.name == "textarea":
            values[name] = field.get_text()
        elif field.get("type") == "radio":
            if field.has_attr("checked"):
                values[name] = field["value"]
        else:
            values[name] = field.get("value", "")
    return values


def stored(app):
    with app.app_context():
        row = db.session.get(AreaSettings, area_service.SETTINGS_ID)
        if row is not None:
            db.session.expunge(row)
        return row


def audit_rows(app):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "settings.changed")
        ).all()
        return [(row.actor, row.subject_type, dict(row.detail)) for row in rows]


@pytest.fixture
def admin(staff_client):
    return staff_client("administrator")


@pytest.mark.parametrize("role", ["triager", "register_manager"])
def test_only_administrators_reach_settings(app, staff_client, role):
    client = staff_client(role)
    assert client.get(PAGE).status_code == 403
    token = client.csrf_token("/staff/")
    assert client.post(PAGE, data={"csrf_token": token, "name": "X"}).status_code == 403
    assert stored(app) is None


def test_the_form_shows_every_setting_with_the_current_values(app, admin):
    response = admin.get(PAGE)
    assert response.status_code == 200
    values = form_values(response)
    defaults = app.config["AREA_DEFAULTS"]
    for name in area_service.FIELDS:
        assert name in values, name
    assert values["name"] == "Test area"
    assert values["referral_response_days"] == str(defaults["referral_response_days"])
    assert values["complaints_route"].strip() == defaults["complaints_route"]
    assert values["is_demo"] == "yes"
    text = response.soup.get_text(" ", strip=True)
    assert "Shown beside 999 and NHS 111 in the crisis box on every public page" in text
    assert len(response.soup.select("fieldset.portal-settings-section")) == 7
    # Looking saves nothing.
    assert stored(app) is None
    assert audit_rows(app) == []


def test_saving_stores_the_settings_and_audits_the_changed_names(app, admin):
    values = form_values(admin.get(PAGE))
    values.update(
        crisis_line_name="Leeds Crisis Line",
        crisis_line_phone="0800 183 1485",
        crisis_line_hours="24 hours a day",
        review_request_response_days="12",
        review_days_red=" 5 ",
        is_demo="no",
    )
    response = admin.post(PAGE, data=values)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(PAGE)
    row = stored(app)
    assert row.crisis_line_name == "Leeds Crisis Line"
    assert row.crisis_line_phone == "0800 183 1485"
    assert row.review_request_response_days == 12
    assert row.review_days_red == 5
    assert row.is_demo is False
    assert row.name == "Test area"  # untouched ones keep their values
    [(actor, subject_type, detail)] = audit_rows(app)
    assert actor.startswith("staff:") and subject_type == "area_settings"
    assert sorted(detail["fields"]) == sorted(
        [
            "crisis_line_name",
            "crisis_line_phone",
            "crisis_line_hours",
            "review_request_response_days",
            "review_days_red",
            "is_demo",
        ]
    )
    assert "Leeds" not in repr(detail)
    page = admin.get(PAGE)
    assert "Settings saved" in page.text
    assert form_values(page)["crisis_line_phone"] == "0800 183 1485"
    assert form_values(page)["is_demo"] == "no"


def test_saving_unchanged_settings_audits_nothing(app, admin):
    values = form_values(admin.get(PAGE))
    assert admin.post(PAGE, data=values).status_code == 303
    assert stored(app) is not None
    assert audit_rows(app) == []


def test_public_pages_use_the_saved_values(app, admin, client):
    start = client.get("/")
    assert "Rotherham Crisis Team" not in start.text
    values = form_values(admin.get(PAGE))
    values.update(
        crisis_line_name="Rotherham Crisis Team",
        crisis_line_phone="01709 302 670",
        review_request_response_days="17",
    )
    assert admin.post(PAGE, data=values).status_code == 303
    crisis = client.get("/").soup.select_one(".portal-crisis-list")
    assert "Rotherham Crisis Team" in crisis.get_text()
    assert crisis.find("a", string="01709 302 670")
    review = client.get("/ask-for-a-review")
    assert "Someone should answer within 17 working days." in review.text


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("name", "  ", "Enter the name of the local area"),
        ("contact_email", "not an email", "Enter an email address in the right format"),
        ("contact_phone", "call us", "Enter a phone number, like 01632 960 001"),
        ("advocacy_email", "advocacy@", "Enter an email address in the right format"),
        ("referral_response_days", "0", "Enter a whole number of days from 1 to 60"),
        ("review_request_response_days", "61", "Enter a whole number of days from 1 to 60"),
        ("review_request_response_days", "2.5", "Enter a whole number of days from 1 to 60"),
        ("review_days_green", "366", "Enter a whole number of days from 1 to 365"),
        ("review_days_blue", "", "Enter a whole number of days from 1 to 365"),
        ("crisis_line_phone", "", "Enter the crisis line's phone number, or leave its name empty"),
    ],
)
def test_mistakes_say_what_to_do_and_keep_everything_typed(app, admin, field, typed, message):
    values = form_values(admin.get(PAGE))
    values.update(
        crisis_line_name="Typed crisis line",
        crisis_line_phone="0800 183 1485",
        office_hours="Weekdays 8 till 6",
    )
    values[field] = typed
    response = admin.post(PAGE, data=values)
    assert response.status_code == 400
    assert response.soup.title.get_text().startswith("Error:")
    summary = response.soup.select_one(".nhsuk-error-summary")
    assert message in summary.get_text()
    assert summary.find("a")["href"] == f"#{field}"
    kept = form_values(response)
    assert kept["crisis_line_name"] == "Typed crisis line"
    assert kept["office_hours"] == "Weekdays 8 till 6"
    assert kept[field] == typed
    assert stored(app) is None
    assert audit_rows(app) == []


def test_saving_needs_csrf(app, admin):
    values = form_values(admin.get(PAGE))
    del values["csrf_token"]
    values["name"] = "Changed"
    assert admin.post(PAGE, data=values).status_code == 400
    assert stored(app) is None


def test_save_updates_an_existing_row(app, db_session):
    with app.test_request_context():
        area_service.ensure_saved()
        changed = area_service.save({"team_name": "New team", "name": "Test area"}, "staff:1")
        db.session.commit()
        assert changed == ["team_name"]
        assert area_service.current_area().team_name == "New team"
    assert stored(app).team_name == "New team"
