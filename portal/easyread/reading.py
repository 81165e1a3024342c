"""Easy read or standard: easy read unless the person chose standard. The choice is kept
for the visit in a cookie that ends when the browser closes (a preference, not data)."""

from flask import current_app, request

COOKIE = "reading"
VERSIONS = ("easy", "standard")


def current_version():
    wanted = request.args.get("version") or request.cookies.get(COOKIE)
    return wanted if wanted in VERSIONS else "easy"


def remember(response):
    wanted = request.args.get("version")
    if wanted in VERSIONS and request.cookies.get(COOKIE) != wanted:
        response.set_cookie(
            COOKIE,
            wanted,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response
