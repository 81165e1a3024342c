"""Content into what a page shows and what it reads aloud."""

from dataclasses import dataclass

from flask import url_for

from ..bidi import mark, spans
from .glossary import TERMS
from .pictures import PICTURES
from .text import fill, mark_terms, plain, term_pattern, to_html


def area_values(area):
    """The local area's details that sentences may quote (model.AREA_PLACEHOLDERS)."""
    return {
        "area": area.name,
        "team": area.team_name,
        "phone": area.contact_phone,
        "email": area.contact_email,
        "office_hours": area.office_hours,
        "advocacy_name": area.advocacy_name,
        "advocacy_phone": area.advocacy_phone,
        "advocacy_email": area.advocacy_email,
        "complaints_phone": area.complaints_phone,
        "complaints_email": area.complaints_email,
        "complaints_route": area.complaints_route,
        "referral_days": area.referral_response_days,
        "review_request_days": area.review_request_response_days,
    }


# Details staff type in English; the others (phone numbers, emails) only keep their order.
ENGLISH_VALUES = frozenset({"area", "team", "office_hours", "advocacy_name", "complaints_route"})


def marked_values(values):
    """The values as the page shows them: marked for the spans `bidi.spans` puts in."""
    return {name: mark(value, english=name in ENGLISH_VALUES) for name, value in values.items()}


def term_patterns():
    """Each glossary term's pattern in the current language, longest names first."""
    terms = sorted(TERMS, key=lambda term: len(str(term.word)), reverse=True)
    return [(term.key, term_pattern(term.word)) for term in terms]


@dataclass(frozen=True)
class ShownRow:
    picture: object
    sentences: list
    spoken: str


@dataclass(frozen=True)
class ShownSection:
    heading: str
    paragraphs: list
    spoken: str


def shown(messages, values):
    """The sentences a page shows: those quoting an unset local detail are left out."""
    return [text for text in (fill(m, values) for m in messages) if text is not None]


def spoken(messages, values):
    """The words shown, as one text for the speech engine."""
    return " ".join(plain(text) for text in shown(messages, values))


class Renderer:
    """Renders one page's sentences, remembering which glossary words it has linked."""

    def __init__(self, values):
        self.values = values
        # Shown text gets direction and language spans; spoken text stays plain.
        self.shown_values = marked_values(values)
        self.seen = set()
        self.glossary_url = url_for("easyread.glossary")

    def html(self, text):
        return spans(to_html(text, self.seen, self.glossary_url))

    def linked_html(self, text):
        """Standard text: glossary words are found and linked without marks in the source."""
        return self.html(mark_terms(text, term_patterns(), self.seen))

    def rows(self, rows):
        """Rows with at least one sentence to show (a row of unset details goes)."""
        shown_rows = []
        for row in rows:
            texts = shown(row.sentences, self.shown_values)
            if texts:
                shown_rows.append(
                    ShownRow(
                        PICTURES[row.picture],
                        [self.html(t) for t in texts],
                        spoken(row.sentences, self.values),
                    )
                )
        return shown_rows

    def sections(self, sections):
        return [
            ShownSection(
                str(section.heading),
                [self.linked_html(t) for t in shown(section.paragraphs, self.shown_values)],
                spoken((section.heading, *section.paragraphs), self.values),
            )
            for section in sections
        ]
