"""The staff dashboard's figures. Every figure is a COUNT in the database (with GROUP BY
where there are several), so no row is loaded into Python: the register's on indexed
columns, the queue's on its indexed open items. Late reports are one pass over the review
table, which has no index on its dates (about 30 ms at 150,000 reviews on SQLite)."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select

from ..extensions import db
from ..models import ConsentRecord, Referral, RegisterEntry, Review, ReviewAction, StaffMember
from ..models.register import RATINGS
from .clock import aware, now
from .reviews import REPORT_DAYS
from .triage import WITHDRAWN, response_days, working_days_between

# An item is "nearly due" when this many working days or fewer are left to answer it.
NEARLY_DUE_DAYS = 2
BANDS = ("within", "nearly", "overdue")
QUEUE_LINES = ("register", "review", "withdrawal")


# The register


@dataclass(frozen=True)
class RegisterFigures:
    ratings: dict  # {rating: people on the register}
    overdue_reviews: int  # register entries whose next review date has passed
    people_with_overdue_action: int
    overdue_actions: int  # open review actions past their date
    reports_not_sent: int  # review held more than two weeks ago, no report yet
    reports_sent_late: int  # report sent more than two weeks after the review

    @property
    def people(self):
        return sum(self.ratings.values())

    @property
    def late_reports(self):
        """Reviews whose report is late: not sent after two weeks, or sent after that."""
        return self.reports_not_sent + self.reports_sent_late


def _days_between(start, end):
    """end - start in days, as SQL: SQLite keeps dates as text."""
    if db.session.get_bind().dialect.name == "sqlite":
        return func.julianday(end) - func.julianday(start)
    return end - start


def register_figures(today=None):
    today = today or date.today()
    active = RegisterEntry.active.is_(True)
    ratings = dict(
        db.session.execute(
            select(RegisterEntry.rating, func.count()).where(active).group_by(RegisterEntry.rating)
        ).all()
    )

    def count(*where):
        return db.session.scalar(select(func.count()).select_from(RegisterEntry).where(*where))

    # From the people whose earliest open action is past (an indexed column the register
    # keeps), to their open actions past their date (indexed by entry, status and date):
    # only the overdue are read, not every action ever set.
    overdue_actions = db.session.scalar(
        select(func.count())
        .select_from(RegisterEntry)
        .join(
            ReviewAction,
            and_(
                ReviewAction.entry_id == RegisterEntry.id,
                ReviewAction.status == "open",
                ReviewAction.due_on < today,
            ),
        )
        .where(active, RegisterEntry.next_action_due < today)
    )
    not_sent = and_(
        Review.report_sent_on.is_(None),
        Review.held_on < today - timedelta(days=REPORT_DAYS),
    )
    sent_late = and_(
        Review.report_sent_on.is_not(None),
        _days_between(Review.held_on, Review.report_sent_on) > REPORT_DAYS,
    )
    # One pass over the reviews; leaving out the few people who came off is quicker than
    # joining every review to its person.
    came_off = select(RegisterEntry.id).where(RegisterEntry.active.is_(False))
    reports = db.session.execute(
        select(
            func.count(case((not_sent, 1))),
            func.count(case((sent_late, 1))),
        ).where(Review.held_on.is_not(None), Review.entry_id.not_in(came_off))
    ).one()
    return RegisterFigures(
        ratings={rating: ratings.get(rating, 0) for rating in RATINGS},
        overdue_reviews=count(active, RegisterEntry.next_review_on < today),
        people_with_overdue_action=count(active, RegisterEntry.next_action_due < today),
        overdue_actions=overdue_actions or 0,
        reports_not_sent=reports[0] or 0,
        reports_sent_late=reports[1] or 0,
    )


# The triage queue


@dataclass
class QueueLine:
    """What waits in one line of the queue, in bands against the local response time."""

    kind: str  # register, review or withdrawal
    limit: int | None  # working days promised (a withdrawal keeps its request's)
    bands: dict = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    longest_days: int = 0  # working days the oldest item has waited

    @property
    def waiting(self):
        return sum(self.bands.values())


def latest_start(days, today):
    """The latest day something could have arrived and have waited at least `days`
    working days by today."""
    day = today
    while working_days_between(day, today) < days:
        day -= timedelta(days=1)
    return day


def _before_day_after(day):
    """Arrived on or before `day` (UTC): earlier than the midnight that ends it."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)


def _band(kind, since, today, area):
    """overdue past the response time; nearly due with NEARLY_DUE_DAYS or fewer left."""
    whens = []
    for band, extra in (("overdue", 1), ("nearly", -NEARLY_DUE_DAYS)):
        for is_review in (True, False):
            limit = response_days("review" if is_review else "register", area)
            cutoff = _before_day_after(latest_start(max(0, limit + extra), today))
            of_kind = kind == "review" if is_review else kind != "review"
            whens.append((and_(of_kind, since < cutoff), band))
    return case(*whens, else_="within")


def queue_figures(area, today=None):
    """[QueueLine] for register requests, review requests and consent withdrawals."""
    today = today or date.today()
    since = func.coalesce(ConsentRecord.withdrawn_at, Referral.submitted_at)
    items = (
        select(
            case((Referral.status == WITHDRAWN, "withdrawal"), else_=Referral.kind).label("line"),
            _band(Referral.kind, since, today, area).label("band"),
            since.label("since"),
        )
        .outerjoin(ConsentRecord, ConsentRecord.referral_id == Referral.id)
        .where(Referral.queue_done_at.is_(None))
        .subquery()
    )
    rows = db.session.execute(
        select(items.c.line, items.c.band, func.count(), func.min(items.c.since)).group_by(
            items.c.line, items.c.band
        )
    ).all()
    lines = {
        "register": QueueLine("register", response_days("register", area)),
        "review": QueueLine("review", response_days("review", area)),
        "withdrawal": QueueLine("withdrawal", None),
    }
    for line, band, count, oldest in rows:
        found = lines.get(line) or lines["register"]
        found.bands[band] += count
        if oldest is not None:
            waited = working_days_between(aware(oldest).date(), today)
            found.longest_days = max(found.longest_days, waited)
    return [lines[kind] for kind in QUEUE_LINES]


def queue_totals(lines):
    totals = dict.fromkeys(BANDS, 0)
    for line in lines:
        for band, count in line.bands.items():
            totals[band] += count
    return totals


# For administrators: how many, no more


@dataclass(frozen=True)
class AdminFigures:
    people: int
    waiting: int
    staff_active: int
    staff_locked: int


def admin_figures():
    people = db.session.scalar(
        select(func.count()).select_from(RegisterEntry).where(RegisterEntry.active.is_(True))
    )
    waiting = db.session.scalar(
        select(func.count()).select_from(Referral).where(Referral.queue_done_at.is_(None))
    )
    staff = db.session.execute(
        select(
            func.count(case((StaffMember.is_active.is_(True), 1))),
            func.count(
                case((and_(StaffMember.is_active.is_(True), StaffMember.locked_until > now()), 1))
            ),
        )
    ).one()
    return AdminFigures(people or 0, waiting or 0, staff[0] or 0, staff[1] or 0)
