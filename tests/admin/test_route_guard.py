"""Every staff page needs sign-in, multi-factor authentication and the right role. The
walk covers every admin route and method, so a route added later is covered too."""

import pytest
from flask import current_app

from admin.guard import OPEN_ENDPOINTS, requires_role
from portal.models import StaffMember
from portal.models.staff import ROLES
from portal.services.staff import create_staff

from .conftest import sign_in_as

METHODS_TO_SKIP = {"HEAD", "OPTIONS"}


def admin_urls(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and rule.endpoint not in OPEN_ENDPOINTS:
            values = dict.fromkeys(rule.arguments, 1)
            yield rule.endpoint, rule.build(values)[1], rule.methods - METHODS_TO_SKIP


def with_token(client, method, url):
    """Send a request that passes CSRF, so only the guard decides."""
    token = client.csrf_token("/staff/sign-in")
    return client.open(url, method=method, data={"csrf_token": token})


def test_there_are_guarded_admin_routes(app):
    assert len(list(admin_urls(app))) > 20, "the walk must cover the staff side"


def test_no_admin_route_is_open_without_sign_in(app, client):
    for endpoint, url, methods in admin_urls(app):
        for method in methods:
            response = with_token(client, method, url)
            assert response.status_code == 302, (endpoint, method)
            assert response.headers["Location"] == "/staff/sign-in", endpoint


def test_no_admin_change_is_made_without_a_csrf_token(app, client):
    for endpoint, url, methods in admin_urls(app):
        for method in methods - {"GET"}:
            assert client.open(url, method=method).status_code == 400, (endpoint, method)


def new_staff(app, email, role):
    with app.app_context():
        return create_staff(email, email.split("@")[0], "a long enough password", role).id


def test_the_password_alone_reaches_nothing(app, client, db_session):
    new_staff(app, "nomfa@example.org", "triager")
    client.submit(
        "/staff/sign-in", {"email": "nomfa@example.org", "password": "a long enough password"}
    )
    for endpoint, url, methods in admin_urls(app):
        for method in methods:
            assert with_token(client, method, url).status_code == 302, (endpoint, method)


def test_flask_login_cookie_alone_reaches_nothing(app, client, db_session):
    member_id = new_staff(app, "cookie@example.org", "administrator")
    with client.session_transaction() as session:
        session["_user_id"] = str(member_id)
        session["_fresh"] = True
    for endpoint, url, methods in admin_urls(app):
        for method in methods:
            assert with_token(client, method, url).status_code == 302, (endpoint, method)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_refused_what_it_may_not_open(app, db_session, role):
    client = app.test_client()
    member_id = new_staff(app, f"{role}@example.org", role)
    sign_in_as(app, client, member_id)
    refused = 0
    with app.app_context():
        views = dict(current_app.view_functions)
    for endpoint, url, methods in admin_urls(app):
        allowed = getattr(views[endpoint], "allowed_roles", None)
        if allowed is None or role in allowed:
            continue
        for method in methods:
            assert with_token(client, method, url).status_code == 403, (endpoint, method)
            refused += 1
    if role != "register_manager":
        assert refused, f"a {role} should be refused something"


def test_every_admin_view_names_its_roles_or_is_the_dashboard(app):
    """Only the dashboard (and the ways in) may be open to any signed-in role."""
    with app.app_context():
        views = dict(current_app.view_functions)
    unmarked = {
        endpoint
        for endpoint, _, _ in admin_urls(app)
        if getattr(views[endpoint], "allowed_roles", None) is None
    }
    assert unmarked <= {"admin.dashboard"}, unmarked


def test_signed_in_with_mfa_reaches_the_dashboard(app, client, db_session):
    sign_in_as(app, client, new_staff(app, "mfa@example.org", "triager"))
    assert client.get("/staff/").status_code == 200


def test_disabled_staff_are_signed_out(app, client, db_session):
    member_id = new_staff(app, "gone@example.org", "triager")
    sign_in_as(app, client, member_id)
    with app.app_context():
        db_session.get(StaffMember, member_id).is_active = False
        db_session.commit()
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
        sign_in_as(role_app, client, new_staff(role_app, "t@example.org", "triager"))
        assert client.get("/staff/test-settings").status_code == 403
        sign_in_as(role_app, client, new_staff(role_app, "a@example.org", "administrator"))
        assert client.get("/staff/test-settings").status_code == 200
