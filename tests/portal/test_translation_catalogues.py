"""The shipped catalogues: in step with the code, and complete for every public language.

A language the portal offers must have every public message translated, none fuzzy, with
the same placeholders and glossary links as the English, and every plural form."""

import re
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from portal.cli import ADMIN_POT, extract_messages
from portal.config import Config
from portal.i18n import RTL_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
TRANSLATED = sorted(code for code in Config.LANGUAGES if code != "en")

# %(name)s and %(name)d for Python, %{name} for NHS.UK frontend's script.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%\{[a-z_]+\}|%[sd]|%%")
GLOSSARY_LINK = re.compile(r"\]\(([a-z0-9-]+)\)")


def read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def ids(catalogue):
    return {m.id for m in catalogue if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pot")
    extract_messages(folder / "messages.pot")
    extract_messages(folder / "admin.pot", "admin")
    return {"public": read(folder / "messages.pot"), "admin": read(folder / "admin.pot")}


def test_the_public_template_is_in_step_with_the_code(extracted):
    """Run `flask translate update` after changing public strings."""
    shipped = read(TRANSLATIONS / "messages.pot")
    assert ids(extracted["public"]) - ids(shipped) == set(), "strings missing from messages.pot"
    assert ids(shipped) - ids(extracted["public"]) == set(), "strings no longer used"


def test_the_staff_template_is_in_step_with_the_code(extracted):
    shipped = read(ADMIN_POT)
    assert ids(extracted["admin"]) ^ ids(shipped) == set(), "run `flask translate extract`"


@pytest.mark.parametrize("code", ["en", *TRANSLATED])
def test_every_catalogue_has_every_public_message(code, extracted):
    catalogue = read(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po")
    wanted = ids(extracted["public"])
    assert wanted - ids(catalogue) == set(), "run `flask translate update`"
    assert ids(catalogue) - wanted == set(), "run `flask translate update`"


def test_every_offered_language_has_a_catalogue_and_no_other_is_shipped():
    shipped = {p.parent.parent.name for p in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")}
    assert shipped == set(Config.LANGUAGES)


def forms_of(value):
    return list(value) if isinstance(value, tuple | list) else [value]


def problems_in(code):
    catalogue = read(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po")
    plural_count = catalogue.num_plurals
    found = []
    for message in catalogue:
        if not message.id:
            continue
        english = forms_of(message.id)
        translated = forms_of(message.string)
        label = english[0][:60]
        if message.fuzzy:
            found.append(f"fuzzy: {label}")
        if not all(text and text.strip() for text in translated):
            found.append(f"not translated: {label}")
            continue
        if isinstance(message.id, tuple) and len(translated) != plural_count:
            found.append(f"{len(translated)} plural forms, not {plural_count}: {label}")
        wanted = sorted(PLACEHOLDER.findall(english[-1]))
        links = sorted(GLOSSARY_LINK.findall(english[0]))
        for text in translated:
            # A singular form may drop the count ("jedna osoba") only if the English does.
            if sorted(PLACEHOLDER.findall(text)) not in (
                wanted,
                sorted(PLACEHOLDER.findall(english[0])),
            ):
                found.append(f"placeholders differ: {label}")
            if sorted(GLOSSARY_LINK.findall(text)) != links:
                found.append(f"glossary links differ: {label}")
    return found


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_translation_is_complete_with_placeholders_intact(code):
    assert problems_in(code) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_header_suits_the_language(code):
    """The language's own plural rule (Babel's), so every count reads right."""
    catalogue = read(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po")
    assert str(catalogue.locale) == code
    assert catalogue.plural_forms == get_plural(code).plural_forms


def test_the_checker_catches_what_it_should(tmp_path, monkeypatch):
    """The checks above can fail: a broken catalogue shows each kind of problem."""
    broken = tmp_path / "xx" / "LC_MESSAGES" / "messages.po"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Language: pl\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 1);\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Hello %(name)s"\nmsgstr "Cześć %(imie)s"\n\n'
        'msgid "See [consent](consent)"\nmsgstr "Zobacz [zgoda](zgoda)"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Zgadnij"\n\n'
        'msgid "%(count)s person"\nmsgid_plural "%(count)s people"\n'
        'msgstr[0] "%(count)s osoba"\nmsgstr[1] "%(count)s osoby"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(f"{__name__}.TRANSLATIONS", tmp_path)
    found = problems_in("xx")
    assert any(p.startswith("placeholders differ: Hello") for p in found)
    assert any(p.startswith("glossary links differ: See") for p in found)
    assert any(p.startswith("not translated: Empty") for p in found)
    assert any(p.startswith("fuzzy: Guess") for p in found)
    assert any(p.startswith("not translated: %(count)s person") for p in found), "a missing form"


# In right-to-left text, groups of digits separated by spaces ("943 476 5919") are laid out
# right to left, group by group: such runs must sit inside a left-to-right isolate.
SPACED_NUMBER = re.compile(r"\d+(?: \d+)+")
ISOLATED = re.compile("\u2066[^\u2069]*\u2069")


@pytest.mark.parametrize("code", sorted(c for c in TRANSLATED if c in RTL_LANGUAGES))
def test_numbers_with_spaces_keep_their_order_right_to_left(code):
    catalogue = read(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po")
    bare = [
        text
        for message in catalogue
        if message.id
        for text in forms_of(message.string)
        if SPACED_NUMBER.search(ISOLATED.sub("", text or ""))
    ]
    assert bare == [], "wrap them in U+2066 ... U+2069"
