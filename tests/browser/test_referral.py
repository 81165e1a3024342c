"""Asking to go on the register in Chromium: every role by keyboard alone, with axe on
every page and error state, and the whole journey again with JavaScript off."""

from datetime import date

import pytest

pytestmark = pytest.mark.browser
BASE = "/ask-to-join-the-register"


def born(age):
    today = date.today()
    return {
        "date_of_birth-day": "1",
        "date_of_birth-month": "1",
        "date_of_birth-year": str(today.year - age - 1),
    }


def steps(role, age, agree="yes"):
    """Per page: what to type (text fields) and what to pick (radio or checkbox ids)."""
    return {
        "who": {
            "pick": [
                {
                    "person": "role",
                    "parent": "role-2",
                    "family": "role-3",
                    "advocate": "role-4",
                    "professional": "role-5",
                }[role]
            ]
        },
        "you": {
            "type": {"name": "Alex Carer", "relationship": "Aunt", "email": "alex@example.org"}
        },
        "person": {"type": {"first_name": "Sam", "last_name": "Jones", **born(age)}},
        "address": {"type": {"line1": "1 High Street", "town": "Leeds", "postcode": "LS1 4HR"}},
        "contact": {"pick": ["ways"], "type": {"phone": "01632 960 123"}},
        "communication": {"pick": ["needs"]},
        "diagnosis": {"pick": ["diagnosis-3"]},
        "living": {"pick": ["setting"]},
        "risks": {"pick": ["reasons"], "type": {"more": "Things have been hard."}},
        "support": {"pick": ["supporters-7"]},
        "help": {"type": {"what_would_help": "Someone to talk to."}},
        "consent": {
            "pick": [{"yes": "agree", "cannot_decide": "agree-3"}[agree]],
            "type": {"parent_name": "Pat Parent"} if role == "professional" and age < 16 else {},
        },
        "child_view": {"pick": ["view"]},
    }


def press_tab_until(tab, element_id=None, text=None, limit=150):
    """Press Tab until the control with this id (or these words) has focus."""
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        focus = tab.focused()
        if (element_id and focus["id"] == element_id) or (text and focus["text"] == text):
            return
    raise AssertionError(f"Tab never reached {element_id or text!r}")


def pick(tab, element_id):
    """Choose a radio or checkbox by keyboard: Tab to its group, arrows within a radio group."""
    kind = tab.page.locator(f"#{element_id}").get_attribute("type")
    if kind == "checkbox":
        press_tab_until(tab, element_id)
        tab.page.keyboard.press("Space")
        return
    name = tab.page.locator(f"#{element_id}").get_attribute("name")
    for _ in range(120):
        tab.page.keyboard.press("Tab")
        if tab.focused()["name"] == name:
            break
    for _ in range(10):
        if tab.focused()["id"] == element_id:
            break
        tab.page.keyboard.press("ArrowDown")
    tab.page.keyboard.press("Space")
    assert tab.page.locator(f"#{element_id}").is_checked()


def answer_page_by_keyboard(tab, answers, button="Continue"):
    for element_id in answers.get("pick", []):
        pick(tab, element_id)
    for element_id, text in answers.get("type", {}).items():
        press_tab_until(tab, element_id)
        tab.page.keyboard.type(text)
    for _ in range(120):
        tab.page.keyboard.press("Tab")
        focus = tab.focused()
        if focus["tag"] == "button" and focus["text"] == button:
            break
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def try_empty_first(tab):
    """Press Continue on the empty page: a page with required questions must explain
    what is missing, and that error state must pass axe too."""
    with tab.page.expect_navigation():
        with tab.page.expect_navigation():
            tab.page.get_by_role("button", name="Continue").click()
    if tab.page.locator(".nhsuk-error-summary").count():
        assert tab.page.title().startswith("Error: ")
        tab.axe()
        return True
    tab.page.go_back()
    return False


def walk_by_keyboard(tab, role, age, agree="yes", check_errors=False):
    tab.goto(BASE)
    tab.axe()
    press_tab_until(tab, text="Start now")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    pages = steps(role, age, agree)
    seen = []
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        assert key in pages, f"unexpected page {tab.page.url}"
        assert key not in seen, (
            f"stuck on {key}: {tab.page.locator('.nhsuk-error-summary').all_inner_texts()}"
        )
        seen.append(key)
        tab.axe()
        if check_errors and key not in ("support", "help"):
            assert try_empty_first(tab), f"{key}: an empty page was accepted"
        answer_page_by_keyboard(tab, pages[key])
    tab.axe()
    press_tab_until(tab, text="Send")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("/confirmation")
    tab.axe()
    return seen


@pytest.mark.parametrize(
    ("role", "age", "agree"),
    [
        ("person", 30, "yes"),
        ("parent", 12, "yes"),
        ("family", 17, "yes"),
        ("advocate", 45, "cannot_decide"),
        ("professional", 9, "yes"),
    ],
)
def test_each_role_completes_the_journey_by_keyboard(keyboard_visit, role, age, agree):
    seen = walk_by_keyboard(keyboard_visit, role, age, agree, check_errors=role == "parent")
    assert ("you" in seen) == (role != "person")
    assert ("child_view" in seen) == (age < 16)
    panel = keyboard_visit.page.locator(".nhsuk-panel").inner_text()
    assert "DSR-" in panel
    keyboard_visit.screenshot(f"referral-confirmation-{role}")
    if role == "person":
        check_status_pages(keyboard_visit)


def check_status_pages(tab):
    """The private link, the status page and the withdraw page, each checked by axe."""
    link = tab.page.locator(".portal-private-link").get_attribute("href")
    tab.page.goto(link)
    tab.axe()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Open my request").click()
    assert "Your request" in tab.page.locator("h1").inner_text()
    tab.axe()
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="Withdraw consent").click()
    tab.axe()
    tab.reflows()


def test_error_states_pass_axe(visit, viewport):
    visit.goto(BASE)
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Start now").click()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    assert visit.page.title().startswith("Error: ")
    visit.axe()
    visit.page.get_by_label("I am asking for myself").check()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    visit.page.fill("#date_of_birth-day", "31")
    visit.page.fill("#date_of_birth-month", "2")
    visit.page.fill("#date_of_birth-year", "2001")
    visit.page.fill("#nhs_number", "943 476 5918")
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    errors = visit.page.locator(".nhsuk-error-summary a").all_inner_texts()
    assert "Date of birth must be a real date" in errors
    visit.axe()
    visit.reflows()
    visit.screenshot(f"referral-person-errors-{viewport['width']}")


def walk_without_javascript(tab, pages):
    """From the start page to check answers, clicking and typing, with JavaScript off."""
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Start now").click()
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        for element_id in pages[key].get("pick", []):
            tab.page.check(f"#{element_id}")
        for element_id, text in pages[key].get("type", {}).items():
            tab.page.fill(f"#{element_id}", text)
        tab.reflows()
        with tab.page.expect_navigation():
            tab.page.get_by_role("button", name="Continue").click()


def test_the_whole_journey_works_without_javascript(no_js_visit):
    tab = no_js_visit
    tab.goto(BASE)
    walk_without_javascript(tab, steps("parent", 12))
    tab.screenshot("referral-check-answers-320")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Send").click()
    reference = tab.page.locator(".portal-reference").inner_text()
    tab.screenshot("referral-confirmation-320")
    # Check the request and withdraw consent, still without JavaScript.
    tab.goto("/my-request")
    tab.page.fill("#reference", reference)
    tab.page.fill("#date_of_birth-day", "1")
    tab.page.fill("#date_of_birth-month", "1")
    tab.page.fill("#date_of_birth-year", str(date.today().year - 13))
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Continue").click()
    assert "Your request" in tab.page.locator("h1").inner_text()
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="Withdraw consent").click()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Withdraw consent").click()
    assert "Consent was withdrawn" in tab.page.locator("main").inner_text()
    tab.screenshot("status-withdrawn-320")


def test_saving_declining_and_status_pages_pass_axe(visit):
    visit.goto(BASE)
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Start now").click()
    visit.page.get_by_label("I am asking for myself").check()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Save and come back later").click()
    assert "/saved" in visit.page.url
    visit.axe()
    visit.reflows()
    visit.goto(f"{BASE}/not-sending")
    assert "You said no" in visit.page.locator("h1").inner_text()
    visit.axe()
    visit.reflows()
    visit.goto(f"{BASE}/resume")
    visit.axe()
    visit.goto("/my-request")
    visit.axe()
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Continue").click()
    visit.axe()
    visit.goto(f"{BASE}/not-sent")
    visit.axe()
