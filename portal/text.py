"""Free text typed by people or staff, made safe to show as HTML. One allow-list for the
whole portal: bleach removes every tag and attribute not on it, then line breaks become
paragraphs. Autoescaping stays on everywhere else."""

import bleach
from markupsafe import Markup

# Typed text carries no markup the portal wants to keep; anything else is shown as text.
ALLOWED_TAGS = frozenset()
ALLOWED_ATTRIBUTES = {}


def clean(text):
    """The text with anything outside the allow-list escaped (strip=False keeps what was
    typed visible, as text)."""
    return bleach.clean(
        str(text or ""), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=False
    )


def as_paragraphs(text):
    """Cleaned text, one <p> per paragraph, single line breaks kept as <br>."""
    cleaned = clean(text).replace("\r\n", "\n").strip()
    if not cleaned:
        return Markup("")
    paragraphs = [part.strip() for part in cleaned.split("\n\n") if part.strip()]
    html = "".join("<p>" + "<br>".join(part.split("\n")) + "</p>" for part in paragraphs)
    return Markup(html)  # noqa: S704 - every piece came through bleach.clean above


def init_app(app):
    app.jinja_env.filters["as_paragraphs"] = as_paragraphs
