"""Each person's language on the staff side: every request and record shows the language
they used on the portal (the queue's rows, the item, the register's rows and record, the
review pages, the shared planner, the feedback inbox, the exports), says plainly when it
is not English, comes with them onto the register, and a register manager can change it
(audited like any other change)."""

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from portal.extensions import db
from portal.models import (
    AuditEvent,
    Feedback,
    Planner,
    PlannerShare,
    Referral,
    RegisterEntry,
    Review,
)

from .test_exports import make_entry
from .test_triage import make_referral

TODAY = date.today()
NOT_ENGLISH = "Not English. Write to them in Urdu, or arrange an interpreter."


def words(element):
    """The words shown, one space apart; a language's own name (marked up in its own
    language) reads as it looks: "Urdu (اردو)"."""
    text = " ".join(element.get_text(" ", strip=True).split())
    return text.replace("( ", "(").replace(" )", ")")


def main_text(response):
    return words(response.soup.select_one("main"))


def set_language(app, model, row_id, code):
    with app.app_context():
        db.session.get(model, row_id).language = code
        db.session.commit()


def referral_in(app, code, **fields):
    referral_id = make_referral(app, **fields)
    set_language(app, Referral, referral_id, code)
    return referral_id


def get_entry(app, entry_id):
    with app.app_context():
        entry = db.session.get(RegisterEntry, entry_id)
        db.session.expunge(entry)
        return entry


def audits(app, action, subject_id):
    with app.app_context():
        return [
            dict(row.detail)
            for row in db.session.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == action, AuditEvent.subject_id == subject_id
                )
            )
        ]


def callout(response):
    """The box at the top of a person's page: their language and communication needs."""
    box = response.soup.select_one(
        "main .nhsuk-card--warning, main .nhsuk-inset-text:not(.portal-flash)"
    )
    return box, words(box)


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


@pytest.fixture
def triager(staff_client):
    return staff_client("triager")


# The triage queue


def test_each_queue_row_shows_the_language(app, triager):
    urdu = referral_in(app, "ur", first="Ayesha", last="Khan")
    english = make_referral(app, first="Bob", last="Brown")
    page = triager.get("/staff/queue")
    rows = {
        row.select_one("a.portal-triage-ref")["href"]: row
        for row in page.soup.select("tr.portal-triage-row")
    }
    urdu_row = rows[f"/staff/queue/{urdu}"]
    assert "Language: Urdu (اردو)" in words(urdu_row)
    marked = urdu_row.find("span", lang="ur")
    assert marked.get_text() == "اردو" and marked["dir"] == "rtl"
    assert "Language: English" in words(rows[f"/staff/queue/{english}"])


def test_the_item_puts_a_language_other_than_english_beside_the_needs(app, triager):
    urdu = referral_in(app, "ur", needs=("easy_read", "interpreter"))
    box, text = callout(triager.get(f"/staff/queue/{urdu}"))
    assert "nhsuk-card--warning" in box["class"]
    assert text.startswith("Important: Communication needs Language: Urdu (اردو)")
    assert NOT_ENGLISH in text
    assert "Interpreter language: Polish" in text  # the needs they gave, still there


def test_a_request_in_another_language_is_a_warning_even_without_needs(app, triager):
    polish = referral_in(app, "pl", needs=("none",))
    box, text = callout(triager.get(f"/staff/queue/{polish}"))
    assert "nhsuk-card--warning" in box["class"]
    assert "Language: Polish (Polski)" in text
    assert "Not English. Write to them in Polish, or arrange an interpreter." in text
    assert "No extra communication needs given." in text


def test_an_english_request_without_needs_says_english_quietly(app, triager):
    english = make_referral(app, needs=("none",))
    box, text = callout(triager.get(f"/staff/queue/{english}"))
    assert "nhsuk-inset-text" in box["class"]
    assert text == "Information: Language: English No extra communication needs given."


def test_adding_to_the_register_keeps_the_language_of_the_request(app, manager):
    referral_id = referral_in(app, "ro")
    token = manager.csrf_token(f"/staff/queue/{referral_id}")
    response = manager.post(
        f"/staff/queue/{referral_id}/add",
        data={"rating": "AMBER", "rating_reason": "Needs support soon.", "csrf_token": token},
    )
    assert response.status_code == 303
    with app.app_context():
        entry = db.session.scalar(
            select(RegisterEntry).where(RegisterEntry.referral_id == referral_id)
        )
        assert entry.language == "ro"
        entry_id = entry.id
    _box, text = callout(manager.get(f"/staff/register/{entry_id}"))
    assert "Language: Romanian (Română)" in text
    assert "Write to them in Romanian, or arrange an interpreter." in text


# The register


def test_each_register_row_shows_the_language(app, manager):
    urdu = make_entry(app, "Ayesha", "Khan", language="ur")
    english = make_entry(app, "Bob", "Brown")
    page = manager.get("/staff/register")
    rows = {
        row.select_one("a")["href"]: words(row)
        for row in page.soup.select("tr.portal-register-row")
    }
    assert "Language: Urdu (اردو)" in rows[f"/staff/register/{urdu}"]
    assert "Language: English" in rows[f"/staff/register/{english}"]


def test_the_record_shows_the_language_beside_the_needs_and_in_identity(app, manager):
    entry_id = make_entry(app, language="ur", communication_needs="Easy read, please.")
    page = manager.get(f"/staff/register/{entry_id}")
    box, text = callout(page)
    assert "nhsuk-card--warning" in box["class"]
    assert "Language: Urdu (اردو)" in text and NOT_ENGLISH in text
    assert "Easy read, please." in text
    identity = page.soup.find(id="section-identity").find_next("dl")
    row = next(r for r in identity.select(".nhsuk-summary-list__row") if "Language" in words(r))
    assert "Urdu (اردو)" in words(row)
    change = row.find("a")
    assert change["href"] == f"/staff/register/{entry_id}/change/identity#language"


def identity_form(response):
    """What the identity form sends as it stands."""
    form = response.soup.select_one("main form[method=post]")
    values = {}
    for field in form.select("input, textarea, select"):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            values[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            values[name] = chosen["value"]
        else:
            values[name] = field.get("value", "")
    return values


def test_a_register_manager_changes_the_language_and_it_is_audited(app, manager):
    entry_id = make_entry(app, language="ur")
    path = f"/staff/register/{entry_id}/change/identity"
    page = manager.get(path)
    select_box = page.soup.find("select", id="language")
    options = [(o["value"], o.get_text(strip=True)) for o in select_box.find_all("option")]
    assert options == [
        ("en", "English"),
        ("pl", "Polish (Polski)"),
        ("ro", "Romanian (Română)"),
        ("ur", "Urdu (اردو)"),
    ]
    assert select_box.find("option", selected=True)["value"] == "ur"
    values = identity_form(page)
    response = manager.post(path, data={**values, "language": "pl"})
    assert response.status_code == 303
    assert get_entry(app, entry_id).language == "pl"
    (detail,) = audits(app, "register.updated", entry_id)
    assert detail == {"section": "identity", "fields": ["language"]}
    assert "Language: Polish (Polski)" in callout(manager.get(f"/staff/register/{entry_id}"))[1]


def test_a_language_not_offered_is_refused_with_what_was_typed_kept(app, manager):
    entry_id = make_entry(app)
    path = f"/staff/register/{entry_id}/change/identity"
    values = identity_form(manager.get(path))
    response = manager.post(
        path, data={**values, "language": "xx", "communication_needs": "Kept words"}
    )
    assert response.status_code == 400
    summary = words(response.soup.select_one(".nhsuk-error-summary"))
    assert "Select one of the options shown" in summary
    assert response.soup.find(id="communication_needs").get_text() == "Kept words"
    assert get_entry(app, entry_id).language == "en"
    assert audits(app, "register.updated", entry_id) == []


def test_a_language_no_longer_offered_stays_until_someone_changes_it(app, manager):
    entry_id = make_entry(app, language="fr")
    page = manager.get(f"/staff/register/{entry_id}")
    assert "Language: French" in callout(page)[1]
    path = f"/staff/register/{entry_id}/change/identity"
    form = manager.get(path)
    assert form.soup.find("select", id="language").find("option", selected=True)["value"] == "fr"
    assert manager.post(path, data=identity_form(form)).status_code == 303
    assert get_entry(app, entry_id).language == "fr"
    assert audits(app, "register.updated", entry_id) == []  # nothing changed


def test_adding_someone_directly_records_their_language(app, manager):
    consent = TODAY - timedelta(days=3)
    response = manager.submit(
        "/staff/register/new",
        {
            "first_name": "Dana",
            "last_name": "Direct",
            "date_of_birth-day": "5",
            "date_of_birth-month": "6",
            "date_of_birth-year": "2012",
            "condition": "autism",
            "setting": "family_home",
            "language": "ur",
            "consent_given_on-day": str(consent.day),
            "consent_given_on-month": str(consent.month),
            "consent_given_on-year": str(consent.year),
            "rating": "AMBER",
            "reason": "Referred by the school nurse.",
        },
    )
    assert response.status_code == 303
    with app.app_context():
        entry = db.session.scalar(select(RegisterEntry).where(RegisterEntry.last_name == "Direct"))
        assert entry.language == "ur"


# Reviews and the shared planner


def test_the_review_pages_show_the_language(app, manager):
    entry_id = make_entry(app, language="ur")
    referral_id = referral_in(app, "ur", kind="review")
    with app.app_context():
        review, planner = urdu_review_and_shared_planner(referral_id, entry_id=entry_id)
        db.session.add_all([review, planner])
        db.session.commit()
        review_id = review.id
    for path in (f"/staff/reviews/{review_id}", f"/staff/register/{entry_id}/reviews/new"):
        _box, text = callout(manager.get(path))
        assert "Language: Urdu (اردو)" in text and NOT_ENGLISH in text, path
    shared = main_text(manager.get(f"/staff/reviews/{review_id}/planner"))
    assert "Language: Urdu (اردو)" in shared
    assert "They filled in their planner in Urdu." in shared
    assert "arrange a translation if the chair or the panel need one" in shared


# Feedback


def test_the_feedback_inbox_shows_the_language(app, manager):
    with app.app_context():
        row = Feedback(
            received_on=TODAY,
            role="family",
            anonymous=False,
            name="Pat Example",
            reply_by="email",
            reply_to="pat@example.org",
            answers={"enough_help": "yes"},
            language="pl",
        )
        quiet = Feedback(received_on=TODAY, role="family", anonymous=True, answers={})
        db.session.add_all([row, quiet])
        db.session.commit()
        feedback_id, quiet_id = row.id, quiet.id
    listed = manager.get("/staff/feedback")
    cells = {
        r.select_one("a")["href"]: words(r) for r in listed.soup.select("tr.portal-feedback-row")
    }
    assert "Language Polish (Polski)" in cells[f"/staff/feedback/{feedback_id}"]
    assert "Language English" in cells[f"/staff/feedback/{quiet_id}"]
    item = main_text(manager.get(f"/staff/feedback/{feedback_id}"))
    assert "Language Polish (Polski)" in item
    assert "Not English. Reply in Polish, or arrange an interpreter." in item
    assert "Not English" not in main_text(manager.get(f"/staff/feedback/{quiet_id}"))


# Exports


def export(client, file_format):
    token = client.csrf_token("/staff/exports")
    return client.post(
        "/staff/exports/register", data={"file_format": file_format, "csrf_token": token}
    )


def test_the_register_exports_have_a_language_column_with_formulas_neutralised(app, manager):
    make_entry(app, "Ayesha", "Ahmed", language="ur", communication_needs="Easy read")
    make_entry(app, "Bob", "Brown")
    make_entry(app, "Cy", "Crafty", language="=1+2")  # never from the portal, but neutralised
    response = export(manager, "csv")
    header, *rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    at = header.index("Language")
    assert header[at - 1] == "Communication needs"
    assert [row[at] for row in rows] == ["Urdu (اردو)", "English", "'=1+2"]

    response = export(manager, "xlsx")
    book = load_workbook(io.BytesIO(response.get_data()))
    response.close()  # as a server would: the file it was sent from is closed
    sheet_rows = list(book.worksheets[0].iter_rows())
    header = [cell.value for cell in sheet_rows[0]]
    at = header.index("Language")
    assert [row[at].value for row in sheet_rows[1:]] == ["Urdu (اردو)", "English", "=1+2"]
    risky = sheet_rows[3][at]
    assert risky.data_type == "s" and risky.quotePrefix


def test_the_subject_access_export_holds_the_language(app, manager):
    referral_id = referral_in(app, "ur")
    entry_id = make_entry(app, language="ur", referral_id=referral_id)
    token = manager.csrf_token(f"/staff/register/{entry_id}/subject-access")
    response = manager.post(
        f"/staff/register/{entry_id}/subject-access", data={"csrf_token": token}
    )
    document = json.loads(response.get_data())
    assert document["register_entry"]["language"] == "ur"
    assert [r["language"] for r in document["requests"]] == ["ur"]


def urdu_review_and_shared_planner(referral_id, **review):
    """A C(E)TR of someone who reads Urdu, and their planner, part shared with the chair.
    Returns (review, planner), not yet added to the session."""
    planner = Planner(
        code_hash=uuid4().hex,
        access_key=uuid4().hex,
        answers={},
        referral_id=referral_id,
        expires_at=datetime.now(UTC) + timedelta(days=30),
        language="ur",
    )
    planner.share = PlannerShare(
        referral_id=referral_id,
        parts=["about_me"],
        answers={"profile": {"important": "میرا کتا", "like": "", "support": ""}},
        language="ur",
    )
    made = Review(
        review_type="CTR",
        setting="in_hospital",
        created_by="staff:0",
        referral_id=referral_id,
        **review,
    )
    return made, planner
