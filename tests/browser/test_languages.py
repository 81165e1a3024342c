"""Every public page in Polish, Romanian and Urdu, in the browser: axe finds nothing and
nothing scrolls sideways (Urdu right to left at both widths), and switching language in
the middle of a question journey, by keyboard, with or without JavaScript, keeps every
answer."""

import pytest

from ..portal.tour import tour

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}
# Each translation at the width where it is most likely to break: long Romanian and Polish
# words on a phone and a wide screen, and Urdu, right to left, at both.
RUNS = [("pl", DESKTOP), ("ro", PHONE), ("ur", DESKTOP), ("ur", PHONE)]
SHOWN = (
    "/",
    "/about/consent",
    "/ask-to-join-the-register/person empty",
    "/my-review-planner/profile",
)


@pytest.fixture(scope="module")
def pages(served_app):
    """Every page of the tour in each language, as the portal served it."""
    found = {}
    for code in {code for code, _ in RUNS}:
        with served_app.test_client() as client:
            found[code] = [
                (label, response.request.full_path.rstrip("?"), response)
                for label, response in tour(client, code)
            ]
    return found


def serve_recorded(context, live_server, path, response):
    """Show the recorded page at its own address; its pictures, styles, fonts and scripts
    come from the live portal."""
    url = live_server + path

    def fulfil(route):
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        route.fulfill(status=response.status_code, headers=headers, body=response.get_data())

    context.route(url, fulfil)
    return url


@pytest.mark.parametrize(("code", "viewport"), RUNS, ids=[f"{c}-{v['width']}" for c, v in RUNS])
def test_every_page_passes_axe_and_reflows(browser, live_server, pages, code, viewport):
    from .conftest import AXE, open_visit

    context, visit = open_visit(browser, live_server, viewport=viewport)
    # axe comes with every page, instead of being sent over for each of a hundred pages.
    context.add_init_script(path=str(AXE))
    try:
        for label, path, response in pages[code]:
            url = serve_recorded(context, live_server, path, response)
            visit.page.goto(url)
            assert visit.page.evaluate("document.documentElement.lang") == code, label
            visit.axe()
            visit.reflows()
            if viewport != PHONE:  # and every page reflows on a phone too (cheap: no axe)
                visit.page.set_viewport_size(PHONE)
                visit.reflows()
                visit.page.set_viewport_size(viewport)
            if label in SHOWN:
                name = label.strip("/").replace("/", "-").replace(" ", "-") or "start"
                visit.screenshot(f"lang-{code}-{viewport['width']}-{name}")
            context.unroute(url)
        visit.finish()
    finally:
        context.close()


def words(code, message):
    """A message as the page shows it in this language."""
    from babel.support import Translations

    from ..html_checks import TRANSLATIONS

    return Translations.load(str(TRANSLATIONS), [code]).gettext(message)


def sent_request(served_app, reference):
    from sqlalchemy import select

    from portal.extensions import db
    from portal.models import Referral

    with served_app.app_context():
        return db.session.scalars(select(Referral).where(Referral.reference == reference)).one()


def test_switching_language_by_keyboard_in_the_middle_keeps_every_answer(
    keyboard_visit, served_app
):
    from .test_referral import BASE, answer_page_by_keyboard, press_tab_until, steps

    tab = keyboard_visit
    tab.goto(f"{BASE}?lang=ur")
    press_tab_until(tab, text=words("ur", "Start now"))
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    answer_page_by_keyboard(tab, steps("person", 30)["who"], button=words("ur", "Continue"))
    assert tab.page.url.endswith("/person")
    # Half way through the page: the first name typed, then Polish chosen from the switcher.
    press_tab_until(tab, "first_name")
    tab.page.keyboard.type("Zofia")
    press_tab_until(tab, text="Polski")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.documentElement.lang") == "pl"
    assert tab.page.input_value("#first_name") == "Zofia"
    assert tab.page.locator(".nhsuk-error-summary").count() == 0
    tab.axe()
    tab.screenshot("lang-switched-mid-journey-pl")
    pages = steps("person", 30)
    pages["person"]["type"] = {
        k: v for k, v in pages["person"]["type"].items() if k != "first_name"
    }
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        answer_page_by_keyboard(tab, pages[key], button=words("pl", "Continue"))
    assert "Zofia" in tab.page.locator("main").inner_text()
    press_tab_until(tab, text=words("pl", "Send"))
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    reference = tab.page.locator(".portal-reference").inner_text()
    referral = sent_request(served_app, reference)
    assert (referral.first_name, referral.language) == ("Zofia", "pl")


def test_switching_language_without_javascript_keeps_every_answer(no_js_visit, served_app):
    from .test_referral import BASE, steps

    tab = no_js_visit
    tab.goto(f"{BASE}?lang=pl")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name=words("pl", "Start now")).click()
    tab.page.check("#role")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name=words("pl", "Continue")).click()
    tab.page.fill("#first_name", "Ioana")
    tab.page.fill("#date_of_birth-year", "19")  # not finished: kept as typed, checked later
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Română").click()
    assert tab.page.evaluate("document.documentElement.lang") == "ro"
    assert tab.page.input_value("#first_name") == "Ioana"
    assert tab.page.input_value("#date_of_birth-year") == "19"
    tab.reflows()
    tab.screenshot("lang-switched-no-js-ro-320")
    pages = steps("person", 30)
    while "/check-answers" not in tab.page.url:
        key = tab.page.url.rsplit("/", 1)[1].split("?")[0]
        typed = dict(pages[key].get("type", {}))
        typed.pop("first_name", None)
        for element_id in pages[key].get("pick", []):
            tab.page.check(f"#{element_id}")
        for element_id, text in typed.items():
            tab.page.fill(f"#{element_id}", text)
        with tab.page.expect_navigation():
            tab.page.get_by_role("button", name=words("ro", "Continue")).click()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name=words("ro", "Send")).click()
    reference = tab.page.locator(".portal-reference").inner_text()
    referral = sent_request(served_app, reference)
    assert (referral.first_name, referral.language) == ("Ioana", "ro")
