def test_browser_language_is_used_when_supported(client):
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert page.soup.html["lang"] == "en-GB"
    assert page.soup.html["dir"] == "ltr"


def test_an_unsupported_language_falls_back_to_english(client):
    page = client.get("/?lang=xx", headers={"Accept-Language": "fr"})
    assert page.soup.html["lang"] == "en-GB"
    assert "lang=" not in page.headers.get("Set-Cookie", "")


def test_switcher_keeps_the_page_and_remembers_the_choice(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "LANGUAGES", {"en": "English", "ur": "اردو"})
    page = client.get("/contact?x=1")
    links = {a.get_text(strip=True): a["href"] for a in page.soup.select(".portal-language a")}
    assert links == {"اردو": "/contact?x=1&lang=ur"}
    assert page.soup.select_one(".portal-language [aria-current]").get_text() == "English"
    chosen = client.get(links["اردو"])
    assert chosen.soup.html["lang"] == "ur" and chosen.soup.html["dir"] == "rtl"
    assert "lang=ur" in chosen.headers["Set-Cookie"]
    assert "HttpOnly" in chosen.headers["Set-Cookie"]
    later = client.get("/privacy")
    assert later.soup.html["lang"] == "ur", "the choice is remembered"


def test_english_dates_are_british(client):
    assert "22 November 2026" in client.get("/accessibility").soup.main.get_text()
