"""Drafts of question journeys: saved after every page, found again by session or link."""

import uuid
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from ..extensions import db
from ..models import Draft
from .tokens import new_token, token_hash


def now():
    return datetime.now(UTC)


def lifetime():
    return timedelta(days=current_app.config["DRAFT_DAYS"])


def purge_expired():
    """Delete drafts past their time. Returns how many went."""
    # No session sync: SQLite gives back naive datetimes that Python cannot compare.
    result = db.session.execute(
        delete(Draft).where(Draft.expires_at < now()).execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount


def start(journey, language):
    draft = Draft(
        id=str(uuid.uuid4()),
        journey=journey,
        answers={},
        language=language,
        expires_at=now() + lifetime(),
    )
    db.session.add(draft)
    db.session.commit()
    return draft


def find(draft_id, journey, for_update=False):
    draft = db.session.get(Draft, draft_id, with_for_update=for_update) if draft_id else None
    if draft is None or draft.journey != journey or _expired(draft):
        return None
    return draft


def _expired(draft):
    expires = draft.expires_at
    if expires.tzinfo is None:  # SQLite gives back naive datetimes
        expires = expires.replace(tzinfo=UTC)
    return expires < now()


def replace_answers(draft, answers):
    """Store every answer so far; each save also pushes back the expiry."""
    draft.answers = answers
    draft.expires_at = now() + lifetime()
    db.session.commit()


def make_resume_token(draft):
    token = new_token()
    draft.resume_token_hash = token_hash(token)
    db.session.commit()
    return token


def find_by_token(token, journey):
    draft = db.session.scalar(select(Draft).where(Draft.resume_token_hash == token_hash(token)))
    if draft is None or draft.journey != journey or _expired(draft):
        return None
    return draft


def discard(draft):
    db.session.delete(draft)
    db.session.commit()
