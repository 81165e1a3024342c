"""The feedback inbox and the local area settings in Chromium: a register manager opens
feedback and marks it read, an administrator changes the crisis line, both by keyboard
alone; axe checks every page at 1280px and 320px."""

from datetime import date, timedelta
from uuid import uuid4

import pytest

from portal.extensions import db
from portal.models import AreaSettings, Feedback
from portal.services import area as area_service

from .staff_login import staff_sign_in
from .test_referral import press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


def feedback(served_app, **fields):
    values = {
        "received_on": TODAY,
        "role": "advocate",
        "anonymous": True,
        "answers": {
            "enough_help": "yes",
            "on_the_day": "Everyone listened.\nThe room was too hot.",
            "difference": "A new plan.",
        },
        **fields,
    }
    with served_app.app_context():
        row = Feedback(**values)
        db.session.add(row)
        db.session.commit()
        return row.id


def status_of(served_app, feedback_id):
    with served_app.app_context():
        return db.session.get(Feedback, feedback_id).status


@pytest.fixture
def settings_restored(served_app):
    """The browser database is shared: put the area's settings back as they were."""
    with served_app.app_context():
        row = db.session.get(AreaSettings, area_service.SETTINGS_ID)
        before = {name: getattr(row, name) for name in area_service.FIELDS} if row else None
    yield
    with served_app.app_context():
        row = db.session.get(AreaSettings, area_service.SETTINGS_ID)
        if before is None and row is not None:
            db.session.delete(row)
        elif before is not None:
            for name, value in before.items():
                setattr(row, name, value)
        db.session.commit()


def tab_to_link(tab, href_part, limit=250):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        href = tab.page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href_part in href:
            return
    raise AssertionError(f"Tab never reached a link to {href_part!r}")


def press_button(tab, text):
    press_tab_until(tab, text=text, limit=250)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def replace_text(tab, element_id, text):
    press_tab_until(tab, element_id, limit=250)
    tab.page.keyboard.press("ControlOrMeta+A")
    tab.page.keyboard.type(text)


def test_a_register_manager_reads_feedback_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    name = f"Pat {uuid4().hex[:8]}"
    feedback_id = feedback(
        served_app,
        anonymous=False,
        name=name,
        review_date=TODAY - timedelta(days=20),
        reply_by="email",
        reply_to="pat@example.org",
    )
    staff_sign_in(tab, served_app, "register_manager")
    tab.goto("/staff/feedback")
    tab.axe()
    tab_to_link(tab, f"/staff/feedback/{feedback_id}")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    main = tab.page.locator("main").inner_text()
    assert name in main and "pat@example.org" in main and "The room was too hot." in main
    assert status_of(served_app, feedback_id) == "new"  # looking changes nothing
    tab.axe()
    press_button(tab, "Mark as read")
    assert "Marked as read" in tab.page.locator(".portal-flash").inner_text()
    assert status_of(served_app, feedback_id) == "read"
    tab.axe()
    press_button(tab, "Mark as replied")
    assert status_of(served_app, feedback_id) == "replied"
    tab.axe()


def test_an_administrator_changes_the_crisis_line_by_keyboard(
    keyboard_visit, served_app, settings_restored
):
    tab = keyboard_visit
    line = f"Crisis Line {uuid4().hex[:6]}"
    staff_sign_in(tab, served_app, "administrator")
    tab.goto("/staff/settings")
    tab.axe()
    replace_text(tab, "crisis_line_name", line)
    replace_text(tab, "crisis_line_phone", "0800 183 1485")
    replace_text(tab, "referral_response_days", "0")
    press_button(tab, "Save settings")
    assert tab.page.title().startswith("Error: ")
    assert tab.page.locator("#crisis_line_name").input_value() == line
    tab.axe()
    replace_text(tab, "referral_response_days", "10")
    press_button(tab, "Save settings")
    assert "Settings saved" in tab.page.locator(".portal-flash").inner_text()
    tab.axe()
    tab.goto("/")
    crisis = tab.page.locator(".portal-crisis-list").inner_text()
    assert line in crisis and "0800 183 1485" in crisis


def test_every_page_passes_axe_and_reflows(visit, served_app, viewport, settings_restored):
    tab = visit
    size = "desktop" if viewport["width"] > 400 else "320px"
    anonymous = feedback(served_app)
    named = feedback(
        served_app,
        anonymous=False,
        name="Sam Example",
        reply_by="post",
        reply_to="1 High Street\nLeeds\nLS1 4HR",
        status="read",
    )
    staff_sign_in(tab, served_app, "register_manager", axe=False)
    for path in (
        "/staff/feedback",
        "/staff/feedback?status=read",
        "/staff/feedback?status=replied&page=99",
        f"/staff/feedback/{anonymous}",
        f"/staff/feedback/{named}",
    ):
        tab.goto(path)
        tab.axe()
        tab.reflows()
    tab.screenshot(f"staff-feedback-item-{size}")
    tab.goto("/staff/feedback")
    tab.screenshot(f"staff-feedback-list-{size}")

    tab.page.context.clear_cookies()
    staff_sign_in(tab, served_app, "administrator", axe=False)
    tab.goto("/staff/settings")
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-settings-{size}")
    tab.page.fill("#contact_email", "not an email")
    tab.page.fill("#review_days_red", "400")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Save settings").click()
    assert tab.page.title().startswith("Error: ")
    tab.axe()
    tab.reflows()
