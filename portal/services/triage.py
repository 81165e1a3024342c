"""The staff triage queue: what is waiting, in what order, how long it has waited in working
days, and the changes staff make to a request (its status, notes, contacts, and taking
someone off the register when they withdraw consent). Plain functions; the caller commits."""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import String, and_, case, cast, func, or_, select

from ..extensions import db
from ..models import ConsentRecord, Referral, ReferralNote, StatusChange
from . import audit
from . import register as register_service
from .area import current_area
from .clock import aware, now
from .consent import age_on

PAGE_SIZE = 25
WITHDRAWN = "consent_withdrawn"

# What an item in the queue is: the kind of request, or a withdrawal of consent (which
# comes back to the queue whatever the request was).
QUEUE_KINDS = ("register", "review", "withdrawal")

# The statuses staff may choose, by the kind of item. Adding to the register has its own
# form (it needs a rating and a consent check) and taking someone off has its own button.
STATUSES_FOR = {
    "register": ("being_looked_at", "more_information_needed", "not_added"),
    "review": (
        "being_looked_at",
        "more_information_needed",
        "passed_to_care_coordinator",
        "review_agreed",
        "review_not_agreed",
    ),
    "withdrawal": ("dealt_with",),
}
# Statuses an item can have while it waits in the queue (the status filter).
OPEN_STATUSES = (
    "new",
    "being_looked_at",
    "more_information_needed",
    "passed_to_care_coordinator",
    WITHDRAWN,
)
# These finish the item: it leaves the queue.
CLOSING = {
    "not_added",
    "review_agreed",
    "review_not_agreed",
    "added_to_register",
    "dealt_with",
    "removed_from_register",
}
# A decision the person is told about must come with a reason in plain words.
NEEDS_REASON_FOR_PERSON = {"not_added", "review_not_agreed"}

# Risk reasons that point to a RED rating (a high risk of admission now), so the item is
# looked at before others: from the request to join the register (RisksForm) and the
# review request (WhyForm). Being in hospital already sorts first on its own.
URGENT_REASONS = (
    "emergency_visits",  # going to A&E in a crisis
    "legal_restrictions",  # under the Mental Health Act or a DoLS order
    "recently_discharged",  # left hospital not long ago
    "safety",  # a review asked for because of worries about safety or wellbeing
    "risk",  # a review asked for because they are at risk of going into hospital
)


class StatusNotAllowed(ValueError):
    """The status does not apply to this kind of item, or the item is finished."""


class ReasonNeeded(ValueError):
    """Not added and review not agreed must tell the person why."""


class StillOnRegister(ValueError):
    """A withdrawal cannot be closed while the person is still on the register from it."""


# Working days


def working_days_between(start, end):
    """Monday to Friday days after start, up to and including end (bank holidays are not
    known here, so they count)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    extra = sum(1 for n in range(1, rest + 1) if (start + timedelta(days=n)).weekday() < 5)
    return weeks * 5 + extra


def add_working_days(start, days):
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def response_days(kind, area=None):
    """The local promise: working days to answer a request of this kind."""
    area = area or current_area()
    if kind == "review":
        return area.review_request_response_days
    return area.referral_response_days


@dataclass(frozen=True)
class Age:
    days: int  # working days waited
    limit: int  # working days the area promises
    due_on: date

    @property
    def overdue(self):
        return self.days > self.limit


def age_of(waiting_since, kind, today=None, area=None):
    start = aware(waiting_since).date()
    limit = response_days(kind, area)
    return Age(
        working_days_between(start, today or date.today()),
        limit,
        add_working_days(start, limit),
    )


# What an item is


def queue_kind(referral):
    consent = referral.consent
    if referral.status == WITHDRAWN or (consent is not None and consent.withdrawn_at):
        return "withdrawal"
    return referral.kind


def waiting_since(referral):
    consent = referral.consent
    if consent is not None and consent.withdrawn_at is not None:
        return consent.withdrawn_at
    return referral.submitted_at


def is_open(referral):
    return referral.queue_done_at is None


def urgent_reasons(codes):
    return [code for code in codes or [] if code in URGENT_REASONS]


def statuses_for(referral):
    """The statuses staff may move this item to now (none once it is finished)."""
    if not is_open(referral):
        return ()
    return tuple(s for s in STATUSES_FOR[queue_kind(referral)] if s != referral.status)


# The queue


@dataclass(frozen=True)
class QueuePage:
    rows: list
    total: int
    number: int
    pages: int

    @property
    def first(self):
        return (self.number - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def last(self):
        return min(self.number * PAGE_SIZE, self.total)


def _urgent():
    """True when the stored list of reason codes holds an urgent one. The list is JSON
    text on both databases; each code is matched with its quotes, so whole codes only."""
    stored = cast(Referral.risk_reasons, String)
    return or_(*(stored.like(f'%"{code}"%') for code in URGENT_REASONS))


def _filters(kind, status):
    """The open items (an indexed IS NULL), by status (indexed, and open statuses are
    few) and kind. Kind splits the whole table in two, so SQLite would pick its index and
    read half the table; `kind || ''` keeps it on the queue_done_at index instead."""
    where = [Referral.queue_done_at.is_(None)]
    if kind == "withdrawal":
        where.append(Referral.status == WITHDRAWN)
    elif kind in ("register", "review"):
        where += [(Referral.kind + "") == kind, Referral.status != WITHDRAWN]
    if status:
        where.append(Referral.status == status)
    return where


def queue_page(kind=None, status=None, page=1):
    """One page of the open items: in hospital first, then those with urgent reasons, then
    those waiting longest. Reads only the columns a row shows."""
    where = _filters(kind, status)
    total = db.session.scalar(select(func.count()).select_from(Referral).where(and_(*where)))
    pages = max(1, math.ceil(total / PAGE_SIZE))
    number = min(max(1, page), pages)
    since = func.coalesce(ConsentRecord.withdrawn_at, Referral.submitted_at)
    urgent = case((_urgent(), 1), else_=0)
    query = (
        select(
            Referral.id,
            Referral.reference,
            Referral.kind,
            Referral.status,
            Referral.first_name,
            Referral.last_name,
            Referral.date_of_birth,
            Referral.in_hospital,
            Referral.risk_reasons,
            Referral.language,
            since.label("waiting_since"),
        )
        .outerjoin(ConsentRecord, ConsentRecord.referral_id == Referral.id)
        .where(*where)
        .order_by(Referral.in_hospital.desc(), urgent.desc(), since.asc(), Referral.id.asc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    )
    area, today = current_area(), date.today()
    rows = []
    for row in db.session.execute(query).all():
        item_kind = "withdrawal" if row.status == WITHDRAWN else row.kind
        rows.append(
            {
                **row._asdict(),
                "queue_kind": item_kind,
                "years": age_on(row.date_of_birth, today),
                "urgent": urgent_reasons(row.risk_reasons),
                "age": age_of(row.waiting_since, row.kind, today, area),
            }
        )
    return QueuePage(rows, total, number, pages)


# Changes


def change_status(referral, status, reason, reason_for_person, actor):
    """Move an item to a status, with the team's reason (kept in the history) and, where
    the person is told of a decision, a reason for them (shown on their status page)."""
    if status not in statuses_for(referral):
        raise StatusNotAllowed(status)
    for_person = (reason_for_person or "").strip() or None
    if status in NEEDS_REASON_FOR_PERSON and not for_person:
        raise ReasonNeeded(status)
    if status == "dealt_with" and _active_entry(referral) is not None:
        raise StillOnRegister
    _set_status(referral, status, reason, for_person, actor)


def _set_status(referral, status, reason, for_person, actor):
    referral.status = status
    referral.status_reason = for_person
    referral.queue_done_at = now() if status in CLOSING else None
    referral.status_changes.append(StatusChange(status=status, by=actor, reason=reason))
    audit.record("referral.status_changed", "referral", referral.id, actor=actor, status=status)


def _active_entry(referral):
    entry = register_service.entry_for_referral(referral)
    return entry if entry is not None and entry.active else None


def entry_to_take_off(referral):
    """The register entry this request put on the register, when the person has since
    withdrawn consent and is still on it."""
    if queue_kind(referral) != "withdrawal":
        return None
    return _active_entry(referral)


def take_off_register(referral, reason, actor):
    """The person withdrew consent: take them off the register and finish the item."""
    entry = entry_to_take_off(referral)
    if entry is None:
        raise StatusNotAllowed("removed_from_register")
    register_service.remove(entry, reason, actor)
    _set_status(referral, "removed_from_register", reason, None, actor)
    return entry


def add_note(referral, text, actor):
    note = ReferralNote(kind="note", text=text, by=actor)
    referral.notes.append(note)
    db.session.flush()
    audit.record("referral.note_added", "referral", referral.id, actor=actor, note=note.id)
    return note


CONTACT_METHODS = ("phone", "email", "letter", "meeting", "other")


def log_contact(referral, with_whom, method, text, actor):
    if method not in CONTACT_METHODS:
        raise ValueError(method)
    note = ReferralNote(
        kind="contact", contact_with=with_whom, contact_method=method, text=text, by=actor
    )
    referral.notes.append(note)
    db.session.flush()
    audit.record(
        "referral.contact_logged",
        "referral",
        referral.id,
        actor=actor,
        note=note.id,
        method=method,
    )
    return note
