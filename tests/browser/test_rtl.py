"""Urdu, right to left, in Chromium: controls and links mirrored, Nastaliq loaded from this
site, no sideways scrolling, and axe on a content page, a question page with radios, the
same page with an error, and an easy-read page."""

import pytest

pytestmark = pytest.mark.browser
QUESTION = "/ask-to-join-the-register"


def box(tab, selector):
    return tab.page.locator(selector).first.bounding_box()


def in_urdu(tab, path):
    tab.goto(f"{path}?lang=ur" if "?" not in path else f"{path}&lang=ur")
    assert tab.page.evaluate("[document.documentElement.lang, document.dir]") == ["ur", "rtl"]


def nastaliq_is_used(tab):
    return tab.page.evaluate(
        """async () => {
            await document.fonts.ready;
            const family = getComputedStyle(document.body).fontFamily;
            const loaded = [...document.fonts].some(
                f => f.family.includes("Noto Nastaliq Urdu") && f.status === "loaded");
            return family.startsWith('"Noto Nastaliq Urdu"') && loaded;
        }"""
    )


def checked(tab, name):
    tab.axe()
    tab.reflows()
    tab.screenshot(f"rtl-{name}-{tab.page.viewport_size['width']}")


def test_a_content_page(visit):
    in_urdu(visit, "/contact")
    assert nastaliq_is_used(visit)
    phone = visit.page.locator("main a[href^='tel:'] span[dir='ltr']").first
    assert phone.evaluate("span => getComputedStyle(span).direction") == "ltr"
    checked(visit, "contact")


def start_question_page(tab):
    in_urdu(tab, QUESTION)
    with tab.page.expect_navigation():
        tab.page.locator(f"form[action$='{QUESTION}/begin'] button").click()
    assert tab.page.url.endswith(f"{QUESTION}/who")


def radio_is_right_of_its_label(tab):
    label, control = box(tab, "label[for='role']"), box(tab, "#role")
    assert control["x"] >= label["x"] + label["width"] - 1, "the radio is on the right"
    # The circle people see is drawn by the label: it must sit over the real control.
    circle = tab.page.locator("label[for='role']").evaluate(
        """label => {
            const style = getComputedStyle(label, "::before");
            const item = label.parentElement.getBoundingClientRect();
            return item.left + parseFloat(style.left) + parseFloat(style.width) / 2;
        }"""
    )
    assert control["x"] < circle < control["x"] + control["width"]


def back_link_is_at_the_right(tab):
    link = box(tab, ".nhsuk-back-link")
    container = box(tab, ".nhsuk-width-container")
    assert abs((link["x"] + link["width"]) - (container["x"] + container["width"])) <= 2
    chevron_right = tab.page.locator(".nhsuk-back-link").evaluate(
        "link => getComputedStyle(link, '::before').right"
    )
    assert chevron_right == "0px", "the chevron is on the right, pointing back"


def test_a_question_page_with_radios(visit):
    start_question_page(visit)
    radio_is_right_of_its_label(visit)
    back_link_is_at_the_right(visit)
    visit.page.check("#role")
    checked(visit, "question")


def test_a_question_page_with_an_error(visit):
    start_question_page(visit)
    with visit.page.expect_navigation():
        visit.page.locator("#question-form .nhsuk-button-group button").first.click()
    assert visit.page.locator(".nhsuk-error-summary").count() == 1
    group = visit.page.locator(".nhsuk-form-group--error").first
    borders = group.evaluate(
        "g => [getComputedStyle(g).borderRightWidth, getComputedStyle(g).borderLeftWidth]"
    )
    assert borders == ["4px", "0px"], "the error bar marks the start of the line: the right"
    radio_is_right_of_its_label(visit)
    back_link_is_at_the_right(visit)
    checked(visit, "question-error")


def test_an_easy_read_page(visit):
    in_urdu(visit, "/about/dynamic-support-register?version=easy")
    picture, text = box(visit, ".er-row__picture"), box(visit, ".er-row__text")
    assert picture["x"] >= text["x"] + text["width"], "the picture is on the right of the text"
    back_link_is_at_the_right(visit)
    for player in visit.page.locator(".er-listen__player").all():
        assert player.evaluate("audio => getComputedStyle(audio).direction") == "ltr"
    checked(visit, "easy-read")
