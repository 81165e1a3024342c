"""The staff dashboard and the audit log in Chromium: a register manager and an
administrator see their dashboards, the administrator searches the audit log by keyboard
alone; axe checks every page at 1280px and 320px, and screenshots of the dashboard are kept
to look at."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from portal.extensions import db
from portal.models import Referral
from portal.services import register as register_service

from .staff_login import staff_sign_in
from .test_referral import press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


def some_work(served_app):
    """People of every rating and requests waiting, so every chart has bars."""
    with served_app.app_context():
        for rating in ("RED", "AMBER", "AMBER", "GREEN", "BLUE"):
            register_service.new_entry(
                "staff:0",
                rating,
                "Rated at the register meeting.",
                first_name="Dash",
                last_name=f"Board{uuid4().hex[:6]}",
                date_of_birth=date(1990, 5, 1),
                consent_given_on=TODAY - timedelta(days=30),
            )
        for kind, days in (("register", 0), ("register", 30), ("review", 4)):
            db.session.add(
                Referral(
                    kind=kind,
                    reference=f"DASH-{uuid4().hex[:10]}",
                    status="new",
                    submitted_at=datetime.now(UTC) - timedelta(days=days),
                    requester_role="person",
                    first_name="Queue",
                    last_name="Waiting",
                    date_of_birth=date(1988, 1, 1),
                    postcode="LS1 4HR",
                    status_token_hash=uuid4().hex,
                )
            )
        db.session.commit()


def follow_link(tab, href, limit=250):
    """Tab to the link with exactly this address, and follow it with Enter."""
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("document.activeElement.getAttribute('href')") == href:
            with tab.page.expect_navigation():
                tab.page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached a link to {href!r}")


def choose_option(tab, element_id, value, limit=100):
    """Tab to a select and move through its options with the arrow keys."""
    press_tab_until(tab, element_id, limit=250)
    for _ in range(limit):
        if tab.page.locator(f"#{element_id}").input_value() == value:
            return
        tab.page.keyboard.press("ArrowDown")
    raise AssertionError(f"#{element_id} never reached {value!r}")


def test_dashboards_and_the_audit_log_at_both_widths(visit, served_app, viewport):
    tab = visit
    size = "desktop" if viewport["width"] > 400 else "320px"
    some_work(served_app)

    staff_sign_in(tab, served_app, "register_manager", axe=False)
    assert tab.page.locator("h1").inner_text() == "Dashboard"
    assert tab.page.locator("svg.portal-chart__svg[role=img]").count() == 3
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-dashboard-register-manager-{size}")
    for details in tab.page.locator("details.portal-chart__table").all():
        details.locator("summary").click()
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-dashboard-tables-open-{size}")

    tab.page.context.clear_cookies()
    staff_sign_in(tab, served_app, "administrator", axe=False)
    assert tab.page.locator("svg.portal-chart__svg").count() == 0
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-dashboard-administrator-{size}")
    for path, status in (
        ("/staff/audit", 200),
        ("/staff/audit?action=staff.signed_in&page=2", 200),
        ("/staff/audit?subject_id=abc&start-day=31&start-month=2&start-year=2026", 400),
    ):
        tab.goto(path, status=status)
        tab.axe()
        tab.reflows()
    tab.screenshot(f"staff-audit-log-error-{size}")


def test_the_register_managers_dashboard_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    some_work(served_app)
    staff_sign_in(tab, served_app, "register_manager")
    tab.axe()
    # The table under a chart opens from the keyboard, and its figures link to the register.
    for _ in range(100):
        tab.page.keyboard.press("Tab")
        focus = tab.focused()
        if focus["tag"] == "summary" and "People on the register by rating" in focus["text"]:
            break
    else:
        raise AssertionError("Tab never reached the ratings table")
    tab.page.keyboard.press("Enter")
    ratings = tab.page.locator("figure[aria-labelledby='chart-ratings-heading']")
    assert ratings.locator("details table").is_visible()
    tab.axe()
    follow_link(tab, "/staff/register?rating=RED")
    assert tab.page.locator("h1").is_visible()
    tab.axe()


def test_an_administrator_searches_the_audit_log_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    name = f"Ada {uuid4().hex[:6]}"
    staff_sign_in(tab, served_app, "administrator", name=name)
    tab.axe()
    follow_link(tab, "/staff/audit")
    tab.axe()
    choose_option(tab, "action", "staff.signed_in")
    press_tab_until(tab, "actor", limit=250)
    member = tab.page.locator("#actor option", has_text=name).get_attribute("value")
    tab.page.keyboard.type(name)  # a select finds the option by its first letters
    assert tab.page.locator("#actor").input_value() == member
    press_tab_until(tab, text="Search the audit log", limit=250)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert "action=staff.signed_in" in tab.page.url
    assert "Showing 1 to 1 of 1" in tab.page.locator("main").inner_text()
    row = tab.page.locator("table.portal-audit-table tbody tr").first
    assert name in row.inner_text()
    assert "staff.signed_in" in row.inner_text()
    tab.axe()

    # A wrong search keeps what was typed and says what to do.
    press_tab_until(tab, "subject_id", limit=250)
    tab.page.keyboard.type("abc")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.title().startswith("Error:")
    assert tab.page.locator("#subject_id").input_value() == "abc"
    tab.axe()
