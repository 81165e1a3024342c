"""The My CTR Planner in Chromium: every part by keyboard alone with axe on every page,
saving as you type, and every part again with JavaScript off at 320px."""

import pytest

from .test_referral import answer_page_by_keyboard, press_tab_until, walk_without_javascript
from .test_review import steps as review_steps

pytestmark = pytest.mark.browser
BASE = "/my-review-planner"

# Per page: what to type (text fields) and what to pick (radio or checkbox ids).
PAGES = {
    "before": {},
    "coordinator": {"type": {"name": "Priya Shah", "phone": "01632 960 111"}},
    "about_you": {
        "type": {
            "first_name": "Sam",
            "last_name": "Jones",
            "date_of_birth-day": "4",
            "date_of_birth-month": "3",
            "date_of_birth-year": "1990",
        }
    },
    "want": {"pick": ["want"]},
    "decider": {"pick": ["decider"]},
    "invite": {"type": {"family": "My sister Ann"}},
    "which_day": {"pick": ["day-2"]},
    "helps": {"type": {"helps": "A quiet room."}},
    "profile": {"type": {"important": "My dog Rex.", "support": "Give me time."}},
    "when": {"type": {"place": "Oak House"}},
    "safe": {"type": {"good": "Staff are kind."}},
    "care": {"type": {"better": "More time outside."}},
    "future": {"type": {"hopes": "Live near my sister."}},
    "community": {"pick": ["view"]},
    "questions": {"type": {"questions": "When can I go home?"}},
    "day": {"pick": ["wanted", "wanted-2"], "type": {"with_me": "Ann"}},
    "what_now": {"type": {"what_now": "Find me a home."}},
    "actions": {"type": {"actions-0-what": "Find a flat", "actions-0-who": "Priya"}},
}
PART_TITLES = (
    "Part 1: Before my review and giving my consent",
    "Part 2: My consent form",
    "Part 3: About me",
    "Part 4: Planning my review",
    "Part 5: On the day",
    "Part 6: After my review",
)


def start_by_keyboard(tab):
    tab.goto(BASE)
    tab.axe()
    press_tab_until(tab, text="Start a new planner")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("/your-link")
    tab.axe()
    code = tab.page.locator("#planner-code").inner_text()
    press_tab_until(tab, text="Go to my planner")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("/parts")
    return code


def fill_part_by_keyboard(tab, title):
    press_tab_until(tab, text=title, limit=250)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    while not tab.page.url.endswith("/parts"):
        key = tab.page.url.rsplit("/", 1)[1]
        assert key in PAGES, f"unexpected page {tab.page.url}"
        tab.axe()
        answer_page_by_keyboard(tab, PAGES[key], button="Save and continue")
    tab.axe()


def test_every_part_by_keyboard_alone(keyboard_visit):
    tab = keyboard_visit
    start_by_keyboard(tab)
    tab.axe()
    for title in PART_TITLES:
        fill_part_by_keyboard(tab, title)
    statuses = tab.page.locator(".nhsuk-task-list__status").all_inner_texts()
    assert [s.strip() for s in statuses] == ["Done"] * 6
    tab.screenshot("planner-parts-done")
    press_tab_until(tab, text="See my whole planner on one page", limit=250)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    text = tab.page.locator("main").inner_text()
    for answer in ("Priya Shah", "My dog Rex.", "When can I go home?", "Find a flat"):
        assert answer in text
    tab.axe()
    tab.screenshot("planner-whole")


def test_actions_pin_and_delete_by_keyboard(keyboard_visit):
    tab = keyboard_visit
    start_by_keyboard(tab)
    tab.goto(f"{BASE}/actions")
    tab.axe()
    press_tab_until(tab, "actions-0-what")
    tab.page.keyboard.type("Find a flat")
    press_tab_until(tab, text="Save and add another action")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.locator("fieldset.portal-action").count() == 2
    tab.axe()
    tab.screenshot("planner-actions")

    tab.goto(f"{BASE}/pin")
    tab.axe()
    answer_page_by_keyboard(tab, {"type": {"pin": "4826", "again": "4826"}}, "Save my PIN")
    assert tab.page.url.endswith("/parts")
    assert "Your PIN is saved." in tab.page.locator("main").inner_text()

    press_tab_until(tab, text="Delete my planner", limit=250)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.axe()
    press_tab_until(tab, text="Yes, delete my planner")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("/deleted")
    tab.axe()


def test_answers_are_saved_while_typing(keyboard_visit):
    tab = keyboard_visit
    start_by_keyboard(tab)
    tab.goto(f"{BASE}/profile")
    press_tab_until(tab, "important")
    with tab.page.expect_response(lambda r: r.request.method == "POST" and r.status == 204):
        tab.page.keyboard.type("I like trains")
    tab.page.locator("[data-autosave-status]").wait_for(state="visible")
    # Leave without pressing a button: the words are still there.
    tab.goto(f"{BASE}/parts")
    assert "In progress" in tab.page.locator(".nhsuk-task-list__status").nth(2).inner_text()
    tab.goto(f"{BASE}/profile")
    assert tab.page.locator("#important").input_value() == "I like trains"


def test_every_part_without_javascript_at_320px(no_js_visit):
    tab = no_js_visit
    tab.goto(BASE)
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Start a new planner").click()
    tab.reflows()
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="Go to my planner").click()
    tab.reflows()
    for title in PART_TITLES:
        with tab.page.expect_navigation():
            tab.page.get_by_role("link", name=title).click()
        while not tab.page.url.endswith("/parts"):
            key = tab.page.url.rsplit("/", 1)[1]
            for element_id in PAGES[key].get("pick", []):
                tab.page.check(f"#{element_id}")
            for element_id, text in PAGES[key].get("type", {}).items():
                tab.page.fill(f"#{element_id}", text)
            tab.reflows()  # axe runs on these pages in the tests with JavaScript
            tab.screenshot(f"planner-{key}-320")
            with tab.page.expect_navigation():
                tab.page.get_by_role("button", name="Save and continue").click()
    statuses = tab.page.locator(".nhsuk-task-list__status").all_inner_texts()
    assert [s.strip() for s in statuses] == ["Done"] * 6
    tab.reflows()
    tab.screenshot("planner-parts-320")
    link = tab.page.get_by_role("link", name="My planner with my answers (PDF)")
    response = tab.page.request.get(tab.base_url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert b"%PDF" in response.body()[:8]


@pytest.mark.parametrize("path", ["", "/open", "/planner-blank.pdf"])
def test_public_planner_pages(visit, path):
    if path.endswith(".pdf"):
        response = visit.page.request.get(visit.base_url + BASE + path)
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        return
    visit.goto(BASE + path)
    visit.axe()
    visit.reflows()


def click(tab, role, name):
    with tab.page.expect_navigation():
        tab.page.get_by_role(role, name=name).click()


def checked(tab):
    """axe, and no sideways scrolling at this width."""
    tab.axe()
    tab.reflows()


def test_linked_planner_sharing_pin_and_every_page_pass_axe(visit, viewport):
    tab = visit
    tab.goto("/ask-for-a-review")
    walk_without_javascript(tab, review_steps("person", 30))
    click(tab, "button", "Send")
    click(tab, "button", "Start a planner for this review")
    checked(tab)
    click(tab, "link", "Go to my planner")
    assert "linked to your request REV-" in tab.page.locator("main").inner_text()
    checked(tab)
    for key in PAGES:
        tab.goto(f"{BASE}/{key}")
        checked(tab)
    tab.goto(f"{BASE}/coordinator")
    tab.page.fill("#email", "not an email")
    click(tab, "button", "Save and continue")
    assert tab.page.title().startswith("Error: ")
    checked(tab)

    tab.goto(f"{BASE}/parts")
    click(tab, "link", "Share my planner with the chair")
    checked(tab)
    for box in tab.page.locator("input[name=parts]").all():
        box.uncheck()
    click(tab, "button", "Continue")
    assert tab.page.title().startswith("Error: ")
    checked(tab)
    tab.page.check("#parts-3")
    click(tab, "button", "Continue")
    assert "Part 3: About me" in tab.page.locator("main").inner_text()
    checked(tab)
    tab.screenshot(f"planner-share-check-{viewport['width']}")
    click(tab, "button", "Share this with the chair")
    assert "You have shared your planner" in tab.page.locator("main").inner_text()
    checked(tab)

    for path in ("/my-planner", "/link", "/delete", "/pin"):
        tab.goto(BASE + path)
        checked(tab)
    tab.page.fill("#pin", "4826")
    tab.page.fill("#again", "4826")
    click(tab, "button", "Save my PIN")
    tab.page.wait_for_url("**/parts")
    assert "Your PIN is saved." in tab.page.locator("main").inner_text()
    # The browser is closed: only the long-lived planner cookie is left.
    kept = [c for c in tab.page.context.cookies() if c["name"] == "planner"]
    assert kept, tab.page.context.cookies()
    tab.page.context.clear_cookies()
    tab.page.context.add_cookies(kept)
    tab.goto(BASE)
    checked(tab)
    assert "saved on this device" in tab.page.locator("main").inner_text(), (
        tab.page.url,
        tab.page.context.cookies(),
        kept,
    )
    click(tab, "link", "Open the planner saved on this device")
    checked(tab)
    tab.page.fill("#pin", "1111")
    click(tab, "button", "Open my planner")
    assert tab.page.title().startswith("Error: ")
    checked(tab)
    tab.page.fill("#pin", "4826")
    click(tab, "button", "Open my planner")
    assert tab.page.url.endswith("/parts")
    click(tab, "button", "Close my planner on this device")
    checked(tab)
