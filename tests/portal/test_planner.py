"""The My CTR Planner: starting, filling in every part, the consent pages by age and
capacity, saving as you go, coming back by code and PIN, and deleting."""

from datetime import date

from sqlalchemy import select

from portal.models import AuditEvent, Planner
from portal.services.tokens import token_hash

from .planner_helpers import (
    ADULT,
    BASE,
    PAGES,
    errors,
    fill,
    fill_part,
    new_browser,
    open_with,
    start,
    statuses,
)


def only_planner(app, db_session):
    with app.app_context():
        return db_session.scalars(select(Planner)).one()


def test_starting_shows_a_code_once_and_keeps_only_its_hash(app, client, db_session):
    code = start(client)
    assert len(code) == 14 and code.count("-") == 2
    planner = only_planner(app, db_session)
    assert planner.code_hash == token_hash(code) and code not in str(planner.answers)
    # The code page is shown once; after that it goes to the parts.
    assert client.get(f"{BASE}/parts").status_code == 200
    assert client.get(f"{BASE}/your-link").headers["Location"].endswith("/parts")
    assert statuses(client) == ["Not started"] * 6


def test_every_part_can_be_filled_in_and_shows_as_done(app, client, db_session):
    start(client)
    assert fill_part(client, "before") == ["before", "coordinator"]
    assert statuses(client)[0] == "Done"
    visited = fill_part(client, "about_you")
    assert visited == ["about_you", "want", "decider", "invite", "which_day", "helps"]
    for first in ("profile", "when", "day", "what_now"):
        fill_part(client, first)
    assert statuses(client) == ["Done"] * 6
    whole = client.get(f"{BASE}/my-planner").soup.main.get_text(" ")
    for text in ("Priya Shah", "My dog Rex.", "When can I go home?", "Find a flat", "Oak House"):
        assert text in whole
    assert "14 March 2027" in whole


def test_a_child_under_16_gets_the_parent_page(app, client, db_session):
    start(client)
    young = date.today().year - 12
    child = {**ADULT, "date_of_birth-year": str(young)}
    visited = fill_part(client, "about_you", {**PAGES, "about_you": child})
    assert "parent" in visited and "decider" not in visited and "guardian" not in visited
    planner = only_planner(app, db_session)
    assert planner.answers["parent"]["agrees"] == "yes"


def test_an_adult_who_cannot_decide_gets_the_guardian_page(app, client, db_session):
    start(client)
    pages = {**PAGES, "decider": {"decider": "guardian"}}
    visited = fill_part(client, "about_you", pages)
    assert "guardian" in visited and "parent" not in visited
    # Saying later that they can decide takes the guardian page away.
    fill(client, "decider", {"decider": "me"})
    whole = client.get(f"{BASE}/my-planner").soup.main.get_text(" ")
    assert "Gill Guardian" not in whole


def test_bad_input_is_explained_and_everything_typed_is_kept(app, client, db_session):
    start(client)
    long = "x" * 5001
    response = client.submit(
        f"{BASE}/coordinator", {"name": "Priya <b>Shah</b>", "email": "not an email", "team": long}
    )
    assert response.status_code == 400
    assert response.soup.title.get_text().startswith("Error:")
    assert set(errors(response)) >= {
        "Enter an email address in the right format, like name@example.com",
    }
    assert response.soup.select_one("#name")["value"] == "Priya <b>Shah</b>"
    assert response.soup.select_one("#email")["value"] == "not an email"
    future = client.submit(
        f"{BASE}/about_you", {**ADULT, "date_of_birth-year": str(date.today().year + 1)}
    )
    assert future.status_code == 400 and "Date of birth must be in the past" in errors(future)
    too_long = client.submit(f"{BASE}/helps", {"helps": "y" * 5001})
    assert too_long.status_code == 400
    assert "What would help must be 5000 characters or fewer" in errors(too_long)
    assert too_long.soup.select_one("#helps").get_text() == "y" * 5001


def test_markup_typed_is_shown_as_text(app, client, db_session):
    start(client)
    fill(client, "questions", {"questions": "<script>alert(1)</script><b>bold</b>"})
    page = client.get(f"{BASE}/my-planner")
    assert "<script>alert(1)</script>" in page.soup.main.get_text()
    assert page.soup.main.find("b") is None


def test_save_and_go_back_keeps_half_typed_answers(app, client, db_session):
    start(client)
    response = client.submit(
        f"{BASE}/coordinator", {"name": "Priya", "email": "half@", "save_for_later": "1"}
    )
    assert response.headers["Location"] == f"{BASE}/parts"
    assert statuses(client)[0] == "In progress"
    again = client.get(f"{BASE}/coordinator")
    assert again.soup.select_one("#email")["value"] == "half@"


def test_answers_are_saved_as_they_are_typed(app, client, db_session):
    start(client)
    token = client.csrf_token(f"{BASE}/profile")
    response = client.post(
        f"{BASE}/profile", data={"csrf_token": token, "important": "My d", "autosave": "1"}
    )
    assert response.status_code == 204
    planner = only_planner(app, db_session)
    assert planner.answers["_raw"]["profile"]["important"] == ["My d"]
    page = client.get(f"{BASE}/profile")
    assert page.soup.select_one("#important").get_text() == "My d"
    assert statuses(client)[2] == "In progress"


def test_actions_can_be_added_and_removed(app, client, db_session):
    start(client)
    location = fill(client, "actions", add_action="1")
    assert location == f"{BASE}/actions"
    page = client.get(location)
    assert len(page.soup.select("fieldset.portal-action")) == 2  # one kept, one empty
    fill(
        client,
        "actions",
        {
            **PAGES["actions"],
            "actions-1-what": "Visit the flat",
            "actions-1-who": "Ann",
            "actions-1-done": "yes",
        },
        add_action="1",
    )
    planner = only_planner(app, db_session)
    assert [a["what"] for a in planner.answers["actions"]["actions"]] == [
        "Find a flat",
        "Visit the flat",
    ]
    fill(
        client,
        "actions",
        {**PAGES["actions"], "actions-0-remove": "yes", "actions-1-what": "Visit the flat"},
    )
    planner = only_planner(app, db_session)
    assert [a["what"] for a in planner.answers["actions"]["actions"]] == ["Visit the flat"]
    blank_who = client.submit(f"{BASE}/actions", {"actions-0-who": "Ann"})
    assert blank_who.status_code == 400 and "Enter what needs to happen" in errors(blank_who)
    assert blank_who.soup.select_one("#actions-0-who")["value"] == "Ann"


def test_it_opens_on_another_device_with_the_code(app, client, db_session):
    code = start(client)
    fill(client, "questions")
    other = new_browser(app)
    assert other.get(f"{BASE}/parts").headers["Location"].endswith(BASE)
    prefilled = other.get(f"{BASE}/open?code={code}")
    assert prefilled.soup.select_one("#code")["value"] == code
    wrong = open_with(other, "AAAA-BBBB-CCCC")
    assert wrong.status_code == 400 and "could not find a planner" in wrong.soup.main.get_text()
    opened = open_with(other, code.lower().replace("-", " "))
    assert opened.status_code == 303 and opened.headers["Location"] == f"{BASE}/parts"
    page = other.get(f"{BASE}/questions")
    assert page.soup.select_one("#questions").get_text() == PAGES["questions"]["questions"]
    with app.app_context():
        actions = db_session.scalars(select(AuditEvent.action)).all()
    assert "planner.opened" in actions and "planner.created" in actions


def set_pin(client, pin="4826"):
    response = client.submit(f"{BASE}/pin", {"pin": pin, "again": pin})
    assert response.status_code == 303, errors(response)


def test_a_pin_protects_the_planner_and_locks_after_wrong_tries(app, client, db_session):
    code = start(client)
    mismatch = client.submit(f"{BASE}/pin", {"pin": "4826", "again": "4827"})
    assert mismatch.status_code == 400
    assert "The 2 PINs are different. Type the same PIN twice" in errors(mismatch)
    short = client.submit(f"{BASE}/pin", {"pin": "12", "again": "12"})
    assert "Your PIN must be 4 to 6 numbers" in errors(short)
    set_pin(client)
    planner = only_planner(app, db_session)
    assert planner.pin_hash.startswith("$argon2") and "4826" not in planner.pin_hash

    other = new_browser(app)
    for _ in range(6):  # an empty PIN is not a guess: it uses up no try
        no_pin = open_with(other, code)
        assert no_pin.status_code == 400 and "Enter your PIN" in errors(no_pin)
    wrong = open_with(other, code, "0000 ")
    assert "That PIN is not right" in wrong.soup.main.get_text()
    for _ in range(3):
        open_with(other, code, "0000")
    locked = open_with(other, code, "0000")  # the fifth wrong PIN
    assert "Too many wrong PINs" in locked.soup.main.get_text()
    still = open_with(other, code, "4826")  # right, but locked for an hour
    assert still.status_code == 400 and "Too many wrong PINs" in still.soup.main.get_text()
    with app.app_context():
        row = db_session.get(Planner, planner.id)
        row.locked_until = None
        db_session.commit()
    assert open_with(other, code, " 4826 ").status_code == 303


def test_a_new_pin_or_link_shuts_out_other_devices(app, client, db_session):
    code = start(client)
    other = new_browser(app)
    assert open_with(other, code).status_code == 303
    assert other.get(f"{BASE}/parts").status_code == 200
    set_pin(client)
    assert client.get(f"{BASE}/parts").status_code == 200, "this device stays open"
    assert other.get(f"{BASE}/parts").status_code == 302, "the other must use the PIN"
    assert open_with(other, code, "4826").status_code == 303
    token = client.csrf_token(f"{BASE}/parts")
    client.post(f"{BASE}/new-link", data={"csrf_token": token})
    assert client.get(f"{BASE}/parts").status_code == 200
    assert other.get(f"{BASE}/parts").status_code == 302, "the old link's devices are out"


def test_a_deleted_planner_never_opens_a_newer_one(app, client, db_session):
    code = start(client)
    other = new_browser(app)
    open_with(other, code)
    token = client.csrf_token(f"{BASE}/delete")
    client.post(f"{BASE}/delete", data={"csrf_token": token})
    stranger = new_browser(app)
    start(stranger)
    fill(stranger, "questions", {"questions": "Stranger's private words"})
    # SQLite may give the new planner the deleted one's id; the old device gets nothing.
    response = other.get(f"{BASE}/questions")
    assert response.status_code == 302
    assert "Stranger" not in other.get(BASE).get_data(as_text=True)


def test_viewing_pages_is_audited(app, client, db_session):
    start(client)
    client.get(f"{BASE}/parts")
    client.get(f"{BASE}/profile")
    with app.app_context():
        pages = [
            e.detail.get("page")
            for e in db_session.scalars(
                select(AuditEvent).where(AuditEvent.action == "planner.viewed")
            )
        ]
    assert "parts" in pages and "profile" in pages


def test_a_huge_year_is_a_plain_error(app, client, db_session):
    start(client)
    response = client.submit(
        f"{BASE}/when", {"date-day": "1", "date-month": "1", "date-year": "99999999999"}
    )
    assert response.status_code == 400 and "Year must include 4 numbers" in errors(response)


def test_on_the_same_device_a_pin_is_asked_for_after_the_session_ends(app, client, db_session):
    start(client)
    set_pin(client)
    # A new session with the same cookies: what a browser has after being closed.
    with client.session_transaction() as session:
        session.clear()
    assert client.get(f"{BASE}/parts").headers["Location"].endswith(BASE)
    page = client.get(BASE)
    assert page.soup.find("a", href=f"{BASE}/unlock")
    wrong = client.submit(f"{BASE}/unlock", {"pin": "1111"})
    assert wrong.status_code == 400
    right = client.submit(f"{BASE}/unlock", {"pin": "4826"})
    assert right.headers["Location"] == f"{BASE}/parts"


def test_typing_after_the_session_ended_loses_nothing(app, client, db_session):
    start(client)
    set_pin(client)
    with client.session_transaction() as session:
        session.clear()
    token = client.csrf_token(BASE)
    typed = client.post(
        f"{BASE}/profile",
        data={"csrf_token": token, "important": "Typed while closed", "like": "Jokes"},
    )
    assert typed.status_code == 403
    hidden = {i["name"]: i["value"] for i in typed.soup.select("input[type=hidden]")}
    assert hidden["important"] == "Typed while closed" and hidden["step"] == "profile"
    assert typed.soup.find("form", action=f"{BASE}/unlock"), "this device needs only the PIN"
    reopened = client.post(f"{BASE}/unlock", data={**hidden, "pin": "4826"})
    assert reopened.headers["Location"] == f"{BASE}/profile"
    page = client.get(f"{BASE}/profile")
    assert page.soup.select_one("#important").get_text() == "Typed while closed"


def test_a_new_link_stops_the_old_one(app, client, db_session):
    old = start(client)
    token = client.csrf_token(f"{BASE}/parts")
    response = client.post(f"{BASE}/new-link", data={"csrf_token": token})
    new = client.get(response.headers["Location"]).soup.select_one("#planner-code").get_text()
    assert new != old
    assert open_with(new_browser(app), old).status_code == 400
    assert open_with(new_browser(app), new).status_code == 303


def test_closing_on_this_device_forgets_it_here_only(app, client, db_session):
    code = start(client)
    token = client.csrf_token(f"{BASE}/parts")
    client.post(f"{BASE}/close", data={"csrf_token": token})
    assert client.get(f"{BASE}/parts").headers["Location"].endswith(BASE)
    assert open_with(client, code).status_code == 303


def test_deleting_removes_every_answer(app, client, db_session):
    code = start(client)
    fill(client, "profile")
    planner_id = only_planner(app, db_session).id
    confirm = client.get(f"{BASE}/delete")
    assert "You cannot get them back" in confirm.soup.main.get_text()
    token = confirm.soup.select_one("input[name=csrf_token]")["value"]
    response = client.post(f"{BASE}/delete", data={"csrf_token": token})
    assert response.headers["Location"] == f"{BASE}/deleted"
    assert client.get(f"{BASE}/deleted").status_code == 200
    with app.app_context():
        assert db_session.scalars(select(Planner)).all() == []
        deleted = db_session.scalars(
            select(AuditEvent).where(AuditEvent.action == "planner.deleted")
        ).one()
        assert deleted.subject_id == planner_id and deleted.detail == {}
    assert open_with(new_browser(app), code).status_code == 400
    assert client.get(f"{BASE}/parts").headers["Location"].endswith(BASE)


def test_no_change_on_get(app, client, db_session):
    start(client)
    for path in ("/delete", "/close", "/new-link", "/pin/remove", "/unlink", "/share/stop"):
        response = client.get(f"{BASE}{path}")
        assert response.status_code in (200, 302, 404, 405), path
    assert client.get(f"{BASE}/parts").status_code == 200
