"""The audit log: administrators only; newest first, 50 a page; searchable by what
happened, kind of record, record number, who and dates; staff shown by name, actions in
words, links to records the viewer may open; and every search is itself audited with the
names of the filters used, never their values."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from admin.audit_log import detail_text, record_link
from portal.extensions import db
from portal.models import AuditEvent, StaffMember
from portal.services import audit_search

PAGE = "/staff/audit"
NOW = datetime.now(UTC)


def event(action="register.viewed", subject_type="register_entry", subject_id=1, **fields):
    values = {"actor": "public", "at": NOW - timedelta(days=1), "detail": {}, **fields}
    db.session.add(
        AuditEvent(action=action, subject_type=subject_type, subject_id=subject_id, **values)
    )


def add(app, *events):
    with app.app_context():
        for values in events:
            event(**values)
        db.session.commit()


def staff_member(app, name, email, role="register_manager"):
    with app.app_context():
        member = StaffMember(email=email, name=name, role=role, password_hash="x")
        db.session.add(member)
        db.session.commit()
        return member.id


def shown(page):
    """Each row as {column heading: text}."""
    table = page.soup.select_one("table.portal-audit-table")
    if table is None:
        return []
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = []
    for tr in table.select("tbody tr"):
        cells = []
        for td in tr.select("td"):
            td.select_one(".nhsuk-table-responsive__heading").extract()
            cells.append(td.get_text(" ", strip=True))
        rows.append(dict(zip(headings, cells, strict=True)))
    return rows


def searches(app):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "audit.searched").order_by(AuditEvent.id)
        ).all()
        return [(row.actor, row.subject_type, row.subject_id, dict(row.detail)) for row in rows]


@pytest.fixture
def admin(staff_client):
    return staff_client("administrator", name="Ada Admin")


@pytest.mark.parametrize("role", ["triager", "register_manager"])
def test_only_administrators_see_the_audit_log(app, staff_client, role):
    assert staff_client(role).get(PAGE).status_code == 403
    assert searches(app) == []


def test_newest_first_with_names_words_and_links(app, admin):
    manager = staff_member(app, "Maya Manager", "maya@example.org")
    add(
        app,
        {"at": NOW - timedelta(days=3), "actor": f"staff:{manager}", "subject_id": 7},
        {
            "at": NOW - timedelta(days=2),
            "action": "settings.changed",
            "subject_type": "area_settings",
            "actor": f"staff:{manager}",
            "detail": {"fields": ["name", "team_name"]},
        },
        {
            "at": NOW - timedelta(hours=1),
            "action": "staff.sign_in_failed",
            "subject_type": "staff",
            "subject_id": manager,
            "detail": {"step": "password"},
        },
        {"at": NOW - timedelta(days=4), "actor": "staff:99999", "action": "something.new"},
    )
    page = admin.get(PAGE)
    assert page.status_code == 200
    rows = shown(page)
    # The administrator's own sign-in is the newest.
    assert [row["What happened"] for row in rows] == [
        "Staff member signed in staff.signed_in",
        "Staff sign-in failed staff.sign_in_failed",
        "Local area settings changed settings.changed",
        "Register record viewed register.viewed",
        "something.new",
    ]
    assert rows[0]["Who"] == "Ada Admin"
    assert rows[1]["Who"] == "Public"
    assert rows[1]["Record"] == f"Staff account {manager}"
    assert rows[2]["Who"] == "Maya Manager"
    assert rows[2]["Detail"] == "fields: name, team_name"
    assert rows[3]["Record"] == "Register record 7"
    assert rows[4]["Who"] == "Staff member 99999 (no longer known)"
    table = page.soup.select_one("table.portal-audit-table")
    links = {a.get_text(strip=True): a["href"] for a in table.select("a")}
    assert links["Maya Manager"] == f"/staff/staff-members/{manager}"
    assert links[f"Staff account {manager}"] == f"/staff/staff-members/{manager}"
    assert links["Local area settings 1"] == "/staff/settings"
    # An administrator may not open people's records, and nobody can open a staff member
    # nobody knows any more: neither is a link.
    assert "Register record 7" not in links
    assert "Staff member 99999 (no longer known)" not in links


def test_detail_in_words(app):
    with app.test_request_context():
        parts = detail_text({"anonymous": False, "fields": [], "page": 2, "kind": None})
    assert parts == ["anonymous: no", "fields: none", "page: 2", "kind: none"]


def test_links_go_to_records_the_role_may_open(app):
    with app.test_request_context():
        assert record_link("register_entry", 5, "register_manager") == "/staff/register/5"
        assert record_link("register_entry", 5, "administrator") is None
        assert record_link("referral", 4, "administrator") is None
        assert record_link("feedback", 2, "administrator") is None
        assert record_link("review", 3, "register_manager") == "/staff/reviews/3"
        assert record_link("referral", 4, "triager") == "/staff/queue/4"
        assert record_link("feedback", 2, "register_manager") == "/staff/feedback/2"
        assert record_link("planner", 2, "administrator") is None
        assert record_link("register_entry", None, "register_manager") is None


def test_fifty_a_page(app, admin):
    add(
        app,
        *({"at": NOW - timedelta(minutes=n), "subject_id": n} for n in range(1, 62)),
    )
    first = admin.get(PAGE, query_string={"action": "register.viewed"})
    rows = shown(first)
    assert len(rows) == 50
    assert rows[0]["Record"] == "Register record 1"
    assert rows[-1]["Record"] == "Register record 50"
    assert "Showing 1 to 50 of 61" in first.text
    older = first.soup.select_one(".nhsuk-pagination a[rel=next]")
    assert "page=2" in older["href"] and "action=register.viewed" in older["href"]
    second = admin.get(older["href"])
    assert second.soup.title.get_text().startswith("Audit log (page 2)")
    assert "Showing 51 to 61 of 61" in second.text
    rows = shown(second)
    assert [row["Record"] for row in rows] == [f"Register record {n}" for n in range(51, 62)]
    assert not second.soup.select(".nhsuk-pagination a[rel=next]")
    assert second.soup.select_one(".nhsuk-pagination a[rel=prev]")
    beyond = admin.get(PAGE, query_string={"action": "register.viewed", "page": "9"})
    assert shown(beyond) == []
    assert "There are no more events for this search." in beyond.text


@pytest.mark.parametrize(
    ("query", "subjects"),
    [
        ({"action": "register.rated"}, [2]),
        ({"subject_type": "review"}, [3]),
        ({"subject_id": " 4 "}, [4]),
        ({"actor": "public"}, [1, 2, 3]),
        (
            {"start-day": "10", "start-month": "3", "start-year": "2026"},
            [4, 5],
        ),
        (
            {
                "start-day": "9",
                "start-month": "3",
                "start-year": "2026",
                "end-day": "9",
                "end-month": "3",
                "end-year": "2026",
            },
            [3],
        ),
        ({"end-day": "8", "end-month": "3", "end-year": "2026"}, [1, 2]),
    ],
)
def test_filters(app, admin, query, subjects):
    day = datetime(2026, 3, 8, 23, 59, tzinfo=UTC)
    add(
        app,
        {"at": day - timedelta(days=1), "subject_id": 1},
        {"at": day, "subject_id": 2, "action": "register.rated"},
        {"at": day + timedelta(hours=1), "subject_id": 3, "subject_type": "review"},
        {"at": day + timedelta(days=1, minutes=1), "subject_id": 4, "actor": "staff:1"},
        {"at": day + timedelta(days=2), "subject_id": 5, "actor": "staff:1"},
    )
    page = admin.get(PAGE, query_string={**query, "page": "1"})
    assert page.status_code == 200
    # Only the rows made here (the administrator's own sign-in is today, subject not 1-5).
    found = [
        int(row["Record"].split()[-1])
        for row in shown(page)
        if row["Record"].split()[-1].isdigit()
        and int(row["Record"].split()[-1]) <= 5
        and "signed in" not in row["What happened"]
    ]
    assert sorted(found) == subjects


def test_filter_by_staff_member_from_the_list(app, admin):
    manager = staff_member(app, "Maya Manager", "maya@example.org")
    other = staff_member(app, "Omar Other", "omar@example.org")
    add(
        app,
        {"actor": f"staff:{manager}", "subject_id": 11},
        {"actor": f"staff:{other}", "subject_id": 12},
    )
    page = admin.get(PAGE)
    options = {o.get_text(): o["value"] for o in page.soup.select("select#actor option")}
    assert options["Anyone"] == ""
    assert options["Public"] == "public"
    assert options["Maya Manager"] == f"staff:{manager}"
    rows = shown(admin.get(PAGE, query_string={"actor": f"staff:{manager}"}))
    assert [row["Record"] for row in rows] == ["Register record 11"]
    kept = admin.get(PAGE, query_string={"actor": f"staff:{manager}"}).soup
    assert kept.select_one("select#actor option[selected]")["value"] == f"staff:{manager}"


def test_every_search_is_audited_by_filter_names_only(app, admin):
    admin.get(PAGE)
    admin.get(PAGE, query_string={"subject_id": "4242", "action": "register.viewed"})
    admin.get(PAGE, query_string={"action": "register.viewed", "page": "3"})
    rows = searches(app)
    assert [detail for *_, detail in rows] == [
        {"filters": [], "page": 1},
        {"filters": ["action", "subject_id"], "page": 1},
        {"filters": ["action"], "page": 3},
    ]
    assert all(a.startswith("staff:") and t == "audit_event" and i is None for a, t, i, _ in rows)
    assert "4242" not in repr(rows)


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ({"subject_id": "abc"}, "Record number must be a whole number, like 42", "subject_id"),
        ({"subject_id": "99999999999"}, "Record number must be a whole number", "subject_id"),
        ({"action": "made.up"}, "Select one of the options shown", "action"),
        ({"actor": "staff:nobody"}, "Select one of the options shown", "actor"),
        (
            {"start-day": "31", "start-month": "2", "start-year": "2026"},
            "The start date must be a real date",
            "start-day",
        ),
        (
            {
                "start-day": "9",
                "start-month": "3",
                "start-year": "2026",
                "end-day": "8",
                "end-month": "3",
                "end-year": "2026",
            },
            "The end date must be the same as or after the start date",
            "end-day",
        ),
    ],
)
def test_a_wrong_search_says_what_to_do_and_keeps_what_was_typed(
    app, admin, query, message, anchor
):
    page = admin.get(PAGE, query_string={**query, "subject_type": "review"})
    assert page.status_code == 400
    assert page.soup.title.get_text().startswith("Error: Audit log")
    summary = page.soup.select_one(".nhsuk-error-summary")
    assert message in summary.get_text()
    assert summary.find("a")["href"] == f"#{anchor}"
    assert page.soup.select_one("select#subject_type option[selected]")["value"] == "review"
    if "subject_id" in query:
        assert page.soup.select_one("#subject_id")["value"] == query["subject_id"]
    assert shown(page) == []
    assert searches(app) == []  # nothing was searched


def test_staff_names_in_one_query(app, db_session):
    manager = staff_member(app, "Maya Manager", "maya@example.org")
    with app.app_context():
        names = audit_search.staff_names([f"staff:{manager}", "public", "staff:x", None])
    assert names == {manager: "Maya Manager"}


def test_the_portal_and_namesakes_are_told_apart(app, admin):
    first = staff_member(app, "Sam Same", "sam1@example.org")
    second = staff_member(app, "Sam Same", "sam2@example.org")
    add(app, {"actor": "portal", "subject_id": 987021, "action": "referral.submitted"})
    page = admin.get(PAGE, query_string={"action": "referral.submitted"})
    [row] = shown(page)
    assert row["Who"] == "Portal"
    assert row["Record"] == "Register record 987021"
    options = {o.get_text(): o["value"] for o in page.soup.select("select#actor option")}
    assert options[f"Sam Same (account {first})"] == f"staff:{first}"
    assert options[f"Sam Same (account {second})"] == f"staff:{second}"


def test_times_are_shown_in_utc(app, admin):
    add(app, {"at": datetime(2026, 3, 8, 14, 5, tzinfo=UTC), "subject_id": 987031})
    rows = shown(admin.get(PAGE, query_string={"subject_id": "987031"}))
    assert [row["When (UTC)"] for row in rows] == ["8 Mar 2026 14:05"]


def test_looking_changes_nothing_but_the_search_row(app, admin):
    add(app, {"subject_id": 987041})
    with app.app_context():
        before = db.session.scalar(select(func.count(AuditEvent.id)))
    admin.get(PAGE, query_string={"subject_id": "987041"})
    with app.app_context():
        assert db.session.scalar(select(func.count(AuditEvent.id))) == before + 1
