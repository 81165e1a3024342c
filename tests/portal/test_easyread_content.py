"""The easy-read rules, checked on every sentence: short sentences, everyday words,
real pictures, glossary words that exist, and only the local details we can fill in."""

import re

import pytest
import textstat

from portal.easyread import content, glossary
from portal.easyread.model import AREA_PLACEHOLDERS
from portal.easyread.pictures import PICTURES
from portal.easyread.text import glossary_keys, placeholders, plain, words

MAX_WORDS = 15
MIN_FLESCH = 80
# A local name counts as one word here: its length is the area's choice, not the writer's.
SAMPLE = dict.fromkeys(AREA_PLACEHOLDERS, "Northfield")
SENTENCE_END = re.compile(r"[.!?]\s+\S")

PAGE_IDS = [page.slug for page in content.PAGES]


def easy_sentences(page):
    for row in page.rows:
        yield from (str(s) for s in row.sentences)


def standard_texts(page):
    for section in page.standard:
        yield str(section.heading)
        yield from (str(p) for p in section.paragraphs)


def filled(text):
    return plain(text % SAMPLE if "%(" in text else text)


def test_every_page_the_issue_names_exists():
    assert PAGE_IDS == list(content.ORDER)
    assert len(glossary.TERMS) == len(glossary.KEYS)
    assert [t.key for t in glossary.TERMS] == list(glossary.KEYS)


@pytest.mark.parametrize("slug", PAGE_IDS)
def test_page_is_laid_out_as_easy_read(slug):
    page = content.BY_SLUG[slug]
    assert str(page.title) and str(page.summary)
    assert len(page.rows) >= 4, "an explanation needs a few rows"
    assert page.standard, "every page has a standard version"
    for row in page.rows:
        assert row.picture in PICTURES, f"unknown picture {row.picture!r}"
        assert 1 <= len(row.sentences) <= 3, f"{row.sentences}: one to three sentences a row"


def all_easy_texts():
    for page in content.PAGES:
        yield from ((page.slug, s) for s in easy_sentences(page))
        yield from ((page.slug, str(s)) for s in [page.title, page.summary])
    for term in glossary.TERMS:
        yield from ((f"glossary:{term.key}", str(s)) for s in term.easy)


@pytest.mark.parametrize(("where", "sentence"), list(all_easy_texts()))
def test_easy_read_sentence_is_one_short_sentence(where, sentence):
    text = filled(sentence)
    count = len(words(text))
    assert count <= MAX_WORDS, f"{where}: {count} words: {text!r}"
    assert not SENTENCE_END.search(text), f"{where}: more than one sentence: {text!r}"


def all_marked_texts():
    for page in content.PAGES:
        yield from ((page.slug, s) for s in easy_sentences(page))
        yield from ((page.slug, s) for s in standard_texts(page))
    for term in glossary.TERMS:
        yield from ((f"glossary:{term.key}", str(s)) for s in (*term.easy, term.standard))


@pytest.mark.parametrize(("where", "text"), list(all_marked_texts()))
def test_glossary_links_and_placeholders_are_known(where, text):
    for key in glossary_keys(text):
        assert key in glossary.KEYS, f"{where}: no glossary entry {key!r}"
    for name in placeholders(text):
        assert name in AREA_PLACEHOLDERS, f"{where}: unknown setting %({name})s"
    stripped = re.sub(r"%\([a-z_]+\)s", "", text)
    assert "%" not in stripped.replace("%%", ""), f"{where}: a stray % sign"


@pytest.mark.parametrize("slug", PAGE_IDS)
def test_english_easy_read_scores_80_or_more(slug):
    page = content.BY_SLUG[slug]
    text = " ".join(filled(s) for s in easy_sentences(page))
    score = textstat.flesch_reading_ease(text)
    assert score >= MIN_FLESCH, f"{slug}: Flesch reading ease {score:.0f}"


def test_glossary_easy_read_scores_80_or_more():
    text = " ".join(filled(str(s)) for term in glossary.TERMS for s in term.easy)
    assert textstat.flesch_reading_ease(text) >= MIN_FLESCH


@pytest.mark.parametrize("slug", PAGE_IDS)
def test_next_steps_lead_to_real_pages(app, slug):
    adapter = app.url_map.bind("localhost")
    for link in content.BY_SLUG[slug].next_steps:
        adapter.match(link.path.split("#")[0])


@pytest.mark.parametrize("slug", PAGE_IDS)
def test_glossary_words_first_appear_marked(slug):
    """Each glossary word the page uses is marked where it first appears in easy read."""
    page = content.BY_SLUG[slug]
    marked = {key for s in easy_sentences(page) for key in glossary_keys(s)}
    assert marked, f"{slug}: link at least one word to the glossary"


# A core idea always has the same picture: a row that starts by naming it shows it.
CORE_PICTURES = {
    "consent": "agree",
    "advocate": "support",
    "complaint": "unhappy",
    "care-coordinator": "plan",
}
# Rows that name a core idea only to say what something is not.
NOT_ABOUT_IT = {"Asking for a review is not a [complaint](complaint)."}


@pytest.mark.parametrize("slug", PAGE_IDS)
def test_core_ideas_keep_their_picture(slug):
    for row in content.BY_SLUG[slug].rows:
        first = str(row.sentences[0])
        keys = glossary_keys(first)
        if keys and keys[0] in CORE_PICTURES and first not in NOT_ABOUT_IT:
            assert row.picture == CORE_PICTURES[keys[0]], first
    for term in glossary.TERMS:
        if term.key in CORE_PICTURES:
            assert term.picture == CORE_PICTURES[term.key], term.key
