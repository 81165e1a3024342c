"""The review feedback form in Chromium: from the start page by keyboard alone with axe on
every page and error state, and the whole form again with JavaScript off at 320px."""

from datetime import date, timedelta

import pytest

from .test_referral import (
    answer_page_by_keyboard,
    press_tab_until,
    try_empty_first,
    walk_without_javascript,
)

pytestmark = pytest.mark.browser
BASE = "/feedback"
REVIEWED = date.today() - timedelta(days=30)
# Pages that must be answered: pressing Continue on them empty must explain what is missing.
REQUIRED = {"role", "before", "reply", "reply_email", "reply_post"}


def steps(tell_us="yes", reply="email"):
    """Per page: what to type (text fields) and what to pick (radio ids)."""
    return {
        "role": {"pick": ["role-5"]},  # on the review panel
        "before": {"pick": ["enough-2"], "type": {"more": "The papers came late."}},
        "on_the_day": {"type": {"on_the_day": "People listened to me."}},
        "better": {"type": {"better": "A quieter room."}},
        "difference": {},
        "anything_else": {},
        "identity": {"pick": ["tell_us-2"]} if tell_us == "yes" else {},
        "name": {"type": {"name": "Pat Parent"}},
        "review_date": {
            "type": {
                "review_date-day": str(REVIEWED.day),
                "review_date-month": str(REVIEWED.month),
                "review_date-year": str(REVIEWED.year),
            }
        },
        "reply": {"pick": [{"email": "reply_by", "post": "reply_by-3"}[reply]]},
        "reply_email": {"type": {"email": "pat@example.org"}},
        "reply_post": {"type": {"address": "1 High Street\nLeeds LS1 4HR"}},
    }


@pytest.mark.parametrize("tell_us", ["yes", "no"])
def test_feedback_by_keyboard_from_the_start_page_with_axe_everywhere(keyboard_visit, tell_us):
    tab = keyboard_visit
    tab.goto("/")
    answer_page_by_keyboard(tab, {"pick": ["goal-5"]})  # "Tell us what a review was like"
    assert tab.page.url.endswith(BASE)
    tab.axe()
    press_tab_until(tab, text="Start now")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    pages, seen = steps(tell_us), []
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        assert key in pages and key not in seen, f"unexpected or repeated page {key}"
        seen.append(key)
        tab.axe()
        if key == "identity":
            assert tab.page.is_checked("#tell_us"), "anonymous is already chosen"
            tab.screenshot(f"feedback-identity-{tell_us}")
        if tell_us == "yes" and key in REQUIRED:
            assert try_empty_first(tab), f"{key}: an empty page was accepted"
        answer_page_by_keyboard(tab, pages[key])
    assert ("name" in seen) == (tell_us == "yes")
    tab.axe()
    summary = tab.page.locator("main").inner_text()
    assert ("Pat Parent" in summary) == (tell_us == "yes")
    press_tab_until(tab, text="Send")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith(f"{BASE}/confirmation")
    assert tab.page.locator("h1").inner_text() == "Thank you"
    tab.axe()
    tab.screenshot(f"feedback-confirmation-{tell_us}")


def test_an_answer_too_long_is_explained_and_passes_axe(visit, viewport):
    visit.goto(BASE)
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Start now").click()
    visit.page.get_by_label("I was on the review panel").check()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    visit.page.get_by_label("Yes").check()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    visit.page.fill("#on_the_day", "It was long. " * 462)
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    assert visit.page.title().startswith("Error: ")
    errors = visit.page.locator(".nhsuk-error-summary a").all_inner_texts()
    assert errors == ["What it was like on the day must be 5000 characters or fewer"]
    assert len(visit.page.input_value("#on_the_day")) > 6000, "what was typed is kept"
    visit.axe()
    visit.reflows()
    visit.screenshot(f"feedback-too-long-{viewport['width']}")


def test_the_whole_form_works_without_javascript(no_js_visit):
    tab = no_js_visit
    tab.goto(BASE)
    tab.reflows()
    tab.screenshot("feedback-start-320")
    walk_without_javascript(tab, steps(tell_us="yes", reply="post"))
    text = tab.page.locator("main").inner_text()
    assert "1 High Street" in text and "By post" in text
    tab.reflows()
    tab.screenshot("feedback-check-answers-320")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Send").click()
    assert tab.page.locator("h1").inner_text() == "Thank you"
    tab.reflows()
    tab.screenshot("feedback-confirmation-320")
