"""Staff test helpers: a member of each role, signed in through a real server session."""

import pytest
from flask import session as flask_session

from admin import sessions
from portal.models import StaffMember
from portal.services.staff import create_staff

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


def make_staff(app, role, email=None, name=None):
    email = email or f"{role}@example.org"
    with app.app_context():
        member = create_staff(email, name or role.replace("_", " ").title(), PASSWORD, role)
        return member.id


def sign_in_as(app, client, member_id):
    """Start a real server-side session for this member, as passing MFA does."""
    with app.test_request_context():
        from portal.extensions import db

        member = db.session.get(StaffMember, member_id)
        sessions.start(member)
        values = dict(flask_session)
    with client.session_transaction() as cookie:
        cookie.clear()
        cookie.update(values)
    return client


@pytest.fixture
def staff_client(app, db_session):
    """staff_client(role) -> a test client signed in as a new member with that role."""

    def make(role, email=None, name=None):
        client = app.test_client()
        return sign_in_as(app, client, make_staff(app, role, email, name))

    return make
