"""Turning a content sentence into what is shown and what is spoken."""

import re

from markupsafe import Markup, escape

GLOSSARY_MARK = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\)")
PLACEHOLDER = re.compile(r"%\(([a-z_]+)\)s")
WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def fill(message, values):
    """The sentence in the current language with the local area's details put in, or None
    when a detail it quotes is not set (the sentence would make no sense without it)."""
    text = str(message)
    if "%(" not in text:
        return text
    if any(not str(values.get(name) or "").strip() for name in placeholders(text)):
        return None
    return text % values


def plain(text):
    """What is read aloud and counted: the glossary marks removed, the words kept."""
    return GLOSSARY_MARK.sub(r"\1", text)


def glossary_keys(text):
    return [key for _, key in GLOSSARY_MARK.findall(text)]


def placeholders(text):
    return PLACEHOLDER.findall(text)


def words(text):
    return WORD.findall(plain(text))


def term_pattern(word):
    """How a glossary word is found in running text: without its bracketed abbreviation,
    any case, either apostrophe, an optional plural s."""
    base = re.sub(r"\s*\([^)]*\)", "", str(word)).strip()
    parts = [re.escape(part) for part in re.split(r"['’]", base)]
    return re.compile(r"\b" + "['’]".join(parts) + r"s?\b", re.IGNORECASE)


def mark_terms(text, patterns, seen):
    """Add glossary marks to the first appearance of each term not yet marked on the page.
    patterns is [(key, compiled pattern)], longest names first."""
    for key, pattern in patterns:
        if key in seen or f"]({key})" in text:
            continue
        pieces = GLOSSARY_MARK.split(text)
        # split() gives plain, shown, key, plain, shown, key, ...: only plain text is searched.
        for index in range(0, len(pieces), 3):
            match = pattern.search(pieces[index])
            if match:
                plain_piece = pieces[index]
                pieces[index] = (
                    f"{plain_piece[: match.start()]}[{match.group(0)}]({key})"
                    f"{plain_piece[match.end() :]}"
                )
                text = _join(pieces)
                break
    return text


def _join(pieces):
    out = []
    for index, piece in enumerate(pieces):
        if index % 3 == 0:
            out.append(piece)
        elif index % 3 == 1:
            out.append(f"[{piece}]")
        else:
            out.append(f"({piece})")
    return "".join(out)


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
