"""Administrators invite, disable, unlock and reset staff; passwords must be hard to guess."""

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditEvent, StaffMember, StaffSession
from portal.services.clock import now
from portal.services.staff import StaffError, create_staff

from .conftest import make_staff, sign_in_as


@pytest.mark.parametrize("password", ["password1", "qwertyuiop", "iloveyou"])
def test_common_passwords_are_refused(app, db_session, password):
    with app.test_request_context(), pytest.raises(StaffError, match="too common"):
        create_staff("x@example.org", "X", password, "triager")


def test_a_password_like_the_name_is_refused(app, db_session):
    with app.test_request_context(), pytest.raises(StaffError, match="too easy to guess"):
        create_staff("jo.bloggs@example.org", "Jo Bloggs", "jobloggs1", "triager")


def invite(admin, name="Riley Triager", email="riley@example.org", role="triager"):
    return admin.submit("/staff/staff-members/invite", {"name": name, "email": email, "role": role})


def member_id(app, email):
    with app.app_context():
        return db.session.scalar(select(StaffMember.id).where(StaffMember.email == email))


def test_an_invited_member_chooses_a_password_and_sets_up_the_app(app, staff_client):
    admin = staff_client("administrator")
    response = invite(admin)
    assert response.status_code == 303
    page = admin.get(response.headers["Location"])
    link = page.soup.find("code").get_text()
    code = link.split("code=")[1]
    # Shown once only.
    assert code not in admin.get(response.headers["Location"]).text

    newcomer = app.test_client()
    opened = newcomer.get(f"/staff/invite?code={code}")
    assert opened.status_code == 200
    choose = newcomer.submit("/staff/invite?code=" + code, {"code": code})
    assert choose.status_code == 200 and "Choose a password" in choose.text
    token = choose.soup.find("input", attrs={"name": "csrf_token"})["value"]
    weak = newcomer.post(
        "/staff/invite",
        data={"csrf_token": token, "code": code, "password": "password1", "confirm": "password1"},
    )
    assert weak.status_code == 400 and "too common" in weak.text
    done = newcomer.post(
        "/staff/invite",
        data={
            "csrf_token": token,
            "code": code,
            "password": "violet kettle marathon",
            "confirm": "violet kettle marathon",
        },
    )
    assert done.headers["Location"].endswith("/staff/set-up-authenticator")
    key = newcomer.get("/staff/set-up-authenticator").soup.find(id="totp-key").get_text()
    finished = newcomer.submit(
        "/staff/set-up-authenticator", {"code": pyotp.TOTP(key.replace(" ", "")).now()}
    )
    assert finished.status_code == 303
    assert newcomer.get("/staff/").status_code == 200
    # The link works once.
    again = app.test_client().submit("/staff/invite?code=" + code, {"code": code})
    assert again.status_code == 400


def test_an_expired_invitation_does_not_work(app, staff_client):
    admin = staff_client("administrator")
    location = invite(admin).headers["Location"]
    code = admin.get(location).soup.find("code").get_text().split("code=")[1]
    with app.app_context():
        member = db.session.get(StaffMember, member_id(app, "riley@example.org"))
        member.invite_expires_at = now() - timedelta(minutes=1)
        db.session.commit()
    assert app.test_client().submit("/staff/invite", {"code": code}).status_code == 400


def test_a_taken_email_is_refused(staff_client):
    admin = staff_client("administrator")
    response = invite(admin, email="administrator@example.org")
    assert response.status_code == 400
    assert "already exists" in response.text


def post(client, path):
    token = client.csrf_token("/staff/staff-members")
    return client.post(path, data={"csrf_token": token})


def test_disabling_ends_every_session_at_once(app, staff_client):
    admin = staff_client("administrator")
    triager = staff_client("triager")
    target = member_id(app, "triager@example.org")
    assert triager.get("/staff/").status_code == 200
    assert post(admin, f"/staff/staff-members/{target}/disable").status_code == 303
    assert triager.get("/staff/").status_code == 302
    with app.app_context():
        left = db.session.scalar(
            select(func.count()).select_from(StaffSession).where(StaffSession.staff_id == target)
        )
        assert left == 0
        assert db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "staff.disabled")
        )
    assert post(admin, f"/staff/staff-members/{target}/enable").status_code == 303


def test_an_administrator_cannot_disable_themselves(app, staff_client):
    admin = staff_client("administrator")
    me = member_id(app, "administrator@example.org")
    assert post(admin, f"/staff/staff-members/{me}/disable").status_code == 400


def test_unlock_and_role_change(app, staff_client):
    admin = staff_client("administrator")
    target = make_staff(app, "triager", email="locked@example.org")
    with app.app_context():
        db.session.get(StaffMember, target).locked_until = now() + timedelta(minutes=10)
        db.session.commit()
    assert "Unlock account" in admin.get(f"/staff/staff-members/{target}").text
    post(admin, f"/staff/staff-members/{target}/unlock")
    token = admin.csrf_token(f"/staff/staff-members/{target}")
    admin.post(
        f"/staff/staff-members/{target}/role",
        data={"csrf_token": token, "role": "register_manager"},
    )
    with app.app_context():
        member = db.session.get(StaffMember, target)
        assert member.locked_until is None
        assert member.role == "register_manager"


def test_reset_clears_the_password_and_app_and_ends_sessions(app, staff_client):
    admin = staff_client("administrator")
    target_client = staff_client("triager")
    target = member_id(app, "triager@example.org")
    response = post(admin, f"/staff/staff-members/{target}/reset")
    assert "code=" in admin.get(response.headers["Location"]).text
    assert target_client.get("/staff/").status_code == 302
    with app.app_context():
        member = db.session.get(StaffMember, target)
        assert member.password_hash == "" and member.totp_secret is None


def test_only_administrators_manage_staff(app, staff_client):
    for role in ("triager", "register_manager"):
        client = staff_client(role)
        assert client.get("/staff/staff-members").status_code == 403


def test_signing_in_by_password_alone_after_reset_is_impossible(app, db_session):
    member = make_staff(app, "triager", email="r@example.org")
    client = app.test_client()
    sign_in_as(app, client, member)
    with app.app_context():
        db.session.get(StaffMember, member).password_hash = ""
        db.session.commit()
    other = app.test_client()
    response = other.submit("/staff/sign-in", {"email": "r@example.org", "password": ""})
    assert response.status_code == 400


def staff_audit(app, member):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_type == "staff", AuditEvent.subject_id == member)
            .order_by(AuditEvent.id)
        ).all()
        return [(row.action, row.actor, row.detail) for row in rows]


def test_every_change_is_audited_by_who_did_it(app, staff_client):
    admin = staff_client("administrator")
    me = f"staff:{member_id(app, 'administrator@example.org')}"
    invite(admin)
    target = member_id(app, "riley@example.org")
    token = admin.csrf_token(f"/staff/staff-members/{target}")
    admin.post(
        f"/staff/staff-members/{target}/role", data={"csrf_token": token, "role": "administrator"}
    )
    for change in ("disable", "enable", "unlock", "reset"):
        assert post(admin, f"/staff/staff-members/{target}/{change}").status_code == 303
    rows = staff_audit(app, target)
    assert [action for action, _, _ in rows] == [
        "staff.invited",
        "staff.role_changed",
        "staff.disabled",
        "staff.enabled",
        "staff.unlocked",
        "staff.reset",
    ]
    assert {actor for _, actor, _ in rows} == {me}
    assert "riley" not in str(rows).lower()


def test_an_administrator_cannot_demote_themselves(app, staff_client):
    admin = staff_client("administrator")
    me = member_id(app, "administrator@example.org")
    token = admin.csrf_token("/staff/staff-members")
    response = admin.post(
        f"/staff/staff-members/{me}/role", data={"csrf_token": token, "role": "triager"}
    )
    assert response.status_code == 400
    for change in ("unlock", "reset"):
        assert post(admin, f"/staff/staff-members/{me}/{change}").status_code == 400
    with app.app_context():
        assert db.session.get(StaffMember, me).role == "administrator"


def test_an_unknown_role_is_refused_with_a_message(app, staff_client):
    admin = staff_client("administrator")
    target = make_staff(app, "triager", email="t2@example.org")
    token = admin.csrf_token(f"/staff/staff-members/{target}")
    response = admin.post(
        f"/staff/staff-members/{target}/role", data={"csrf_token": token, "role": "owner"}
    )
    assert response.status_code == 400
    assert response.soup.find(class_="nhsuk-error-summary") is not None
    with app.app_context():
        assert db.session.get(StaffMember, target).role == "triager"


def test_an_invitation_form_keeps_what_was_typed(app, staff_client):
    admin = staff_client("administrator")
    response = invite(admin, name="Kept Name", email="not an email")
    assert response.status_code == 400
    assert 'value="Kept Name"' in response.text
    assert member_id(app, "not an email") is None


def test_the_invitation_is_emailed_when_email_is_set_up(app, staff_client, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "portal.services.mail.send", lambda to, subject, body: sent.append((to, body)) or True
    )
    admin = staff_client("administrator")
    page = admin.get(invite(admin).headers["Location"])
    link = page.soup.find("code").get_text()
    assert sent[0][0] == "riley@example.org"
    assert link in sent[0][1]
    assert "We also emailed it to them" in page.text


def test_only_the_hash_of_the_invitation_is_kept(app, staff_client):
    admin = staff_client("administrator")
    link = admin.get(invite(admin).headers["Location"]).soup.find("code").get_text()
    code = link.split("code=")[1]
    with app.app_context():
        member = db.session.get(StaffMember, member_id(app, "riley@example.org"))
        assert member.password_hash == ""
        assert member.invite_token_hash and code not in member.invite_token_hash
        assert member.invite_expires_at is not None


def test_staff_pages_change_nothing_on_get(app, staff_client):
    admin = staff_client("administrator")
    target = make_staff(app, "triager", email="g@example.org")
    before = staff_audit(app, target)
    for path in ("/staff/staff-members", f"/staff/staff-members/{target}"):
        assert admin.get(path).status_code == 200
    assert admin.get("/staff/staff-members/invite").status_code == 200
    assert staff_audit(app, target) == before
    with app.app_context():
        assert db.session.get(StaffMember, target).is_active


def test_the_list_shows_each_members_state(app, staff_client):
    admin = staff_client("administrator")
    target = make_staff(app, "triager", email="state@example.org", name="Locked Person")
    with app.app_context():
        db.session.get(StaffMember, target).locked_until = now() + timedelta(minutes=5)
        db.session.commit()
    row = admin.get("/staff/staff-members").soup.find("a", string="Locked Person").find_parent("tr")
    assert "Locked" in row.get_text()
    assert "state@example.org" in row.get_text()
