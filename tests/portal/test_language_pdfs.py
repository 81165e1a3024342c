"""PDFs in the person's language: the planner and the consent receipt set the document
language, embed a font that has the language's letters, and read in that language
(Urdu right to left, in Noto Naskh Arabic, whose text a screen reader can read back)."""

import subprocess

import pytest
from babel.support import Translations

from portal.planner.pdf import planner_pdf

from ..html_checks import TRANSLATIONS
from .journey_helpers import BASE, answers, send, walk
from .test_planner_pdf import flat, pdf_pages, sam_answers
from .test_referral_after import pdf_objects

# A letter each language needs that a Latin-only font would lack or an English PDF lacks.
LETTERS = {"pl": "ż", "ro": "ț", "ur": "ے"}
FONTS = {"pl": "DejaVuSans", "ro": "DejaVuSans", "ur": "NotoNaskhArabic"}


def gettext(code, message):
    return Translations.load(str(TRANSLATIONS), [code]).gettext(message)


def fonts(data, tmp_path):
    pdf = tmp_path / "fonts.pdf"
    pdf.write_bytes(data)
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    rows = listing.stdout.splitlines()[2:]
    # name (without its subset tag or hyphens): embedded?
    return {row.split()[0].split("+")[-1].replace("-", ""): row.split()[-5] for row in rows}


@pytest.mark.parametrize("code", sorted(LETTERS))
def test_the_planner_pdf_is_in_the_persons_language(app, code, tmp_path):
    with app.test_request_context(f"/my-review-planner/planner.pdf?lang={code}"):
        data = planner_pdf(sam_answers())
    assert f"/Lang ({code})".encode() in pdf_objects(data)
    text = flat("".join(pdf_pages(data, tmp_path)))
    assert flat(gettext(code, "My Care and Treatment Review Planner")) in text
    assert LETTERS[code] in text
    assert "Priya Shah" in text, "what the person typed prints as typed"
    embedded = fonts(data, tmp_path)
    assert any(name.startswith(FONTS[code]) for name in embedded), embedded
    assert set(embedded.values()) == {"yes"}, "every font is embedded"


def test_the_consent_receipt_is_in_the_language_it_was_sent_in(client, db_session, tmp_path):
    walk(client, answers())
    client.get(f"{BASE}/check-answers?lang=ur")
    send(client)
    page = client.get(f"{BASE}/confirmation")
    data = client.get(page.soup.select_one("a[href$='consent-receipt.pdf']")["href"]).get_data()
    assert b"/Lang (ur)" in pdf_objects(data)
    text = flat("".join(pdf_pages(data, tmp_path)))
    assert flat(gettext("ur", "You can change your mind at any time.")) in text
    embedded = fonts(data, tmp_path)
    assert any(name.startswith("NotoNaskhArabic") for name in embedded), embedded
