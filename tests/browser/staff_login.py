"""Signing staff in through the real pages, by keyboard, with a real authenticator code."""

import time
import uuid

import pyotp

from portal.extensions import db
from portal.models import StaffMember
from portal.services.staff import create_staff

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


def make_member(served_app, role, name=None):
    """A member with a confirmed authenticator. Returns (id, email, secret)."""
    email = f"{role}-{uuid.uuid4().hex[:10]}@example.org"
    secret = pyotp.random_base32()
    with served_app.app_context():
        member = create_staff(email, name or role.replace("_", " ").title(), PASSWORD, role)
        member.totp_secret = secret
        member.totp_confirmed = True
        db.session.commit()
        return member.id, email, secret


def fresh_code(secret, served_app, member_id):
    """A code for a time step the member has not used yet (waits for the next one)."""
    totp = pyotp.TOTP(secret)
    with served_app.app_context():
        last = db.session.get(StaffMember, member_id).totp_last_step
    while last is not None and totp.timecode(time.time()) <= last:
        time.sleep(1)
    return totp.now()


def type_into(tab, field_id, text, limit=60):
    """Tab to the field with this id and type into it."""
    page = tab.page
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == field_id:
            page.keyboard.type(text)
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{field_id}")


def staff_sign_in(tab, served_app, role, name=None, axe=True):
    """Sign a new member with this role in by keyboard; ends on the dashboard."""
    member_id, email, secret = make_member(served_app, role, name)
    tab.goto("/staff/sign-in")
    if axe:
        tab.axe()
    type_into(tab, "email", email)
    type_into(tab, "password", PASSWORD)
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/staff/sign-in/code")
    if axe:
        tab.axe()
    type_into(tab, "code", fresh_code(secret, served_app, member_id))
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/staff/")
    return member_id
