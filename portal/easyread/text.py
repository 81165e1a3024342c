"""Turning a content sentence into what is shown and what is spoken."""

import re

from markupsafe import Markup, escape

GLOSSARY_MARK = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\)")
PLACEHOLDER = re.compile(r"%\(([a-z_]+)\)s")
WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def fill(message, values):
    """The sentence in the current language with the local area's details put in."""
    text = str(message)
    return text % values if "%(" in text else text


def plain(text):
    """What is read aloud and counted: the glossary marks removed, the words kept."""
    return GLOSSARY_MARK.sub(r"\1", text)


def glossary_keys(text):
    return [key for _, key in GLOSSARY_MARK.findall(text)]


def placeholders(text):
    return PLACEHOLDER.findall(text)


def words(text):
    return WORD.findall(plain(text))


def to_html(text, seen, glossary_url):
    """Escape the sentence, then bold each glossary word; the first time a word appears on
    the page (not yet in seen) it also links to its entry in the glossary."""
    out, last = [], 0
    for match in GLOSSARY_MARK.finditer(text):
        out.append(escape(text[last : match.start()]))
        shown, key = match.group(1), match.group(2)
        if key in seen:
            out.append(Markup("<strong>%s</strong>") % shown)
        else:
            seen.add(key)
            out.append(
                Markup('<a href="%s#term-%s"><strong>%s</strong></a>') % (glossary_url, key, shown)
            )
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
