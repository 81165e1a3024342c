"""Every staff page needs sign-in, multi-factor authentication and the right role."""

import pytest

from admin.guard import OPEN_ENDPOINTS, requires_role
from portal.models import StaffMember
from portal.services.staff import create_staff

from .conftest import sign_in_as


def admin_urls(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and rule.endpoint not in OPEN_ENDPOINTS:
            values = dict.fromkeys(rule.arguments, 1)
            yield rule.endpoint, rule.build(values)[1], rule.methods


def test_there_are_guarded_admin_routes(app):
    assert list(admin_urls(app)), "the walk must cover something"


def test_no_admin_route_is_open_without_sign_in(app, client):
    for endpoint, url, methods in admin_urls(app):
        for method in methods - {"HEAD", "OPTIONS"}:
            response = client.open(url, method=method)
            assert response.status_code in (302, 400), (endpoint, method)
            if response.status_code == 302:
                assert response.headers["Location"] == "/staff/sign-in", endpoint


def new_staff(app, email, role):
    with app.app_context():
        return create_staff(email, email.split("@")[0], "a long enough password", role).id


def sign_in(app, client, member_id, mfa):
    """With mfa, a real server-side session (only made once the code is right); without,
    only Flask-Login's cookie, as after the password alone."""
    if mfa:
        return sign_in_as(app, client, member_id)
    with client.session_transaction() as session:
        session["_user_id"] = str(member_id)
        session["_fresh"] = True
    return client


def test_signed_in_without_mfa_reaches_nothing(app, client, db_session):
    sign_in(app, client, new_staff(app, "nomfa@example.org", "triager"), mfa=False)
    for endpoint, url, _ in admin_urls(app):
        assert client.get(url).status_code == 302, endpoint


def test_signed_in_with_mfa_reaches_the_dashboard(app, client, db_session):
    sign_in(app, client, new_staff(app, "mfa@example.org", "triager"), mfa=True)
    assert client.get("/staff/").status_code == 200


def test_disabled_staff_are_signed_out(app, client, db_session):
    member_id = new_staff(app, "gone@example.org", "triager")
    with app.app_context():
        db_session.get(StaffMember, member_id).is_active = False
        db_session.commit()
    sign_in(app, client, member_id, mfa=True)
    assert client.get("/staff/").status_code == 302


@pytest.fixture
def role_app(make_app):
    fresh = make_app()

    @requires_role("administrator")
    def settings():
        return "settings", 200, {"Content-Type": "text/plain"}

    fresh.add_url_rule("/staff/test-settings", endpoint="admin.test_settings", view_func=settings)
    return fresh


def test_the_wrong_role_is_refused(role_app, app, db_session):
    with role_app.test_client() as client:
        sign_in(role_app, client, new_staff(role_app, "t@example.org", "triager"), mfa=True)
        assert client.get("/staff/test-settings").status_code == 403
        sign_in(role_app, client, new_staff(role_app, "a@example.org", "administrator"), mfa=True)
        assert client.get("/staff/test-settings").status_code == 200
