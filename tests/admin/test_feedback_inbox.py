"""The feedback inbox: newest first, filtered by status, 25 a page; opening one shows the
answers under the public form's questions and changes nothing; marking read or replied is
a POST; every view and change is audited; only register managers get in."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Feedback

LIST = "/staff/feedback"
TODAY = date.today()

ANSWERS = {
    "enough_help": "partly",
    "enough_help_more": "The letter came late.\nNobody rang back.",
    "on_the_day": "People listened <b>properly</b>.",
    "better": None,
    "difference": "My plan changed.",
    "anything_else": None,
}


def add_feedback(app, days_ago=0, status="new", **fields):
    values = {
        "received_on": TODAY - timedelta(days=days_ago),
        "role": "family",
        "anonymous": True,
        "answers": ANSWERS,
        "status": status,
        **fields,
    }
    with app.app_context():
        row = Feedback(**values)
        db.session.add(row)
        db.session.commit()
        return row.id


def named(app, **fields):
    return add_feedback(
        app,
        anonymous=False,
        name="Pat Example",
        review_date=date(2026, 1, 15),
        reply_by="email",
        reply_to="pat@example.org",
        **fields,
    )


def status_of(app, feedback_id):
    with app.app_context():
        return db.session.get(Feedback, feedback_id).status


def audit_rows(app, action):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        ).all()
        return [(row.actor, row.subject_type, row.subject_id, dict(row.detail)) for row in rows]


def listed_ids(response):
    return [
        int(link["href"].rsplit("/", 1)[1])
        for link in response.soup.select("tr.portal-feedback-row td:first-child a")
    ]


def mark(client, feedback_id, status):
    token = client.csrf_token("/staff/")  # the sign-out form on every staff page
    return client.post(f"{LIST}/{feedback_id}/status", data={"csrf_token": token, "status": status})


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


@pytest.mark.parametrize("role", ["triager", "administrator"])
def test_only_register_managers_reach_the_inbox(app, staff_client, role):
    feedback_id = add_feedback(app)
    client = staff_client(role)
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}/{feedback_id}").status_code == 403
    token = client.csrf_token("/staff/")
    response = client.post(
        f"{LIST}/{feedback_id}/status", data={"csrf_token": token, "status": "read"}
    )
    assert response.status_code == 403
    assert status_of(app, feedback_id) == "new"
    assert audit_rows(app, "feedback.viewed") == []


def test_signed_out_is_sent_to_sign_in(app, client, db_session):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/staff/sign-in" in response.headers["Location"]


def test_the_list_is_newest_first_with_who_took_part_and_status(app, manager):
    old = add_feedback(app, days_ago=5, role="person")
    same_day_first = add_feedback(app, days_ago=1, status="read")
    same_day_second = named(app, days_ago=1, status="replied")
    response = manager.get(LIST)
    assert response.status_code == 200
    assert listed_ids(response) == [same_day_second, same_day_first, old]
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in response.soup.select("tr.portal-feedback-row")
    ]
    assert "I am a family member or carer" in rows[0][1]
    assert "Named" in rows[0][2] and "Replied" in rows[0][4]
    assert "Anonymous" in rows[1][2] and "Read" in rows[1][4]
    assert "It was my review" in rows[2][1] and "New" in rows[2][4]
    assert all("English" in row[3] for row in rows)  # the language they wrote in
    assert (TODAY - timedelta(days=5)).strftime("%B") in rows[2][0]
    # The list names no one.
    assert "Pat Example" not in response.text


def test_the_list_filters_by_status(app, manager):
    new = add_feedback(app)
    read = add_feedback(app, status="read")
    replied = named(app, status="replied")
    assert listed_ids(manager.get(f"{LIST}?status=new")) == [new]
    assert listed_ids(manager.get(f"{LIST}?status=read")) == [read]
    assert listed_ids(manager.get(f"{LIST}?status=replied")) == [replied]
    assert listed_ids(manager.get(f"{LIST}?status=")) == [replied, read, new]
    response = manager.get(f"{LIST}?status=read")
    assert response.soup.find("input", attrs={"name": "status", "value": "read"}).has_attr(
        "checked"
    )
    assert manager.get(f"{LIST}?status=nonsense").status_code == 400


def test_the_list_shows_25_a_page(app, manager):
    with app.app_context():
        db.session.add_all(
            Feedback(received_on=TODAY - timedelta(days=n), role="person", answers={})
            for n in range(30)
        )
        db.session.commit()
    first = manager.get(LIST)
    assert len(listed_ids(first)) == 25
    assert "Showing 1 to 25 of 30" in first.text
    second = manager.get(f"{LIST}?page=2")
    assert len(listed_ids(second)) == 5
    assert "Showing 26 to 30 of 30" in second.text
    assert not set(listed_ids(first)) & set(listed_ids(second))
    assert manager.get(f"{LIST}?page=abc").status_code == 200


def test_the_empty_inbox_says_so(app, manager):
    response = manager.get(LIST)
    assert response.status_code == 200
    assert "There is no feedback to show." in response.text


def test_opening_named_feedback_shows_answers_and_how_to_reply(app, manager):
    feedback_id = named(app)
    response = manager.get(f"{LIST}/{feedback_id}")
    assert response.status_code == 200
    text = response.soup.get_text(" ", strip=True)
    # The public form's questions, with the answers in words.
    assert "Did you get enough help and information before the review? Partly" in text
    assert "What was it like on the day?" in text
    assert "What difference did the review make? My plan changed." in text
    assert "How did you take part in the review? I am a family member or carer" in text
    # Free text is cleaned and keeps its line breaks; typed markup shows as text.
    answers = response.soup.select_one(".portal-feedback-answers")
    assert "The letter came late.<br/>Nobody rang back." in str(answers)
    assert answers.find("b") is None and "<b>properly</b>" in answers.get_text()
    assert "Pat Example" in text
    assert "15 January 2026" in text
    assert "By email" in text and "pat@example.org" in text
    assert "Sent anonymously" not in text
    assert response.soup.find("button", string="Mark as read")
    assert response.soup.find("button", string="Mark as replied")


def test_anonymous_feedback_shows_no_reply_details(app, manager):
    feedback_id = add_feedback(app)
    response = manager.get(f"{LIST}/{feedback_id}")
    text = response.soup.get_text(" ", strip=True)
    assert "Sent anonymously" in text
    for words in ("How to reply", "Date of the review", "Mark as replied"):
        assert words not in text
    assert mark(manager, feedback_id, "replied").status_code == 400
    assert status_of(app, feedback_id) == "new"


def test_viewing_changes_nothing_but_is_audited(app, manager):
    anonymous = add_feedback(app)
    with_name = named(app)
    for feedback_id in (anonymous, with_name):
        assert manager.get(f"{LIST}/{feedback_id}").status_code == 200
        manager.get(f"{LIST}/{feedback_id}")
        assert status_of(app, feedback_id) == "new"
    rows = audit_rows(app, "feedback.viewed")
    assert [row[2] for row in rows] == [anonymous, anonymous, with_name, with_name]
    actor, subject_type, _, detail = rows[-1]
    assert actor.startswith("staff:") and subject_type == "feedback"
    assert detail == {"anonymous": False, "status": "new"}
    assert "Pat" not in repr(rows)
    assert audit_rows(app, "feedback.status_changed") == []
    # The status route takes no GET.
    assert manager.get(f"{LIST}/{with_name}/status").status_code == 405


def test_marking_read_then_replied(app, manager):
    feedback_id = named(app)
    response = mark(manager, feedback_id, "read")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{LIST}/{feedback_id}")
    assert status_of(app, feedback_id) == "read"
    page = manager.get(f"{LIST}/{feedback_id}")
    assert "Marked as read" in page.text
    assert page.soup.find("button", string="Mark as read") is None
    assert mark(manager, feedback_id, "replied").status_code == 303
    assert status_of(app, feedback_id) == "replied"
    changes = audit_rows(app, "feedback.status_changed")
    assert [(row[2], row[3]) for row in changes] == [
        (feedback_id, {"before": "new", "after": "read"}),
        (feedback_id, {"before": "read", "after": "replied"}),
    ]
    # Marking again changes nothing and leaves no second row.
    assert mark(manager, feedback_id, "replied").status_code == 303
    assert len(audit_rows(app, "feedback.status_changed")) == 2


def test_marking_needs_csrf_and_a_known_status(app, manager):
    feedback_id = add_feedback(app)
    no_token = manager.post(f"{LIST}/{feedback_id}/status", data={"status": "read"})
    assert no_token.status_code == 400
    assert mark(manager, feedback_id, "new").status_code == 400
    assert mark(manager, feedback_id, "deleted").status_code == 400
    assert status_of(app, feedback_id) == "new"
    assert audit_rows(app, "feedback.status_changed") == []


def test_missing_feedback_is_not_found(app, manager):
    assert manager.get(f"{LIST}/999999").status_code == 404
    assert mark(manager, 999999, "read").status_code == 404


def test_named_feedback_that_asked_for_no_reply_cannot_be_marked_replied(app, manager):
    feedback_id = add_feedback(app, anonymous=False, name="Lee Example", reply_by="none")
    response = manager.get(f"{LIST}/{feedback_id}")
    text = response.soup.get_text(" ", strip=True)
    assert "Lee Example" in text and "They asked us not to reply" in text
    assert response.soup.find("button", string="Mark as replied") is None
    assert mark(manager, feedback_id, "replied").status_code == 400
    assert mark(manager, feedback_id, "read").status_code == 303
    assert status_of(app, feedback_id) == "read"
