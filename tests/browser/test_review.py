"""Asking for a review in Chromium: by keyboard with axe on every page, and without
JavaScript."""

from datetime import date, timedelta

import pytest

from .test_referral import (
    answer_page_by_keyboard,
    press_tab_until,
    try_empty_first,
    walk_without_javascript,
)

pytestmark = pytest.mark.browser
BASE = "/ask-for-a-review"
ADMITTED = date.today() - timedelta(days=5)


def steps(role, age):
    year = str(date.today().year - age - 1)
    return {
        "who": {"pick": [{"person": "role", "parent": "role-2", "commissioner": "role-6"}[role]]},
        "you": {
            "type": {
                "name": "Alex Carer",
                "relationship": "Commissioner",
                "email": "alex@example.org",
            }
        },
        "known": {},
        "person": {
            "type": {
                "first_name": "Sam",
                "last_name": "Jones",
                "date_of_birth-day": "1",
                "date_of_birth-month": "1",
                "date_of_birth-year": year,
            }
        },
        "address": {"type": {"line1": "1 High Street", "town": "Leeds", "postcode": "LS1 4HR"}},
        "contact": {"pick": ["ways"], "type": {"phone": "01632 960 123"}},
        "communication": {"pick": ["needs"]},
        "diagnosis": {"pick": ["diagnosis-3"]},
        "education": {"pick": ["support"]},
        "where": {"pick": ["where-2"]},
        "hospital": {
            "pick": ["secure-2", "moved"],
            "type": {
                "hospital": "Riverside Unit",
                "admitted-day": str(ADMITTED.day),
                "admitted-month": str(ADMITTED.month),
                "admitted-year": str(ADMITTED.year),
            },
        },
        "history": {"pick": ["community_review-2", "reviewed_since-2"]},
        "why": {"pick": ["reasons-3"]},
        "consent": {"pick": ["agree"], "type": {}},
        "child_view": {"pick": ["view"]},
        "invite": {"pick": ["day-2"]},
    }


@pytest.mark.parametrize(("role", "age"), [("parent", 15), ("commissioner", 40)])
def test_a_review_request_by_keyboard_with_axe_everywhere(keyboard_visit, role, age):
    tab = keyboard_visit
    tab.goto(BASE)
    tab.axe()
    press_tab_until(tab, text="Start now")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    pages, seen = steps(role, age), []
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        assert key not in seen, f"stuck on {key}"
        seen.append(key)
        tab.axe()
        if role == "parent" and key != "known":  # "known" is optional: empty is fine
            assert try_empty_first(tab), f"{key}: an empty page was accepted"
        answer_page_by_keyboard(tab, pages[key])
    tab.axe()
    press_tab_until(tab, text="Send")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.axe()
    text = tab.page.locator("main").inner_text()
    due = ADMITTED + timedelta(weeks=2 if age < 18 else 4)
    assert f"{due.day} {due.strftime('%B')} {due.year}" in text
    assert ("CETR" in text) == (age < 18)
    tab.screenshot(f"review-confirmation-{role}")


def test_a_review_request_without_javascript(no_js_visit):
    tab = no_js_visit
    tab.goto(BASE)
    walk_without_javascript(tab, steps("person", 30))
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Send").click()
    assert "REV-" in tab.page.locator(".portal-reference").inner_text()
    tab.reflows()
    tab.screenshot("review-confirmation-320")
