"""The foundation's pages in a real browser: axe, reflow, keyboard and no-JavaScript."""

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "start": "/",
    "accessibility": "/accessibility",
    "privacy": "/privacy",
    "contact": "/contact",
    "credits": "/credits",
    "coming-soon": "/ask-to-join-the-register",
    "staff-sign-in": "/staff/sign-in",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations_and_reflows(visit, viewport, name):
    visit.goto(PAGES[name])
    visit.axe()
    visit.reflows()
    visit.screenshot(f"{name}-{viewport['width']}")


@pytest.mark.parametrize("name", PAGES)
def test_page_works_without_javascript(no_js_visit, name):
    no_js_visit.goto(PAGES[name])
    main = no_js_visit.page.locator("main")
    assert main.is_visible() and main.locator("h1").count() == 1
    assert no_js_visit.page.get_by_text("Need help now?").first.is_visible()
    no_js_visit.reflows()


def test_not_found_page_passes_axe(visit):
    visit.goto("/no-such-page", status=404)
    visit.axe()
    visit.reflows()


def test_start_error_state_passes_axe_and_focuses_the_summary(visit, viewport):
    visit.goto("/")
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    visit.page.wait_for_url("**/")
    summary = visit.page.locator(".nhsuk-error-summary")
    assert summary.is_visible()
    assert visit.page.title().startswith("Error: ")
    # NHS.UK frontend moves focus to the summary so screen readers announce it.
    assert visit.focused()["tag"] == "div"
    visit.axe()
    visit.reflows()
    visit.screenshot(f"start-error-{viewport['width']}")


def test_skip_link_is_first_and_moves_to_the_main_content(keyboard_visit):
    tab = keyboard_visit
    tab.goto("/")
    tab.page.keyboard.press("Tab")
    first = tab.focused()
    assert first["tag"] == "a" and first["text"] == "Skip to main content"
    assert tab.page.locator(".nhsuk-skip-link").is_visible(), "skip link shows when focused"
    tab.page.keyboard.press("Enter")
    assert tab.focused()["id"] == "maincontent"


def tab_to(tab, predicate, limit=60):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if predicate(tab.focused()):
            return tab.focused()
    raise AssertionError("could not reach the control by pressing Tab")


def test_start_journey_by_keyboard_alone(keyboard_visit):
    tab = keyboard_visit
    tab.goto("/")
    # Tab reaches the radios; arrow keys move through them, as in any radio group.
    tab_to(tab, lambda f: f["name"] == "goal")
    tab.page.keyboard.press("Space")
    tab.page.keyboard.press("ArrowDown")
    assert tab.focused()["id"] == "goal-2"
    tab_to(tab, lambda f: f["tag"] == "button" and f["text"] == "Continue")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/ask-for-a-review")
    assert tab.page.locator("h1").inner_text() == "Ask for a Care and Treatment Review"
    tab.axe()


def test_start_journey_by_keyboard_shows_an_error_then_recovers(keyboard_visit):
    tab = keyboard_visit
    tab.goto("/")
    tab_to(tab, lambda f: f["tag"] == "button" and f["text"] == "Continue")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_selector(".nhsuk-error-summary")
    # From the summary, the error link takes keyboard users to the first radio.
    tab_to(tab, lambda f: f["tag"] == "a" and f["text"] == "Select what you want to do")
    tab.page.keyboard.press("Enter")
    assert tab.focused()["id"] == "goal"
    tab.page.keyboard.press("Space")
    tab_to(tab, lambda f: f["tag"] == "button" and f["text"] == "Continue")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/ask-to-join-the-register")


def test_start_journey_without_javascript(no_js_visit):
    tab = no_js_visit
    tab.goto("/")
    assert "js-enabled" not in (tab.page.locator("body").get_attribute("class") or "")
    tab.page.get_by_label("Fill in my review planner").check()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Continue").click()
    tab.page.wait_for_url("**/my-review-planner")
    assert tab.page.locator("h1").inner_text() == "My review planner"
    tab.reflows()
    tab.screenshot("no-js-planner-320")


def test_every_footer_link_leads_to_a_real_page(keyboard_visit):
    tab = keyboard_visit
    tab.goto("/")
    hrefs = tab.page.locator("footer a").evaluate_all("links => links.map(a => a.pathname)")
    for href in hrefs:
        tab.goto(href)
        tab.axe()
