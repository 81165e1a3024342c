"""The staff feedback inbox: pages of feedback, newest first, and its status (new, read,
replied). Reading a page changes nothing; only a staff member's button press does."""

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..models import Feedback
from . import audit

STATUSES = ("new", "read", "replied")
PAGE_SIZE = 25


@dataclass(frozen=True)
class Page:
    rows: list
    total: int
    number: int
    size: int = PAGE_SIZE

    @property
    def pages(self):
        return max(1, -(-self.total // self.size))

    @property
    def first(self):
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last(self):
        return min(self.number * self.size, self.total)


def find(status=None, number=1):
    """One page of feedback, newest first; a page past the end shows the last one."""
    where = [Feedback.status == status] if status in STATUSES else []
    total = db.session.scalar(select(func.count(Feedback.id)).where(*where)) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(1, number), pages)
    rows = db.session.scalars(
        select(Feedback)
        .where(*where)
        .order_by(Feedback.received_on.desc(), Feedback.id.desc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    ).all()
    return Page(rows=list(rows), total=total, number=number)


def counts():
    """{status: how many}, for the filter's labels."""
    found = dict(
        db.session.execute(
            select(Feedback.status, func.count(Feedback.id)).group_by(Feedback.status)
        ).all()
    )
    return {status: found.get(status, 0) for status in STATUSES}


def can_reply(feedback):
    """Only someone who gave their name and a way to reply can be replied to."""
    return not feedback.anonymous and feedback.reply_by not in (None, "none")


def set_status(feedback, status, actor):
    """Mark feedback read or replied. Returns True if the status changed (the caller commits)."""
    if status not in STATUSES:
        raise ValueError(status)
    if feedback.status == status:
        return False
    audit.record(
        "feedback.status_changed",
        "feedback",
        feedback.id,
        actor=actor,
        before=feedback.status,
        after=status,
    )
    feedback.status = status
    return True
