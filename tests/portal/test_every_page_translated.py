"""Every public page in every language: the same tour taken in English and in each
translation, page by page. A piece of text that reads the same in both is English that
was never translated (a string outside gettext, or a default inside an NHS.UK macro),
unless it is a name, a code or something the person typed. Each page also says what
language it is in, and on translated pages shows the notice that no translator checked it."""

import re

from bs4 import BeautifulSoup, Doctype

from portal.config import Config

from .tour import tour, typed_values

TRANSLATED = sorted(code for code in Config.LANGUAGES if code != "en")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
ATTRIBUTES = ("alt", "aria-label", "title", "placeholder", "aria-roledescription")
# Names and codes that every language writes the same way.
SAME_EVERYWHERE = set(
    "NHS UK DSR CTR CETR DoLS GP EHC PDF PIN SEN ICB ICO EHRC EASS GDPR PALS BSL MIT CC BY SA "
    "OpenMoji Jinja NHS.UK frontend England eSpeak NG Noto Nastaliq Urdu SIL OFL English "
    "Polski Română Ogg Opus www gov org".split()
)


def own_language(element, page_lang):
    """False inside an element marked as another language (the switcher, English details)."""
    for parent in (element, *element.parents):
        lang = getattr(parent, "attrs", {}).get("lang") if hasattr(parent, "attrs") else None
        if lang:
            return lang.split("-")[0] == page_lang.split("-")[0]
    return True


def texts(response):
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    page_lang = soup.html["lang"]
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    found = set()
    for node in soup.find_all(string=True):
        if isinstance(node, Doctype):
            continue
        if own_language(node.parent, page_lang) and node.strip():
            found.add(" ".join(node.split()))
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            wanted = name in ATTRIBUTES or (name.startswith("data-") and name.endswith("-label"))
            if wanted and isinstance(value, str) and own_language(element, page_lang):
                found.add(" ".join(value.split()))
    return found


def allowed_words(app):
    from portal.services.area import current_area

    with app.test_request_context():
        area = current_area()
        details = [str(getattr(area, name) or "") for name in area.__table__.columns.keys()]
    words = set(SAME_EVERYWHERE)
    for text in (*details, *typed_values()):
        words.update(LATIN_WORD.findall(text))
    return words


def leaks_in(pages, english, allowed, code):
    """Text a translated page shows exactly as the English page does, that is not a name,
    a code or something typed."""
    found = {}
    for label, response in pages.items():
        same = texts(response) & texts(english[label])
        for text in same:
            unknown = [w for w in LATIN_WORD.findall(text) if w not in allowed]
            # Polish and Romanian share some words with English ("Email", "Status"):
            # a whole phrase left in English is what gives a leak away there.
            if len(unknown) >= (1 if code == "ur" else 3):
                found.setdefault(label, []).append(text)
    return found


def test_every_page_in_every_language(app, db_session):
    """One tour in English, then one in each translation (all inside the test's rolled
    back transaction): every page says its language and direction, marks the current
    language in the switcher, shows the translation notice, and shows no English left."""
    allowed = allowed_words(app)
    with app.test_client() as client:
        english = dict(tour(client, "en"))
    for code in TRANSLATED:
        with app.test_client() as client:
            pages = dict(tour(client, code))
        assert pages.keys() == english.keys()
        for label, response in pages.items():
            soup = response.soup
            assert soup.html["lang"] == code, label
            assert soup.html["dir"] == ("rtl" if code == "ur" else "ltr"), label
            assert soup.select_one("nav.portal-language [aria-current]")["lang"] == code, label
            assert soup.select_one(".portal-translation-notice"), label
        assert leaks_in(pages, english, allowed, code) == {}, code
