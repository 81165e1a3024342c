"""The review feedback form: anonymous by default and then storing nothing that leads back
to the sender; a name and a way to reply only for someone who chooses to give them."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal.models import AuditEvent, Draft, Feedback

from . import journey_helpers as helpers
from .journey_helpers import errors
from .test_referral_bad_input import assert_refused

BASE = "/feedback"
REVIEWED = date.today() - timedelta(days=20)


def feedback_answers(tell_us="no", reply_by="email", **overrides):
    steps = {
        "role": {"role": "family"},
        "before": {"enough": "partly", "more": "The papers came late."},
        "on_the_day": {"on_the_day": "The room was noisy."},
        "better": {"better": "Easy read papers."},
        "difference": {"difference": ""},
        "anything_else": {"anything_else": ""},
        "identity": {"tell_us": tell_us},
        "name": {"name": "Pat Parent"},
        "review_date": {
            "review_date-day": str(REVIEWED.day),
            "review_date-month": str(REVIEWED.month),
            "review_date-year": str(REVIEWED.year),
        },
        "reply": {"reply_by": reply_by},
        "reply_email": {"email": "pat@example.org"},
        "reply_phone": {"phone": "01632 960 123"},
        "reply_post": {"address": "1 High Street\nLeeds LS1 4HR"},
    }
    steps.update(overrides)
    return steps


def walk(client, steps, stop_before=None):
    return helpers.walk(client, steps, stop_before=stop_before, base=BASE)


def send(client):
    return helpers.send(client, base=BASE)


def count(db_session, model):
    return db_session.scalar(select(func.count()).select_from(model))


def test_anonymous_feedback_stores_nothing_that_identifies_the_sender(app, client, db_session):
    visited, location = walk(client, feedback_answers())
    assert location == f"{BASE}/check-answers"
    assert visited == [
        "role",
        "before",
        "on_the_day",
        "better",
        "difference",
        "anything_else",
        "identity",
    ]
    response = send(client)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{BASE}/confirmation"
    with app.app_context():
        row = db_session.scalars(select(Feedback)).one()
        assert row.anonymous is True
        assert (row.name, row.review_date, row.reply_by, row.reply_to) == (None, None, None, None)
        assert row.received_on == date.today()
        assert row.role == "family" and row.language == "en" and row.status == "new"
        assert row.answers == {
            "enough_help": "partly",
            "enough_help_more": "The papers came late.",
            "on_the_day": "The room was noisy.",
            "better": "Easy read papers.",
            "difference": None,
            "anything_else": None,
        }
        assert count(db_session, Draft) == 0, "the draft would link the browser to the row"
        assert count(db_session, AuditEvent) == 0, "feedback is not a person's record"
    # Nothing in the browser names the row or the draft: only that something was sent.
    with client.session_transaction() as stored:
        ours = {key: value for key, value in stored.items() if "feedback" in key}
    assert ours == {"journey:feedback:draft:done": True}
    assert client.get_cookie("draft_feedback", path=BASE) is None
    page = client.get(response.headers["Location"])
    text = page.soup.main.get_text(" ")
    assert page.soup.h1.get_text(strip=True) == "Thank you"
    assert "If you kept your feedback anonymous, we cannot reply." in text
    assert "should read it" in text and "not a complaint" in text
    assert page.soup.select_one("main a[href^='mailto:']"), "the team's contacts are shown"
    assert page.soup.select_one("main a[href^='tel:']")


def test_the_row_has_no_column_for_a_time_an_address_or_a_session():
    assert {column.name for column in Feedback.__table__.columns} == {
        "id",
        "received_on",
        "role",
        "anonymous",
        "name",
        "review_date",
        "reply_by",
        "reply_to",
        "answers",
        "language",
        "status",
    }


@pytest.mark.parametrize(
    ("reply_by", "page", "reply_to"),
    [
        ("email", "reply_email", "pat@example.org"),
        ("phone", "reply_phone", "01632 960 123"),
        ("post", "reply_post", "1 High Street\nLeeds LS1 4HR"),
        ("none", None, None),
    ],
)
def test_named_feedback_keeps_the_name_date_and_how_to_reply(
    app, client, db_session, reply_by, page, reply_to
):
    visited, _ = walk(client, feedback_answers(tell_us="yes", reply_by=reply_by))
    asked = {"reply_email", "reply_phone", "reply_post"} & set(visited)
    assert asked == ({page} if page else set()), "only the chosen way is asked for"
    assert send(client).status_code == 303
    with app.app_context():
        row = db_session.scalars(select(Feedback)).one()
        assert row.anonymous is False
        assert row.name == "Pat Parent" and row.review_date == REVIEWED
        assert row.reply_by == reply_by and row.reply_to == reply_to
        assert count(db_session, Draft) == 0


def test_name_and_date_may_be_left_empty(app, client, db_session):
    empty_date = {"review_date-day": "", "review_date-month": "", "review_date-year": ""}
    walk(
        client,
        feedback_answers(
            tell_us="yes", reply_by="none", name={"name": "  "}, review_date=empty_date
        ),
    )
    send(client)
    with app.app_context():
        row = db_session.scalars(select(Feedback)).one()
        assert row.anonymous is False and row.name is None and row.review_date is None


def test_anonymous_is_already_chosen(client):
    walk(client, feedback_answers(), stop_before="identity")
    page = client.get(f"{BASE}/identity")
    assert page.soup.select_one("input[name='tell_us'][value='no']").has_attr("checked")
    assert not page.soup.select_one("input[name='tell_us'][value='yes']").has_attr("checked")
    # Pressing Continue without touching it stays anonymous.
    response = client.submit(f"{BASE}/identity", {})
    assert response.headers["Location"] == f"{BASE}/check-answers"


def test_switching_from_named_to_anonymous_drops_what_was_typed(app, client, db_session):
    steps = feedback_answers(tell_us="yes", reply_by="email")
    walk(client, steps, stop_before="reply_email")
    # Typed, then saved for later without pressing Continue: kept as typed, for now.
    saved = client.submit(
        f"{BASE}/reply_email", {"email": "half@example.org", "save_for_later": "1"}
    )
    assert saved.status_code == 303
    with app.app_context():
        assert "half@example.org" in str(db_session.scalars(select(Draft)).one().answers)
    changed = client.submit(f"{BASE}/identity?return=check", {"tell_us": "no"})
    assert changed.headers["Location"] == f"{BASE}/check-answers"
    with app.app_context():
        held = str(db_session.scalars(select(Draft)).one().answers)
    for typed in ("Pat Parent", "half@example.org", REVIEWED.isoformat(), "email"):
        assert typed not in held, f"{typed} is still in the draft"
    check = client.get(f"{BASE}/check-answers").soup.main.get_text(" ")
    assert "Pat Parent" not in check and "No, keep me anonymous" in check
    send(client)
    with app.app_context():
        row = db_session.scalars(select(Feedback)).one()
        assert row.anonymous is True
        assert (row.name, row.review_date, row.reply_by, row.reply_to) == (None, None, None, None)


def test_sending_drops_about_you_pages_the_draft_still_holds(app, db_session):
    """Whatever the draft holds (an old tab, a change of mind), anonymous stores none of it."""
    from portal.public.feedback import sending

    answers = {
        "role": {"role": "person"},
        "before": {"enough": "yes", "more": ""},
        "identity": {"tell_us": "no"},
        "name": {"name": "Sam Jones"},
        "review_date": {"review_date": REVIEWED.isoformat()},
        "reply": {"reply_by": "phone"},
        "reply_phone": {"phone": "01632 960 123"},
    }
    row = sending.feedback_from(answers, "en")
    assert row.anonymous is True
    assert (row.name, row.review_date, row.reply_by, row.reply_to) == (None, None, None, None)
    assert "Sam" not in str(row.answers) and "01632" not in str(row.answers)


def test_check_answers_shows_the_feedback_then_who_you_are(client):
    walk(client, feedback_answers(tell_us="yes", reply_by="phone"))
    soup = client.get(f"{BASE}/check-answers").soup
    assert [h.get_text(strip=True) for h in soup.select("main h2")] == [
        "Your feedback",
        "About you",
    ]
    text = soup.main.get_text(" ")
    for shown in ("Partly", "The room was noisy.", "Pat Parent", "By phone", "01632 960 123"):
        assert shown in text
    assert "pat@example.org" not in text, "only the chosen way to reply is shown"
    change = soup.select_one("a[href='/feedback/identity?return=check']")
    assert change is not None


def test_markup_typed_is_shown_escaped_on_check_answers(client):
    typed = '<b>bold</b><img src=x onerror="alert(1)">'
    walk(
        client,
        feedback_answers(
            tell_us="yes", reply_by="none", on_the_day={"on_the_day": typed}, name={"name": typed}
        ),
    )
    page = client.get(f"{BASE}/check-answers")
    html = page.get_data(as_text=True)
    assert "<b>bold</b>" not in html and "<img src=x" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert page.soup.select_one("main b") is None and page.soup.select_one("main img") is None
    assert page.soup.main.get_text(" ").count(typed) == 2, "shown as typed, as text"


def at(client, key, **overrides):
    walk(client, feedback_answers(**overrides), stop_before=key)


def test_a_review_date_in_the_future_is_refused_and_kept(client):
    at(client, "review_date", tell_us="yes")
    tomorrow = date.today() + timedelta(days=1)
    typed = {
        "review_date-day": str(tomorrow.day),
        "review_date-month": str(tomorrow.month),
        "review_date-year": str(tomorrow.year),
    }
    response = client.submit(f"{BASE}/review_date", typed)
    soup = assert_refused(response, "The date of the review must be in the past", "review_date-day")
    for name, value in typed.items():
        assert soup.select_one(f"input[name='{name}']")["value"] == value


def test_a_half_typed_review_date_says_what_is_missing(client):
    at(client, "review_date", tell_us="yes")
    response = client.submit(
        f"{BASE}/review_date",
        {"review_date-day": "3", "review_date-month": "4", "review_date-year": ""},
    )
    assert_refused(response, "The date of the review must include a year", "review_date-year")


def test_an_answer_over_5000_characters_is_refused_and_kept(client):
    at(client, "on_the_day")
    typed = "It was long. " * 462  # 6006 characters
    assert len(typed) > 6000
    response = client.submit(f"{BASE}/on_the_day", {"on_the_day": typed})
    soup = assert_refused(
        response, "What it was like on the day must be 5000 characters or fewer", "on_the_day"
    )
    assert soup.select_one("textarea#on_the_day").get_text() == typed


def test_email_chosen_with_no_address_is_refused(client):
    at(client, "reply_email", tell_us="yes", reply_by="email")
    response = client.submit(f"{BASE}/reply_email", {"email": ""})
    assert_refused(response, "Enter your email address, so we can reply", "email")
    wrong = client.submit(f"{BASE}/reply_email", {"email": "pat at example"})
    soup = assert_refused(
        wrong, "Enter an email address in the right format, like name@example.com", "email"
    )
    assert soup.select_one("input#email")["value"] == "pat at example"


@pytest.mark.parametrize(
    ("key", "data", "message", "field_id"),
    [
        ("role", {}, "Select how you took part in the review", "role"),
        ("role", {"role": "hacker"}, "Select one of the options shown", "role"),
        ("before", {"more": "Kept, please."}, "Select yes, partly or no", "enough"),
        ("reply", {}, "Select how we can reply, or select do not reply", "reply_by"),
        ("reply_phone", {"phone": "call me"}, "Enter a phone number, like", "phone"),
        ("reply_post", {"address": " "}, "Enter your address, so we can reply", "address"),
    ],
)
def test_missing_or_wrong_answers_are_explained(client, key, data, message, field_id):
    way = {"reply_phone": "phone", "reply_post": "post"}.get(key, "email")
    at(client, key, tell_us="yes", reply_by=way)
    response = client.submit(f"{BASE}/{key}", data)
    assert response.status_code == 400
    summary = errors(response)
    assert any(text.startswith(message) for text in summary), summary
    assert response.soup.select_one(f".nhsuk-error-summary a[href='#{field_id}']")
    if key == "before":
        assert response.soup.select_one("textarea#more").get_text() == "Kept, please."


def test_a_double_press_of_send_makes_one_row(app, client, db_session):
    walk(client, feedback_answers())
    token = client.csrf_token(f"{BASE}/check-answers")
    first = client.post(f"{BASE}/check-answers", data={"csrf_token": token})
    second = client.post(f"{BASE}/check-answers", data={"csrf_token": token})
    assert first.headers["Location"] == f"{BASE}/confirmation"
    assert second.headers["Location"] == f"{BASE}/confirmation"
    with app.app_context():
        assert count(db_session, Feedback) == 1


def test_a_send_that_crossed_the_first_makes_one_row_and_thanks(app, client, db_session):
    """A double click: the second press leaves with the cookies of before the first
    answer, naming a draft the first press has already sent and deleted."""
    walk(client, feedback_answers())
    token = client.csrf_token(f"{BASE}/check-answers")
    session_before = client.get_cookie("portal_session").value
    draft_before = client.get_cookie("draft_feedback", path=BASE).value
    assert send(client).status_code == 303
    client.set_cookie("portal_session", session_before)
    client.set_cookie("draft_feedback", draft_before, path=BASE)
    again = client.post(f"{BASE}/check-answers", data={"csrf_token": token})
    assert again.status_code == 303 and again.headers["Location"] == f"{BASE}/confirmation"
    assert client.get(again.headers["Location"]).soup.h1.get_text(strip=True) == "Thank you"
    with app.app_context():
        assert count(db_session, Feedback) == 1


def test_sending_the_same_draft_twice_stores_it_once(app, db_session):
    from portal.public.feedback import sending
    from portal.services import drafts

    with app.test_request_context():
        draft = drafts.start("feedback", "en")
        drafts.replace_answers(
            draft, {"role": {"role": "panel"}, "before": {"enough": "yes"}, "identity": {}}
        )
        assert sending.send(draft.id) is True
        assert sending.send(draft.id) is False
        assert count(db_session, Feedback) == 1 and count(db_session, Draft) == 0


def test_the_thank_you_page_is_only_for_someone_who_sent_feedback(client):
    response = client.get(f"{BASE}/confirmation")
    assert response.status_code == 302 and response.headers["Location"] == BASE


def test_there_is_no_page_for_saying_no(client):
    assert client.get(f"{BASE}/not-sent").status_code == 404


def test_the_start_page_leads_to_the_feedback_form(client):
    response = client.submit("/", {"goal": "feedback"})
    assert response.status_code == 303 and response.headers["Location"] == BASE
    page = client.get(BASE)
    assert page.status_code == 200
    assert page.soup.h1.get_text(strip=True) == "Tell us what a review was like"
    text = page.soup.main.get_text(" ")
    assert "not ready yet" not in text
    assert "You do not have to tell us your name." in text
    assert page.soup.select_one(f"form[action='{BASE}/begin'] button")
