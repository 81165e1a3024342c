"""The triage queue: what waits and in what order, its age in working days, status changes
with who, when and why, reasons the person sees, notes and contacts, the consent gate on
adding to the register, and withdrawals that bring an item back. Every view and change is
audited with ids and codes only."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AuditEvent,
    ConsentRecord,
    Referral,
    ReferralNote,
    RegisterEntry,
    StaffMember,
    StatusChange,
)
from portal.services import referrals, triage

QUEUE = "/staff/queue"
TODAY = date.today()


def item(referral_id, action=""):
    return f"{QUEUE}/{referral_id}" + (f"/{action}" if action else "")


def years_ago(years):
    return TODAY.replace(year=TODAY.year - years) - timedelta(days=3)


def working_days_ago(days):
    """A moment `days` working days before today (Monday to Friday)."""
    day = TODAY
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def stored_answers(first, last, born, reasons, needs=("easy_read",), setting="family_home"):
    """Answers as the public journey stores them (see portal/journeys/engine.to_stored)."""
    return {
        "who": {"role": "person"},
        "person": {
            "first_name": first,
            "last_name": last,
            "preferred_name": "",
            "date_of_birth": born.isoformat(),
            "nhs_number": "9434765919",
        },
        "address": {"line1": "1 High Street", "line2": "", "town": "Leeds", "postcode": "LS1 4HR"},
        "contact": {"ways": ["phone"], "phone": "01632 960 123", "email": "", "best_times": ""},
        "communication": {
            "needs": list(needs),
            "interpreter_language": "Polish" if "interpreter" in needs else "",
            "someone_present": "",
            "other_need": "",
        },
        "diagnosis": {"diagnosis": "autism"},
        "living": {"setting": setting, "other_setting": ""},
        "risks": {"reasons": list(reasons), "more": "Things are hard at home.\nVery hard."},
        "support": {"supporters": ["gp"], "details": ""},
        "help": {"what_would_help": "Someone to talk to."},
        "consent": {"agree": "yes", "route": "own"},
    }


def make_referral(
    app,
    first="Sam",
    last="Jones",
    kind="register",
    age=30,
    in_hospital=False,
    reasons=(),
    sent=None,
    basis="own",
    status="new",
    withdrawn=None,
    done=False,
    needs=("easy_read",),
):
    """A request as the portal stores it, with its consent record and first status."""
    born = years_ago(age)
    given = basis in ("own", "parental")
    with app.app_context():
        referral = Referral(
            kind=kind,
            reference=f"{'REV' if kind == 'review' else 'DSR'}-{uuid4().hex[:4].upper()}-"
            f"{uuid4().hex[:4].upper()}",
            status=status,
            submitted_at=sent or datetime.now(UTC),
            requester_role="person",
            first_name=first,
            last_name=last,
            date_of_birth=born,
            nhs_number="9434765919",
            postcode="LS1 4HR",
            in_hospital=in_hospital,
            risk_reasons=list(reasons),
            answers=stored_answers(first, last, born, reasons, needs),
            status_token_hash=uuid4().hex,
            queue_done_at=datetime.now(UTC) if done else None,
        )
        if basis is not None:
            referral.consent = ConsentRecord(
                basis=basis,
                given=given,
                given_by_name=f"{first} {last}" if given else None,
                given_by_role="person",
                text_version="dsr-consent-2026-11",
                text_shown="Your name and details go on the local Dynamic Support Register.",
                withdrawn_at=withdrawn,
            )
        db.session.add(referral)
        db.session.flush()
        referral.status_changes.append(
            StatusChange(status="new", by="portal", at=referral.submitted_at)
        )
        db.session.commit()
        return referral.id


def get(app, referral_id):
    with app.app_context():
        referral = db.session.get(Referral, referral_id)
        changes = [(c.status, c.by, c.reason) for c in referral.status_changes]
        consent = referral.consent
        values = {
            "status": referral.status,
            "status_reason": referral.status_reason,
            "queue_done_at": referral.queue_done_at,
            "changes": changes,
            "decision_kind": consent.decision_kind if consent else None,
        }
        return values


def audits(app, action, subject_id=None):
    with app.app_context():
        query = select(AuditEvent).where(AuditEvent.action == action)
        if subject_id is not None:
            query = query.where(AuditEvent.subject_id == subject_id)
        return [(row.actor, dict(row.detail)) for row in db.session.scalars(query)]


def staff_id(app, role):
    with app.app_context():
        return db.session.scalar(select(StaffMember.id).where(StaffMember.role == role))


def entries(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(RegisterEntry))


def listed(page):
    return [
        a.get_text(strip=True) for a in page.soup.select("tr.portal-triage-row td:first-child a")
    ]


def errors(page):
    return [a.get_text(strip=True) for a in page.soup.select(".nhsuk-error-summary a")]


def text(page):
    return " ".join(page.soup.main.get_text(" ").split())


def reference(app, referral_id):
    with app.app_context():
        return db.session.get(Referral, referral_id).reference


@pytest.fixture
def triager(staff_client):
    return staff_client("triager", name="Tara Triager")


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


def post(client, path, data):
    token = client.csrf_token(QUEUE)  # the sign-out form on every staff page
    return client.post(path, data={**data, "csrf_token": token})


# Working days


@pytest.mark.parametrize(
    "start, end, days",
    [
        (date(2026, 3, 2), date(2026, 3, 2), 0),  # Monday, same day
        (date(2026, 3, 2), date(2026, 3, 3), 1),  # Monday to Tuesday
        (date(2026, 3, 6), date(2026, 3, 9), 1),  # Friday to Monday
        (date(2026, 3, 7), date(2026, 3, 9), 1),  # Saturday to Monday
        (date(2026, 3, 2), date(2026, 3, 16), 10),  # two weeks
        (date(2026, 3, 4), date(2026, 3, 17), 9),
    ],
)
def test_working_days_count_monday_to_friday(start, end, days):
    assert triage.working_days_between(start, end) == days
    if days:
        assert triage.add_working_days(start, days) <= end


def test_add_working_days_skips_the_weekend():
    assert triage.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)
    assert triage.add_working_days(date(2026, 3, 2), 10) == date(2026, 3, 16)


# Who may see the queue


def test_administrators_are_refused_every_queue_page(app, staff_client):
    referral_id = make_referral(app)
    client = staff_client("administrator")
    assert client.get(QUEUE).status_code == 403
    assert client.get(item(referral_id)).status_code == 403
    token = client.csrf_token("/staff/")
    for action, data in [
        ("status", {"status": "being_looked_at", "reason": "x"}),
        ("note", {"note": "x"}),
        ("contact", {"contact_with": "x", "contact_method": "phone", "contact_text": "x"}),
        ("add", {"rating": "RED", "rating_reason": "x"}),
    ]:
        response = client.post(item(referral_id, action), data={**data, "csrf_token": token})
        assert response.status_code == 403, action
    assert get(app, referral_id)["status"] == "new"


def test_triagers_cannot_add_record_decisions_or_take_off(app, triager):
    referral_id = make_referral(app)
    assert (
        post(triager, item(referral_id, "add"), {"rating": "RED", "rating_reason": "x"}).status_code
        == 403
    )
    assert post(triager, item(referral_id, "decision"), {"decided_by": "x"}).status_code == 403
    assert post(triager, item(referral_id, "take-off"), {"removal_reason": "x"}).status_code == 403
    assert entries(app) == 0
    page = triager.get(item(referral_id))
    assert "A register manager adds people to the register." in text(page)
    assert page.soup.select_one(f"form[action='{item(referral_id, 'add')}']") is None


# The queue


def test_queue_order_in_hospital_then_urgent_then_waiting_longest(app, triager):
    make_referral(app, "Wait", "Short", sent=working_days_ago(1))
    make_referral(app, "Wait", "Long", sent=working_days_ago(8))
    make_referral(
        app, "Urgent", "Ae", reasons=["life_events", "emergency_visits"], sent=working_days_ago(0)
    )
    make_referral(
        app, "Review", "Safety", kind="review", reasons=["safety"], sent=working_days_ago(2)
    )
    make_referral(app, "Hosp", "New", in_hospital=True, sent=working_days_ago(0))
    make_referral(app, "Hosp", "Old", in_hospital=True, sent=working_days_ago(3))
    make_referral(app, "Done", "Already", done=True, status="not_added")
    make_referral(
        app, "Not", "Urgent", reasons=["life_events", "mental_health"], sent=working_days_ago(4)
    )

    page = triager.get(QUEUE)

    assert page.status_code == 200
    names = [
        " ".join(cell.get_text(" ", strip=True).split()[:2])
        for cell in page.soup.select("tr.portal-triage-row td:nth-of-type(2) > span:last-child")
    ]
    assert names == [
        "Hosp Old",
        "Hosp New",
        "Review Safety",
        "Urgent Ae",
        "Wait Long",
        "Not Urgent",
        "Wait Short",
    ]
    assert "Showing 1 to 7 of 7" in page.soup.find(id="queue-count").get_text()


def test_each_row_shows_kind_person_hospital_status_and_working_day_age(app, triager):
    late = make_referral(app, "Late", "Request", age=12, sent=working_days_ago(11))
    review = make_referral(app, "Late", "Review", kind="review", sent=working_days_ago(5))
    gone = make_referral(
        app, "With", "Drawn", status="consent_withdrawn", withdrawn=working_days_ago(2)
    )
    rows = {
        row.select_one("a").get_text(strip=True): " ".join(row.get_text(" ").split())
        for row in triager.get(QUEUE).soup.select("tr.portal-triage-row")
    }
    late_row = rows[reference(app, late)]
    assert "Register request" in late_row and "Late Request" in late_row
    assert "12 years old" in late_row
    assert "In hospital No" in late_row and "Status New" in late_row
    # 11 working days against the area's 10: overdue.
    assert "11 working days" in late_row and "Answer within 10 working days" in late_row
    assert "Overdue" in late_row
    review_row = rows[reference(app, review)]
    assert "Review request" in review_row
    assert "5 working days" in review_row and "Answer within 5 working days" in review_row
    assert "Overdue" not in review_row  # on the day, not past it
    gone_row = rows[reference(app, gone)]
    # A withdrawal's age runs from the withdrawal, not the request.
    assert "Consent withdrawn" in gone_row and "2 working days" in gone_row


def test_filters_by_kind_and_status(app, triager):
    register_id = make_referral(app, "Reg", "One")
    looked = make_referral(app, "Reg", "Two", status="being_looked_at")
    review_id = make_referral(app, "Rev", "One", kind="review")
    gone = make_referral(
        app, "Gone", "One", status="consent_withdrawn", withdrawn=datetime.now(UTC)
    )

    def refs(**args):
        page = triager.get(QUEUE, query_string=args)
        assert page.status_code == 200
        return set(listed(page))

    ref = {i: reference(app, i) for i in (register_id, looked, review_id, gone)}
    assert refs(kind="register") == {ref[register_id], ref[looked]}
    assert refs(kind="review") == {ref[review_id]}
    assert refs(kind="withdrawal") == {ref[gone]}
    assert refs(status="being_looked_at") == {ref[looked]}
    assert refs(kind="register", status="new") == {ref[register_id]}
    bad = triager.get(QUEUE, query_string={"kind": "everything"})
    assert bad.status_code == 400
    assert errors(bad) == ["Select one of the options shown"]


def test_the_queue_pages_25_at_a_time(app, triager):
    for number in range(27):
        make_referral(app, "Page", f"Person{number:02d}", sent=working_days_ago(30 - number))
    first = triager.get(QUEUE)
    assert len(listed(first)) == 25
    assert first.soup.select_one(".nhsuk-pagination") is not None
    second = triager.get(QUEUE, query_string={"page": "2"})
    assert len(listed(second)) == 2
    assert "Showing 26 to 27 of 27" in second.soup.find(id="queue-count").get_text()
    assert "(page 2)" in second.soup.title.get_text()


def test_listing_the_queue_is_audited_without_names(app, triager):
    make_referral(app, "Secret", "Name")
    triager.get(QUEUE, query_string={"kind": "register"})
    rows = audits(app, "referral.listed")
    assert len(rows) == 1
    who, detail = rows[0]
    assert who == f"staff:{staff_id(app, 'triager')}"
    assert detail == {"page": 1, "results": 1, "kind": "register", "status": None}
    assert "Secret" not in str(detail)


# One item


def test_the_item_page_shows_the_request_and_is_audited(app, triager):
    referral_id = make_referral(
        app, needs=("easy_read", "interpreter"), reasons=["legal_restrictions"], in_hospital=True
    )
    page = triager.get(item(referral_id))
    assert page.status_code == 200
    main = text(page)
    # Communication needs at the top, in words.
    callout = page.soup.select_one(".nhsuk-card--warning").get_text(" ")
    assert "Easy read" in callout and "Interpreter language: Polish" in callout
    assert main.index("Communication needs") < main.index("What they told us")
    # Readable answers, by the public forms' own labels.
    assert "Do they have a learning disability, autism or both? Autism" in main
    assert "Under the Mental Health Act or a Deprivation of Liberty order" in main
    assert "Things are hard at home." in main
    # Consent: basis, who gave it, the words shown and their version.
    assert "The person agreed to go on the register." in main
    assert "dsr-consent-2026-11" in main
    assert "Urgent reasons Under the Mental Health Act" in main
    rows = audits(app, "referral.viewed", referral_id)
    assert rows == [(f"staff:{staff_id(app, 'triager')}", {"page": "item"})]


def test_an_unknown_item_is_not_found(triager):
    assert triager.get(item(999999)).status_code == 404


def test_typed_text_is_shown_as_text(app, triager):
    referral_id = make_referral(app, first="<b>Sam</b>")
    post(triager, item(referral_id, "note"), {"note": "<script>alert(1)</script>"})
    page = triager.get(item(referral_id))
    assert "<script>alert(1)</script>" in page.soup.select_one(".portal-triage-note").get_text()
    assert page.soup.find("b", string="Sam") is None


# Status changes


def test_a_status_change_records_who_when_and_why(app, triager):
    referral_id = make_referral(app)
    response = post(
        triager,
        item(referral_id, "status"),
        {"status": "being_looked_at", "reason": "Picked up on Monday."},
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(item(referral_id))
    who = f"staff:{staff_id(app, 'triager')}"
    values = get(app, referral_id)
    assert values["status"] == "being_looked_at"
    assert values["queue_done_at"] is None
    assert values["changes"][-1] == ("being_looked_at", who, "Picked up on Monday.")
    assert audits(app, "referral.status_changed", referral_id) == [
        (who, {"status": "being_looked_at"})
    ]
    page = triager.get(item(referral_id))
    history = page.soup.select("tr.portal-triage-change")[-1].get_text(" ")
    assert "Being looked at" in history and "Tara Triager" in history
    assert "Picked up on Monday." in history
    assert "Status changed to: Being looked at." in page.soup.select_one(".portal-flash").get_text()


def test_not_added_needs_a_reason_for_the_person_shown_on_their_status_page(app, manager, client):
    referral_id = make_referral(app)
    missing = post(
        manager, item(referral_id, "status"), {"status": "not_added", "reason": "Not at risk."}
    )
    assert missing.status_code == 400
    assert errors(missing) == ["Enter the reason for the person, in plain words"]
    assert missing.soup.select_one("#reason")["name"] == "reason"
    assert "Not at risk." in missing.soup.select_one("#reason").get_text()  # kept
    assert get(app, referral_id)["status"] == "new"

    words = "You do not need the register now. Your GP can help."
    done = post(
        manager,
        item(referral_id, "status"),
        {"status": "not_added", "reason": "Not at risk.", "reason_for_person": words},
    )
    assert done.status_code == 303
    values = get(app, referral_id)
    assert values["status"] == "not_added" and values["status_reason"] == words
    assert values["queue_done_at"] is not None  # it leaves the queue
    assert reference(app, referral_id) not in listed(manager.get(QUEUE))

    # The person sees it on their status page.
    with client.session_transaction() as cookie:
        cookie["status:referral"] = referral_id
    status_page = client.get("/my-request/status")
    assert words in status_page.soup.main.get_text()
    assert "The person has not been added to the register." in status_page.soup.main.get_text()


def test_review_not_agreed_needs_a_reason_and_review_statuses_apply_to_reviews(app, triager):
    review_id = make_referral(app, kind="review")
    page = triager.get(item(review_id))
    offered = [i["value"] for i in page.soup.select("input[name=status]")]
    assert offered == [
        "being_looked_at",
        "more_information_needed",
        "passed_to_care_coordinator",
        "review_agreed",
        "review_not_agreed",
    ]
    refused = post(
        triager, item(review_id, "status"), {"status": "review_not_agreed", "reason": "x"}
    )
    assert refused.status_code == 400
    assert get(app, review_id)["status"] == "new"
    wrong_kind = post(
        triager,
        item(review_id, "status"),
        {"status": "not_added", "reason": "x", "reason_for_person": "y"},
    )
    assert wrong_kind.status_code == 400
    assert errors(wrong_kind) == ["Select one of the options shown"]
    agreed = post(
        triager,
        item(review_id, "status"),
        {"status": "review_agreed", "reason": "Commissioner agreed."},
    )
    assert agreed.status_code == 303
    values = get(app, review_id)
    assert values["status"] == "review_agreed" and values["queue_done_at"] is not None


def test_register_requests_offer_their_own_statuses(app, triager):
    referral_id = make_referral(app)
    offered = [i["value"] for i in triager.get(item(referral_id)).soup.select("input[name=status]")]
    assert offered == ["being_looked_at", "more_information_needed", "not_added"]


def test_bad_status_input_is_400_and_keeps_what_was_typed(app, triager):
    referral_id = make_referral(app)
    response = post(
        triager,
        item(referral_id, "status"),
        {"status": "", "reason": "", "reason_for_person": "Kept words"},
    )
    assert response.status_code == 400
    assert errors(response) == ["Select a status", "Enter why you are changing the status"]
    assert response.soup.title.get_text().startswith("Error: ")
    assert "Kept words" in response.soup.select_one("#reason_for_person").get_text()
    assert get(app, referral_id)["changes"] == [("new", "portal", None)]


def test_a_finished_item_cannot_change_status(app, triager):
    referral_id = make_referral(app, status="not_added", done=True)
    page = triager.get(item(referral_id))
    assert page.soup.select("input[name=status]") == []
    response = post(
        triager, item(referral_id, "status"), {"status": "being_looked_at", "reason": "x"}
    )
    assert response.status_code == 400
    assert errors(response) == ["This request is finished. Its status cannot change now."]
    assert get(app, referral_id)["status"] == "not_added"


def test_get_changes_nothing(app, triager):
    referral_id = make_referral(app)
    for action in ("status", "note", "contact", "add", "decision", "take-off"):
        assert triager.get(item(referral_id, action)).status_code == 405
    values = get(app, referral_id)
    assert values["status"] == "new" and values["changes"] == [("new", "portal", None)]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReferralNote)) == 0


# Notes and contacts


def test_notes_and_contacts_are_kept_with_who_and_when(app, triager):
    referral_id = make_referral(app)
    note = post(triager, item(referral_id, "note"), {"note": "Mum prefers calls after 4pm."})
    assert note.status_code == 303 and note.headers["Location"].endswith("#notes")
    contact = post(
        triager,
        item(referral_id, "contact"),
        {
            "contact_with": "Pat Jones, mum",
            "contact_method": "phone",
            "contact_text": "Talked about support at home.",
        },
    )
    assert contact.status_code == 303
    who = f"staff:{staff_id(app, 'triager')}"
    with app.app_context():
        notes = db.session.scalars(
            select(ReferralNote)
            .where(ReferralNote.referral_id == referral_id)
            .order_by(ReferralNote.id)
        ).all()
        assert [(n.kind, n.text, n.by) for n in notes] == [
            ("note", "Mum prefers calls after 4pm.", who),
            ("contact", "Talked about support at home.", who),
        ]
        assert (notes[1].contact_with, notes[1].contact_method) == ("Pat Jones, mum", "phone")
        note_ids = [n.id for n in notes]
    assert audits(app, "referral.note_added", referral_id) == [(who, {"note": note_ids[0]})]
    assert audits(app, "referral.contact_logged", referral_id) == [
        (who, {"note": note_ids[1], "method": "phone"})
    ]
    shown = [
        n.get_text(" ") for n in triager.get(item(referral_id)).soup.select(".portal-triage-note")
    ]
    assert "Phone with Pat Jones, mum" in shown[0] and "Tara Triager" in shown[0]
    assert "Mum prefers calls after 4pm." in shown[1]


def test_a_contact_with_bad_input_is_400_and_keeps_what_was_typed(app, triager):
    referral_id = make_referral(app)
    response = post(
        triager,
        item(referral_id, "contact"),
        {"contact_with": "Jo Smith", "contact_method": "pigeon", "contact_text": ""},
    )
    assert response.status_code == 400
    assert errors(response) == ["Select one of the options shown", "Enter what was said"]
    assert response.soup.select_one("#contact_with")["value"] == "Jo Smith"
    empty_note = post(triager, item(referral_id, "note"), {"note": "  "})
    assert empty_note.status_code == 400 and errors(empty_note) == ["Enter the note"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReferralNote)) == 0


# Adding to the register: the consent gate


ADD = {"rating": "AMBER", "rating_reason": "Placement is wobbly."}


def test_a_register_manager_adds_someone_with_consent(app, manager):
    referral_id = make_referral(app)
    page = manager.get(item(referral_id))
    ratings = [
        i.get_text(" ", strip=True) for i in page.soup.select("#add ~ form .nhsuk-radios__item")
    ]
    assert len(ratings) == 4 and all(ratings)
    response = post(manager, item(referral_id, "add"), ADD)
    assert response.status_code == 303
    with app.app_context():
        entry = db.session.scalars(select(RegisterEntry)).one()
        assert (entry.referral_id, entry.rating, entry.rating_reason) == (
            referral_id,
            "AMBER",
            "Placement is wobbly.",
        )
        entry_id = entry.id
    assert response.headers["Location"].endswith(f"/staff/register/{entry_id}")
    values = get(app, referral_id)
    assert values["status"] == "added_to_register" and values["queue_done_at"] is not None
    assert audits(app, "register.added", entry_id)


@pytest.mark.parametrize(
    "basis, withdrawn, message",
    [
        (None, None, "There is no consent record for this request."),
        ("own", datetime.now(UTC), "Consent was withdrawn. The person cannot be added."),
        (
            "best_interests_needed",
            None,
            "The person cannot decide for themselves. Record a best-interests decision "
            "(who decided, when and why) before adding them.",
        ),
        (
            "parental_needed",
            None,
            "A child asked. Record consent from someone with parental responsibility, or "
            "that the child is able to decide, before adding them.",
        ),
    ],
)
def test_adding_without_consent_is_refused_even_when_forged(
    app, manager, basis, withdrawn, message
):
    status = "consent_withdrawn" if withdrawn else "new"
    referral_id = make_referral(app, basis=basis, withdrawn=withdrawn, status=status)
    page = manager.get(item(referral_id))
    assert message in text(page)
    assert page.soup.select_one(f"form[action='{item(referral_id, 'add')}']") is None

    response = post(manager, item(referral_id, "add"), ADD)

    assert response.status_code == 400
    assert errors(response) == [message]
    assert entries(app) == 0
    assert get(app, referral_id)["status"] == status
    assert audits(app, "register.added") == []


def test_a_best_interests_decision_then_adding_is_allowed(app, manager):
    referral_id = make_referral(app, basis="best_interests_needed")
    page = manager.get(item(referral_id))
    assert page.soup.select_one(f"form[action='{item(referral_id, 'decision')}']") is not None
    assert "Who made the best-interests decision" in text(page)
    bad = post(
        manager,
        item(referral_id, "decision"),
        {"decided_by": "Dr Lee, consultant", "decided_on-day": "1", "decided_on-month": "13"},
    )
    assert bad.status_code == 400
    assert errors(bad) == ["The date must include a year", "Enter why"]
    assert bad.soup.select_one("#decided_by")["value"] == "Dr Lee, consultant"
    assert get(app, referral_id)["decision_kind"] is None

    decided = TODAY - timedelta(days=2)
    response = post(
        manager,
        item(referral_id, "decision"),
        {
            "decision_kind": "parental_consent",  # forged: the basis decides the kind
            "decided_by": "Dr Lee, consultant",
            "decided_on-day": str(decided.day),
            "decided_on-month": str(decided.month),
            "decided_on-year": str(decided.year),
            "decision_reason": "Best-interests meeting with family.",
        },
    )
    assert response.status_code == 303
    who = f"staff:{staff_id(app, 'register_manager')}"
    with app.app_context():
        consent = db.session.scalars(
            select(ConsentRecord).where(ConsentRecord.referral_id == referral_id)
        ).one()
        assert (consent.decision_kind, consent.decided_by, consent.decided_on) == (
            "best_interests",
            "Dr Lee, consultant",
            decided,
        )
        assert consent.decision_recorded_by == who
    assert audits(app, "consent.decision_recorded", referral_id) == [
        (who, {"kind": "best_interests"})
    ]
    assert post(manager, item(referral_id, "add"), ADD).status_code == 303
    assert entries(app) == 1


def test_a_child_asking_needs_parental_consent_or_a_competence_judgement(app, manager):
    referral_id = make_referral(app, age=14, basis="parental_needed")
    page = manager.get(item(referral_id))
    assert [i["value"] for i in page.soup.select("input[name=decision_kind]")] == [
        "parental_consent",
        "competent_child",
    ]
    decided = TODAY - timedelta(days=1)
    response = post(
        manager,
        item(referral_id, "decision"),
        {
            "decision_kind": "competent_child",
            "decided_by": "Jo Smith, social worker",
            "decided_on-day": str(decided.day),
            "decided_on-month": str(decided.month),
            "decided_on-year": str(decided.year),
            "decision_reason": "Understood what the register is and agreed.",
        },
    )
    assert response.status_code == 303
    assert get(app, referral_id)["decision_kind"] == "competent_child"
    assert "The child is under 16 and able to decide, and agreed" in text(
        manager.get(item(referral_id))
    )


def test_a_decision_is_refused_where_none_is_needed(app, manager):
    referral_id = make_referral(app)  # the person consented
    response = post(
        manager, item(referral_id, "decision"), {"decided_by": "x", "decision_reason": "y"}
    )
    assert response.status_code == 400
    assert get(app, referral_id)["decision_kind"] is None


def test_adding_needs_a_rating_and_a_reason(app, manager):
    referral_id = make_referral(app)
    response = post(
        manager, item(referral_id, "add"), {"rating": "PURPLE", "rating_reason": "Kept"}
    )
    assert response.status_code == 400
    assert errors(response) == ["Select one of the options shown"]
    assert "Kept" in response.soup.select_one("#rating_reason").get_text()
    assert entries(app) == 0


def test_a_review_request_cannot_add_anyone(app, manager):
    review_id = make_referral(app, kind="review")
    assert manager.get(item(review_id)).soup.select_one("#add") is None
    response = post(manager, item(review_id, "add"), ADD)
    assert response.status_code == 400
    assert errors(response) == ["Only a request to join the register can put someone on it."]
    assert entries(app) == 0


# Withdrawals


def test_withdrawing_consent_brings_a_finished_request_back_to_the_queue(app, manager):
    referral_id = make_referral(app)
    assert post(manager, item(referral_id, "add"), ADD).status_code == 303
    assert reference(app, referral_id) not in listed(manager.get(QUEUE))

    with app.app_context():
        referrals.withdraw_consent(db.session.get(Referral, referral_id))

    values = get(app, referral_id)
    assert values["status"] == "consent_withdrawn" and values["queue_done_at"] is None
    page = manager.get(QUEUE, query_string={"kind": "withdrawal"})
    assert listed(page) == [reference(app, referral_id)]


def test_a_register_manager_takes_someone_off_after_a_withdrawal(app, manager, triager):
    referral_id = make_referral(app)
    post(manager, item(referral_id, "add"), ADD)
    with app.app_context():
        referrals.withdraw_consent(db.session.get(Referral, referral_id))

    # A triager cannot close it while the person is still on the register.
    triager_page = triager.get(item(referral_id))
    assert "A register manager must take them off the register." in text(triager_page)
    assert triager_page.soup.select("input[name=status]") == []
    refused = post(triager, item(referral_id, "status"), {"status": "dealt_with", "reason": "x"})
    assert refused.status_code == 400
    assert errors(refused) == ["Take them off the register first. That finishes the request."]
    assert get(app, referral_id)["status"] == "consent_withdrawn"

    page = manager.get(item(referral_id))
    reason = page.soup.select_one("#removal_reason").get_text()
    assert reason == "The person asked to come off the register"
    response = post(manager, item(referral_id, "take-off"), {"removal_reason": reason})
    assert response.status_code == 303
    with app.app_context():
        entry = db.session.scalars(select(RegisterEntry)).one()
        assert not entry.active and entry.removed_reason == reason
        entry_id = entry.id
    values = get(app, referral_id)
    assert values["status"] == "removed_from_register"
    assert values["queue_done_at"] is not None
    assert values["changes"][-1][0] == "removed_from_register"
    assert audits(app, "register.removed", entry_id)
    again = post(manager, item(referral_id, "take-off"), {"removal_reason": reason})
    assert again.status_code == 400
    assert errors(again) == ["Nobody is on the register from this request."]


def test_a_withdrawal_with_nobody_on_the_register_is_dealt_with(app, triager):
    referral_id = make_referral(app, status="consent_withdrawn", withdrawn=datetime.now(UTC))
    page = triager.get(item(referral_id))
    assert [i["value"] for i in page.soup.select("input[name=status]")] == ["dealt_with"]
    response = post(
        triager, item(referral_id, "status"), {"status": "dealt_with", "reason": "Work stopped."}
    )
    assert response.status_code == 303
    values = get(app, referral_id)
    assert values["status"] == "dealt_with" and values["queue_done_at"] is not None


def test_the_status_page_explains_withdrawing_means_coming_off(app, client):
    referral_id = make_referral(app, status="added_to_register", done=True)
    with client.session_transaction() as cookie:
        cookie["status:referral"] = referral_id
    page = client.get("/my-request/status").soup.main.get_text(" ")
    assert "If you withdraw consent, the person comes off the register." in " ".join(page.split())
    withdraw = client.get("/my-request/withdraw").soup.main.get_text(" ")
    assert "The team will take the person off the register." in " ".join(withdraw.split())


def test_the_status_page_says_when_the_person_came_off(app, client):
    referral_id = make_referral(
        app, status="removed_from_register", withdrawn=datetime.now(UTC), done=True
    )
    with client.session_transaction() as cookie:
        cookie["status:referral"] = referral_id
    page = " ".join(client.get("/my-request/status").soup.main.get_text(" ").split())
    assert "The person has come off the register, as asked." in page


# The service


def test_change_status_refuses_what_does_not_apply(app, db_session):
    referral_id = make_referral(app)
    with app.app_context():
        referral = db.session.get(Referral, referral_id)
        with pytest.raises(triage.StatusNotAllowed):
            triage.change_status(referral, "review_agreed", "x", None, "staff:1")
        with pytest.raises(triage.ReasonNeeded):
            triage.change_status(referral, "not_added", "x", "  ", "staff:1")
        triage.change_status(
            referral, "more_information_needed", "Need GP name.", "Tell us your GP.", "staff:1"
        )
        assert referral.status_reason == "Tell us your GP."
        assert referral.queue_done_at is None


# Requests sent through the real public journeys


def newest_referral(app):
    with app.app_context():
        return db.session.scalar(select(Referral.id).order_by(Referral.id.desc()).limit(1))


def test_a_request_sent_by_a_parent_reads_back_in_staff_words(app, client, manager):
    from tests.portal import journey_helpers as journey

    steps = journey.answers(role="parent", age=12, living={"setting": "hospital"})
    steps["hospital"] = {
        "hospital": "Riverside Unit",
        "since-day": "1",
        "since-month": "1",
        "since-year": str(TODAY.year - 1),
    }
    journey.walk(client, steps)
    assert journey.send(client).status_code == 303
    referral_id = newest_referral(app)

    page = manager.get(item(referral_id))

    assert page.status_code == 200
    main = text(page)
    headings = [h.get_text(strip=True) for h in page.soup.select("#answers ~ h3")]
    assert headings[:3] == [
        "Who is filling in this form?",
        "The person who asked",
        "About the person",
    ]
    assert "Who is filling in this form? I am their parent, or have parental responsibility" in main
    assert "Which hospital? Riverside Unit" in main
    assert "As their parent, do you agree to them going on the register? Yes" in main
    assert "What does the child think? They want to go on the register" in main
    assert "Given by Alex Carer (A parent, or someone with parental responsibility)" in main
    # In hospital: first in the queue, with its flag.
    row = manager.get(QUEUE).soup.select_one("tr.portal-triage-row")
    assert reference(app, referral_id) in row.get_text() and "Yes" in row.get_text()


def test_a_review_request_reads_back_in_staff_words(app, client, manager):
    from tests.portal import journey_helpers as journey
    from tests.portal.test_review_journey import review_answers

    journey.walk(client, review_answers(age=40, where="hospital"), base="/ask-for-a-review")
    assert journey.send(client, base="/ask-for-a-review").status_code == 303
    referral_id = newest_referral(app)

    page = manager.get(item(referral_id))

    main = text(page)
    assert "Why do they need a review now?" in main
    assert "No clear date or plan to leave hospital" in main
    assert "Type of review CTR" in main
    assert "The person agreed to have a review." in main
    assert page.soup.select_one("#add") is None
