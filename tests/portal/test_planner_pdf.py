"""The My CTR Planner as an easy-read A4 PDF: filled in, blank for writing by hand, and
part 5 on its own as a checklist for the day. Tagged (PDF/UA-1), in the page's language,
14pt or more, the person's name and the page number on every page, and safe: user text
prints as text and nothing but the portal's own pictures is ever fetched."""

import re
import subprocess

import pytest
from flask import render_template

from portal.easyread.cache import PageCache
from portal.planner import pdf as planner_pdf_module
from portal.planner.pdf import css_string, planner_filename, planner_pdf
from portal.services import pdf as pdf_service
from portal.services.pdf import FetchRefused, bundled_only, picture_url, straight_zero_arcs

from .test_referral_after import pdf_objects

# Lines of one answer, typed with line breaks, that must print on lines of their own.
ADDRESS = "Flat 2\n14 Example Road\nLeeds"
IMPORTANT = (
    "My cat Biscuit and my music.\n"
    + "I like quiet mornings and a walk before lunch. " * 12
    + "\nMy mum and my sister visit on Sundays."
)


def sam_answers(**changes):
    """A planner of someone aged 16 or over whose deputy decides, with a long answer."""
    answers = {
        "coordinator": {"name": "Priya Shah", "team": "", "phone": "", "email": ""},
        "about_you": {
            "first_name": "Sam",
            "last_name": "Jones",
            "preferred_name": "",
            "date_of_birth": "2001-03-04",
            "address": ADDRESS,
        },
        "want": {"want": "yes"},
        "decider": {"decider": "guardian"},
        "guardian": {"name": "Alex Jones", "role": "deputy", "agrees": "yes"},
        "profile": {"important": IMPORTANT, "like": "", "support": ""},
        "day": {"wanted": ["breaks"], "with_me": "Mum", "place": "", "other": ""},
        "actions": {
            "actions": [
                {"what": "Find a flat near Mum", "who": "Priya", "by_when": "June", "done": "no"},
                {"what": "Start college", "who": "Sam", "by_when": "September", "done": "yes"},
            ]
        },
    }
    answers.update(changes)
    return answers


def render(app, answers, **options):
    with app.test_request_context("/my-review-planner/planner.pdf"):
        return planner_pdf(answers, **options)


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdf_pages(data, tmp_path, *options):
    """The text of each page, as pdftotext gives it (line breaks kept)."""
    pdf = tmp_path / "planner.pdf"
    pdf.write_bytes(data)
    return run("pdftotext", *options, str(pdf), "-").split("\f")[:-1]


def flat(text):
    return " ".join(text.split())


def squash(text):
    """Text without its spaces: a long URL may wrap anywhere in its box."""
    return "".join(text.split())


def pdf_info(data, tmp_path):
    pdf = tmp_path / "info.pdf"
    pdf.write_bytes(data)
    return run("pdfinfo", str(pdf))


@pytest.fixture(scope="module")
def filled(app):
    return render(app, sam_answers())


@pytest.fixture(scope="module")
def blank(app):
    return render(app, sam_answers(), blank=True)


# Filled in -----------------------------------------------------------------------------


def test_the_filled_planner_prints_the_answers(filled, tmp_path):
    pages = pdf_pages(filled, tmp_path)
    text = flat("".join(pages))
    assert "My Care and Treatment Review Planner" in text
    for answer in ("Priya Shah", "Alex Jones", "4 March 2001", "Mum", "Biscuit"):
        assert answer in text
    # Every option of a choice prints, the chosen one ticked.
    assert "✔ Yes, I would like a review" in text
    assert "No, I do not want a review" in text
    assert "✔ A deputy from the Court of Protection" in text
    assert "✔ I would like to take breaks when I need them" in text
    # Pages that do not apply to Sam (the parent's consent) are left out.
    assert "Your parent agrees too" not in text
    for part in ("My consent form", "About me", "Planning my review", "After my review"):
        assert part in text


def test_a_long_answer_keeps_its_line_breaks(filled, tmp_path):
    lines = [line for line in "".join(pdf_pages(filled, tmp_path)).splitlines() if line]
    for typed in (ADDRESS.splitlines(), ["My cat Biscuit and my music."]):
        start = lines.index(typed[0])
        assert lines[start : start + len(typed)] == typed
    last = lines.index("My mum and my sister visit on Sundays.")
    assert lines[last - 1].endswith("before lunch."), "the break before it is kept"
    assert flat(IMPORTANT) in flat(" ".join(lines)), "nothing of a long answer is lost"


def test_the_actions_print_as_a_table(filled, tmp_path):
    lines = "".join(pdf_pages(filled, tmp_path, "-layout")).splitlines()
    header = next(line for line in lines if "Who will do" in line)
    assert re.search(r"What needs to\s+Who will do( it)?\s+By when\s+Is it done\?", header)
    # Each action is a row: what, who, by when, done, side by side.
    assert any(re.search(r"Find a flat near Mum\s+Priya\s+June\s+Not yet", line) for line in lines)
    assert any(re.search(r"Start college\s+Sam\s+September\s+✔ Done", line) for line in lines)


def test_every_page_has_the_name_and_its_number(filled, tmp_path):
    pages = pdf_pages(filled, tmp_path)
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert "Name: Sam Jones" in page, number
        assert f"Page {number} of {len(pages)}" in page


def test_each_part_starts_a_new_page(filled, tmp_path):
    pages = pdf_pages(filled, tmp_path)
    for number in range(1, 7):
        starts = [page for page in pages if page.lstrip().startswith(f"Part {number}\n")]
        assert len(starts) == 1, f"part {number} starts a page of its own"


def test_glossary_words_are_bold_and_link_nowhere(app, filled):
    with app.test_request_context("/"):
        html = rendered_html(sam_answers())
    assert "<strong>Care and Treatment Review</strong>" in html
    assert "words-we-use" not in html
    # The only links are the contents list's, to pages inside the booklet.
    assert b"/URI" not in pdf_objects(filled)


# Blank, for writing by hand --------------------------------------------------------------


def test_the_blank_planner_has_the_questions_and_no_answers(blank, tmp_path):
    pages = pdf_pages(blank, tmp_path)
    text = flat("".join(pages))
    for question in ("First name", "Date of birth", "What is important to me", "By when"):
        assert question in text
    for answer in ("Sam", "Jones", "Priya", "Biscuit", "Find a flat", "✔", "Printed on"):
        assert answer not in text
    # Both consent pages, each saying who fills it in.
    assert "The person who decides for you" in text
    assert "Only fill in this page if someone decides for you." in text
    assert "Your parent agrees too" in text
    assert "Only fill in this page if you are under 16." in text
    assert "Tick 1 box." in text
    for number, page in enumerate(pages, start=1):
        assert re.search(r"Name: _{10,}", page), number
        assert f"Page {number} of {len(pages)}" in page


def test_the_blank_planner_has_room_to_write(app):
    with app.test_request_context("/"):
        html = rendered_html({}, blank=True)
    assert html.count('class="line"') >= 6 * 15, "lined boxes for the long answers"
    assert html.count('<tr class="empty">') == 5, "5 empty actions to fill in"


def test_the_blank_planner_is_rendered_once_per_language(app, blank):
    with app.test_request_context("/"):
        assert planner_pdf({}, blank=True) is blank, "the same bytes, from the cache"
        assert planner_pdf(sam_answers(), blank=True) is blank, "answers never reach it"


def rendered_html(answers, **options):
    """The HTML that planner_pdf gives WeasyPrint (call it inside a request)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(planner_pdf_module, "pdf_bytes", render_template)
        patch.setattr(planner_pdf_module, "BLANK_PDFS", PageCache())
        return planner_pdf(answers, **options)


# Part 5 on its own ------------------------------------------------------------------------


def test_on_the_day_prints_on_its_own_as_a_checklist(app, tmp_path):
    data = render(app, sam_answers(), parts=["day"])
    pages = pdf_pages(data, tmp_path)
    text = flat("".join(pages))
    assert len(pages) == 1
    assert "Part 5 On the day" in text
    assert "There are 3 people on the panel." in text
    assert "✔ I would like to take breaks when I need them" in text
    assert "I would like to meet one person at a time" in text
    assert "Mum" in text and "Name: Sam Jones" in text and "Page 1 of 1" in text
    for elsewhere in ("My consent form", "Priya", "Biscuit", "What is in this booklet"):
        assert elsewhere not in text
    assert "My Care and Treatment Review Planner: On the day" in pdf_info(data, tmp_path)


def test_file_names_say_what_the_pdf_is():
    assert planner_filename() == "my-review-planner.pdf"
    assert planner_filename(blank=True) == "review-planner-to-fill-in.pdf"
    assert planner_filename(parts=["day"]) == "my-review-on-the-day.pdf"


# A tagged, accessible PDF -------------------------------------------------------------------


def test_the_pdf_is_tagged_pdf_ua_with_its_language_and_title(filled, blank, tmp_path):
    for data in (filled, blank):
        info = pdf_info(data, tmp_path)
        assert "Tagged:          yes" in info
        assert "Title:           My Care and Treatment Review Planner" in info
        assert "(A4)" in info
        objects = pdf_objects(data)
        assert re.search(rb"/MarkInfo\s*<<\s*/Marked true", objects)
        assert b"/StructTreeRoot" in objects
        assert b"/Lang (en-GB)" in objects
        assert b"pdfuaid:part" in objects, "it says it is PDF/UA"
        assert b"/Alt (" in objects, "pictures have a description"


def test_the_text_is_14pt_or_more_in_an_embedded_font(app, filled, tmp_path):
    with app.test_request_context("/"):
        html = rendered_html(sam_answers())
    style = html.split("<style>")[1].split("</style>")[0]
    sizes = re.findall(r"font-size:\s*([^;}]+)", style)
    assert sizes and all(re.fullmatch(r"\d+(\.\d+)?pt", size.strip()) for size in sizes), sizes
    assert min(float(size.strip()[:-2]) for size in sizes) >= 14
    # In the PDF itself: DejaVu Sans at 14pt makes a word box 16.3pt high.
    pdf = tmp_path / "sizes.pdf"
    pdf.write_bytes(filled)
    boxes = re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', run("pdftotext", "-bbox", str(pdf), "-")
    )
    assert min(float(bottom) - float(top) for top, bottom in boxes) >= 16.2
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all("DejaVu-Sans" in line and " yes " in line for line in fonts), fonts


# Safe -------------------------------------------------------------------------------------

MARKUP = {
    "bold": "<b>not bold</b>",
    "image": '<img src="http://example.com/x.png">',
    "link": '<link rel="stylesheet" href="http://example.com/x.css">',
    "css": "url(http://example.com/y.png)",
    "name": 'Sam "} @page { size: A3 } </style><i>',
}


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks for, whether served or refused."""
    asked = []
    real = pdf_service.bundled_file

    def recording(url):
        asked.append(url)
        return real(url)

    monkeypatch.setattr(pdf_service, "bundled_file", recording)
    return asked


def test_markup_a_person_types_prints_as_text_and_fetches_nothing(app, fetched, tmp_path):
    answers = sam_answers(
        about_you={"first_name": MARKUP["name"], "last_name": "", "date_of_birth": "2001-03-04"},
        profile={"important": MARKUP["bold"], "like": MARKUP["image"], "support": MARKUP["link"]},
        day={"wanted": [], "with_me": MARKUP["css"], "place": "", "other": ""},
    )
    data = render(app, answers)
    pages = pdf_pages(data, tmp_path)
    text = flat("".join(pages))
    for typed in ("bold", "image", "link", "css"):
        assert squash(MARKUP[typed]) in squash(text), typed
    for page in pages:
        assert f"Name: {MARKUP['name']}" in flat(page), "the name prints whole in the footer"
    assert "(A4)" in pdf_info(data, tmp_path), "a name cannot change the page's CSS"
    assert fetched, "the pictures were fetched"
    assert all(
        re.fullmatch(r"https://portal\.invalid/pictures/[0-9A-F-]+\.svg", url) for url in fetched
    )


def test_a_name_never_reaches_the_css(app):
    with app.test_request_context("/"):
        html = rendered_html(sam_answers(about_you={"first_name": MARKUP["name"]}))
    style = html.split("<style>")[1].split("</style>")[0]
    assert "Sam" not in style and "A3" not in style


def test_css_strings_are_escaped():
    escaped = css_string('Page "1" } </style> of')
    assert escaped.startswith('"') and escaped.endswith('"')
    assert not set(escaped[1:-1]) & set("\"'}{<>/ ;")
    assert css_string("Page") == '"Page"'


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://portal.invalid/pictures/1F4D6.svg",
        "https://example.com/pictures/1F4D6.svg",
        "https://portal.invalid:8443/pictures/1F4D6.svg",
        "https://user@portal.invalid/pictures/1F4D6.svg",
        "data:image/svg+xml,<svg/>",
        "https://portal.invalid/pictures/1F4A9.svg",  # a real OpenMoji the portal does not use
        "https://portal.invalid/pictures/../../../../etc/passwd",
        "https://portal.invalid/pictures/%2e%2e/%2e%2e/etc/passwd.svg",
        "https://portal.invalid/pictures/1F4D6.svg?x=1",
        "https://portal.invalid/pictures/1F4D6.svg#x",
        "https://portal.invalid/static/../../../../etc/passwd",
        "https://portal.invalid/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/static/",
        "https://portal.invalid/etc/passwd",
        "https://portal.invalid/css/portal.css",
    ],
)
def test_the_fetcher_refuses_anything_but_bundled_files(app, url):
    with app.app_context(), pytest.raises(FetchRefused):
        bundled_only(url)


def test_the_fetcher_serves_bundled_files(app):
    with app.app_context():
        picture = bundled_only(picture_url("1F4D6"))
        assert picture.content_type == "image/svg+xml"
        assert picture.read().startswith(b"<svg")
        style = bundled_only("https://portal.invalid/static/css/portal.css")
        assert style.content_type == "text/css"


def test_weasyprint_fetches_through_the_fetcher_only(app, fetched):
    from weasyprint import HTML

    html = (
        '<html lang="en"><title>t</title><body>'
        '<img alt="a" src="file:///etc/passwd"><img alt="b" src="http://127.0.0.1:9/x.png">'
        f'<img alt="c" src="{picture_url("1F4D6")}"></body></html>'
    )
    with app.app_context():
        HTML(
            string=html, base_url=pdf_service.BASE_URL, url_fetcher=pdf_service.fetcher_class()()
        ).write_pdf()
    assert fetched == ["file:///etc/passwd", "http://127.0.0.1:9/x.png", picture_url("1F4D6")]


def test_zero_radius_arcs_become_the_lines_they_are():
    path = "M1,1A1.5,1.5,0,0,1,2,3V21a0,0,0,0,1,0,0H16A0 0 0 0 1 3 4a2,0,0,0,1,5,6"
    assert straight_zero_arcs(path) == "M1,1A1.5,1.5,0,0,1,2,3V21l0,0H16L3,4l5,6"
