"""Which texts can be listened to, so the audio route makes audio for those texts only."""

import hashlib
import threading
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale

from ..i18n import LOCALES
from .content import INDEX_INTRO, INDEX_TITLE, PAGES
from .content.planner import all_rows as planner_rows
from .content.planner import whole_texts as planner_pages
from .glossary import GLOSSARY_INTRO, GLOSSARY_TITLE, TERMS
from .render import area_values, spoken


@dataclass(frozen=True)
class PageAudio:
    easy: str
    standard: str
    rows: tuple


def page_audio(page, values):
    """What each player on an explanation page reads: the same words the page shows."""
    easy_sentences = [s for row in page.rows for s in row.sentences]
    standard_parts = [part for sec in page.standard for part in (sec.heading, *sec.paragraphs)]
    return PageAudio(
        easy=spoken((page.title, *easy_sentences), values),
        standard=spoken((page.title, *standard_parts), values),
        # Only rows that are shown: a row of unset local details is left out.
        rows=tuple(text for text in (spoken(r.sentences, values) for r in page.rows) if text),
    )


@dataclass(frozen=True)
class GlossaryAudio:
    easy: str
    standard: str
    terms: tuple


def glossary_audio(values):
    """The whole glossary in each version, then each word on its own (easy read)."""
    terms = tuple(spoken((term.word, *term.easy), values) for term in TERMS)
    heading = spoken((GLOSSARY_TITLE, GLOSSARY_INTRO), values)
    standard = spoken([part for term in TERMS for part in (term.word, term.standard)], values)
    return GlossaryAudio(" ".join((heading, *terms)), f"{heading} {standard}", terms)


def index_audio(values):
    summaries = [part for page in PAGES for part in (page.title, page.summary)]
    return spoken((INDEX_TITLE, *INDEX_INTRO, *summaries), values)


def voice_for(language):
    return current_app.config["SPEECH_VOICES"].get(language)


def all_texts(values):
    for page in PAGES:
        audio = page_audio(page, values)
        yield from (audio.easy, audio.standard, *audio.rows)
    glossary = glossary_audio(values)
    yield from (glossary.easy, glossary.standard, *glossary.terms)
    yield index_audio(values)
    # The planner's reading pages: each row, and each page whole.
    yield from (spoken(row.sentences, values) for row in planner_rows())
    yield from (spoken(sentences, values) for sentences in planner_pages())


_catalogues = {}
_lock = threading.Lock()


def catalogue(area):
    """{audio key: (text, voice)} for every text in every language that has a voice."""
    values = area_values(area)
    voices = sorted(current_app.config["SPEECH_VOICES"].items())
    stamp = hashlib.sha256(repr((sorted(values.items()), voices)).encode()).hexdigest()
    with _lock:
        if stamp not in _catalogues:
            store = current_app.extensions["audio_store"]
            found = {}
            for language in current_app.config["LANGUAGES"]:
                voice = voice_for(language)
                if not voice:
                    continue
                with force_locale(LOCALES.get(language, language)):
                    for text in all_texts(values):
                        found[store.key(text, voice)] = (text, voice)
            _catalogues.clear()
            _catalogues[stamp] = found
        return _catalogues[stamp]
