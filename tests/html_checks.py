"""A test client that checks every HTML page it receives, as a careful reviewer would."""

from collections import Counter
from functools import cache
from pathlib import Path

from babel.support import Translations
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


class PageProblem(AssertionError):
    pass


def heading_problems(soup):
    html_tag = soup.find("html")
    if not html_tag or not html_tag.get("lang"):
        yield "<html> has no lang"
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        yield f"expected one <h1>, found {len(h1s)}"
        return
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    h1_text = " ".join(h1s[0].get_text(" ", strip=True).split())
    caption = h1s[0].find(class_="nhsuk-caption-l")
    if caption:
        h1_text = h1_text.replace(caption.get_text(" ", strip=True), "", 1).strip()
    prefix = error_prefix(html_tag.get("lang", "en") if html_tag else "en")
    if not title.removeprefix(prefix).startswith(h1_text):
        yield f"<title> {title!r} does not start with the <h1> {h1_text!r}"
    if soup.select(".nhsuk-error-summary") and not title.startswith(prefix):
        yield f"page shows errors but the <title> does not start with {prefix!r}"


@cache
def error_prefix(lang):
    """ "Error: " in the page's language, as the layout writes it."""
    code = lang.split("-")[0]
    return Translations.load(str(TRANSLATIONS), [code]).gettext("Error:") + " "


def markup_problems(soup):
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicates = [i for i, n in ids.items() if n > 1]
    if duplicates:
        yield f"duplicate ids: {duplicates}"
    for script in soup.find_all("script"):
        if not script.get("src") and not script.get("nonce"):
            yield "inline <script> without a CSP nonce (injected markup?)"
    for tag in soup.find_all(attrs={"required": True}):
        yield f"HTML5 required attribute on {tag.name}#{tag.get('id')}"


def form_problems(soup):
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        if not form.find("input", attrs={"name": "csrf_token"}):
            yield f"POST form to {form.get('action')} has no CSRF token"
        if not form.has_attr("novalidate"):
            yield f"form to {form.get('action')} lacks novalidate"
    ids = {form.get("id") for form in soup.find_all("form")}
    for control in soup.find_all(attrs={"form": True}):
        if control["form"] not in ids:
            yield f"{control.name} belongs to form #{control['form']}, which is not on the page"


def check_page(html):
    """Fail on the mistakes that break pages for screen reader and keyboard users."""
    soup = BeautifulSoup(html, "html.parser")
    problems = [*heading_problems(soup), *markup_problems(soup), *form_problems(soup)]
    if problems:
        raise PageProblem("; ".join(problems))
    return soup


class HTMLCheckingClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html":
            response.soup = check_page(response.get_data(as_text=True))
        return response

    def csrf_token(self, path):
        page = self.get(path)
        field = page.soup.find("input", attrs={"name": "csrf_token"})
        assert field is not None, f"{path} has no form with a CSRF token"
        return field["value"]

    def submit(self, path, data, follow_redirects=False):
        """Fill in the form on a page as a person would: load it, then post it."""
        token = self.csrf_token(path)
        return self.post(
            path, data={**data, "csrf_token": token}, follow_redirects=follow_redirects
        )
