"""Staff sign in by keyboard alone in Chromium: a wrong password, then the password, setting
up the authenticator app from the key shown on the page, the dashboard, and signing out;
axe checks every page at 1280px and 320px."""

import uuid

import pyotp
import pytest

from portal.extensions import db
from portal.models import StaffMember
from portal.services.staff import create_staff

from .staff_login import PASSWORD, staff_sign_in, type_into
from .test_referral import pick, press_tab_until

pytestmark = pytest.mark.browser


def check_page(tab, title=""):
    assert tab.page.title().startswith(title), tab.page.title()
    tab.axe()
    tab.reflows()


def submit_by_keyboard(tab, button):
    press_tab_until(tab, text=button)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def test_first_sign_in_sets_up_the_app_then_signs_out(visit, served_app, viewport):
    email = f"first-{uuid.uuid4().hex[:10]}@example.org"
    with served_app.app_context():
        member_id = create_staff(email, "Fran First", PASSWORD, "triager").id

    visit.goto("/staff/sign-in")
    check_page(visit, "Staff sign in")
    type_into(visit, "email", email)
    type_into(visit, "password", "not the right password")
    submit_by_keyboard(visit, "Sign in")
    check_page(visit, "Error: Staff sign in")
    assert "Enter a correct email address and password" in visit.page.inner_text("main")
    assert visit.page.input_value("#email") == email
    assert visit.page.input_value("#password") == ""

    type_into(visit, "password", PASSWORD)
    submit_by_keyboard(visit, "Sign in")
    assert visit.page.url.endswith("/staff/set-up-authenticator")
    check_page(visit, "Set up your authenticator app")
    qr = visit.page.locator("svg.portal-qr")
    assert qr.get_attribute("role") == "img" and qr.get_attribute("aria-label")
    visit.screenshot(f"staff-set-up-authenticator-{viewport['width']}")
    # As someone without a camera would: type the key shown on the page into the app.
    key = visit.page.inner_text("#totp-key").replace(" ", "")
    with served_app.app_context():
        assert db.session.get(StaffMember, member_id).totp_secret == key

    type_into(visit, "code", "000000")
    submit_by_keyboard(visit, "Continue")
    check_page(visit, "Error: Set up your authenticator app")
    type_into(visit, "code", pyotp.TOTP(key).now())
    submit_by_keyboard(visit, "Continue")
    assert visit.page.url.endswith("/staff/")
    check_page(visit)  # the dashboard is built elsewhere
    assert "Signed in as Fran First" in visit.page.inner_text("body")

    submit_by_keyboard(visit, "Sign out")
    assert visit.page.url.endswith("/staff/signed-out")
    check_page(visit, "You have signed out")
    visit.goto("/staff/")
    assert visit.page.url.endswith("/staff/sign-in")


def test_an_administrator_invites_someone_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    member_id = staff_sign_in(tab, served_app, "administrator")
    assert tab.page.url.endswith("/staff/")
    press_tab_until(tab, text="Staff")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    check_page(tab, "Staff")
    assert tab.page.locator(f"a[href$='/staff-members/{member_id}']").count() == 1
    press_tab_until(tab, text="Invite a staff member")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    check_page(tab, "Invite a staff member")
    email = f"invited-{uuid.uuid4().hex[:10]}@example.org"
    type_into(tab, "name", "Ivy Invited")
    type_into(tab, "email", email)
    pick(tab, tab.page.locator("input[name=role][value=triager]").get_attribute("id"))
    submit_by_keyboard(tab, "Send invitation")
    check_page(tab, "Ivy Invited")
    tab.screenshot("staff-invited-member")
    link = tab.page.inner_text("main code")
    assert "/staff/invite?code=" in link

    # The invited person, in their own browser, by keyboard.
    tab.page.context.clear_cookies()
    tab.page.goto(link)
    check_page(tab, "Accept your invitation")
    submit_by_keyboard(tab, "Continue")
    check_page(tab, "Choose a password")
    type_into(tab, "password", "violet kettle marathon")
    type_into(tab, "confirm", "violet kettle marathon")
    submit_by_keyboard(tab, "Continue")
    check_page(tab, "Set up your authenticator app")
    key = tab.page.inner_text("#totp-key").replace(" ", "")
    type_into(tab, "code", pyotp.TOTP(key).now())
    submit_by_keyboard(tab, "Continue")
    assert tab.page.url.endswith("/staff/")
    check_page(tab)
    assert "Signed in as Ivy Invited" in tab.page.inner_text("body")
