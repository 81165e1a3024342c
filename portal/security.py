"""Security headers, the CSP nonce and proxy handling for every response."""

import secrets

from flask import g
from werkzeug.middleware.proxy_fix import ProxyFix


def csp_nonce():
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def content_security_policy(nonce):
    # Everything comes from the portal itself; the one inline script carries the nonce.
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "media-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def set_headers(response, hsts_seconds):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", content_security_policy(csp_nonce()))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    # Browsers ignore HSTS over plain HTTP, so sending it always is safe.
    headers.setdefault("Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains")
    # Pages may show personal data, so HTML is never stored unless a view says otherwise.
    if response.mimetype == "text/html" and "Cache-Control" not in headers:
        headers["Cache-Control"] = "no-store"
    return response


def init_app(app):
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    @app.after_request
    def _headers(response):
        return set_headers(response, app.config["HSTS_SECONDS"])

    app.jinja_env.globals["csp_nonce"] = csp_nonce
