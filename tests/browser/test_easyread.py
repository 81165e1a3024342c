"""The explanation pages in Chromium: axe in both versions and widths, listening by
keyboard, the page without JavaScript, and print."""

import re

import pytest
from playwright.sync_api import expect

from portal.easyread import content

pytestmark = pytest.mark.browser

PATHS = ["/about/", "/about/words-we-use"] + [f"/about/{p.slug}" for p in content.PAGES]


def shot_name(path, suffix):
    name = path.strip("/").removeprefix("about").strip("/").replace("/", "-")
    return "about-" + (name or "index") + suffix


@pytest.mark.parametrize("path", PATHS)
def test_explanation_has_no_axe_violations_and_reflows(visit, viewport, path):
    visit.goto(path)
    visit.axe()
    visit.reflows()
    visit.screenshot(shot_name(path, f"-{viewport['width']}"))


@pytest.mark.parametrize("path", PATHS[1:])
def test_standard_version_has_no_axe_violations_and_reflows(visit, viewport, path):
    visit.goto(path + "?version=standard")
    visit.axe()
    visit.reflows()
    if path.endswith(content.PAGES[0].slug):
        visit.screenshot(shot_name(path, f"-standard-{viewport['width']}"))


def test_a_row_is_read_aloud_and_highlighted_by_keyboard(keyboard_visit):
    tab = keyboard_visit
    tab.goto(f"/about/{content.PAGES[0].slug}")
    first_row = tab.page.locator(".er-row").first
    button = first_row.locator(".er-row__listen")
    assert button.inner_text() == "Listen"
    for _ in range(80):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("document.activeElement.classList.contains('er-row__listen')"):
            break
    tab.page.keyboard.press("Enter")
    assert "er-row--reading" in first_row.get_attribute("class")
    assert button.inner_text() == "Stop"
    assert button.get_attribute("aria-describedby") == "row-1-text"
    tab.axe()
    tab.screenshot("about-row-reading")
    # The sound really plays to its end, then the highlight goes.
    # (Locator assertions, because this page's CSP rightly refuses wait_for_function's eval.)
    expect(first_row).not_to_have_class(re.compile("er-row--reading"), timeout=30_000)
    assert button.inner_text() == "Listen"


def test_slower_speed_slows_every_player(keyboard_visit):
    tab = keyboard_visit
    tab.goto(f"/about/{content.PAGES[0].slug}")
    slower = tab.page.get_by_role("button", name="Listen more slowly")
    slower.focus()
    tab.page.keyboard.press("Enter")
    assert tab.page.locator("audio").evaluate("a => a.playbackRate") == 0.75
    assert slower.get_attribute("aria-pressed") == "true"
    tab.page.keyboard.press("Enter")
    assert tab.page.locator("audio").evaluate("a => a.playbackRate") == 1
    assert slower.get_attribute("aria-pressed") == "false"


def test_without_javascript_the_page_has_a_plain_player(no_js_visit):
    tab = no_js_visit
    tab.goto(f"/about/{content.PAGES[0].slug}")
    assert tab.page.locator("audio[controls]").count() == 1
    assert tab.page.locator(".er-row__listen").count() == 0
    assert tab.page.locator(".er-row").count() == len(content.PAGES[0].rows)
    with tab.page.expect_navigation():
        tab.page.get_by_role("link", name="Standard").click()
    tab.page.wait_for_url("**?version=standard")
    assert tab.page.locator(".er-row").count() == 0
    tab.reflows()


def test_print_keeps_pictures_and_large_text_without_navigation(keyboard_visit):
    tab = keyboard_visit
    tab.goto(f"/about/{content.PAGES[0].slug}")
    tab.page.emulate_media(media="print")
    assert not tab.page.locator(".nhsuk-header").is_visible()
    assert not tab.page.locator(".er-listen").is_visible()
    assert tab.page.locator(".er-row__picture").first.is_visible()
    size = tab.page.locator(".er-row__sentence").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 14 * 96 / 72, f"print text is {size}px, under 14pt"


@pytest.mark.parametrize(
    "path",
    [
        f"/about/{content.PAGES[0].slug}",
        f"/about/{content.PAGES[0].slug}?version=standard",
        "/about/words-we-use?version=standard",
        "/about/",
    ],
)
def test_every_printed_word_is_14pt_or_more(keyboard_visit, path):
    tab = keyboard_visit
    tab.goto(path)
    tab.page.emulate_media(media="print")
    small = tab.page.locator("main").evaluate(
        """main => [...main.querySelectorAll('*')]
            .filter(el => el.offsetParent !== null && [...el.childNodes].some(
                n => n.nodeType === 3 && n.textContent.trim()))
            .map(el => [el.tagName, el.textContent.trim().slice(0, 30),
                        parseFloat(getComputedStyle(el).fontSize)])
            .filter(([, , size]) => size < 14 * 96 / 72 - 0.1)"""
    )
    assert small == [], small
