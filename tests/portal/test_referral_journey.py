from sqlalchemy import func, select

from portal.models import AuditEvent, Draft, Referral

from .journey_helpers import answers, send, walk


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
