"""Content into what a page shows and what it reads aloud."""

from dataclasses import dataclass

from flask import url_for

from .pictures import PICTURES
from .text import fill, plain, to_html


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
        "referral_days": area.referral_response_days,
        "review_request_days": area.review_request_response_days,
    }


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


def spoken(messages, values):
    """The words shown, as one text for the speech engine."""
    return " ".join(plain(fill(message, values)) for message in messages)


class Renderer:
    """Renders one page's sentences, remembering which glossary words it has linked."""

    def __init__(self, values):
        self.values = values
        self.seen = set()
        self.glossary_url = url_for("easyread.glossary")

    def html(self, message):
        return to_html(fill(message, self.values), self.seen, self.glossary_url)

    def rows(self, rows):
        return [
            ShownRow(
                PICTURES[row.picture],
                [self.html(s) for s in row.sentences],
                spoken(row.sentences, self.values),
            )
            for row in rows
        ]

    def sections(self, sections):
        return [
            ShownSection(
                str(section.heading),
                [self.html(p) for p in section.paragraphs],
                spoken((section.heading, *section.paragraphs), self.values),
            )
            for section in sections
        ]
