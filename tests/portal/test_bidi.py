"""Direction and language spans: numbers, emails and references isolated on right-to-left
pages, the area's English text marked as English on translated pages, always escaped, and
never in what is read aloud."""

import pytest
from markupsafe import Markup

from portal.bidi import OPEN_EN, OPEN_LTR, en_text, ltr
from portal.config import TestConfig
from portal.easyread import content
from portal.easyread.audio import catalogue, page_audio
from portal.easyread.model import Row
from portal.easyread.render import Renderer, area_values
from portal.services.area import current_area

PHONE = TestConfig.AREA_DEFAULTS["contact_phone"]
TEAM = TestConfig.AREA_DEFAULTS["team_name"]
ISOLATED_PHONE = f'<span dir="ltr">{PHONE}</span>'
ENGLISH_TEAM = f'<span lang="en-GB" dir="ltr">{TEAM}</span>'


@pytest.mark.parametrize(
    ("lang", "wrapped"),
    [
        ("ur", '<span dir="ltr">01632 960 001</span>'),
        ("en", "01632 960 001"),
        ("pl", "01632 960 001"),
    ],
)
def test_ltr_isolates_only_on_right_to_left_pages(app, lang, wrapped):
    with app.test_request_context(f"/?lang={lang}"):
        assert ltr("01632 960 001") == wrapped


@pytest.mark.parametrize(
    ("lang", "wrapped"),
    [
        ("ur", '<span lang="en-GB" dir="ltr">Demo team</span>'),
        ("pl", '<span lang="en-GB" dir="ltr">Demo team</span>'),
        ("en", "Demo team"),
    ],
)
def test_en_text_marks_english_on_every_other_language(app, lang, wrapped):
    with app.test_request_context(f"/?lang={lang}"):
        assert en_text("Demo team") == wrapped


@pytest.mark.parametrize("lang", ["ur", "en"])
@pytest.mark.parametrize("bidi_filter", [ltr, en_text])
def test_filters_escape_and_leave_nothing_unescaped(app, lang, bidi_filter):
    with app.test_request_context(f"/?lang={lang}"):
        shown = bidi_filter('<script>alert("x")</script>')
        assert isinstance(shown, Markup)
        assert "<script>" not in shown and "&lt;script&gt;" in shown
        assert bidi_filter(Markup("<b>kept</b>")).count("<b>") == 1
        assert bidi_filter(None) is None
        assert bidi_filter("") == ""


def test_contact_page_isolates_phone_numbers_and_marks_english(client):
    page = client.get("/contact?lang=ur")
    html, soup = page.get_data(as_text=True), page.soup
    assert ISOLATED_PHONE in html
    assert ENGLISH_TEAM in html
    link = soup.select_one(f'main a[href="tel:{PHONE.replace(" ", "")}"]')
    assert link.select_one('span[dir="ltr"]').get_text() == PHONE
    for tag in soup.find_all(True):
        for value in tag.attrs.values():
            assert "<span" not in str(value), "spans never go inside attributes"


def test_english_pages_have_no_spans(client):
    html = client.get("/contact?lang=en").get_data(as_text=True)
    after_switcher = html.split('id="maincontent"', 1)[1]
    assert 'dir="ltr"' not in after_switcher and 'lang="en-GB"' not in after_switcher


def test_footer_and_gettext_sentences_keep_the_spans(client):
    page = client.get("/?lang=pl")
    footer = page.soup.select_one(".nhsuk-footer p.nhsuk-body-s")
    assert footer.select_one('span[lang="en-GB"]').get_text() == "Test area"
    assert ENGLISH_TEAM in page.get_data(as_text=True)


@pytest.fixture
def unsafe_area(make_app):
    return make_app(
        AREA_DEFAULTS={
            **TestConfig.AREA_DEFAULTS,
            "name": "<i>Area</i>",
            "team_name": '<img src=x onerror="alert(1)">',
            "contact_phone": "<b>0800</b>",
        }
    )


@pytest.mark.parametrize("lang", ["ur", "pl", "en"])
@pytest.mark.parametrize("path", ["/", "/contact", "/accessibility", "/ask-to-join-the-register"])
def test_area_text_is_escaped_in_every_language(unsafe_area, lang, path):
    with unsafe_area.test_client() as client:
        html = client.get(f"{path}?lang={lang}").get_data(as_text=True)
    assert "<i>Area</i>" not in html and "&lt;i&gt;Area&lt;/i&gt;" in html
    assert "<img src=x" not in html and "<b>0800</b>" not in html


def test_easy_read_sentences_get_spans_and_the_spoken_text_stays_plain(app):
    row = Row("home", ("Phone the %(team)s on %(phone)s.",))
    with app.test_request_context("/?lang=ur"):
        values = area_values(current_area())
        shown = Renderer(values).rows([row])[0]
    assert shown.sentences == [f"Phone the {ENGLISH_TEAM} on {ISOLATED_PHONE}."]
    assert shown.spoken == f"Phone the {TEAM} on {PHONE}."
    with app.test_request_context("/?lang=en"):
        english = Renderer(values).rows([row])[0]
    assert english.sentences == [f"Phone the {TEAM} on {PHONE}."]


def test_stand_ins_typed_into_a_setting_are_dropped(app):
    row = Row("home", ("Call %(phone)s.",))
    with app.test_request_context("/?lang=ur"):
        values = {**area_values(current_area()), "phone": f"0800{OPEN_EN}<b>1"}
        html = Renderer(values).rows([row])[0].sentences[0]
    assert html == 'Call <span dir="ltr">0800&lt;b&gt;1</span>.'


def test_an_urdu_explanation_page_isolates_contacts_but_reads_them_plainly(app, client):
    page = content.BY_SLUG["your-information"]
    html = client.get(f"/about/{page.slug}?lang=ur&version=easy").get_data(as_text=True)
    assert ENGLISH_TEAM in html and ISOLATED_PHONE in html
    with app.test_request_context("/?lang=ur"):
        spoken = page_audio(page, area_values(current_area())).easy
        texts = [text for text, *_ in catalogue(current_area()).values()]
    assert TEAM in spoken and PHONE in spoken
    for text in texts:
        assert "<span" not in text and OPEN_LTR not in text and OPEN_EN not in text
