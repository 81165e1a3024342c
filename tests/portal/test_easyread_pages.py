"""The explanation pages as a person gets them: easy read first, standard on request,
glossary links, pictures, the page cache, and listening."""

import array
import math
import subprocess
import wave

import pytest

from portal.config import Config
from portal.easyread import content, glossary
from portal.easyread.audio import catalogue
from portal.easyread.cache import NONCE_MARK
from portal.easyread.text import plain, words
from portal.services.area import current_area

FIRST = content.PAGES[0]


def test_index_lists_every_explanation_and_the_glossary(client):
    soup = client.get("/about/").soup
    links = {a["href"] for a in soup.select("main a")}
    for page in content.PAGES:
        assert f"/about/{page.slug}" in links
    assert "/about/words-we-use" in links


@pytest.mark.parametrize("slug", [page.slug for page in content.PAGES])
def test_easy_read_page_shows_every_row_with_its_picture(client, slug):
    page = content.BY_SLUG[slug]
    soup = client.get(f"/about/{slug}").soup
    rows = soup.select(".er-row")
    assert len(rows) == len(page.rows)
    for row in rows:
        picture = row.select_one("img.er-row__picture")
        assert picture["alt"] == "", "the sentences say what the picture shows"
        assert picture["src"].startswith("/about/pictures/")
    assert soup.select_one(".er-version [aria-current]").get_text(strip=True) == "Easy read"


def test_glossary_word_is_linked_where_it_first_appears_then_only_bold(client):
    soup = client.get(f"/about/{FIRST.slug}").soup
    hrefs = [a["href"] for a in soup.select(".er-row a[href^='/about/words-we-use#term-']")]
    assert hrefs, "glossary words link to the glossary"
    assert len(hrefs) == len(set(hrefs)), "each word links once, where it first appears"
    glossary_page = client.get("/about/words-we-use").soup
    for href in hrefs:
        assert glossary_page.select_one(href.split("/about/words-we-use")[1])


def test_every_glossary_word_has_an_entry(client):
    soup = client.get("/about/words-we-use").soup
    for term in glossary.TERMS:
        entry = soup.select_one(f"#term-{term.key}")
        assert entry and entry.select_one("h2").get_text(strip=True) == str(term.word)


def test_standard_version_is_chosen_and_remembered_for_the_visit(client):
    standard = client.get(f"/about/{FIRST.slug}?version=standard")
    assert "reading=standard" in standard.headers["Set-Cookie"]
    assert not standard.soup.select(".er-row")
    headings = [h.get_text(strip=True) for h in standard.soup.select("main h2")]
    assert str(FIRST.standard[0].heading) in headings
    later = client.get(f"/about/{content.PAGES[1].slug}").soup
    assert later.select_one(".er-version [aria-current]").get_text(strip=True) == "Standard"
    back = client.get(f"/about/{FIRST.slug}?version=easy").soup
    assert back.select(".er-row")


def test_local_details_are_filled_in(client):
    soup = client.get("/about/advocates").soup
    assert "Demo Advocacy Service" in soup.main.get_text()
    assert "%(" not in soup.main.get_text()


def test_unknown_page_is_404(client):
    assert client.get("/about/no-such-page").status_code == 404


def test_pictures_are_served_from_the_package(client):
    with client.get(f"/about/pictures/{'1F4CB'}.svg") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert "immutable" in response.headers["Cache-Control"]
    assert client.get("/about/pictures/1F600.svg").status_code == 404, "only our pictures"


def test_every_picture_shown_is_credited(client):
    credits_text = client.get("/credits").soup.main.get_text()
    shown = set()
    for path in ["/about/", "/about/words-we-use"] + [f"/about/{p.slug}" for p in content.PAGES]:
        shown |= {img["src"] for img in client.get(path).soup.select("main img")}
    assert shown
    for src in shown:
        code = src.rsplit("/", 1)[1].removesuffix(".svg")
        assert f"({code})" in credits_text, f"{code} is not credited"


def test_rendered_pages_are_cached_but_each_response_has_its_own_nonce(client, monkeypatch):
    from portal.easyread import views

    views.pages.clear()
    calls = []
    real = views.render_template
    monkeypatch.setattr(views, "render_template", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = client.get(f"/about/{FIRST.slug}")
    second = client.get(f"/about/{FIRST.slug}")
    assert len(calls) == 1, "the second visitor gets the cached page"
    for response in (first, second):
        body = response.get_data(as_text=True)
        assert NONCE_MARK not in body
        nonce = response.soup.find("script", src=False)["nonce"]
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    assert (
        first.soup.find("script", src=False)["nonce"]
        != second.soup.find("script", src=False)["nonce"]
    )


def audio_src(soup):
    return soup.select_one("audio.er-listen__player")["src"]


def decode(ogg_bytes, tmp_path):
    """Seconds of sound, and how loud it is (root mean square of 16-bit samples)."""
    ogg, wav = tmp_path / "speech.ogg", tmp_path / "speech.wav"
    ogg.write_bytes(ogg_bytes)
    subprocess.run(["opusdec", "--quiet", str(ogg), str(wav)], check=True)
    with wave.open(str(wav)) as decoded:
        assert decoded.getsampwidth() == 2
        seconds = decoded.getnframes() / decoded.getframerate()
        samples = array.array("h", decoded.readframes(decoded.getnframes()))
    rms = math.sqrt(sum(x * x for x in samples[::7]) / max(1, len(samples[::7])))
    return seconds, rms


def duration_seconds(ogg_bytes, tmp_path):
    seconds, rms = decode(ogg_bytes, tmp_path)
    assert rms > 300, f"the audio is nearly silent (RMS {rms:.0f})"
    return seconds


def test_a_row_can_be_listened_to_and_lasts_as_long_as_its_words(client, tmp_path):
    soup = client.get(f"/about/{FIRST.slug}").soup
    row = soup.select_one(".er-row")
    with client.get(row["data-audio"]) as response:
        assert response.status_code == 200
        assert response.mimetype == "audio/ogg"
        assert "immutable" in response.headers["Cache-Control"]
        seconds = duration_seconds(response.get_data(), tmp_path)
    count = len(words(plain(row.select_one(".er-row__text").get_text(" "))))
    # At 140 words a minute a word takes about 0.43 s; allow for pauses and short words.
    assert 0.2 * count <= seconds <= 0.9 * count + 1.5, (count, seconds)


@pytest.mark.parametrize("path", ["/about/", "/about/words-we-use", f"/about/{FIRST.slug}"])
def test_the_whole_page_can_be_listened_to_without_javascript(client, tmp_path, path):
    soup = client.get(path).soup
    with client.get(audio_src(soup)) as response:
        assert response.status_code == 200
        seconds = duration_seconds(response.get_data(), tmp_path)
    count = len(words(soup.main.get_text(" ")))
    assert seconds >= 0.1 * count, (count, seconds)


def test_audio_is_served_in_byte_ranges(client):
    url = audio_src(client.get(f"/about/{FIRST.slug}").soup)
    client.get(url).close()
    with client.get(url, headers={"Range": "bytes=0-99"}) as response:
        assert response.status_code == 206
        assert response.headers["Content-Range"].startswith("bytes 0-99/")
        assert len(response.get_data()) == 100


def test_audio_is_only_made_for_the_portals_own_texts(client):
    assert client.get("/about/audio/" + "0" * 64 + ".ogg").status_code == 404
    assert client.get("/about/audio/not-a-key.ogg").status_code == 404


def test_missing_audio_is_made_on_first_request(make_app, tmp_path):
    fresh = make_app(AUDIO_DIR=str(tmp_path / "audio"))
    with fresh.test_client() as client:
        page = client.get(f"/about/{FIRST.slug}").get_data(as_text=True)
        url = page.split('data-audio="', 1)[1].split('"', 1)[0]
        assert not list((tmp_path / "audio").rglob("*.ogg"))
        with client.get(url) as response:
            assert response.status_code == 200
    assert len(list((tmp_path / "audio").rglob("*.ogg"))) == 1


def test_a_relative_audio_folder_is_taken_from_the_working_directory(
    make_app, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    fresh = make_app(AUDIO_DIR="relative-audio")
    with fresh.test_client() as client:
        page = client.get(f"/about/{FIRST.slug}").get_data(as_text=True)
        url = page.split('data-audio="', 1)[1].split('"', 1)[0]
        with client.get(url) as response:
            assert response.status_code == 200
    assert list((tmp_path / "relative-audio").rglob("*.ogg"))


def test_without_espeak_the_pages_still_work_and_say_so(make_app, tmp_path, monkeypatch, caplog):
    import pyttsx3

    def no_espeak(*args, **kwargs):
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    monkeypatch.setattr(pyttsx3, "init", no_espeak)
    fresh = make_app(AUDIO_DIR=str(tmp_path / "audio"))
    with fresh.test_client() as client:
        page = client.get(f"/about/{FIRST.slug}")
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert "Listening is not available at the moment." in text
        assert "<audio" not in text and "data-audio" not in text
    assert "libespeak-ng.so.1" in caplog.text, "the log says why"


def test_build_audio_makes_every_file_ahead_of_time(make_app, monkeypatch, tmp_path):
    """Every text of the catalogue, in every language with a voice, made by worker
    processes. The 5 shortest texts per language: the whole catalogue (about 220 texts in
    each of 4 languages) takes minutes of encoding, and every text takes the same path."""
    from portal.easyread import audio

    every_text = audio.all_texts
    monkeypatch.setattr(audio, "all_texts", lambda values: sorted(every_text(values), key=len)[:5])
    monkeypatch.setattr(audio, "_catalogues", {})
    fresh = make_app(AUDIO_DIR=str(tmp_path / "audio"))
    result = fresh.test_cli_runner().invoke(args=["build-audio", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    with fresh.test_request_context():
        entries = catalogue(current_area())
        store = fresh.extensions["audio_store"]
    assert {voice for _, voice in entries.values()} == set(Config.SPEECH_VOICES.values())
    assert len(entries) == 5 * len(Config.SPEECH_VOICES)
    assert all(store.path(key).exists() for key in entries)
    assert f"{len(entries)} audio files ready ({len(entries)} new)" in result.output
    again = fresh.test_cli_runner().invoke(args=["build-audio"])
    assert "(0 new)" in again.output


BLANK = {
    "advocacy_name": "",
    "advocacy_phone": "",
    "advocacy_email": "",
    "complaints_phone": "",
    "complaints_email": "",
    "complaints_route": "",
}
ALL_PATHS = ["/about/", "/about/words-we-use"] + [f"/about/{p.slug}" for p in content.PAGES]


@pytest.mark.parametrize("version", ["easy", "standard"])
def test_unset_local_details_leave_no_broken_sentences(make_app, tmp_path, version):
    from portal.config import TestConfig

    bare = make_app(
        AREA_DEFAULTS={**TestConfig.AREA_DEFAULTS, **BLANK}, AUDIO_DIR=str(tmp_path / "audio")
    )
    with bare.test_client() as client:
        for path in ALL_PATHS:
            main = client.get(f"{path}?version={version}").soup.main
            for paragraph in main.select("p"):
                text = paragraph.get_text("")
                for broken in (" .", " ,", "%("):
                    assert broken not in text, f"{path}: {text!r}"


def test_the_local_complaints_route_is_shown(client):
    text = client.get("/about/if-you-are-not-happy").soup.main.get_text(" ")
    assert "Patient Advice and Liaison Service" in text


def spoken_text_of(client, app, url):
    key = url.rsplit("/", 1)[1].removesuffix(".ogg")
    with app.test_request_context():
        return catalogue(current_area())[key][0]


def words_of(text):
    return words(text)


@pytest.mark.parametrize(
    "path",
    [
        f"/about/{FIRST.slug}",
        f"/about/{FIRST.slug}?version=standard",
        "/about/words-we-use",
        "/about/words-we-use?version=standard",
        "/about/",
    ],
)
def test_the_words_spoken_are_the_words_shown(app, client, path):
    soup = client.get(path).soup
    spoken = spoken_text_of(client, app, audio_src(soup))
    main = soup.main
    for hidden in main.select(
        ".er-listen, .er-version, nav, .nhsuk-pagination, "
        ".nhsuk-action-link, h2:-soup-contains('What you can do next')"
    ):
        hidden.decompose()
    shown = words_of(main.get_text(" "))
    said = words_of(spoken)
    assert set(said) <= set(shown), set(said) - set(shown)
    assert len(said) >= 0.6 * len(shown), "most of what is shown is read"


@pytest.mark.parametrize("slug", [page.slug for page in content.PAGES])
def test_standard_version_links_glossary_words_where_they_first_appear(client, slug):
    from portal.easyread.render import term_patterns

    soup = client.get(f"/about/{slug}?version=standard").soup
    text = " ".join(p.get_text(" ") for p in soup.main.select("p"))
    linked = {a["href"].split("#term-")[1] for a in soup.main.select("a[href*='#term-']")}
    for key, pattern in term_patterns():
        if pattern.search(text):
            assert key in linked, f"{slug}: '{key}' appears but is not linked"
