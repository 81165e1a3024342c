"""Searching the audit trail, for administrators: newest first, 50 a page.

Pages are read with LIMIT and OFFSET, and the matching events are counted for "Showing X
to Y of N". Newest first follows the index on `at`; `subject_id` and `action` have their
own indexes, so a filtered count stays quick."""

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..models import AuditEvent, StaffMember

PAGE_SIZE = 50
PUBLIC = "public"
PORTAL = "portal"
STAFF_PREFIX = "staff:"


@dataclass(frozen=True)
class Filters:
    action: str | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    actor: str | None = None  # "staff:<id>" or "public"
    start: date | None = None
    end: date | None = None

    def used(self):
        """The names of the filters in use (for the audit row: names, never values)."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, "")]


@dataclass(frozen=True)
class Page:
    rows: list
    number: int
    total: int
    size: int = PAGE_SIZE

    @property
    def has_next(self):
        return self.number * self.size < self.total

    @property
    def first(self):
        return (self.number - 1) * self.size + 1 if self.rows else 0

    @property
    def last(self):
        return self.first + len(self.rows) - 1 if self.rows else 0


def midnight(day):
    return datetime.combine(day, time(0), tzinfo=UTC)


def conditions(filters):
    where = []
    if filters.action:
        where.append(AuditEvent.action == filters.action)
    if filters.subject_type:
        where.append(AuditEvent.subject_type == filters.subject_type)
    if filters.subject_id is not None:
        where.append(AuditEvent.subject_id == filters.subject_id)
    if filters.actor:
        where.append(AuditEvent.actor == filters.actor)
    if filters.start:
        where.append(AuditEvent.at >= midnight(filters.start))
    if filters.end:  # the whole of the last day
        where.append(AuditEvent.at < midnight(filters.end + timedelta(days=1)))
    return where


def search(filters, number=1):
    number = max(1, number)
    where = conditions(filters)
    total = db.session.scalar(select(func.count()).select_from(AuditEvent).where(*where))
    rows = db.session.scalars(
        select(AuditEvent)
        .where(*where)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    ).all()
    return Page(list(rows), number, total or 0)


def staff_id(actor):
    """The staff member's id in "staff:<id>", or None for anyone else."""
    if actor and actor.startswith(STAFF_PREFIX) and actor[len(STAFF_PREFIX) :].isdigit():
        return int(actor[len(STAFF_PREFIX) :])
    return None


def staff_names(actors):
    """{staff id: name} for the staff among these actors, in one query."""
    ids = {staff_id(actor) for actor in actors} - {None}
    if not ids:
        return {}
    query = select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(ids))
    return dict(db.session.execute(query).all())


def staff_choices():
    """Every staff member, enabled or not, for the "who" filter: (id, name, active)."""
    return db.session.execute(
        select(StaffMember.id, StaffMember.name, StaffMember.is_active).order_by(
            StaffMember.name, StaffMember.id
        )
    ).all()
