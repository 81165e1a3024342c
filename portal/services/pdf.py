"""PDFs with WeasyPrint: tagged (PDF/UA-1), in the page's language, and unable to fetch
anything but the portal's own bundled files (no file: URLs, no network, no redirects)."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from flask import current_app, make_response, render_template

BASE_URL = "https://portal.invalid/"


class FetchRefused(ValueError):
    pass


def bundled_only(url):
    """WeasyPrint's URL fetcher: only files under the portal's static folder."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.netloc != "portal.invalid":
        raise FetchRefused(f"not a bundled file: {parsed.scheme}")
    static = Path(current_app.static_folder).resolve()
    relative = unquote(parsed.path).removeprefix("/static/")
    target = (static / relative).resolve()
    if static not in target.parents or not target.is_file():
        raise FetchRefused("not a bundled file")
    mime, _ = mimetypes.guess_type(target.name)
    return {"string": target.read_bytes(), "mime_type": mime or "application/octet-stream"}


def pdf_bytes(template, **context):
    from weasyprint import HTML

    html = render_template(template, **context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=bundled_only)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(template, filename, **context):
    response = make_response(pdf_bytes(template, **context))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
