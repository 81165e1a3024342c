"""Choosing the language: ?lang= on any page, then the remembered cookie, then the browser."""

from urllib.parse import urlencode

from flask import current_app, g, has_request_context, request
from flask_babel import get_locale

LANG_COOKIE = "lang"
# The Babel locale behind a language code, where it is more than the code: English here is
# British English, so dates read "22 November 2026". Catalogues still live under "en".
LOCALES = {"en": "en_GB"}
# Languages written right to left; the layout sets dir="rtl" for them.
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def supported():
    return current_app.config["LANGUAGES"]


def select_locale():
    # Outside a request (a command, a job, a test setting up data): the default language.
    if not has_request_context():
        return LOCALES.get("en", "en")
    wanted = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    if wanted not in supported():
        wanted = request.accept_languages.best_match(list(supported())) or "en"
    return LOCALES.get(wanted, wanted)


def current_language():
    """The language code ("en", "ur"), without the region."""
    return get_locale().language


def html_lang():
    """The value for lang attributes: "en-GB", "ur"."""
    return str(get_locale()).replace("_", "-")


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
        {"code": code, "name": name, "href": switch_url(code), "current": code == current}
        for code, name in supported().items()
    ]


def text_direction():
    return "rtl" if current_language() in RTL_LANGUAGES else "ltr"


def init_app(app):
    from .extensions import babel

    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_choice)
    app.jinja_env.globals.update(
        current_language=current_language,
        language_links=language_links,
        text_direction=text_direction,
    )
