import re

import pytest

from portal.config import ProductionConfig


def test_html_pages_carry_the_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.headers["Cache-Control"] == "no-store"


def test_the_only_inline_script_carries_this_responses_nonce(client):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    inline = [s for s in response.soup.find_all("script") if not s.get("src")]
    assert len(inline) == 1 and inline[0]["nonce"] == nonce
    assert (
        client.get("/").headers["Content-Security-Policy"]
        != response.headers["Content-Security-Policy"]
    ), "a fresh nonce for every response"


def test_versioned_assets_are_cached_and_need_no_other_host(client):
    with client.get("/assets/nhsuk-frontend-10.6.1.min.css") as response:
        assert response.status_code == 200
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert "https://" not in response.get_data(as_text=True), "no fonts from other hosts"
    with client.get("/assets/images/favicon.svg") as response:
        assert response.status_code == 200


def test_state_never_changes_on_get(app):
    """Every route that accepts POST also guards it with CSRF; GET-only routes refuse POST."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("assets."):
            continue
        view = app.view_functions[rule.endpoint]
        assert not getattr(view, "csrf_exempt", False), rule


def test_post_to_a_read_only_page_is_refused(client):
    assert client.post("/contact").status_code in (400, 405)


def test_session_cookie_is_secure_httponly_and_samesite(make_app):
    secure_app = make_app(SESSION_COOKIE_SECURE=True)
    cookie = secure_app.test_client().get("/").headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_csrf_token_outlives_a_slow_form_fill(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 8 * 3600


def test_proxy_fix_trusts_only_the_configured_proxies(make_app):
    behind = make_app(PROXY_COUNT=1)

    @behind.route("/scheme-probe")
    def probe():
        from flask import request

        return request.scheme, 200, {"Content-Type": "text/plain"}

    answer = behind.test_client().get("/scheme-probe", headers={"X-Forwarded-Proto": "https"})
    assert answer.get_data(as_text=True) == "https"


def test_production_refuses_to_start_without_a_key_and_database(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY, DATABASE_URL"):
        ProductionConfig.check()
