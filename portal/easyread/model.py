"""The shape of an explanation page. Content lives in content/, one module per topic.

Every sentence is its own translatable message. Inside a sentence:
- ``[words](term-key)`` marks a glossary word: bold and linked where it first appears on a
  page, plain bold after that. Translators may change the words but keep ``(term-key)``.
- ``%(name)s`` inserts one of the local area's settings (see AREA_PLACEHOLDERS). A sentence
  whose setting is empty is left out, on the page and in the audio, so give each setting
  its own sentence.
"""

from dataclasses import dataclass

# The settings a sentence may quote, filled in from the local area when the page renders.
AREA_PLACEHOLDERS = (
    "area",
    "team",
    "phone",
    "email",
    "office_hours",
    "advocacy_name",
    "advocacy_phone",
    "advocacy_email",
    "complaints_phone",
    "complaints_email",
    "complaints_route",
    "referral_days",
    "review_request_days",
)


@dataclass(frozen=True)
class Row:
    """One easy-read row: a picture on the left, one to three short sentences."""

    picture: str
    sentences: tuple


@dataclass(frozen=True)
class Section:
    """Part of the standard version: a heading and paragraphs in plain English."""

    heading: object
    paragraphs: tuple


@dataclass(frozen=True)
class Link:
    """A next step, in plain words: a path in the portal and the words of the link."""

    path: str
    text: object


@dataclass(frozen=True)
class Page:
    slug: str
    title: object
    summary: object
    rows: tuple
    standard: tuple
    next_steps: tuple = ()
