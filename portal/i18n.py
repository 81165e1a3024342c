"""Choosing the language: ?lang= on any page, then the remembered cookie, then the browser."""

from urllib.parse import urlencode

from flask import current_app, request
from flask_babel import get_locale

LANG_COOKIE = "lang"
# Languages written right to left; the layout sets dir="rtl" for them.
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def supported():
    return current_app.config["LANGUAGES"]


def select_locale():
    wanted = request.args.get("lang") or request.cookies.get(LANG_COOKIE)
    if wanted in supported():
        return wanted
    return request.accept_languages.best_match(list(supported())) or "en"


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
    """This page again, in another language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return request.path + "?" + urlencode(args, doseq=True)


def language_links():
    current = str(get_locale())
    return [
        {"code": code, "name": name, "href": switch_url(code), "current": code == current}
        for code, name in supported().items()
    ]


def text_direction():
    return "rtl" if str(get_locale()) in RTL_LANGUAGES else "ltr"


def init_app(app):
    from .extensions import babel

    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_choice)
    app.jinja_env.globals.update(
        get_locale=lambda: str(get_locale()),
        language_links=language_links,
        text_direction=text_direction,
    )
