"""Choosing the language: ?lang= on any page, then the remembered cookie, then the browser.

The public side speaks every language in LANGUAGES; the staff side is English only (it
shows each person's chosen language instead, see language_name)."""

from urllib.parse import urlencode

from babel import Locale, UnknownLocaleError
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale

LANG_COOKIE = "lang"
# The Babel locale behind a language code, where it is more than the code: English here is
# British English, so dates read "22 November 2026". Catalogues still live under "en".
LOCALES = {"en": "en_GB"}
# Languages written right to left; the layout sets dir="rtl" for them.
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
DEFAULT = "en"


def supported():
    return current_app.config["LANGUAGES"]


def locale_for(code):
    """The Babel locale name for a language code ("en" -> "en_GB", "ur" -> "ur")."""
    return LOCALES.get(code, code)


def is_staff_request():
    return request.blueprint == "admin" or request.path.startswith("/staff")


def select_locale():
    # Outside a request (a command, a job, a test setting up data): the default language.
    if not has_request_context() or is_staff_request():
        return locale_for(DEFAULT)
    return locale_for(wanted_language())


def wanted_language():
    """The public visitor's language code: asked for, remembered, or the browser's."""
    wanted = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    if wanted not in supported():
        wanted = request.accept_languages.best_match(list(supported())) or DEFAULT
    return wanted


def current_language():
    """The language code ("en", "ur"), without the region."""
    return get_locale().language


def html_lang(code=None):
    """The value for lang attributes: "en-GB", "ur"."""
    return locale_for(code).replace("_", "-") if code else str(get_locale()).replace("_", "-")


def language_names(code):
    """(the name in English, the language's own name where it differs, else None):
    ("Urdu", "اردو"), ("English", None). A code Babel does not know is its own name."""
    own = supported().get(code)
    try:
        english = Locale.parse(code).get_display_name("en")
    except (UnknownLocaleError, ValueError, TypeError):
        english = code
    if code == DEFAULT or not own or own == english:
        return english, None
    return english, own


def language_name(code):
    """A language as staff read it: "Urdu (اردو)", or "English"."""
    if not code:
        return ""
    english, own = language_names(code)
    return f"{english} ({own})" if own else english


def remember_choice(response):
    """Keep a language picked with ?lang= for the rest of the visit (a preference only)."""
    wanted = request.args.get("lang")
    if wanted in supported() and request.cookies.get(LANG_COOKIE) != wanted:
        response.set_cookie(
            LANG_COOKIE,
            wanted,
            max_age=60 * 60 * 24 * 365,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response


def switch_url(code):
    """This page again, in another language. A page shared between visitors (the cached
    explanations) sets g.kept_args, so only those arguments are carried over."""
    args = request.args.to_dict(flat=False)
    if "kept_args" in g:
        args = {name: values for name, values in args.items() if name in g.kept_args}
    args["lang"] = [code]
    return request.path + "?" + urlencode(args, doseq=True)


def language_links():
    current = current_language()
    return [
        {
            "code": code,
            "lang": html_lang(code),
            "name": name,
            "href": switch_url(code),
            "current": code == current,
            "dir": text_direction(code),
        }
        for code, name in supported().items()
    ]


def text_direction(code=None):
    return "rtl" if (code or current_language()) in RTL_LANGUAGES else "ltr"


def init_app(app):
    from .extensions import babel

    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_choice)
    app.jinja_env.globals.update(
        current_language=current_language,
        language_links=language_links,
        language_name=language_name,
        text_direction=text_direction,
        html_lang=html_lang,
    )
