"""Staff sign-in: password, then a code from an authenticator app; lockout; codes used
once; idle sessions end; signing out ends the session on the server."""

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import func, select, update

from portal.extensions import db
from portal.models import AuditEvent, StaffMember, StaffSession
from portal.services import mfa
from portal.services.clock import now
from portal.services.staff import create_staff

from .conftest import PASSWORD


@pytest.fixture
def member(app, db_session):
    """A triager with a confirmed authenticator. Returns (id, secret)."""
    secret = pyotp.random_base32()
    with app.app_context():
        made = create_staff("sam@example.org", "Sam Triager", PASSWORD, "triager")
        made.totp_secret = secret
        made.totp_confirmed = True
        db.session.commit()
        return made.id, secret


def password_step(client, email="sam@example.org", password=PASSWORD):
    return client.submit("/staff/sign-in", {"email": email, "password": password})


def code_step(client, code):
    return client.submit("/staff/sign-in/code", {"code": code})


def audit_count(app, action, member_id):
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == action, AuditEvent.subject_id == member_id)
        )


def test_password_then_code_signs_in(app, client, member):
    member_id, secret = member
    response = password_step(client)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/staff/sign-in/code")
    # The password alone opens nothing.
    assert client.get("/staff/").status_code == 302
    response = code_step(client, pyotp.TOTP(secret).now())
    assert response.status_code == 303
    assert client.get("/staff/").status_code == 200
    assert audit_count(app, "staff.signed_in", member_id) == 1


def test_wrong_password_says_nothing_about_which_was_wrong(client, member):
    wrong = password_step(client, password="not the password at all")
    unknown = password_step(client, email="nobody@example.org")
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "Enter a correct email address and password" in response.text
    assert 'value="sam@example.org"' in wrong.text
    assert "not the password at all" not in wrong.text


def test_five_wrong_passwords_lock_the_account(app, client, member):
    member_id, _ = member
    for _ in range(5):
        assert password_step(client, password="wrong wrong wrong").status_code == 400
    locked = password_step(client)
    assert locked.status_code == 400
    assert "This account is locked" in locked.text
    assert audit_count(app, "staff.locked", member_id) == 1
    with app.app_context():
        db.session.get(StaffMember, member_id).locked_until = now() - timedelta(seconds=1)
        db.session.commit()
    assert password_step(client).status_code == 303


def test_wrong_codes_count_towards_the_lock(app, client, member):
    member_id, secret = member
    password_step(client)
    for _ in range(5):
        assert code_step(client, "000000").status_code == 400
    response = code_step(client, pyotp.TOTP(secret).now())
    assert response.status_code == 400
    assert "This account is locked" in response.text
    assert client.get("/staff/").status_code == 302


def test_a_code_cannot_be_used_twice(app, client, member):
    _, secret = member
    code = pyotp.TOTP(secret).now()
    password_step(client)
    assert code_step(client, code).status_code == 303
    sign_out(client)
    password_step(client)
    again = code_step(client, code)
    assert again.status_code == 400
    assert "That code has been used" in again.text
    assert client.get("/staff/").status_code == 302


def test_an_old_code_is_refused(client, member):
    _, secret = member
    old = pyotp.TOTP(secret).at(now() - timedelta(minutes=5))
    password_step(client)
    assert code_step(client, old).status_code == 400


def sign_out(client):
    token = client.csrf_token("/staff/")
    return client.post("/staff/sign-out", data={"csrf_token": token})


def test_signing_out_ends_the_session_on_the_server(app, client, member):
    _, secret = member
    password_step(client)
    code_step(client, pyotp.TOTP(secret).now())
    with client.session_transaction() as cookie:
        kept = dict(cookie)
    assert sign_out(client).headers["Location"].endswith("/staff/signed-out")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StaffSession)) == 0
    # Replaying the old cookie gets nowhere.
    with client.session_transaction() as cookie:
        cookie.update(kept)
    assert client.get("/staff/").status_code == 302


def test_thirty_minutes_idle_ends_the_session(app, client, member):
    _, secret = member
    password_step(client)
    code_step(client, pyotp.TOTP(secret).now())
    with app.app_context():
        row = db.session.scalar(select(StaffSession))
        row.last_seen_at = now() - timedelta(minutes=31)
        db.session.commit()
    response = client.get("/staff/")
    assert response.status_code == 302
    page = client.get("/staff/sign-in")
    assert "You were signed out because you had not done anything for 30 minutes" in page.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StaffSession)) == 0


def test_first_sign_in_sets_up_the_app(app, client, db_session):
    with app.app_context():
        member_id = create_staff("new@example.org", "New Person", PASSWORD, "triager").id
    response = password_step(client, email="new@example.org")
    assert response.headers["Location"].endswith("/staff/set-up-authenticator")
    page = client.get("/staff/set-up-authenticator")
    assert page.status_code == 200
    assert page.soup.find("svg", class_="portal-qr") is not None
    key = page.soup.find(id="totp-key").get_text().replace(" ", "")
    with app.app_context():
        assert db.session.get(StaffMember, member_id).totp_secret == key
    assert client.submit("/staff/set-up-authenticator", {"code": "123"}).status_code == 400
    done = client.submit("/staff/set-up-authenticator", {"code": pyotp.TOTP(key).now()})
    assert done.status_code == 303
    assert client.get("/staff/").status_code == 200
    with app.app_context():
        assert db.session.get(StaffMember, member_id).totp_confirmed


def test_the_set_up_page_needs_the_password_first(client, db_session):
    assert client.get("/staff/set-up-authenticator").status_code == 302
    assert client.get("/staff/sign-in/code").status_code == 302


def test_the_pending_sign_in_expires(app, client, member):
    password_step(client)
    with client.session_transaction() as cookie:
        cookie["staff_pending"]["at"] -= 301
        cookie.modified = True
    assert client.get("/staff/sign-in/code").status_code == 302


def test_the_secret_never_reaches_the_cookie(app, client, db_session):
    with app.app_context():
        create_staff("c@example.org", "Cookie Check", PASSWORD, "triager")
    password_step(client, email="c@example.org")
    client.get("/staff/set-up-authenticator")
    with client.session_transaction() as cookie:
        assert "staff_pending" in cookie
        with app.app_context():
            secret = db.session.scalar(
                select(StaffMember.totp_secret).where(StaffMember.email == "c@example.org")
            )
        assert secret not in str(dict(cookie))


def audit_rows(app, member_id):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_type == "staff", AuditEvent.subject_id == member_id)
            .order_by(AuditEvent.id)
        ).all()
        return [(row.action, row.actor, row.detail) for row in rows]


def test_each_step_leaves_an_audit_row_without_the_email(app, client, member):
    member_id, secret = member
    password_step(client, password="not the password at all")
    password_step(client)
    code_step(client, "000000")
    code_step(client, pyotp.TOTP(secret).now())
    sign_out(client)
    rows = audit_rows(app, member_id)
    assert [action for action, _, _ in rows] == [
        "staff.sign_in_failed",
        "staff.sign_in_failed",
        "staff.signed_in",
        "staff.signed_out",
    ]
    assert [detail.get("step") for _, _, detail in rows[:2]] == ["password", "code"]
    assert rows[-1][1] == f"staff:{member_id}"
    assert "sam@example.org" not in str(rows)


def test_a_right_code_clears_the_count_of_wrong_tries(app, client, member):
    member_id, secret = member
    for _ in range(4):
        password_step(client, password="wrong wrong wrong")
    password_step(client)
    code_step(client, pyotp.TOTP(secret).now())
    with app.app_context():
        assert db.session.get(StaffMember, member_id).failed_attempts == 0


def test_a_disabled_member_cannot_sign_in(app, client, member):
    member_id, _ = member
    with app.app_context():
        db.session.get(StaffMember, member_id).is_active = False
        db.session.commit()
    response = password_step(client)
    assert response.status_code == 400
    assert "Enter a correct email address and password" in response.text


def test_the_sign_in_pages_change_nothing_on_get(app, client, member):
    member_id, _ = member
    password_step(client)
    client.get("/staff/sign-in/code")
    client.get("/staff/sign-in")
    with app.app_context():
        assert db.session.get(StaffMember, member_id).totp_last_step is None
        assert db.session.scalar(select(func.count()).select_from(StaffSession)) == 0


def test_the_code_step_accepts_spaces(app, client, member):
    _, secret = member
    code = pyotp.TOTP(secret).now()
    password_step(client)
    assert code_step(client, f"{code[:3]} {code[3:]}").status_code == 303


def test_a_code_raced_from_two_places_works_once(app, member):
    member_id, secret = member
    code = pyotp.TOTP(secret).now()
    with app.app_context():
        stale = db.session.get(StaffMember, member_id)
        # Another request used the code after this one read the member.
        db.session.execute(
            update(StaffMember)
            .where(StaffMember.id == member_id)
            .values(totp_last_step=pyotp.TOTP(secret).timecode(now()) + 1)
            .execution_options(synchronize_session=False)
        )
        assert stale.totp_last_step is None
        assert mfa.check(stale, code) is mfa.Check.REUSED
