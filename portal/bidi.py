"""Text that must keep its own direction or language inside a translated page.

On a right-to-left page the Unicode bidi algorithm can reorder the parts of a phone number
("01632 960 001"), an email address or a reference ("DSR-…"): `ltr` isolates them. The
local area's details are typed by staff in English: `en_text` marks them as English, so a
screen reader reads them in an English voice and they keep their order."""

from jinja2 import Undefined
from markupsafe import Markup, escape

from .i18n import DEFAULT, current_language, html_lang, text_direction

LTR_SPAN = Markup('<span dir="ltr">')
END_SPAN = Markup("</span>")

# Stand-ins for those spans while an easy-read sentence is still plain text (it is filled
# in, then escaped, then spoken): private-use characters, removed from values first.
OPEN_LTR, OPEN_EN, CLOSE = "\ue000", "\ue001", "\ue002"
_STAND_INS = {ord(OPEN_LTR): None, ord(OPEN_EN): None, ord(CLOSE): None}


def _missing(value):
    return value is None or isinstance(value, Undefined)


def _blank(value):
    return _missing(value) or not str(value).strip()


def is_rtl():
    return text_direction() == "rtl"


def is_translated():
    return current_language() != DEFAULT


def english_span():
    return Markup('<span lang="%s" dir="ltr">') % html_lang(DEFAULT)


def _wrap(opening, value):
    return opening + Markup("%s") % (value,) + END_SPAN


def ltr(value):
    """The value in `<span dir="ltr">` on a right-to-left page; otherwise the value as it
    is (escaped, so either way it can go where a macro takes "html")."""
    if _missing(value):
        return value
    if _blank(value) or not is_rtl():
        return escape(value)
    return _wrap(LTR_SPAN, value)


def en_text(value):
    """Free text staff typed in English, marked as English on any other language's page
    (escaped, and unchanged on an English page)."""
    if _missing(value):
        return value
    if _blank(value) or not is_translated():
        return escape(value)
    return _wrap(english_span(), value)


def mark(value, english=False):
    """A value to put into plain text, with stand-ins where `spans` will put `ltr` or
    `en_text` spans. Numbers and empty values are left as they are."""
    if _blank(value) or isinstance(value, int):
        return value
    text = str(value).translate(_STAND_INS)
    if english and is_translated():
        return OPEN_EN + text + CLOSE
    if not english and is_rtl():
        return OPEN_LTR + text + CLOSE
    return text


def spans(html):
    """Escaped HTML (Markup) with the stand-ins from `mark` turned into spans."""
    if OPEN_LTR not in html and OPEN_EN not in html:
        return html
    return (
        html.replace(OPEN_LTR, LTR_SPAN).replace(OPEN_EN, english_span()).replace(CLOSE, END_SPAN)
    )


def init_app(app):
    app.jinja_env.filters["ltr"] = ltr
    app.jinja_env.filters["en_text"] = en_text
