"""What every template can use: the area's settings, the layout's variables, helpers."""

from flask import url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from . import bidi, text
from .assets import NHS_CSS, NHS_JS
from .i18n import current_language, html_lang, text_direction
from .security import csp_nonce
from .services.area import current_area

SERVICE_NAME = _l("Learning disability and autism support")


def tel_href(number):
    """A tel: link from a phone number as people write it ("NHS 111" stays 111)."""
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    return "tel:" + digits


def translation_status():
    from .services import translations

    return translations.status(current_language())


def layout_context():
    return {
        "area": current_area(),
        "service_name": SERVICE_NAME,
        "htmlLang": html_lang(),
        "htmlAttributes": {"dir": text_direction()},
        "cspNonce": csp_nonce(),
        "assetPath": "/assets",
        "nhs_css": url_for("assets.file", filename=NHS_CSS),
        "nhs_js": url_for("assets.file", filename=NHS_JS),
    }


def init_app(app):
    app.context_processor(layout_context)
    app.jinja_env.filters["tel_href"] = tel_href
    text.init_app(app)
    bidi.init_app(app)
    app.jinja_env.globals["format_date"] = format_date
    app.jinja_env.globals["translation_status"] = translation_status
    from .services import pdf

    pdf.init_app(app)  # the PDF templates' fonts for the page's language
    app.jinja_env.autoescape = True
