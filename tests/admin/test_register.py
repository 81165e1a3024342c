"""The register pages: the list (search, filters, pages), a person's record (rating and
its history, the dataset, linked support), adding someone directly and coming off. Every
view and change is audited; search words never are."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditEvent, RatingChange, RegisterEntry
from portal.services import register as register_service

LIST = "/staff/register"
TODAY = date.today()
NHS = "9434765919"  # a valid NHS number (the NHS's own example)


def years_ago(years, days=0):
    return TODAY.replace(year=TODAY.year - years) - timedelta(days=days)


def add(app, first="Sam", last="Jones", rating="AMBER", **fields):
    """A person on the register, as a register manager would have added them."""
    values = {
        "date_of_birth": years_ago(30),
        "consent_given_on": TODAY - timedelta(days=10),
        "setting": "family_home",
        **fields,
    }
    with app.app_context():
        entry = register_service.new_entry(
            "staff:0", rating, "Rated at the meeting.", first_name=first, last_name=last, **values
        )
        db.session.commit()
        return entry.id


def get_entry(app, entry_id):
    with app.app_context():
        entry = db.session.get(RegisterEntry, entry_id)
        db.session.expunge(entry)
        return entry


def audit_rows(app, action, subject_id=None):
    with app.app_context():
        query = select(AuditEvent).where(AuditEvent.action == action)
        if subject_id is not None:
            query = query.where(AuditEvent.subject_id == subject_id)
        rows = db.session.scalars(query.order_by(AuditEvent.id)).all()
        return [(row.actor, row.subject_id, dict(row.detail)) for row in rows]


def names_listed(response):
    return [
        link.get_text(strip=True)
        for link in response.soup.select("tr.portal-register-row td:first-child a")
    ]


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


# Who may see the register


@pytest.mark.parametrize("role", ["triager", "administrator"])
def test_only_register_managers_reach_the_register(app, staff_client, role):
    entry_id = add(app)
    client = staff_client(role)
    for path in (
        LIST,
        "/staff/register/new",
        f"/staff/register/{entry_id}",
        f"/staff/register/{entry_id}/rating",
        f"/staff/register/{entry_id}/change/identity",
        f"/staff/register/{entry_id}/remove",
    ):
        assert client.get(path).status_code == 403, path
    token = client.csrf_token("/staff/")  # the sign-out form on every staff page
    change = {"csrf_token": token, "rating": "RED", "reason": "x"}
    assert client.post(f"/staff/register/{entry_id}/rating", data=change).status_code == 403
    assert get_entry(app, entry_id).rating == "AMBER"


# The list


def test_the_list_shows_active_people_by_rating_severity_then_name(app, manager):
    add(app, "Gus", "Green", rating="GREEN")
    add(app, "Ana", "Amber", rating="AMBER")
    add(app, "Bea", "Blue", rating="BLUE", setting="hospital")
    add(app, "Rob", "Red", rating="RED")
    add(app, "Ada", "Red", rating="RED")
    gone = add(app, "Gone", "Away")
    with app.app_context():
        register_service.remove(db.session.get(RegisterEntry, gone), "No longer at risk.", "x")
        db.session.commit()

    page = manager.get(LIST)

    assert page.status_code == 200
    assert names_listed(page) == ["Red, Ada", "Red, Rob", "Blue, Bea", "Amber, Ana", "Green, Gus"]
    tags = [tag.get_text(strip=True) for tag in page.soup.select("tr .nhsuk-tag")]
    assert tags[:5] == ["Red", "Red", "Blue", "Amber", "Green"]  # the word, not colour alone
    assert "Showing 1 to 5 of 5" in page.soup.find(id="results-count").get_text()


def test_people_who_came_off_are_listed_as_history(app, manager):
    add(app, "Still", "Here")
    gone = add(app, "Gone", "Away")
    with app.app_context():
        register_service.remove(db.session.get(RegisterEntry, gone), "Asked to come off.", "x")
        db.session.commit()
    assert names_listed(manager.get(LIST + "?view=removed")) == ["Away, Gone"]
    assert names_listed(manager.get(LIST)) == ["Here, Still"]


@pytest.mark.parametrize(
    "search, expected",
    [
        ("jon", ["Jones, Sam", "Jonas, Kim"]),  # last name prefix, any case
        ("SAM", ["Jones, Sam", "Ali, Samira"]),  # first name prefix
        ("sam jones", ["Jones, Sam"]),
        ("Jones, Sam", ["Jones, Sam"]),
        ("943 476 5919", ["Jonas, Kim"]),  # NHS number, spaces ignored
        ("9434765918", []),  # exact only
    ],
)
def test_search_by_name_or_nhs_number(app, manager, search, expected):
    add(app, "Sam", "Jones", rating="RED")
    add(app, "Kim", "Jonas", nhs_number=NHS)
    add(app, "Samira", "Ali", rating="GREEN")
    add(app, "Lee", "Smith")
    page = manager.get(LIST, query_string={"q": search})
    assert page.status_code == 200
    assert names_listed(page) == expected
    assert page.soup.find(id="q")["value"] == search  # kept in the box


def test_search_by_reference_in_any_form(app, manager):
    entry_id = add(app, "Ref", "Person")
    add(app, "Other", "Person")
    reference = get_entry(app, entry_id).reference
    for typed in (reference, reference.lower(), reference.replace("-", " ")):
        assert names_listed(manager.get(LIST, query_string={"q": typed})) == ["Person, Ref"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"rating": "RED"}, ["Red, Child"]),
        ({"rating": ["RED", "BLUE"]}, ["Red, Child", "Blue, Young"]),
        ({"age": "child"}, ["Red, Child"]),
        ({"age": "young_person"}, ["Blue, Young"]),
        ({"age": "adult"}, ["Amber, Adult", "Green, Older"]),
        ({"setting": "hospital"}, ["Blue, Young"]),
        ({"overdue": "review"}, ["Amber, Adult"]),
        ({"overdue": "action"}, ["Green, Older"]),
        ({"overdue": ["review", "action"]}, []),
        ({"age": "adult", "rating": "GREEN"}, ["Green, Older"]),
    ],
)
def test_each_filter(app, manager, query, expected):
    add(app, "Child", "Red", rating="RED", date_of_birth=years_ago(15, days=-1))
    add(app, "Young", "Blue", rating="BLUE", date_of_birth=years_ago(16), setting="hospital")
    adult = add(app, "Adult", "Amber", rating="AMBER", date_of_birth=years_ago(18))
    older = add(app, "Older", "Green", rating="GREEN", date_of_birth=years_ago(70))
    with app.app_context():
        db.session.get(RegisterEntry, adult).next_review_on = TODAY - timedelta(days=1)
        db.session.get(RegisterEntry, older).next_action_due = TODAY - timedelta(days=3)
        db.session.commit()
    page = manager.get(LIST, query_string=query)
    assert page.status_code == 200
    assert names_listed(page) == expected


def test_sorting_by_next_review(app, manager):
    later = add(app, "Later", "Person", rating="RED")
    sooner = add(app, "Sooner", "Person", rating="GREEN")
    with app.app_context():
        db.session.get(RegisterEntry, later).next_review_on = TODAY + timedelta(days=30)
        db.session.get(RegisterEntry, sooner).next_review_on = TODAY + timedelta(days=2)
        db.session.commit()
    assert names_listed(manager.get(LIST, query_string={"sort": "review"})) == [
        "Person, Sooner",
        "Person, Later",
    ]


def test_pages_of_25_with_nhs_pagination(app, manager):
    for number in range(60):
        add(app, f"P{number:02d}", "Person", rating="GREEN")
    first = manager.get(LIST)
    assert len(names_listed(first)) == 25
    assert "Showing 1 to 25 of 60" in first.soup.find(id="results-count").get_text()
    nav = first.soup.select_one("nav.nhsuk-pagination")
    assert nav is not None
    assert nav.select_one("[aria-current=page]").get_text(strip=True) == "1"

    second = manager.get(LIST + "?page=2")
    assert "Showing 26 to 50 of 60" in second.soup.find(id="results-count").get_text()
    assert names_listed(second)[0] == "Person, P25"
    third = manager.get(LIST + "?page=3")
    assert len(names_listed(third)) == 10
    # A page past the end shows the last; a nonsense page the first.
    assert names_listed(manager.get(LIST + "?page=99")) == names_listed(third)
    assert names_listed(manager.get(LIST + "?page=abc")) == names_listed(first)


def test_pages_keep_the_filters(app, manager):
    for number in range(30):
        add(app, f"R{number:02d}", "Person", rating="RED")
    page = manager.get(LIST, query_string={"rating": "RED", "q": "person"})
    next_link = page.soup.select_one("nav.nhsuk-pagination a[rel=next]")["href"]
    assert "rating=RED" in next_link and "q=person" in next_link and "page=2" in next_link


def test_bad_filters_answer_400_and_keep_the_search(app, manager):
    add(app)
    page = manager.get(LIST, query_string={"q": "Sam", "setting": "moon", "rating": "PURPLE"})
    assert page.status_code == 400
    assert page.soup.title.get_text().startswith("Error:")
    assert "Select one of the options shown" in page.get_data(as_text=True)
    assert page.soup.find(id="q")["value"] == "Sam"


def test_the_list_is_audited_without_the_search_words(app, manager):
    add(app, "Sam", "Jones", nhs_number=NHS)
    manager.get(LIST, query_string={"q": "Jones", "rating": "AMBER"})
    manager.get(LIST, query_string={"q": "943 476 5919"})
    rows = audit_rows(app, "register.listed")
    assert len(rows) == 2
    assert rows[0][2]["search"] == "name" and rows[0][2]["ratings"] == ["AMBER"]
    assert rows[1][2]["search"] == "nhs_number" and rows[1][2]["results"] == 1
    text = repr(rows).lower()
    assert "jones" not in text and "9434765919" not in text and "943 476" not in text


# The record


def test_the_record_shows_needs_first_then_rating_dataset_and_history(app, manager):
    entry_id = add(
        app,
        communication_needs="Easy read letters, please.\nSpeak slowly.",
        mental_health_diagnosis="Anxiety",
    )
    page = manager.get(f"/staff/register/{entry_id}")
    assert page.status_code == 200
    main = page.soup.find("main")
    callout = main.select_one(".nhsuk-card--warning")
    assert "Communication needs" in callout.get_text()
    assert "Speak slowly." in callout.get_text()
    assert main.get_text().index("Communication needs") < main.get_text().index("Rating")
    assert main.select_one("#rating .nhsuk-tag").get_text(strip=True) == "Amber"
    for heading in ("Identity", "Needs and diagnosis", "Risks", "Care and support", "Wishes"):
        assert main.find("h2", string=heading), heading
    assert "Anxiety" in main.get_text()
    assert main.find("a", string="Change rating")


def test_viewing_a_record_is_audited(app, manager):
    entry_id = add(app)
    manager.get(f"/staff/register/{entry_id}")
    rows = audit_rows(app, "register.viewed", entry_id)
    assert len(rows) == 1
    who, subject, detail = rows[0]
    assert who.startswith("staff:") and subject == entry_id and detail == {"page": "record"}


def test_a_missing_record_is_404(manager):
    assert manager.get("/staff/register/999999").status_code == 404
    assert manager.get("/staff/register/1/change/nonsense").status_code == 404


def test_changing_the_rating_records_history_and_moves_the_next_review(app, manager):
    entry_id = add(app, rating="GREEN")
    path = f"/staff/register/{entry_id}/rating"
    response = manager.submit(path, {"rating": "RED", "reason": "Placement breaking down."})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/staff/register/{entry_id}")

    entry = get_entry(app, entry_id)
    assert entry.rating == "RED" and entry.rating_reason == "Placement breaking down."
    assert entry.next_review_on == TODAY + timedelta(days=7)  # the area's default for red
    with app.app_context():
        history = db.session.scalars(
            select(RatingChange).where(RatingChange.entry_id == entry_id).order_by(RatingChange.id)
        ).all()
        assert [(c.rating, c.reason) for c in history][-1] == ("RED", "Placement breaking down.")
        assert history[-1].by.startswith("staff:")
    rated = audit_rows(app, "register.rated", entry_id)
    assert len(rated) == 1 and rated[0][2] == {"rating": "RED"}

    page = manager.get(f"/staff/register/{entry_id}")
    text = page.soup.find("main").get_text(" ", strip=True)
    assert "Rating changed to Red" in text
    assert "the local default for Red is 7 days" in text
    history_row = page.soup.select("#rating-history + table tbody tr")[0].get_text(" ", strip=True)
    assert "Placement breaking down." in history_row and "Rita Manager" in history_row


def test_a_rating_needs_a_choice_and_a_reason(app, manager):
    entry_id = add(app, rating="GREEN")
    response = manager.submit(f"/staff/register/{entry_id}/rating", {"reason": "  "})
    assert response.status_code == 400
    summary = response.soup.select_one(".nhsuk-error-summary").get_text()
    assert "Select a rating" in summary and "Enter why you chose this rating" in summary
    assert get_entry(app, entry_id).rating == "GREEN"
    assert audit_rows(app, "register.rated", entry_id) == []


def test_a_get_changes_nothing(app, manager):
    entry_id = add(app, rating="GREEN")
    before = get_entry(app, entry_id)
    for path in ("rating", "change/identity", "change/dates", "remove"):
        assert (
            manager.get(f"/staff/register/{entry_id}/{path}?rating=RED&reason=x").status_code == 200
        )
    after = get_entry(app, entry_id)
    assert (after.rating, after.active, after.first_name) == (
        before.rating,
        before.active,
        before.first_name,
    )
    assert audit_rows(app, "register.rated") == audit_rows(app, "register.updated") == []


def test_editing_identity_saves_and_audits_field_names_only(app, manager):
    entry_id = add(app)
    path = f"/staff/register/{entry_id}/change/identity"
    response = manager.submit(
        path,
        {
            "first_name": "Samuel",
            "last_name": "Jones-Smith",
            "nhs_number": "943 476 5919",
            "date_of_birth-day": "3",
            "date_of_birth-month": "4",
            "date_of_birth-year": "2001",
            "address": "1 High Street\nLeeds",
            "postcode": "ls14hr",
            "communication_needs": "Easy read",
        },
    )
    assert response.status_code == 303
    entry = get_entry(app, entry_id)
    assert (entry.first_name, entry.last_name_key) == ("Samuel", "jones-smith")
    assert entry.nhs_number == NHS and entry.postcode == "LS1 4HR"
    assert entry.date_of_birth == date(2001, 4, 3)
    (row,) = audit_rows(app, "register.updated", entry_id)
    assert row[2]["section"] == "identity"
    assert "first_name" in row[2]["fields"] and "Samuel" not in repr(row)
    assert names_listed(manager.get(LIST, query_string={"q": "samu"})) == ["Jones-Smith, Samuel"]


def test_bad_dataset_input_is_400_with_messages_and_keeps_what_was_typed(app, manager):
    entry_id = add(app)
    path = f"/staff/register/{entry_id}/change/identity"
    response = manager.submit(
        path,
        {
            "first_name": "",
            "last_name": "L" * 101,
            "nhs_number": "1234567890",
            "date_of_birth-day": "31",
            "date_of_birth-month": "2",
            "date_of_birth-year": "2001",
            "address": "Kept <b>address</b>",
            "postcode": "nowhere",
        },
    )
    assert response.status_code == 400
    summary = response.soup.select_one(".nhsuk-error-summary").get_text()
    for message in (
        "Enter their first name",
        "Last name must be 100 characters or fewer",
        "not a valid NHS number",
        "Date of birth must be a real date",
        "Enter a real postcode",
    ):
        assert message in summary, message
    assert response.soup.find(id="nhs_number")["value"] == "1234567890"
    assert response.soup.find(id="date_of_birth-day")["value"] == "31"
    assert response.soup.find(id="address").get_text() == "Kept <b>address</b>"
    assert get_entry(app, entry_id).first_name == "Sam"


def test_the_health_check_date_must_be_in_the_past(app, manager):
    entry_id = add(app)
    tomorrow = TODAY + timedelta(days=1)
    response = manager.submit(
        f"/staff/register/{entry_id}/change/needs",
        {
            "last_annual_health_check-day": str(tomorrow.day),
            "last_annual_health_check-month": str(tomorrow.month),
            "last_annual_health_check-year": str(tomorrow.year),
            "mental_health_diagnosis": "Kept diagnosis",
        },
    )
    assert response.status_code == 400
    assert "must be in the past" in response.soup.select_one(".nhsuk-error-summary").get_text()
    assert response.soup.find(id="mental_health_diagnosis").get_text() == "Kept diagnosis"


def test_the_same_nhs_number_cannot_be_on_the_register_twice(app, manager):
    add(app, "First", "Holder", nhs_number=NHS)
    entry_id = add(app)
    response = manager.submit(
        f"/staff/register/{entry_id}/change/identity",
        {
            "first_name": "Sam",
            "last_name": "Jones",
            "nhs_number": NHS,
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "1990",
        },
    )
    assert response.status_code == 400
    assert "Someone else on the register has this NHS number" in response.get_data(as_text=True)


def test_care_answers_are_yes_no_or_not_known(app, manager):
    entry_id = add(app)
    response = manager.submit(
        f"/staff/register/{entry_id}/change/care",
        {
            "setting": "supported_living",
            "has_care_plan": "yes",
            "has_crisis_plan": "no",
            "has_risk_assessment": "unknown",
            "care_coordinator": "Jo Bloggs, 01632 960 111",
        },
    )
    assert response.status_code == 303
    entry = get_entry(app, entry_id)
    assert (entry.has_care_plan, entry.has_crisis_plan, entry.has_risk_assessment) == (
        True,
        False,
        None,
    )
    assert entry.setting == "supported_living"
    page = manager.get(f"/staff/register/{entry_id}#section-care").soup
    row = page.find("dt", string="Care plan in place?").find_next("dd").get_text(strip=True)
    assert row == "Yes"


def test_next_review_date_can_be_moved(app, manager):
    entry_id = add(app)
    soon = TODAY + timedelta(days=5)
    consent = TODAY - timedelta(days=10)
    response = manager.submit(
        f"/staff/register/{entry_id}/change/dates",
        {
            "consent_given_on-day": str(consent.day),
            "consent_given_on-month": str(consent.month),
            "consent_given_on-year": str(consent.year),
            "next_review_on-day": str(soon.day),
            "next_review_on-month": str(soon.month),
            "next_review_on-year": str(soon.year),
        },
    )
    assert response.status_code == 303
    assert get_entry(app, entry_id).next_review_on == soon


def test_linked_support_needs_a_date_when_offered(app, manager):
    child = add(app, "Kid", "Person", date_of_birth=years_ago(12))
    path = f"/staff/register/{child}/change/support"
    response = manager.submit(path, {"keyworker_referral": "yes", "carers_assessment": "no"})
    assert response.status_code == 400
    assert "Enter the date the keyworker referral was offered" in response.get_data(as_text=True)

    offered = TODAY - timedelta(days=2)
    response = manager.submit(
        path,
        {
            "keyworker_referral": "yes",
            "keyworker_referral_on-day": str(offered.day),
            "keyworker_referral_on-month": str(offered.month),
            "keyworker_referral_on-year": str(offered.year),
            "carers_assessment": "no",
        },
    )
    assert response.status_code == 303
    entry = get_entry(app, child)
    assert (entry.keyworker_referral, entry.keyworker_referral_on) == ("yes", offered)
    assert entry.carers_assessment == "no"


def test_adults_are_not_asked_about_keyworkers(app, manager):
    adult = add(app)
    page = manager.get(f"/staff/register/{adult}/change/support")
    assert page.soup.find(id="keyworker_referral") is None
    assert page.soup.find(id="carers_assessment") is not None


# Coming off the register


def test_coming_off_needs_a_reason_then_a_check(app, manager):
    entry_id = add(app)
    path = f"/staff/register/{entry_id}/remove"

    empty = manager.submit(path, {"reason": ""})
    assert empty.status_code == 400
    assert "Enter why they are coming off the register" in empty.get_data(as_text=True)

    check = manager.submit(path, {"reason": "No longer at risk of admission."})
    assert check.status_code == 200
    assert check.soup.h1.get_text(" ", strip=True).endswith(
        "Check before they come off the register"
    )
    assert get_entry(app, entry_id).active  # nothing happens until confirmed

    token = check.soup.find("input", attrs={"name": "csrf_token"})["value"]
    done = manager.post(
        path,
        data={"csrf_token": token, "reason": "No longer at risk of admission.", "confirm": "yes"},
    )
    assert done.status_code == 303
    entry = get_entry(app, entry_id)
    assert not entry.active and entry.removed_reason == "No longer at risk of admission."
    assert entry.removed_by.startswith("staff:") and entry.removed_at is not None
    assert len(audit_rows(app, "register.removed", entry_id)) == 1

    # Off the active lists, kept as history, read-only.
    assert names_listed(manager.get(LIST)) == []
    assert names_listed(manager.get(LIST + "?view=removed")) == ["Jones, Sam"]
    record = manager.get(f"/staff/register/{entry_id}")
    text = record.soup.find("main").get_text(" ", strip=True)
    assert "Came off the register" in text and "No longer at risk of admission." in text
    assert "Rita Manager" in text
    assert record.soup.find("a", string="Change rating") is None
    assert not record.soup.select(".nhsuk-summary-list__actions")
    assert manager.get(f"/staff/register/{entry_id}/rating").status_code == 303


def test_changing_the_reason_on_the_check_page_keeps_it(app, manager):
    entry_id = add(app)
    path = f"/staff/register/{entry_id}/remove"
    check = manager.submit(path, {"reason": "They asked to come off."})
    token = check.soup.find("input", attrs={"name": "csrf_token"})["value"]
    back = manager.post(
        path, data={"csrf_token": token, "reason": "They asked to come off.", "edit": "1"}
    )
    assert back.status_code == 200
    assert back.soup.find(id="reason").get_text() == "They asked to come off."
    assert get_entry(app, entry_id).active


def test_a_removed_record_cannot_be_changed(app, manager):
    entry_id = add(app, rating="GREEN")
    with app.app_context():
        register_service.remove(db.session.get(RegisterEntry, entry_id), "Moved away.", "x")
        db.session.commit()
    token = manager.csrf_token(f"/staff/register/{entry_id}")
    for path, data in (
        ("rating", {"rating": "RED", "reason": "x"}),
        ("change/identity", {"first_name": "New"}),
        ("remove", {"reason": "again", "confirm": "yes"}),
    ):
        response = manager.post(
            f"/staff/register/{entry_id}/{path}", data={**data, "csrf_token": token}
        )
        assert response.status_code == 303, path
    entry = get_entry(app, entry_id)
    assert (entry.rating, entry.first_name, entry.removed_reason) == ("GREEN", "Sam", "Moved away.")


# Adding someone directly


def new_person(**overrides):
    consent = TODAY - timedelta(days=3)
    return {
        "first_name": "Dana",
        "last_name": "Direct",
        "date_of_birth-day": "5",
        "date_of_birth-month": "6",
        "date_of_birth-year": "2012",
        "nhs_number": "943 476 5919",
        "condition": "autism",
        "setting": "family_home",
        "consent_given_on-day": str(consent.day),
        "consent_given_on-month": str(consent.month),
        "consent_given_on-year": str(consent.year),
        "rating": "AMBER",
        "reason": "Referred by the school nurse.",
        **overrides,
    }


def test_adding_someone_directly(app, manager):
    response = manager.submit("/staff/register/new", new_person())
    assert response.status_code == 303
    with app.app_context():
        entry = db.session.scalar(select(RegisterEntry).where(RegisterEntry.last_name == "Direct"))
        assert entry.reference.startswith("DSR-") and entry.referral_id is None
        assert entry.consent_given_on == TODAY - timedelta(days=3)
        assert (entry.rating, entry.nhs_number, entry.condition) == ("AMBER", NHS, "autism")
        assert entry.next_review_on == TODAY + timedelta(days=21)
        assert entry.added_by.startswith("staff:") and len(entry.rating_changes) == 1
        entry_id = entry.id
    assert response.headers["Location"].endswith(f"/staff/register/{entry_id}")
    assert len(audit_rows(app, "register.added", entry_id)) == 1


def test_nobody_is_added_without_a_consent_date(app, manager):
    response = manager.submit(
        "/staff/register/new",
        new_person(
            **{
                "consent_given_on-day": "",
                "consent_given_on-month": "",
                "consent_given_on-year": "",
            }
        ),
    )
    assert response.status_code == 400
    assert (
        "Enter the date consent was given"
        in response.soup.select_one(".nhsuk-error-summary").get_text()
    )
    assert response.soup.find(id="first_name")["value"] == "Dana"  # kept
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RegisterEntry)) == 0


def test_the_service_refuses_without_consent(app):
    with app.app_context(), pytest.raises(register_service.ConsentMissing):
        register_service.add_directly(
            "staff:1", "RED", "x", None, first_name="A", last_name="B", date_of_birth=TODAY
        )


def test_adding_refuses_an_nhs_number_already_on_the_register(app, manager):
    add(app, "Already", "Here", nhs_number=NHS)
    response = manager.submit("/staff/register/new", new_person())
    assert response.status_code == 400
    assert "Someone with this NHS number is already on the register" in response.get_data(
        as_text=True
    )
