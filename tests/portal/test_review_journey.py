"""Asking for a review: the right review for the age, the policy's date on the
confirmation, consent every time, and the status page shared with the register."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.models import AuditEvent, Referral

from . import journey_helpers as helpers
from .journey_helpers import answers as referral_answers

BASE = "/ask-for-a-review"


def review_answers(role="person", age=30, where="community", consent="yes", **overrides):
    steps = referral_answers(role=role, age=age, consent=consent)
    steps.update(
        {
            "education": {"school": "Hill School", "support": "ehc_plan"},
            "where": {"where": where},
            "hospital": {
                "hospital": "Riverside Unit",
                "secure": "no",
                "moved": "no",
                "admitted-day": "1",
                "admitted-month": "11",
                "admitted-year": str(date.today().year - 1),
            },
            "history": {"community_review": "no", "reviewed_since": "no"},
            "why": {"reasons": ["discharge"], "explain": "No plan to come home."},
            "invite": {"people": "My sister", "day": "different_day", "helps": "Breaks."},
            "known": {"reference": ""},
            "child_view": {"view": "agrees"},
        }
    )
    steps.update(overrides)
    return steps


def walk(client, steps):
    return helpers.walk(client, steps, base=BASE)


def send(client):
    response = helpers.send(client, base=BASE)
    assert response.status_code == 303
    return client.get(f"{BASE}/confirmation")


def test_an_adult_in_the_community_asks_for_a_ctr(app, client, db_session):
    visited, _ = walk(client, review_answers())
    assert "education" not in visited and "hospital" not in visited
    page = send(client)
    text = page.soup.main.get_text(" ")
    assert "Care and Treatment Review (CTR)" in text
    assert "At home or in the community, a review happens when it would help." in text
    assert "care coordinator looks at the worries first" in text
    assert "not a complaint" in text
    assert "could not send an email" not in text, "no email server is set: nothing failed"
    with app.app_context():
        request = db_session.scalars(select(Referral)).one()
        assert request.kind == "review" and request.reference.startswith("REV-")
        assert request.review_type == "CTR" and request.review_due_by is None
        assert request.consent.text_version == "review-consent-2026-11"


def test_a_parent_asks_for_a_cetr_for_a_child_in_hospital(app, client, db_session):
    admitted = date.today() - timedelta(days=3)
    stay = {
        "hospital": "Riverside Unit",
        "secure": "no",
        "moved": "no",
        "admitted-day": str(admitted.day),
        "admitted-month": str(admitted.month),
        "admitted-year": str(admitted.year),
    }
    visited, _ = walk(
        client, review_answers(role="parent", age=14, where="hospital", hospital=stay)
    )
    assert {"education", "hospital", "history", "child_view"} <= set(visited)
    page = send(client)
    text = page.soup.main.get_text(" ")
    due = admitted + timedelta(weeks=2)
    assert "Care, Education and Treatment Review (CETR)" in text
    assert "within 2 weeks of going into hospital" in text
    assert f"{due.day} " in text and str(due.year) in text
    with app.app_context():
        request = db_session.scalars(select(Referral)).one()
        assert request.review_type == "CETR"
        assert request.review_due_kind == "post_admission_child"
        assert request.review_due_by == due


def test_a_late_review_is_said_to_be_late(app, client, db_session):
    send_page = None
    walk(client, review_answers(where="hospital"))  # admitted a year ago
    send_page = send(client)
    assert "That date has passed, so the review is late." in send_page.soup.main.get_text()


def test_a_move_asks_for_a_review_after_the_move(app, client, db_session):
    moved = date.today() - timedelta(days=10)
    stay = {
        "hospital": "Riverside Unit",
        "secure": "yes",
        "moved": "security",
        "admitted-day": "1",
        "admitted-month": "1",
        "admitted-year": str(date.today().year - 1),
        "moved_on-day": str(moved.day),
        "moved_on-month": str(moved.month),
        "moved_on-year": str(moved.year),
    }
    walk(client, review_answers(where="hospital", hospital=stay))
    text = send(client).soup.main.get_text(" ")
    assert f"They moved on {moved.day} " in text, "the move is noted"
    assert "should happen by" in text, "and the post-admission date still stands"


def test_a_move_needs_its_date(client, db_session):
    walk(
        client,
        review_answers(where="hospital"),
    )
    token = client.csrf_token(f"{BASE}/hospital")
    response = client.post(
        f"{BASE}/hospital",
        data={
            "csrf_token": token,
            "hospital": "Riverside",
            "secure": "no",
            "moved": "hospital",
            "admitted-day": "1",
            "admitted-month": "1",
            "admitted-year": "2026",
        },
    )
    assert response.status_code == 400
    assert "Enter when they moved" in response.soup.select_one(".nhsuk-error-summary").get_text()


@pytest.mark.parametrize("role", ["person", "family", "advocate", "professional", "commissioner"])
def test_every_role_can_ask(app, client, db_session, role):
    walk(client, review_answers(role=role, age=30))
    send(client)
    with app.app_context():
        assert db_session.scalars(select(Referral)).one().requester_role == role


def test_saying_no_to_the_review_keeps_nothing(app, client, db_session):
    _, location = walk(client, review_answers(consent="no"))
    assert location.endswith("/not-sending")
    assert client.submit(location, {}).headers["Location"].endswith("/not-sent")
    with app.app_context():
        assert db_session.scalars(select(Referral)).all() == []


def test_the_status_page_and_withdrawal_work_for_reviews(app, client, db_session):
    walk(client, review_answers())
    page = send(client)
    reference = page.soup.select_one(".portal-reference").get_text(strip=True)
    born = (
        date(date.today().year - 30, date.today().month, date.today().day)
        if not (date.today().month == 2 and date.today().day == 29)
        else None
    )
    with app.app_context():
        born = db_session.scalars(select(Referral)).one().date_of_birth
    token = client.csrf_token("/my-request")
    opened = client.post(
        "/my-request",
        data={
            "csrf_token": token,
            "reference": reference,
            "date_of_birth-day": str(born.day),
            "date_of_birth-month": str(born.month),
            "date_of_birth-year": str(born.year),
        },
    )
    assert opened.status_code == 303
    status = client.get("/my-request/status").soup.main.get_text()
    assert "The person agreed to have a review." in status
    token = client.csrf_token("/my-request/withdraw")
    client.post("/my-request/withdraw", data={"csrf_token": token})
    with app.app_context():
        assert db_session.scalars(select(Referral)).one().status == "consent_withdrawn"


def test_a_person_known_by_reference_is_linked_but_never_shown(app, client, db_session):
    from .journey_helpers import send as send_referral
    from .journey_helpers import walk as walk_referral

    walk_referral(client, referral_answers())
    send_referral(client)
    with app.app_context():
        earlier = db_session.scalars(select(Referral)).one()
        reference, born = earlier.reference, earlier.date_of_birth
    stranger = app.test_client_class(app, app.response_class, use_cookies=True)
    token = stranger.csrf_token(BASE)
    stranger.post(f"{BASE}/begin", data={"csrf_token": token})
    stranger.submit(f"{BASE}/who", {"role": "professional"})
    stranger.submit(
        f"{BASE}/you", {"name": "Jo Pro", "relationship": "Nurse", "email": "jo@example.org"}
    )
    wrong = stranger.submit(
        f"{BASE}/known",
        {
            "reference": reference,
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "1950",
        },
    )
    assert wrong.status_code == 400
    linked = stranger.submit(
        f"{BASE}/known",
        {
            "reference": reference.lower(),
            "date_of_birth-day": str(born.day),
            "date_of_birth-month": str(born.month),
            "date_of_birth-year": str(born.year),
        },
    )
    assert linked.headers["Location"] == f"{BASE}/where", "their details are not asked again"
    assert stranger.get(f"{BASE}/person").status_code == 302, "nor shown"
    steps = review_answers(role="professional")
    location = linked.headers["Location"]
    while not location.endswith("/check-answers"):
        key = location.rsplit("/", 1)[1]
        location = stranger.submit(location, steps[key]).headers["Location"]
    check = stranger.get(location).get_data(as_text=True)
    for private in ("High Street", "LS1 4HR", "943", "01632 960 123"):
        assert private not in check
    token = stranger.csrf_token(f"{BASE}/check-answers")
    stranger.post(f"{BASE}/check-answers", data={"csrf_token": token})
    with app.app_context():
        review = db_session.scalars(select(Referral).where(Referral.kind == "review")).one()
        assert review.first_name == "Sam" and review.postcode == "LS1 4HR"
        assert review.answers["known"]["reference"] == reference
        actions = db_session.scalars(select(AuditEvent.action)).all()
        assert "lookup.failed" in actions and "lookup.succeeded" in actions
