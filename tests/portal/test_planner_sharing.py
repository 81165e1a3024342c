"""Linking a planner to a review request, and sharing it with the chair only when the
person says so, after showing exactly what is shared."""

from datetime import date

from sqlalchemy import select

from portal.models import AuditEvent, Planner, PlannerShare, Referral

from .planner_helpers import ADULT, BASE, PAGES, errors, fill, fill_part, start
from .test_review_journey import review_answers, send
from .test_review_journey import walk as walk_review


def sent_review(client):
    walk_review(client, review_answers())
    page = send(client)
    return page


def share_as_previewed(client):
    """Press "Share" on the preview, sending what the page holds."""
    page = client.get(f"{BASE}/share/check")
    form = page.soup.find("form", action=f"{BASE}/share/check")
    data = {i["name"]: i["value"] for i in form.select("input")}
    return client.post(f"{BASE}/share/check", data=data)


def reference_and_birth(app, db_session):
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        return referral.reference, referral.date_of_birth, referral.id


def test_the_review_confirmation_starts_a_linked_planner(app, client, db_session):
    page = sent_review(client)
    form = page.soup.find("form", action=f"{BASE}/begin")
    data = {i["name"]: i["value"] for i in form.select("input")}
    response = client.post(f"{BASE}/begin", data=data)
    assert response.headers["Location"] == f"{BASE}/your-link"
    reference, _born, referral_id = reference_and_birth(app, db_session)
    with app.app_context():
        assert db_session.scalars(select(Planner)).one().referral_id == referral_id
    tasks = client.get(f"{BASE}/parts").soup.main.get_text(" ")
    assert reference in tasks and "Nothing is shared yet." in tasks


def test_link_by_reference_and_date_of_birth(app, client, db_session):
    sent_review(client)
    reference, born, referral_id = reference_and_birth(app, db_session)
    start(client)
    wrong = client.submit(
        f"{BASE}/link",
        {
            "reference": reference,
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "1950",
        },
    )
    assert wrong.status_code == 400
    assert "We could not find a request with that reference number and date of birth" in errors(
        wrong
    )
    right = client.submit(
        f"{BASE}/link",
        {
            "reference": reference.lower(),
            "date_of_birth-day": str(born.day),
            "date_of_birth-month": str(born.month),
            "date_of_birth-year": str(born.year),
        },
    )
    assert right.headers["Location"] == f"{BASE}/parts"
    with app.app_context():
        assert db_session.scalars(select(Planner)).one().referral_id == referral_id
        # Linking shares nothing.
        assert db_session.scalars(select(PlannerShare)).all() == []


def test_sharing_shows_what_is_shared_first_and_can_be_stopped(app, client, db_session):
    page = sent_review(client)
    form = page.soup.find("form", action=f"{BASE}/begin")
    client.post(f"{BASE}/begin", data={i["name"]: i["value"] for i in form.select("input")})
    fill_part(client, "profile")
    fill(client, "questions", {"questions": "Can my sister come?"})
    fill_part(client, "what_now")

    nothing = client.submit(f"{BASE}/share", {})
    assert nothing.status_code == 400 and "Select at least one part to share" in errors(nothing)
    chosen = client.submit(f"{BASE}/share", {"parts": ["about_me", "planning"]})
    assert chosen.headers["Location"] == f"{BASE}/share/check"
    with app.app_context():
        assert db_session.scalars(select(PlannerShare)).all() == [], "nothing shared yet"
    preview = client.get(f"{BASE}/share/check").soup.main.get_text(" ")
    assert "My dog Rex." in preview and "Can my sister come?" in preview
    assert "Find me a home near Ann." not in preview, "part 6 was not chosen"

    share_as_previewed(client)
    with app.app_context():
        shared = db_session.scalars(select(PlannerShare)).one()
        assert shared.parts == ["about_me", "planning"]
        assert set(shared.answers) == {"profile", "questions"}
        assert "what_now" not in shared.answers
    assert "You shared parts of your planner" in client.get(f"{BASE}/parts").soup.get_text()

    token = client.csrf_token(f"{BASE}/parts")
    client.post(f"{BASE}/share/stop", data={"csrf_token": token})
    with app.app_context():
        assert db_session.scalars(select(PlannerShare)).all() == []
        actions = db_session.scalars(select(AuditEvent.action)).all()
    assert {"planner.created", "planner.shared", "planner.share_stopped"} <= set(actions)


def test_sharing_needs_a_linked_request(app, client, db_session):
    start(client)
    assert client.get(f"{BASE}/share").headers["Location"] == f"{BASE}/link"


def test_deleting_a_shared_planner_deletes_the_share(app, client, db_session):
    page = sent_review(client)
    form = page.soup.find("form", action=f"{BASE}/begin")
    client.post(f"{BASE}/begin", data={i["name"]: i["value"] for i in form.select("input")})
    client.submit(f"{BASE}/share", {"parts": ["about_me"]})
    share_as_previewed(client)
    token = client.csrf_token(f"{BASE}/delete")
    client.post(f"{BASE}/delete", data={"csrf_token": token})
    with app.app_context():
        assert db_session.scalars(select(PlannerShare)).all() == []
        assert db_session.scalars(select(Referral)).one() is not None


def test_only_what_was_previewed_is_shared(app, client, db_session):
    page = sent_review(client)
    form = page.soup.find("form", action=f"{BASE}/begin")
    client.post(f"{BASE}/begin", data={i["name"]: i["value"] for i in form.select("input")})
    young = str(date.today().year - 12)
    fill_part(client, "about_you", {**PAGES, "about_you": {**ADULT, "date_of_birth-year": young}})
    # Now an adult: the parent page no longer applies, so it is neither shown nor shared.
    fill(client, "about_you", ADULT)
    client.submit(f"{BASE}/share", {"parts": ["consent"]})
    preview = client.get(f"{BASE}/share/check")
    data = {
        i["name"]: i["value"]
        for i in preview.soup.find("form", action=f"{BASE}/share/check").select("input")
    }
    assert "Pat Parent" not in preview.soup.main.get_text()
    # Changed in another tab after the preview: nothing is shared until it is seen again.
    fill(client, "helps", {"helps": "Not seen in the preview"})
    again = client.post(f"{BASE}/share/check", data=data)
    assert again.headers["Location"] == f"{BASE}/share/check"
    with app.app_context():
        assert db_session.scalars(select(PlannerShare)).all() == []
    assert "Your planner changed" in client.get(f"{BASE}/share/check").soup.main.get_text()
    share_as_previewed(client)
    with app.app_context():
        shared = db_session.scalars(select(PlannerShare)).one()
    assert "parent" not in shared.answers
    assert shared.answers["helps"]["helps"] == "Not seen in the preview"
