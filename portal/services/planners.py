"""My CTR Planners: made without an account, found again by a private code (and an
optional PIN), linked to a request, shared with the chair only when the person says so,
and deleted whenever the person asks."""

import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error
from flask import current_app
from sqlalchemy import delete, select

from ..extensions import db
from ..models import Planner, PlannerShare
from . import audit
from .clock import aware, now
from .tokens import ALPHABET, new_token, token_hash

MAX_PIN_TRIES = 5
PIN_LOCK = timedelta(hours=1)
_hasher = PasswordHasher()


def lifetime():
    return timedelta(days=current_app.config["PLANNER_DAYS"])


def new_code():
    """12 characters people can read out and type: about 58 bits, so it cannot be guessed."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{body[:4]}-{body[4:8]}-{body[8:]}"


def normalise_code(text):
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}" if len(cleaned) == 12 else None


def create(language, referral=None):
    """A new, empty planner. Returns (planner, code); only the code's hash is kept."""
    purge_expired()
    code = new_code()
    planner = Planner(
        code_hash=token_hash(code),
        access_key=new_token(),
        answers={},
        language=language,
        referral=referral,
        expires_at=now() + lifetime(),
    )
    db.session.add(planner)
    db.session.flush()
    audit.record("planner.created", "planner", planner.id, linked=referral is not None)
    db.session.commit()
    return planner, code


def find(planner_id, for_update=False):
    planner = (
        db.session.get(Planner, planner_id, with_for_update=for_update) if planner_id else None
    )
    if planner is None or aware(planner.expires_at) < now():
        return None
    return planner


def find_by_code(code, for_update=False):
    wanted = normalise_code(code)
    if not wanted:
        return None
    query = select(Planner).where(Planner.code_hash == token_hash(wanted))
    planner = db.session.scalar(query.with_for_update() if for_update else query)
    if planner is None or aware(planner.expires_at) < now():
        return None
    return planner


def replace_code(planner):
    """A new code; the old link stops working at once."""
    code = new_code()
    planner.code_hash = token_hash(code)
    planner.access_key = new_token()  # other devices must open it again
    audit.record("planner.code_replaced", "planner", planner.id)
    db.session.commit()
    return code


def save(planner, answers, action="planner.saved", **detail):
    """Store every answer so far; each save also pushes back the expiry."""
    planner.answers = answers
    planner.expires_at = now() + lifetime()
    audit.record(action, "planner", planner.id, **detail)
    db.session.commit()


def viewed(planner, page):
    audit.record("planner.viewed", "planner", planner.id, page=page)
    db.session.commit()


# PINs -------------------------------------------------------------------------------


class Locked(Exception):
    def __init__(self, until):
        super().__init__("planner locked")
        self.until = until


def set_pin(planner, pin):
    planner.pin_hash = _hasher.hash(pin) if pin else None
    planner.access_key = new_token()  # other devices must open it again, with the PIN
    planner.failed_pins = 0
    planner.locked_until = None
    audit.record("planner.pin_set" if pin else "planner.pin_removed", "planner", planner.id)
    db.session.commit()


def pin_matches(planner, pin):
    """True when the PIN is right. Wrong PINs count; after MAX_PIN_TRIES in a row the
    planner will not open for PIN_LOCK, whatever is typed (raises Locked)."""
    locked_until = aware(planner.locked_until)
    if locked_until and locked_until > now():
        raise Locked(locked_until)
    try:
        ok = bool(pin) and _hasher.verify(planner.pin_hash, pin.strip())
    except Argon2Error:
        ok = False
    if ok:
        planner.failed_pins = 0
        planner.locked_until = None
    else:
        planner.failed_pins = (planner.failed_pins or 0) + 1
        if planner.failed_pins >= MAX_PIN_TRIES:
            planner.failed_pins = 0
            planner.locked_until = now() + PIN_LOCK
    audit.record("planner.pin_right" if ok else "planner.pin_wrong", "planner", planner.id)
    db.session.commit()
    if not ok and planner.locked_until:
        raise Locked(aware(planner.locked_until))
    return ok


# Linking and sharing -------------------------------------------------------------------


def link(planner, referral):
    planner.referral = referral
    if planner.share is not None and planner.share.referral_id != referral.id:
        planner.share = None  # shared with another request's chair: not carried over
    audit.record("planner.linked", "planner", planner.id, referral_id=referral.id)
    db.session.commit()


def unlink(planner):
    planner.referral = None
    planner.share = None
    audit.record("planner.unlinked", "planner", planner.id)
    db.session.commit()


def share(planner, parts, answers):
    """Give the chair a copy of these parts' answers, replacing any copy shared before."""
    planner.share = None
    db.session.flush()
    planner.share = PlannerShare(
        referral_id=planner.referral_id,
        parts=list(parts),
        answers=answers,
        language=planner.language,
    )
    audit.record(
        "planner.shared", "planner", planner.id, referral_id=planner.referral_id, parts=list(parts)
    )
    db.session.commit()


def stop_sharing(planner):
    if planner.share is not None:
        planner.share = None
        audit.record("planner.share_stopped", "planner", planner.id)
        db.session.commit()


# Deleting ---------------------------------------------------------------------------


def delete_planner(planner):
    """Delete the planner and anything shared from it. The audit row keeps only its id."""
    planner_id = planner.id
    db.session.delete(planner)
    audit.record("planner.deleted", "planner", planner_id)
    db.session.commit()


def purge_expired():
    """Delete planners unused for PLANNER_DAYS (and what they shared). Returns how many."""
    expired = select(Planner.id).where(Planner.expires_at < now())
    db.session.execute(
        delete(PlannerShare)
        .where(PlannerShare.planner_id.in_(expired))
        .execution_options(synchronize_session=False)
    )
    result = db.session.execute(
        delete(Planner)
        .where(Planner.expires_at < now())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount
