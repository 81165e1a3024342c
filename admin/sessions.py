"""Staff sessions kept on the server. A row is made only after the password and the
authenticator code are both right, so holding one proves MFA. Signing out, 30 minutes
idle or being disabled deletes the row, which ends the session on every app server."""

from datetime import timedelta

from flask import g, session
from flask_login import login_user, logout_user
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import StaffMember, StaffSession
from portal.services import audit
from portal.services.clock import aware, now
from portal.services.tokens import new_token, token_hash

IDLE_LIMIT = timedelta(minutes=30)
# Writing last_seen_at on every request is wasted work; once a minute is precise enough.
TOUCH_EVERY = timedelta(minutes=1)
SESSION_KEY = "staff_session"


def actor(member):
    """How audit rows and histories name a staff member: by id, never by email."""
    return f"staff:{member.id}"


def start(member):
    token = new_token()
    db.session.add(StaffSession(token_hash=token_hash(token), staff_id=member.id))
    member.last_signed_in_at = now()
    member.failed_attempts = 0
    member.locked_until = None
    audit.record("staff.signed_in", "staff", member.id, actor=actor(member))
    db.session.commit()
    session.clear()
    session.permanent = True
    session[SESSION_KEY] = token
    login_user(member)


def current(member):
    """The live session row for this browser and member, or None (and it is ended)."""
    token = session.get(SESSION_KEY)
    if not token or member is None:
        return None
    row = db.session.scalar(
        select(StaffSession).where(StaffSession.token_hash == token_hash(token))
    )
    if row is None or row.staff_id != member.id:
        return None
    moment = now()
    if aware(row.last_seen_at) < moment - IDLE_LIMIT:
        g.staff_session_idle = True
        db.session.delete(row)
        db.session.commit()
        return None
    if aware(row.last_seen_at) < moment - TOUCH_EVERY:
        row.last_seen_at = moment
        db.session.commit()
    return row


def end():
    token = session.get(SESSION_KEY)
    if token:
        db.session.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash(token)))
        db.session.commit()
    logout_user()
    session.clear()


def end_all(member: StaffMember):
    """End every session a member has, on every device (used when they are disabled)."""
    db.session.execute(delete(StaffSession).where(StaffSession.staff_id == member.id))
