"""The register in Chromium: a register manager searches, opens a record, changes the
rating and edits a field by keyboard alone; axe checks every register page at 1280px and
320px, and the filters work with JavaScript off."""

from datetime import date, timedelta
from uuid import uuid4

import pytest

from portal.extensions import db
from portal.models import RegisterEntry
from portal.services import register as register_service

from .staff_login import staff_sign_in
from .test_referral import pick, press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


def person(served_app, rating="AMBER", age=30, **extra):
    """Someone on the register with a surname nobody else in the shared database has."""
    # Letters only, as names are: a run of digits would read as a reference.
    surname = "Regtest" + uuid4().hex[:10].translate(str.maketrans("0123456789", "ghijklmnop"))
    with served_app.app_context():
        entry = register_service.new_entry(
            "staff:0",
            rating,
            "Rated at the register meeting.",
            first_name="Sam",
            last_name=surname.capitalize(),
            date_of_birth=TODAY.replace(year=TODAY.year - age) - timedelta(days=3),
            consent_given_on=TODAY - timedelta(days=20),
            setting="family_home",
            **extra,
        )
        db.session.commit()
        return entry.id, surname.capitalize()


def entry_values(served_app, entry_id):
    with served_app.app_context():
        entry = db.session.get(RegisterEntry, entry_id)
        return entry.rating, entry.next_review_on, entry.mental_health_diagnosis


def tab_to_link(tab, href_part, limit=250):
    """Press Tab until a link whose address contains href_part has focus."""
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


def test_a_register_manager_works_a_record_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    entry_id, surname = person(served_app, communication_needs="Easy read letters. Speak slowly.")
    staff_sign_in(tab, served_app, "register_manager")

    tab.goto("/staff/register")
    tab.axe()
    press_tab_until(tab, "q")
    tab.page.keyboard.type(surname.lower()[:12])
    press_button(tab, "Search")
    assert tab.page.locator("#results-count").inner_text().startswith("Showing 1 to 1 of 1")
    tab.axe()

    tab_to_link(tab, f"/staff/register/{entry_id}")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.locator("h1").inner_text().endswith(f"Sam {surname}")
    assert "Speak slowly." in tab.page.locator(".nhsuk-card--warning").inner_text()
    tab.axe()

    tab_to_link(tab, f"/staff/register/{entry_id}/rating")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.axe()
    press_button(tab, "Change rating")  # nothing chosen: the errors must pass axe too
    assert tab.page.title().startswith("Error: ")
    tab.axe()
    pick(tab, "rating")  # Red, the first choice
    press_tab_until(tab, "reason")
    tab.page.keyboard.type("Placement is breaking down.")
    press_button(tab, "Change rating")
    assert "Rating changed to Red" in tab.page.locator(".portal-flash").inner_text()
    assert entry_values(served_app, entry_id)[:2] == ("RED", TODAY + timedelta(days=7))
    tab.axe()

    tab_to_link(tab, f"/staff/register/{entry_id}/change/needs#mental_health_diagnosis")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.axe()
    press_tab_until(tab, "mental_health_diagnosis")
    tab.page.keyboard.type("Anxiety, treated by the community team.")
    press_button(tab, "Save")
    assert entry_values(served_app, entry_id)[2] == "Anxiety, treated by the community team."
    assert "Anxiety, treated by the community team." in tab.page.locator("main").inner_text()
    tab.axe()


def test_every_register_page_passes_axe_and_reflows(visit, served_app, viewport):
    tab = visit
    entry_id, surname = person(
        served_app, rating="RED", age=12, communication_needs="Needs an interpreter (Polish)."
    )
    for number in range(3):
        person(served_app, rating="GREEN", age=40 + number)
    staff_sign_in(tab, served_app, "register_manager")
    size = "desktop" if viewport["width"] > 400 else "320px"
    pages = [
        "/staff/register",
        "/staff/register?rating=RED&rating=BLUE&age=child&overdue=review&sort=review",
        f"/staff/register?q={surname}",
        f"/staff/register/{entry_id}",
        f"/staff/register/{entry_id}/rating",
        *(f"/staff/register/{entry_id}/change/{key}" for key in ("identity", "needs", "risks")),
        *(f"/staff/register/{entry_id}/change/{key}" for key in ("care", "wishes", "dates")),
        f"/staff/register/{entry_id}/change/support",
        f"/staff/register/{entry_id}/remove",
        "/staff/register/new",
        "/staff/register?view=removed",
    ]
    for path in pages:
        tab.goto(path)
        tab.axe()
        tab.reflows()
    tab.goto("/staff/register")
    tab.screenshot(f"staff-register-list-{size}")
    tab.goto(f"/staff/register/{entry_id}")
    tab.screenshot(f"staff-register-record-{size}")

    # Errors, the check before coming off, and the record kept as history.
    tab.goto("/staff/register/new")
    tab.page.get_by_role("button", name="Add to the register").click()
    tab.page.wait_for_selector(".nhsuk-error-summary")
    tab.axe()
    tab.reflows()
    tab.goto(f"/staff/register/{entry_id}/remove")
    tab.page.fill("#reason", "No longer at risk of admission.")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Continue").click()
    tab.axe()
    tab.reflows()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name=f"Take Sam {surname} off the register").click()
    assert "Came off the register" in tab.page.locator("main").inner_text()
    tab.axe()
    tab.reflows()


def test_the_filters_work_without_javascript(no_js_visit, served_app):
    tab = no_js_visit
    entry_id, surname = person(served_app, rating="BLUE")
    staff_sign_in(tab, served_app, "register_manager", axe=False)
    tab.goto("/staff/register")
    tab.page.fill("#q", surname)
    tab.page.check("#rating-2")  # Blue
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Search").click()
    assert "rating=BLUE" in tab.page.url
    links = tab.page.locator("tr.portal-register-row a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == f"/staff/register/{entry_id}"
    tab.reflows()
