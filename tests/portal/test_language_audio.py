"""Listening in each language: the words on the page, read by that language's espeak-ng
voice, never another language's; a basic voice says so; a language without a voice says
listening is not available in it."""

import subprocess
import wave

import pytest

from portal.config import Config
from portal.easyread import content
from portal.easyread.audio import catalogue
from portal.easyread.speech import Speaker
from portal.easyread.text import plain
from portal.services.area import current_area

from .test_easyread_pages import duration_seconds

PAGE = f"/about/{content.PAGES[0].slug}"
SAMPLES = {
    "pl": "Możesz poprosić o przegląd swojej opieki.",
    "ro": "Puteți cere o evaluare a îngrijirii dumneavoastră.",
    "ur": "آپ اپنی دیکھ بھال کے جائزے کے لیے کہہ سکتے ہیں۔",
}


def samples(path):
    with wave.open(str(path)) as sound:
        return sound.readframes(sound.getnframes())


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_language_is_read_by_its_own_voice(code, tmp_path):
    """The engine really speaks with the voice set: the same sound as espeak-ng's own
    program with that voice (for Urdu, within a few samples: the two pass the text to
    espeak-ng slightly differently), and not the English voice's."""
    voice = Config.SPEECH_VOICES[code]
    ours, theirs, english = tmp_path / "ours.wav", tmp_path / "theirs.wav", tmp_path / "en.wav"
    Speaker().speak_to_wav(SAMPLES[code], voice, 140, ours)
    for chosen, target in ((voice, theirs), ("gmw/en", english)):
        subprocess.run(
            ["espeak-ng", "-v", chosen, "-s", "140", "-w", str(target), SAMPLES[code]], check=True
        )
    made, wanted = samples(ours), samples(theirs)
    assert made == wanted or abs(len(made) - len(wanted)) <= 0.01 * len(wanted)
    assert made != samples(english)


@pytest.mark.parametrize("code", ["pl", "ro", "ur"])
def test_a_row_is_read_in_the_pages_language(app, client, code, tmp_path):
    page = client.get(f"{PAGE}?lang={code}")
    row = page.soup.select_one(".er-row")
    key = row["data-audio"].rsplit("/", 1)[1].removesuffix(".ogg")
    with app.test_request_context(f"{PAGE}?lang={code}"):
        text, voice = catalogue(current_area())[key]
    assert voice == Config.SPEECH_VOICES[code]
    assert " ".join(text.split()) == " ".join(
        plain(row.select_one(".er-row__text").get_text(" ")).split()
    ), "the words spoken are the words shown"
    with client.get(row["data-audio"]) as response:
        assert response.status_code == 200 and response.mimetype == "audio/ogg"
        assert duration_seconds(response.get_data(), tmp_path) > 1


def test_a_basic_voice_is_offered_with_a_plain_warning(client):
    urdu = client.get(f"{PAGE}?lang=ur").soup
    assert urdu.select_one("audio.er-listen__player")
    assert urdu.select_one(".er-listen__note")
    assert client.get(f"{PAGE}?lang=pl").soup.select_one(".er-listen__note") is None


def test_a_language_without_a_voice_is_not_read_in_another(make_app):
    voices = {k: v for k, v in Config.SPEECH_VOICES.items() if k != "ro"}
    fresh = make_app(SPEECH_VOICES=voices)
    with fresh.test_client() as client:
        page = client.get(f"{PAGE}?lang=ro")
    text = page.get_data(as_text=True)
    assert "<audio" not in text and "data-audio" not in text
    assert page.soup.select_one(".er-listen p") is not None
    with fresh.test_request_context():
        assert all(voice != "roa/ro" for _, voice in catalogue(current_area()).values())
