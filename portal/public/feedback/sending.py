"""Storing feedback for the staff inbox. Anonymous feedback keeps nothing that could lead
back to the sender: no name or way to reply, no time of day (only the day), no IP address,
no session, no draft, no audit row."""

from datetime import date

from sqlalchemy import select

from ...extensions import db
from ...i18n import current_language
from ...models import Draft, Feedback
from .journey import JOURNEY, named, reply_by

# The five questions' answers in the stored row: key -> (page, field).
QUESTIONS = {
    "enough_help": ("before", "enough"),
    "enough_help_more": ("before", "more"),
    "on_the_day": ("on_the_day", "on_the_day"),
    "better": ("better", "better"),
    "difference": ("difference", "difference"),
    "anything_else": ("anything_else", "anything_else"),
}
# Where the address or number to reply to was typed, by way of replying.
REPLY_TO = {
    "email": ("reply_email", "email"),
    "phone": ("reply_phone", "phone"),
    "post": ("reply_post", "address"),
}


def answer(answers, page, field):
    value = (answers.get(page) or {}).get(field)
    if isinstance(value, str):
        value = value.strip()
    return value or None


def feedback_from(answers, language):
    """The row to store: only pages that still apply, so a switch back to anonymous
    drops a name or address typed earlier; and anonymous always stores none of them."""
    kept = {
        step.key: answers[step.key] for step in JOURNEY.applicable(answers) if step.key in answers
    }
    anonymous = not named(kept)
    way = None if anonymous else reply_by(kept)
    reply_page = REPLY_TO.get(way)
    review_date = None if anonymous else answer(kept, "review_date", "review_date")
    return Feedback(
        received_on=date.today(),
        role=answer(kept, "role", "role"),
        anonymous=anonymous,
        name=None if anonymous else answer(kept, "name", "name"),
        review_date=date.fromisoformat(review_date) if review_date else None,
        reply_by=way,
        reply_to=answer(kept, *reply_page) if reply_page else None,
        answers={key: answer(kept, *where) for key, where in QUESTIONS.items()},
        language=language,
        status="new",
    )


def send(draft_id):
    """Store the feedback and delete its draft in one transaction, the draft row locked so
    a second press of Send waits, then finds nothing to send. True if this call stored it."""
    draft = db.session.scalar(
        select(Draft)
        .where(Draft.id == draft_id, Draft.journey == JOURNEY.name)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if draft is None:
        return False
    db.session.add(feedback_from(draft.answers, current_language()))
    db.session.delete(draft)
    db.session.commit()
    return True
