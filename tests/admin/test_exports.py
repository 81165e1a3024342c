"""Exports: the register as CSV and XLSX, the anonymised summary, and the subject access
export of one person; each a POST, each audited, each refused to the wrong role."""

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from admin.exports import NAMES
from portal.extensions import db
from portal.models import (
    AuditEvent,
    ConsentRecord,
    Planner,
    PlannerShare,
    RatingChange,
    Referral,
    ReferralNote,
    RegisterEntry,
    Review,
    ReviewAction,
    StatusChange,
)
from portal.services import audit
from portal.services import exports_register as register_export
from portal.services.exports_summary import default_period, summary, suppress

TODAY = date.today()
BOM = "\ufeff"


def years_ago(years, days=0):
    return TODAY.replace(year=TODAY.year - years) - timedelta(days=days)


def make_entry(app, first="Sam", last="Taylor", **fields):
    values = {
        "reference": f"DSR-{uuid4().hex[:8].upper()}",
        "first_name": first,
        "last_name": last,
        "first_name_key": first.lower(),
        "last_name_key": last.lower(),
        "date_of_birth": years_ago(30),
        "added_by": "staff:0",
        "rating": "GREEN",
        "rating_reason": "Settled at home.",
        **fields,
    }
    with app.app_context():
        entry = RegisterEntry(**values)
        db.session.add(entry)
        db.session.commit()
        return entry.id


def make_referral(app, **fields):
    values = {
        "kind": "register",
        "reference": f"DSR-{uuid4().hex[:8].upper()}",
        "status": "new",
        "requester_role": "self",
        "first_name": "Sam",
        "last_name": "Taylor",
        "date_of_birth": years_ago(30),
        "postcode": "LS1 4HR",
        "status_token_hash": uuid4().hex,
        **fields,
    }
    with app.app_context():
        referral = Referral(**values)
        db.session.add(referral)
        db.session.commit()
        return referral.id


def audits(app, action):
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()
        db.session.expunge_all()
        return rows


def csv_rows(response):
    body = response.get_data(as_text=True)
    assert body.startswith(BOM)
    return list(csv.reader(io.StringIO(body.removeprefix(BOM))))


def workbook(response):
    """The XLSX sent, read back; the response is closed, as a server would close it."""
    data = response.get_data()
    response.close()
    return load_workbook(io.BytesIO(data))


def page_text(page):
    return " ".join(page.soup.main.get_text(" ").split())


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


@pytest.fixture
def people(app, db_session):
    """Two people on the register (one with text a spreadsheet would run) and one who
    came off."""
    return {
        "ada": make_entry(
            app,
            "Ada",
            "Ahmed",
            nhs_number="9434765919",
            date_of_birth=years_ago(15),
            address="1 High Street\nLeeds",
            postcode="LS1 4HR",
            condition="both",
            setting="family_home",
            rating="RED",
            rating_reason="At risk of admission now.",
            placement_52_week=False,
            has_crisis_plan=True,
            risk_reasons=["behaviour", "previous_admission"],
            keyworker_referral="yes",
            keyworker_referral_on=date(2025, 1, 6),
            consent_given_on=date(2024, 12, 1),
            next_review_on=date(2025, 6, 1),
        ),
        "zed": make_entry(
            app,
            "Zed",
            "Zane",
            key_risks='=HYPERLINK("http://evil.example","click")',
            person_wishes="+44 7700 900123 is my mum",
            family_wishes="-1",
            crisis_contacts="@home team",
            current_package="\tindented",
            previous_admissions="\rcarriage",
        ),
        "gone": make_entry(
            app,
            "Gwen",
            "Gone",
            active=False,
            removed_at=datetime(2025, 2, 3, 10, 0, tzinfo=UTC),
            removed_by="staff:0",
            removed_reason="No longer at risk.",
        ),
    }


# The exports page ----------------------------------------------------------------------


def test_the_page_offers_each_export_and_downloads_nothing_on_get(app, manager, people):
    page = manager.get("/staff/exports")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "Content-Disposition" not in page.headers
    actions = {form["action"]: form["method"] for form in page.soup.find_all("form")}
    assert actions["/staff/exports/register"] == "post"
    assert actions["/staff/exports/summary/download"] == "post"
    shown = page_text(page)
    assert "Download the register" in shown and "fewer than 5" in shown
    assert "Ada" not in shown
    assert audits(app, "export.register") == [] and audits(app, "export.summary") == []


def test_a_link_to_a_download_only_leads_to_its_page(app, manager, people):
    for url, page in (
        ("/staff/exports/register", "/staff/exports"),
        ("/staff/exports/summary/download", "/staff/exports/summary"),
    ):
        response = manager.get(url)
        assert response.status_code == 303 and response.headers["Location"] == page
        assert "Content-Disposition" not in response.headers
    assert audits(app, "export.register") == [] and audits(app, "export.summary") == []


def test_a_download_needs_the_csrf_token(manager):
    response = manager.post("/staff/exports/register", data={"file_format": "csv"})
    assert response.status_code == 400
    assert "Content-Disposition" not in response.headers


def test_a_triager_reaches_no_export(app, staff_client, people):
    triager = staff_client("triager")
    token = triager.csrf_token("/staff/")
    assert triager.get("/staff/exports").status_code == 403
    assert triager.get("/staff/exports/summary").status_code == 403
    data = {"csrf_token": token, "file_format": "csv"}
    assert triager.post("/staff/exports/register", data=data).status_code == 403
    assert triager.post("/staff/exports/summary/download", data=data).status_code == 403
    subject = f"/staff/register/{people['ada']}/subject-access"
    assert triager.get(subject).status_code == 403
    assert triager.post(subject, data={"csrf_token": token}).status_code == 403
    assert audits(app, "export.register") == []


def test_an_administrator_gets_only_the_summary(app, staff_client, people):
    admin = staff_client("administrator")
    page = admin.get("/staff/exports")
    assert page.status_code == 200
    actions = [form["action"] for form in page.soup.find_all("form")]
    assert "/staff/exports/register" not in actions
    assert "/staff/exports/summary/download" in actions
    token = page.soup.find("input", attrs={"name": "csrf_token"})["value"]
    refused = admin.post(
        "/staff/exports/register", data={"csrf_token": token, "file_format": "csv"}
    )
    assert refused.status_code == 403
    assert admin.get(f"/staff/register/{people['ada']}/subject-access").status_code == 403
    assert admin.get("/staff/exports/summary").status_code == 200
    start, end = default_period()
    download = admin.post(
        "/staff/exports/summary/download", data={"csrf_token": token, **period(start, end)}
    )
    assert download.status_code == 200 and download.mimetype == "text/csv"


# The register: CSV ---------------------------------------------------------------------


def export(client, file_format="csv", include_removed=False):
    data = {"file_format": file_format}
    if include_removed:
        data["include_removed"] = "yes"
    token = client.csrf_token("/staff/exports")
    return client.post("/staff/exports/register", data={**data, "csrf_token": token})


def test_csv_has_the_minimum_dataset_for_people_on_the_register(app, manager, people):
    response = export(manager)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=register-active-{TODAY.isoformat()}.csv"
    )
    header, *rows = csv_rows(response)
    with app.test_request_context():
        assert header == register_export.headers(include_removed=False, names=NAMES)
    for expected in (
        "Reference",
        "First name",
        "Last name",
        "NHS number",
        "Date of birth",
        "Address",
        "Postcode",
        "Learning disability, autism or both",
        "Age group",
        "Where they live",
        "Mental health diagnosis",
        "Behaviour that challenges",
        "Contact with the criminal justice system",
        "Last annual health check",
        "In a 52-week placement",
        "Moving from children's to adult services",
        "Care coordinator",
        "Service provider",
        "Has a care plan",
        "Has a crisis and contingency plan",
        "Has a risk assessment",
        "Last review",
        "Next review",
        "Crisis contacts",
        "Key risks",
        "Reasons they may be at risk",
        "Previous admissions",
        "Personal budget offered",
        "Advocate involved",
        "The person's wishes",
        "The family's wishes",
        "Current package of care",
        "Consent given on",
        "Rating",
        "Reason for the rating",
        "Keyworker referral offered",
        "Keyworker referral offered on",
        "Carer's assessment offered",
        "Carer's assessment offered on",
        "Communication needs",
    ):
        assert expected in header, expected
    assert "Why they came off" not in header
    # Sorted by last name; the person who came off is left out.
    assert [row[header.index("Last name")] for row in rows] == ["Ahmed", "Zane"]
    ada = dict(zip(header, rows[0], strict=True))
    assert ada["First name"] == "Ada"
    assert ada["NHS number"] == "943 476 5919"
    assert ada["Date of birth"] == years_ago(15).isoformat()
    assert ada["Age group"] == "Child (under 16)"
    assert ada["Address"] == "1 High Street\nLeeds"
    assert ada["Learning disability, autism or both"] == "Learning disability and autism"
    assert ada["Where they live"] == "At home with family"
    assert ada["Rating"] == "RED"
    assert ada["Reason for the rating"] == "At risk of admission now."
    assert ada["In a 52-week placement"] == "No"
    assert ada["Has a crisis and contingency plan"] == "Yes"
    assert ada["Has a care plan"] == ""
    assert ada["Reasons they may be at risk"] == (
        "Behaviour that is hard for others to manage; Been in a mental health hospital before"
    )
    assert ada["Keyworker referral offered"] == "Yes"
    assert ada["Keyworker referral offered on"] == "2025-01-06"
    assert ada["Consent given on"] == "2024-12-01"
    assert ada["Next review"] == "2025-06-01"
    assert "Gwen" not in response.get_data(as_text=True)


def test_csv_neutralises_formulas(app, manager, people):
    header, *rows = csv_rows(export(manager))
    zed = dict(zip(header, rows[1], strict=True))
    assert zed["Key risks"] == '\'=HYPERLINK("http://evil.example","click")'
    assert zed["The person's wishes"] == "'+44 7700 900123 is my mum"
    assert zed["The family's wishes"] == "'-1"
    assert zed["Crisis contacts"] == "'@home team"
    assert zed["Current package of care"] == "'\tindented"
    assert zed["Previous admissions"] == "'\rcarriage"
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_can_include_people_who_came_off(app, manager, people):
    response = export(manager, include_removed=True)
    assert response.headers["Content-Disposition"].endswith(
        f"register-everyone-{TODAY.isoformat()}.csv"
    )
    header, *rows = csv_rows(response)
    assert [row[header.index("Last name")] for row in rows] == ["Ahmed", "Gone", "Zane"]
    gwen = dict(zip(header, rows[1], strict=True))
    assert gwen["On the register now"] == "No"
    assert gwen["Came off the register on"] == "2025-02-03"
    assert gwen["Why they came off"] == "No longer at risk."
    assert dict(zip(header, rows[0], strict=True))["On the register now"] == "Yes"


def test_the_export_is_audited_without_personal_data(app, manager, people):
    export(manager)
    export(manager, "xlsx", include_removed=True).close()
    rows = audits(app, "export.register")
    assert [(r.detail["format"], r.detail["rows"], r.detail["include_removed"]) for r in rows] == [
        ("csv", 2, False),
        ("xlsx", 3, True),
    ]
    for row in rows:
        assert row.actor.startswith("staff:") and row.subject_type == "register"
        assert set(row.detail) == {"format", "rows", "include_removed"}


def test_a_bad_choice_shows_the_page_again_with_the_error(app, manager, people):
    token = manager.csrf_token("/staff/exports")
    response = manager.post(
        "/staff/exports/register",
        data={"csrf_token": token, "file_format": "pdf", "include_removed": "yes"},
    )
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert response.soup.title.get_text().startswith("Error:")
    assert "Select one of the options shown" in page_text(response)
    # What was chosen is kept.
    assert response.soup.find("input", attrs={"name": "include_removed"}).has_attr("checked")
    assert audits(app, "export.register") == []


# The register: XLSX --------------------------------------------------------------------


def test_xlsx_has_the_header_and_rows_with_formulas_as_text(app, manager, people):
    response = export(manager, "xlsx")
    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=register-active-{TODAY.isoformat()}.xlsx"
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert int(response.headers["Content-Length"]) == len(response.get_data())
    sheet = workbook(response).worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, *rows = values
    with app.test_request_context():
        assert header == register_export.headers(include_removed=False, names=NAMES)
    assert [row[header.index("Last name")] for row in rows] == ["Ahmed", "Zane"]
    ada = dict(zip(header, rows[0], strict=True))
    assert ada["NHS number"] == "943 476 5919"
    assert ada["Date of birth"].date() == years_ago(15)
    assert ada["Where they live"] == "At home with family"
    cells = dict(zip(header, list(sheet.iter_rows())[2], strict=True))
    risky = cells["Key risks"]
    assert risky.data_type == "s" and risky.quotePrefix
    assert risky.value == '=HYPERLINK("http://evil.example","click")'
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert cells["The family's wishes"].value == "-1"
    assert cells["The family's wishes"].data_type == "s"


def test_xlsx_drops_characters_the_format_cannot_hold(app, manager):
    make_entry(app, "Bel", "Bell", key_risks="bad\x0bchar")
    header, *rows = [
        [c.value for c in row]
        for row in workbook(export(manager, "xlsx")).worksheets[0].iter_rows()
    ]
    assert rows[0][header.index("Key risks")] == "badchar"


# The anonymised summary ----------------------------------------------------------------


def period(start, end):
    return {
        "start-day": str(start.day),
        "start-month": str(start.month),
        "start-year": str(start.year),
        "end-day": str(end.day),
        "end-month": str(end.month),
        "end-year": str(end.year),
    }


@pytest.fixture
def register(app, db_session):
    """Six adults rated GREEN, three children rated RED, one young person rated AMBER, one
    who came off; reviews and actions in the last three months."""
    ids = [
        make_entry(app, f"Gina{n}", "Greaves", setting="own_home", condition="autism")
        for n in range(6)
    ]
    ids += [
        make_entry(
            app,
            f"Rory{n}",
            "Reddy",
            rating="RED",
            date_of_birth=years_ago(10),
            setting="family_home",
            condition="learning_disability",
        )
        for n in range(3)
    ]
    ids.append(make_entry(app, "Amy", "Ambrose", rating="AMBER", date_of_birth=years_ago(17)))
    make_entry(
        app,
        "Gone",
        "Person",
        active=False,
        removed_at=datetime.now(UTC) - timedelta(days=3),
        removed_by="staff:0",
        removed_reason="Moved away.",
    )
    with app.app_context():
        held = TODAY - timedelta(days=30)
        for n, entry_id in enumerate(ids[:8]):
            # Five reports in time, two late, one not sent.
            sent = [held + timedelta(days=10)] * 5 + [held + timedelta(days=20)] * 2 + [None]
            review = Review(
                entry_id=entry_id,
                review_type="CTR",
                setting="community",
                held_on=held,
                report_sent_on=sent[n],
                created_by="staff:0",
            )
            db.session.add(review)
            db.session.flush()
            for due in (TODAY - timedelta(days=1), TODAY + timedelta(days=5)):
                db.session.add(
                    ReviewAction(
                        review_id=review.id, entry_id=entry_id, what="Call", who="Jo", due_on=due
                    )
                )
        db.session.commit()
    return ids


def test_the_summary_counts(app, register):
    start, end = default_period()
    with app.test_request_context():
        result = summary(start, end, NAMES)
    counts = result.counts
    assert counts["active"] == 10
    assert counts["rating:GREEN"] == 6 and counts["rating:RED"] == 3 and counts["rating:BLUE"] == 0
    assert counts["age:adult"] == 6 and counts["age:child"] == 3 and counts["age:young_person"] == 1
    assert counts["ra:RED:child"] == 3 and counts["ra:AMBER:young_person"] == 1
    assert counts["setting:own_home"] == 6 and counts["setting:None"] == 1
    assert counts["condition:autism"] == 6
    assert counts["reviews"] == 8
    assert (counts["reports_in_time"], counts["reports_late"], counts["reports_not_sent"]) == (
        5,
        2,
        1,
    )
    assert (counts["actions_open"], counts["actions_overdue"], counts["actions_not_due"]) == (
        16,
        8,
        8,
    )
    assert counts["added"] == 11 and counts["removed"] == 1
    # Counts from 1 to 4 are small; zeros and 5 or more are shown.
    assert result.shown("rating:RED") == "fewer than 5"
    assert result.shown("rating:BLUE") == "0"
    assert result.shown("rating:GREEN") == "6"
    assert result.shown("reports_in_time") == "5"


def test_secondary_suppression_hides_what_a_total_would_give_away():
    counts = {"total": 12, "a": 3, "b": 9, "c": 0}
    assert suppress(counts, [("total", ["a", "b", "c"])]) == {"a": "small", "b": "hidden"}
    counts = {"total": 12, "a": 3, "b": 4, "c": 5}
    assert suppress(counts, [("total", ["a", "b", "c"])]) == {"a": "small", "b": "small"}
    counts = {"total": 10, "a": 10, "b": 0}
    assert suppress(counts, [("total", ["a", "b"])]) == {}
    # A hidden total spreads to the other lines that add up to it.
    counts = {"total": 7, "a": 3, "b": 4, "x": 7, "y": 0}
    hidden = suppress(counts, [("total", ["a", "b"]), ("total", ["x", "y"])])
    assert hidden == {"a": "small", "b": "small"}
    counts = {"total": 9, "a": 3, "b": 6, "x": 2, "y": 7}
    hidden = suppress(counts, [("total", ["a", "b"]), ("total", ["x", "y"])])
    assert hidden == {"a": "small", "b": "hidden", "x": "small", "y": "hidden"}


def test_the_summary_page_suppresses_small_numbers_and_names_nobody(app, manager, register):
    page = manager.get("/staff/exports/summary")
    assert page.status_code == 200
    shown = page_text(page)
    assert "fewer than 5" in shown and "not shown" in shown
    assert 'Counts from 1 to 4 are shown as "fewer than 5"' in shown
    rating = page.soup.find(id="summary-rating")
    for label in rating.select(".nhsuk-table__heading"):  # column names repeated for phones
        label.decompose()
    rows = {
        tr.find("th").get_text(" ", strip=True): tr.find("td").get_text(" ", strip=True)
        for tr in rating.select("tbody tr")
    }
    assert rows["GREEN"] == "6" and rows["RED"] == "fewer than 5"
    for name in ("Gina", "Greaves", "Rory", "Reddy", "Ambrose", "DSR-"):
        assert name not in shown
    assert years_ago(10).isoformat() not in shown
    viewed = audits(app, "summary.viewed")
    assert len(viewed) == 1 and set(viewed[0].detail) == {"start", "end"}


def test_the_summary_csv(app, manager, register):
    start, end = TODAY - timedelta(days=60), TODAY
    token = manager.csrf_token("/staff/exports")
    response = manager.post(
        "/staff/exports/summary/download", data={"csrf_token": token, **period(start, end)}
    )
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=register-summary-{start.isoformat()}-to-{end.isoformat()}.csv"
    )
    assert response.headers["Cache-Control"] == "no-store"
    rows = csv_rows(response)
    body = response.get_data(as_text=True)
    assert ["Period", f"{start.isoformat()} to {end.isoformat()}"] in rows
    assert ["GREEN", "6"] in rows and ["RED", "fewer than 5"] in rows
    assert ["Reviews held", "8"] in rows
    assert ["Report sent within 2 weeks", "5"] in rows
    assert ["Report not sent yet", "fewer than 5"] in rows
    assert ["Open actions", "16"] in rows and ["Overdue", "8"] in rows
    assert ["Added", "11"] in rows and ["Taken off", "fewer than 5"] in rows
    for cells in rows:
        for value in cells:
            assert not (value.isdigit() and 1 <= int(value) <= 4), cells
    for name in ("Gina", "Reddy", "Ambrose", "Moved away", "DSR-", years_ago(10).isoformat()):
        assert name not in body
    exported = audits(app, "export.summary")
    assert len(exported) == 1
    assert exported[0].detail == {
        "format": "csv",
        "rows": exported[0].detail["rows"],
        "start": start.isoformat(),
        "end": end.isoformat(),
    }
    assert exported[0].detail["rows"] > 20


def test_a_bad_period_is_refused_with_the_dates_kept(app, manager, register):
    query = period(TODAY, TODAY - timedelta(days=5))
    page = manager.get("/staff/exports/summary", query_string=query)
    assert page.status_code == 400
    assert "The end date must be the same as or after the start date" in page_text(page)
    assert page.soup.find(id="end-day")["value"] == query["end-day"]
    assert page.soup.find(id="summary-rating") is None
    token = manager.csrf_token("/staff/exports")
    download = manager.post(
        "/staff/exports/summary/download", data={"csrf_token": token, "start-day": "40"}
    )
    assert download.status_code == 400 and download.mimetype == "text/html"
    assert audits(app, "export.summary") == []


# Subject access ------------------------------------------------------------------------


@pytest.fixture
def person(app, db_session):
    """Sam Taylor on the register, with everything: the request that brought them, a
    second request found by NHS number and a third by name and date of birth; ratings,
    a review with actions, consent, status changes, notes, a planner share and audit rows.
    Kim Other, with her own request and review, must never appear in Sam's file."""
    born = years_ago(30)
    first = make_referral(
        app,
        nhs_number="9434765919",
        answers={"why": {"more": "I keep ending up in A&E"}, "about": {"likes": "trains"}},
        status="added_to_register",
    )
    by_nhs = make_referral(
        app, kind="review", first_name="Samuel", nhs_number="9434765919", answers={"x": 1}
    )
    by_name = make_referral(app, first_name=" sam ", last_name="TAYLOR", date_of_birth=born)
    other = make_referral(
        app, first_name="Kim", last_name="Other", answers={"why": {"more": "Kim's secret"}}
    )
    entry_id = make_entry(app, referral_id=first, nhs_number="9434765919", date_of_birth=born)
    other_entry = make_entry(app, "Kim", "Other", referral_id=other, rating="RED")
    with app.app_context():
        db.session.add_all(
            [
                ConsentRecord(
                    referral_id=first,
                    basis="own",
                    given=True,
                    given_by_role="self",
                    text_version="v1",
                    text_shown="I agree.",
                ),
                StatusChange(referral_id=first, status="added_to_register", by="staff:0"),
                ReferralNote(referral_id=first, text="Phoned Sam's sister", by="staff:0"),
                ReferralNote(referral_id=other, text="Note about Kim", by="staff:0"),
                RatingChange(entry_id=entry_id, rating="AMBER", reason="Worried", by="staff:0"),
                RatingChange(entry_id=entry_id, rating="GREEN", reason="Settled", by="staff:0"),
            ]
        )
        review = Review(
            entry_id=entry_id,
            referral_id=by_nhs,
            review_type="CTR",
            setting="community",
            held_on=TODAY,
            chair="Chris Chair",
            created_by="staff:0",
        )
        kim_review = Review(
            entry_id=other_entry, review_type="CTR", setting="community", created_by="staff:0"
        )
        db.session.add_all([review, kim_review])
        db.session.flush()
        db.session.add(
            ReviewAction(
                review_id=review.id,
                entry_id=entry_id,
                what="Find a day service",
                who="Jo",
                due_on=TODAY,
            )
        )
        planner = Planner(
            code_hash=uuid4().hex,
            access_key=uuid4().hex,
            referral_id=by_nhs,
            expires_at=datetime.now(UTC) + timedelta(days=30),
            answers={"private": "not for staff"},
        )
        db.session.add(planner)
        db.session.flush()
        db.session.add(
            PlannerShare(
                planner_id=planner.id,
                referral_id=by_nhs,
                parts=["safe"],
                answers={"safe": "I feel safe at home"},
            )
        )
        audit.record("register.viewed", "register_entry", entry_id, actor="staff:0")
        audit.record("referral.status_viewed", "referral", by_name)
        audit.record("review.held", "review", review.id, actor="staff:0")
        audit.record("planner.shared", "planner", planner.id)
        audit.record("register.viewed", "register_entry", other_entry, actor="staff:0")
        audit.record("referral.status_viewed", "referral", other)
        db.session.commit()
        ids = {
            "entry": entry_id,
            "referrals": [first, by_nhs, by_name],
            "other_referral": other,
            "other_entry": other_entry,
            "review": review.id,
            "kim_review": kim_review.id,
            "planner": planner.id,
        }
    return ids


def test_the_confirmation_page_lists_the_requests_and_downloads_nothing(app, manager, person):
    url = f"/staff/register/{person['entry']}/subject-access"
    page = manager.get(url)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "Content-Disposition" not in page.headers
    shown = page_text(page)
    assert "Sam Taylor" in shown
    assert "The same name and date of birth" in shown and "The same NHS number" in shown
    assert "It brought them onto the register" in shown
    assert "One of their reviews came from it" in shown
    form = page.soup.find("form", attrs={"action": url})
    assert form["method"] == "post"
    viewed = [
        row for row in audits(app, "register.viewed") if row.detail.get("page") == "subject_access"
    ]
    assert len(viewed) == 1 and viewed[0].subject_id == person["entry"]
    assert audits(app, "subject_access.exported") == []


def subject_file(manager, entry_id):
    url = f"/staff/register/{entry_id}/subject-access"
    return manager.post(url, data={"csrf_token": manager.csrf_token(url)})


def test_the_subject_access_file_holds_everything_about_the_person(app, manager, person):
    response = subject_file(manager, person["entry"])
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=subject-access-record-{person['entry']}-{TODAY.isoformat()}.json"
    )
    assert response.headers["Cache-Control"] == "no-store"
    raw = response.get_data(as_text=True)
    assert raw.startswith('{\n  "about_this_file"')  # indented
    document = json.loads(raw)
    assert document["about_this_file"]["notes"]
    entry = document["register_entry"]
    assert entry["id"] == person["entry"] and entry["first_name"] == "Sam"
    with app.app_context():
        assert set(entry) == {c.key for c in RegisterEntry.__table__.columns}
    assert [c["rating"] for c in document["rating_history"]] == ["AMBER", "GREEN"]
    (review,) = document["reviews"]
    assert review["chair"] == "Chris Chair" and review["held_on"] == TODAY.isoformat()
    assert [a["what"] for a in review["actions"]] == ["Find a day service"]
    requests = {r["id"]: r for r in document["requests"]}
    assert sorted(requests) == sorted(person["referrals"])
    first = requests[person["referrals"][0]]
    assert first["answers"]["why"]["more"] == "I keep ending up in A&E"
    assert "status_token_hash" not in first
    assert [c["text_shown"] for c in document["consent_records"]] == ["I agree."]
    assert [s["status"] for s in document["status_changes"]] == ["added_to_register"]
    assert [n["text"] for n in document["notes_and_contacts"]] == ["Phoned Sam's sister"]
    assert [s["answers"] for s in document["planner_shares"]] == [{"safe": "I feel safe at home"}]
    trail = {(a["action"], a["subject_type"], a["subject_id"]) for a in document["audit_trail"]}
    assert ("register.viewed", "register_entry", person["entry"]) in trail
    assert ("referral.status_viewed", "referral", person["referrals"][2]) in trail
    assert ("review.held", "review", person["review"]) in trail
    assert ("planner.shared", "planner", person["planner"]) in trail
    assert "staff:0" not in document["staff_named_in_this_file"]  # no such member
    # Nothing about anyone else; nothing from the person's private planner.
    for other in ("Kim", "Other", "Note about Kim", "not for staff"):
        assert other not in raw
    assert person["other_referral"] not in requests
    assert all(a["subject_id"] != person["other_entry"] for a in document["audit_trail"])
    assert all(r["id"] != person["kim_review"] for r in document["reviews"])


def test_the_subject_access_export_is_audited_with_counts(app, manager, person):
    subject_file(manager, person["entry"])
    (row,) = audits(app, "subject_access.exported")
    assert row.subject_type == "register_entry" and row.subject_id == person["entry"]
    assert row.actor.startswith("staff:")
    assert row.detail["format"] == "json"
    assert row.detail["requests"] == 3 and row.detail["reviews"] == 1
    assert row.detail["rating_history"] == 2 and row.detail["planner_shares"] == 1
    assert "Sam" not in json.dumps(row.detail)
    # The manager's own view of the record is named in the next export.
    document = json.loads(subject_file(manager, person["entry"]).get_data(as_text=True))
    named = document["staff_named_in_this_file"]
    assert named == {row.actor: "Rita Manager"}


def test_subject_access_for_someone_not_on_the_register_is_not_found(manager):
    assert manager.get("/staff/register/999999/subject-access").status_code == 404


def test_a_person_with_no_requests_still_gets_their_file(app, manager):
    entry_id = make_entry(app, "Noor", "Nobody", date_of_birth=years_ago(40))
    document = json.loads(subject_file(manager, entry_id).get_data(as_text=True))
    assert document["register_entry"]["first_name"] == "Noor"
    for section in ("requests", "consent_records", "planner_shares", "reviews"):
        assert document[section] == [], section
    assert [row["subject_id"] for row in document["audit_trail"]] == [entry_id]  # the view


def test_the_default_period_is_the_last_three_months():
    assert default_period(date(2025, 5, 31)) == (date(2025, 2, 28), date(2025, 5, 31))
    assert default_period(date(2025, 1, 15)) == (date(2024, 10, 15), date(2025, 1, 15))
    assert default_period(date(2024, 7, 31)) == (date(2024, 4, 30), date(2024, 7, 31))
