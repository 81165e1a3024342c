from sqlalchemy import func, select

from portal.models import AuditEvent, ConsentRecord, Draft, Referral

from .journey_helpers import BASE, answers, send, walk


def count(app, db_session, model):
    with app.app_context():
        return db_session.scalar(select(func.count()).select_from(model))


def only_referral(app, db_session):
    with app.app_context():
        return db_session.scalars(select(Referral)).one()


def test_an_adult_asks_for_themselves_and_the_referral_is_stored(app, client, db_session):
    visited, location = walk(client, answers())
    assert visited == [
        "who",
        "person",
        "address",
        "contact",
        "communication",
        "diagnosis",
        "living",
        "risks",
        "support",
        "help",
        "consent",
    ]
    assert location.endswith("/check-answers")
    check = client.get(location)
    assert check.status_code == 200
    assert "Sam" in check.soup.main.get_text()
    sent = send(client)
    assert sent.status_code == 303 and sent.headers["Location"].endswith("/confirmation")
    confirmation = client.get(sent.headers["Location"])
    reference = confirmation.soup.select_one(".portal-reference").get_text(strip=True)
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        assert referral.reference == reference
        assert referral.nhs_number == "9434765919"
        assert referral.postcode == "LS1 4HR"
        assert referral.consent.basis == "own" and referral.consent.given
        assert referral.consent.text_version == "dsr-consent-2026-11"
        assert "change your mind" in referral.consent.text_shown
        actions = db_session.scalars(select(AuditEvent.action)).all()
        assert "referral.submitted" in actions
        drafts = db_session.scalars(select(Draft)).all()
        assert all(d.answers == {} for d in drafts), "the draft keeps nothing once sent"


def sent_referral(app, client, db_session, steps):
    walk(client, steps)
    assert send(client).status_code == 303
    return only_referral(app, db_session)


def test_a_parent_consents_for_a_child_under_16_and_the_child_is_asked(app, client, db_session):
    visited, _ = walk(client, answers(role="parent", age=12))
    assert visited[:3] == ["who", "you", "person"]
    assert visited[-2:] == ["consent", "child_view"]
    sent = send(client)
    assert sent.status_code == 303
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        assert referral.consent.basis == "parental" and referral.consent.given
        assert referral.consent.given_by_name == "Alex Carer"
        assert referral.consent.child_view == "agrees"


def test_16_and_17_year_olds_give_their_own_consent(app, client, db_session):
    steps = answers(role="parent", age=16)
    visited, _ = walk(client, steps)
    assert "child_view" not in visited
    page = client.get(f"{BASE}/consent")
    assert "Does the person agree" in page.soup.main.get_text()
    send(client)
    with app.app_context():
        consent = db_session.scalars(select(ConsentRecord)).one()
        assert consent.basis == "own" and consent.given_by_role == "person"


def test_the_day_before_their_16th_birthday_a_parent_still_consents(client, db_session):
    visited, _ = walk(client, answers(role="parent", age=16, days=1))
    assert "child_view" in visited


def test_an_adult_who_cannot_decide_is_never_recorded_as_consenting(app, client, db_session):
    steps = answers(role="advocate", age=40, consent="cannot_decide")
    walk(client, steps)
    send(client)
    with app.app_context():
        consent = db_session.scalars(select(ConsentRecord)).one()
        assert consent.basis == "best_interests_needed"
        assert consent.given is False and consent.given_by_name is None


def test_a_professional_relays_a_parents_consent_for_a_child(app, client, db_session):
    walk(client, answers(role="professional", age=10))
    send(client)
    with app.app_context():
        consent = db_session.scalars(select(ConsentRecord)).one()
        assert consent.basis == "parental" and consent.given_by_name == "Pat Parent"
        assert consent.reported_by_role == "professional"
        assert consent.reported_by_name == "Alex Carer", "who told us is kept as evidence"


def test_a_child_asking_for_themselves_is_heard_and_a_parent_is_still_needed(
    app, client, db_session
):
    walk(client, answers(role="person", age=13))
    send(client)
    with app.app_context():
        consent = db_session.scalars(select(ConsentRecord)).one()
        assert consent.basis == "parental_needed" and consent.given is False
        assert consent.child_view == "agrees"
        referral = db_session.scalars(select(Referral)).one()
        assert referral.answers["consent"]["parent_contact"].startswith("My mum")


def test_saying_no_ends_politely_and_stores_nothing_identifiable(app, client, db_session):
    steps = answers(consent="no")
    _, location = walk(client, steps)
    assert location.endswith("/not-sending"), "a no is confirmed before anything is deleted"
    with app.app_context():
        assert db_session.scalar(select(func.count()).select_from(Draft)) == 1
    confirmed = client.submit(location, {})
    assert confirmed.headers["Location"].endswith("/not-sent")
    page = client.get(confirmed.headers["Location"])
    assert "We have deleted your answers." in page.soup.main.get_text()
    with app.app_context():
        assert db_session.scalar(select(func.count()).select_from(Referral)) == 0
        assert db_session.scalar(select(func.count()).select_from(Draft)) == 0
        event = db_session.scalars(select(AuditEvent)).one()
        assert event.action == "referral.declined" and event.subject_id is None
        assert "Sam" not in str(event.detail)


def test_a_double_click_on_send_creates_one_referral(app, client, db_session):
    walk(client, answers())
    token = client.csrf_token(f"{BASE}/check-answers")
    first = client.post(f"{BASE}/check-answers", data={"csrf_token": token})
    second = client.post(f"{BASE}/check-answers", data={"csrf_token": token})
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db_session.scalar(select(func.count()).select_from(Referral)) == 1


def test_two_sends_of_the_same_draft_make_one_referral(app, db_session):
    """The service itself is idempotent, whatever the session says."""
    from portal.services import drafts, referrals

    with app.test_request_context():
        draft = drafts.start("referral", "en")
        stored = {
            "who": {"role": "person"},
            "person": {
                "first_name": "Sam",
                "last_name": "Jones",
                "preferred_name": "",
                "date_of_birth": "1990-04-03",
                "nhs_number": None,
            },
            "address": {"line1": "1 High St", "line2": "", "town": "Leeds", "postcode": "LS1 4HR"},
            "contact": {"ways": ["phone"], "phone": "01632 960 123", "email": "", "best_times": ""},
            "living": {"setting": "family_home", "other_setting": ""},
            "risks": {"reasons": [], "more": "x"},
            "consent": {"agree": "yes"},
        }
        drafts.replace_answers(draft, stored)
        first, token = referrals.submit(draft.id, lambda answers: "own")
        again, no_token = referrals.submit(draft.id, lambda answers: "own")
    assert first == again and token and no_token is None


def test_an_ended_session_finds_the_same_draft_with_every_earlier_answer(app, client, db_session):
    """The session cookie is gone (it ended, or the server restarted); the draft cookie
    brings back the same draft, so earlier pages and the page just typed are all kept."""
    walk(client, answers(), stop_before="address")
    client.delete_cookie("portal_session")
    token = client.csrf_token(f"{BASE}/address")
    response = client.post(
        f"{BASE}/address",
        data={
            "csrf_token": token,
            "line1": "1 High Street",
            "town": "Leeds",
            "postcode": "LS1 4HR",
        },
    )
    assert response.status_code == 303
    with app.app_context():
        kept = db_session.scalars(select(Draft)).one()
    assert kept.answers["person"]["first_name"] == "Sam"
    assert kept.answers["address"]["postcode"] == "LS1 4HR"


def test_a_page_that_no_longer_applies_keeps_what_was_sent_and_moves_on(client, db_session):
    walk(client, answers(), stop_before="person")
    token = client.csrf_token(f"{BASE}/person")
    response = client.post(f"{BASE}/consent", data={"csrf_token": token, "agree": "yes"})
    assert response.status_code == 303 and response.headers["Location"] == f"{BASE}/person"


def test_a_change_that_moves_the_decision_to_someone_else_asks_consent_again(
    app, client, db_session
):
    walk(client, answers(role="parent", age=12))
    older = {
        "first_name": "Sam",
        "last_name": "Jones",
        "nhs_number": "",
        "date_of_birth-day": "1",
        "date_of_birth-month": "1",
        "date_of_birth-year": "1990",
    }
    changed = client.submit(f"{BASE}/person?return=check", older)
    assert changed.headers["Location"] == f"{BASE}/consent", "the parent's yes no longer counts"
    page = client.get(f"{BASE}/consent")
    assert "Does the person agree" in page.soup.main.get_text()
    client.submit(f"{BASE}/consent?return=check", {"agree": "cannot_decide"})
    send(client)
    with app.app_context():
        consent = db_session.scalars(select(ConsentRecord)).one()
        assert consent.basis == "best_interests_needed" and consent.child_view is None


def test_answers_from_pages_that_no_longer_apply_are_not_sent(app, client, db_session):
    walk(client, answers(role="family", age=30))
    client.submit(f"{BASE}/who?return=check", {"role": "person"})
    location = f"{BASE}/check-answers"
    page = client.get(location)
    if page.status_code == 302:  # consent is asked again of the person themselves
        client.submit(page.headers["Location"], {"agree": "yes"})
    send(client)
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        assert referral.requester_name is None and "you" not in referral.answers
        assert referral.requester_email is None, "no email to someone who is no longer asking"


def test_guessing_a_date_of_birth_is_stopped_after_5_tries(app, client, db_session):
    walk(client, answers())
    send(client)
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        reference, born = referral.reference, referral.date_of_birth

    def try_date(year):
        token = client.csrf_token("/my-request")
        return client.post(
            "/my-request",
            data={
                "csrf_token": token,
                "reference": reference,
                "date_of_birth-day": str(born.day),
                "date_of_birth-month": str(born.month),
                "date_of_birth-year": str(year),
            },
        )

    for year in range(1950, 1955):
        assert "could not find a request" in try_date(year).get_data(as_text=True)
    blocked = try_date(born.year)
    assert blocked.status_code == 400
    assert "Too many tries" in blocked.soup.select_one(".nhsuk-error-summary").get_text()
