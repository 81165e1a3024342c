"""The My CTR Planner as an easy-read A4 PDF: filled in with the person's answers, blank
for writing by hand, or some parts only (part 5 on its own is the checklist for the day).

The content comes from present() (the questions and answers) and from the journey's
easy-read rows; the layout is templates/planner/pdf.html. User text reaches the PDF only
as escaped HTML text: never in CSS, never as a URL. The person's name gets into the
running footer through CSS string-set, from an element of the page."""

import re
from dataclasses import dataclass
from datetime import date

from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ..easyread.cache import PageCache
from ..easyread.glossary import TERMS
from ..easyread.pictures import PICTURES
from ..easyread.render import Renderer, area_values
from ..services.area import current_area
from ..services.pdf import pdf_bytes, picture_url
from .journey import BY_KEY, PARTS, display_name, full_name
from .present import BLANK_ACTION_ROWS, present

TITLE = _l("My Care and Treatment Review Planner")

# A picture for each page of questions, beside its heading. Keys from PICTURES, with the
# meaning they have everywhere else in the portal.
STEP_PICTURES = {
    "coordinator": "phone",
    "about_you": "person",
    "want": "agree",
    "decider": "mind",
    "guardian": "law",
    "parent": "parent",
    "invite": "family",
    "which_day": "calendar",
    "helps": "support",
    "profile": "happy",
    "when": "calendar",
    "safe": "safe",
    "care": "care",
    "future": "future",
    "community": "home",
    "questions": "question",
    "day": "ask",
    "what_now": "report",
    "actions": "write",
}

# On the blank form every consent page is printed: these say who fills in which.
BLANK_NOTES = {
    "decider": _l("Only answer this if you are 16 or over."),
    "guardian": _l("Only fill in this page if someone decides for you."),
    "parent": _l("Only fill in this page if you are under 16."),
}

# Writing lines in an empty box: enough to write by hand on paper.
BLANK_LINES = {"long_text": 6, "text": 1, "date": 1}
# An unanswered question in a filled planner: room to add an answer by hand.
EMPTY_LINES = {"long_text": 2, "text": 1, "date": 1}

# The blank planner is the same for everyone in a language and local area: each process
# renders it once per language and keeps it (about 90 KiB each).
BLANK_PDFS = PageCache(size=16)

FILENAMES = {
    "filled": "my-review-planner.pdf",
    "blank": "review-planner-to-fill-in.pdf",
    "day": "my-review-on-the-day.pdf",
}


@dataclass
class Block:
    """One thing in a part, in the booklet's order: easy-read rows, a page of
    questions, or the table of actions."""

    kind: str
    picture: object = None
    heading: str = ""
    intro: tuple = ()
    note: str = ""
    rows: list | None = None
    page: object = None
    actions: list | None = None


@dataclass
class PrintedPart:
    view: object
    picture: object
    blocks: list


def planner_filename(*, blank=False, parts=None):
    """A file name that says what the PDF is, and never holds anything the person typed."""
    if blank:
        return FILENAMES["blank"]
    if parts is not None and list(parts) == ["day"]:
        return FILENAMES["day"]
    return FILENAMES["filled"]


def css_string(text):
    """A CSS string holding text: every character but letters and digits as a hex escape,
    so nothing in it (quotes, braces, "</style>") can end the string or the style."""
    return '"' + re.sub(r"[^A-Za-z0-9]", lambda m: f"\\{ord(m.group(0)):06X}", text) + '"'


def page_of_pages():
    """CSS content for "Page 3 of 12", in the current language: the translated words as
    escaped CSS strings around the page counters."""
    message = _("Page %(page)s of %(pages)s", page="\x00page\x00", pages="\x00pages\x00")
    pieces = []
    for piece in message.split("\x00"):
        if piece in ("page", "pages"):
            pieces.append(f"counter({piece})")
        elif piece:
            pieces.append(css_string(piece))
    return Markup(" ".join(pieces))  # noqa: S704 - counters and escaped CSS strings only


def blocks_of(view, renderer):
    """The part's rows, question pages and actions in the order of the journey's steps."""
    pages = {page.key: page for page in view.pages}
    blocks = []
    for step in BY_KEY[view.key].steps:
        if step.rows:
            blocks.append(Block("rows", rows=renderer.rows(step.rows)))
        picture = PICTURES[STEP_PICTURES.get(step.key, view.picture)]
        if step.key in pages:
            page = pages[step.key]
            heading = "" if page.heading == view.title else page.heading
            intro = tuple(str(line) for line in step.intro)
            note = str(BLANK_NOTES.get(step.key, ""))
            blocks.append(Block("page", picture, heading, intro, note, page=page))
        elif step.key == "actions" and view.actions is not None:
            blocks.append(Block("actions", picture, str(step.heading({})), actions=view.actions))
    return blocks


def planner_pdf(answers, *, blank=False, parts=None):
    """The planner's PDF as bytes. Call it inside a request (it uses the locale, the
    local area's details and the templates). parts: part keys to print, all by default."""
    values = area_values(current_area())
    if not blank:
        return render_planner(dict(answers or {}), values, blank=False, parts=parts)
    key = (str(get_locale()), repr(sorted(values.items())), parts and tuple(parts))
    data = BLANK_PDFS.get(key)
    if data is None:
        data = render_planner({}, values, blank=True, parts=parts)
        BLANK_PDFS.put(key, data)
    return data


def render_planner(answers, values, *, blank, parts):
    """Render one PDF: answers as stored, values the local area's details."""
    renderer = Renderer(values)
    # On paper a glossary word is bold, never a link.
    renderer.seen.update(term.key for term in TERMS)
    printed = [
        PrintedPart(view, PICTURES[view.picture], blocks_of(view, renderer))
        for view in present(answers, parts=parts, blank=blank)
    ]
    whole = parts is None or len(printed) == len(PARTS)
    if whole:
        title = str(TITLE)
    else:
        title = _(
            "%(planner)s: %(parts)s",
            planner=TITLE,
            parts=", ".join(part.view.title for part in printed),
        )
    return pdf_bytes(
        "planner/pdf.html",
        title=title,
        planner_title=TITLE,
        whole=whole,
        blank=blank,
        compact=not whole and not blank,
        name="" if blank else (full_name(answers) or display_name(answers)),
        parts=printed,
        blank_lines=BLANK_LINES,
        empty_lines=EMPTY_LINES,
        blank_action_rows=BLANK_ACTION_ROWS,
        page_of_pages=page_of_pages(),
        picture_url=picture_url,
        cover_pictures={key: PICTURES[key] for key in ("read", "write", "private")},
        printed_on=None if blank else format_date(date.today(), "d MMMM y"),
    )
