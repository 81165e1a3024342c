"""How far each language's text can be trusted: translated by the team, or checked by a
qualified translator. A deployment records a check on the staff side (Languages); the
check covers the catalogue as it was then, by fingerprint, so a release that changes the
text brings the public notice back until someone checks it again."""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from flask import current_app, g

from ..extensions import db
from ..i18n import DEFAULT
from ..models import LanguageCheck
from . import audit
from .clock import now

SOURCE = "source"  # English: the text everything else is translated from
UNCHECKED = "unchecked"
CHECKED = "checked"
CHANGED = "changed"  # checked once, but the text has changed since


@dataclass(frozen=True)
class Status:
    language: str
    state: str
    check: LanguageCheck | None = None

    @property
    def needs_notice(self):
        return self.state in (UNCHECKED, CHANGED)


def catalogue_path(code):
    root = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    return root / code / "LC_MESSAGES" / "messages.po"


@cache
def _read(path, mtime):
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    pairs = sorted((repr(m.id), repr(m.string)) for m in catalogue if m.id)
    digest = hashlib.sha256(repr(pairs).encode()).hexdigest()
    translated = sum(1 for m in catalogue if m.id and _complete(m.string) and not m.fuzzy)
    return digest, translated, sum(1 for m in catalogue if m.id)


def _complete(value):
    values = value if isinstance(value, tuple | list) else (value,)
    return all(v and v.strip() for v in values)


def catalogue_facts(code):
    """(fingerprint, messages translated, messages) of a language's catalogue as shipped."""
    path = catalogue_path(code)
    if not path.is_file():
        return "", 0, 0
    return _read(str(path), path.stat().st_mtime_ns)


def fingerprint(code):
    return catalogue_facts(code)[0]


def status(code):
    """The language's review status, read once per request."""
    if code == DEFAULT:
        return Status(code, SOURCE)
    cached = g.setdefault("translation_status", {})
    if code not in cached:
        check = db.session.get(LanguageCheck, code)
        if check is None:
            state = UNCHECKED
        elif check.fingerprint == fingerprint(code):
            state = CHECKED
        else:
            state = CHANGED
        cached[code] = Status(code, state, check)
    return cached[code]


def record_check(code, checked_by, checked_on, staff_id, actor):
    """Record that a qualified translator checked this language's text as it is now.
    The caller commits."""
    check = db.session.get(LanguageCheck, code) or LanguageCheck(language=code)
    check.checked_by = checked_by
    check.checked_on = checked_on
    check.fingerprint = fingerprint(code)
    check.recorded_by = staff_id
    check.recorded_at = now()  # a new check of the same language replaces the old one
    db.session.add(check)
    # Which text the check covered, so the trail still says so after a withdrawal.
    audit.record(
        "language.checked",
        "language",
        None,
        actor=actor,
        language=code,
        checked_on=checked_on.isoformat(),
        fingerprint=check.fingerprint[:12],
    )
    g.pop("translation_status", None)


def withdraw_check(code, actor):
    """The check no longer stands: the public notice comes back. The caller commits."""
    check = db.session.get(LanguageCheck, code)
    if check is not None:
        db.session.delete(check)
        audit.record("language.check_withdrawn", "language", None, actor=actor, language=code)
    g.pop("translation_status", None)
