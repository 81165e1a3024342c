"""Browser tests: Playwright drives Debian's chromium package (never a downloaded browser)
against the portal served on loopback, and axe-core checks every page visited."""

import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from ..conftest import build_app, dispose, reset_schema

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags that keep Chromium off the network it cannot reach here, and quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def served_app(app, browser_database_url):
    """The app the browser talks to; tests use its context to set up people and staff."""
    served = build_app(browser_database_url)
    reset_schema(served)
    yield served
    dispose(served)


@pytest.fixture(scope="session")
def live_server(served_app):
    server = make_server("127.0.0.1", 0, served_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"Debian chromium is missing at {CHROMIUM}"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One browser tab, with the checks a careful tester would make on every page."""

    def __init__(self, context, base_url):
        self.page = context.new_page()
        self.base_url = base_url
        self.console_errors = []
        self.outside_requests = []
        self.page.on("console", self._console)
        self.page.on("request", self._request)
        self.failed_resources = []
        self.page.on("response", self._response)

    def _console(self, message):
        # Chromium logs every HTTP error as "Failed to load resource"; those are checked
        # through responses above instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _response(self, response):
        # A page may answer 400 or 404 on purpose; what it loads must not fail.
        if response.request.resource_type != "document" and response.status >= 400:
            self.failed_resources.append(f"{response.status} {response.url}")

    def _request(self, request):
        if not request.url.startswith((self.base_url, "data:")):
            self.outside_requests.append(request.url)

    def goto(self, path, status=200):
        response = self.page.goto(self.base_url + path)
        assert response.status == status, f"{path} answered {response.status}"
        return response

    def axe(self):
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = self.page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                return result.violations.map(v => ({
                    id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" "))
                }));
            }""",
            AXE_TAGS,
        )
        assert violations == [], f"axe found problems on {self.page.url}: {violations}"

    def reflows(self):
        width = self.page.viewport_size["width"]
        scroll = self.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{self.page.url} scrolls sideways at {width}px ({scroll}px)"

    def screenshot(self, name):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def focused(self):
        return self.page.evaluate(
            """() => {
                const el = document.activeElement;
                return {tag: el.tagName.toLowerCase(), id: el.id, name: el.name || "",
                        text: (el.innerText || el.value || "").trim(), type: el.type || ""};
            }"""
        )

    def finish(self):
        assert self.outside_requests == [], f"requests to other hosts: {self.outside_requests}"
        assert self.failed_resources == [], f"resources that failed: {self.failed_resources}"
        assert self.console_errors == [], f"browser console errors: {self.console_errors}"


@pytest.fixture(
    params=[{"width": 1280, "height": 900}, {"width": 320, "height": 640}], ids=["desktop", "320px"]
)
def viewport(request):
    return request.param


def open_visit(browser, live_server, **context_options):
    context = browser.new_context(**context_options)
    return context, Visit(context, live_server)


@pytest.fixture
def visit(browser, live_server, viewport):
    context, tab = open_visit(browser, live_server, viewport=viewport)
    yield tab
    tab.finish()
    context.close()


@pytest.fixture
def keyboard_visit(browser, live_server):
    context, tab = open_visit(browser, live_server, viewport={"width": 1280, "height": 900})
    yield tab
    tab.finish()
    context.close()


@pytest.fixture
def no_js_visit(browser, live_server):
    context, tab = open_visit(
        browser, live_server, viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    yield tab
    tab.finish()
    context.close()
