"""The anonymised summary of the register, for reporting: counts only, no names, dates
of birth or references. Counts from 1 to 4 are shown as "fewer than 5"; where a total
would let someone work such a number out, one more count in the same line is hidden
too ("secondary suppression"), so no small number can be recovered by subtraction."""

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, select

from ..extensions import db
from ..models import RegisterEntry, Review, ReviewAction
from ..models.register import CONDITIONS, RATINGS, SETTINGS
from .exports_register import NOT_RECORDED, csv_text
from .register import AGE_GROUPS, born_between
from .reviews import REPORT_DAYS

SMALL = range(1, 5)
DEFAULT_MONTHS = 3

SUPPRESSION_NOTE = _l(
    'Counts from 1 to 4 are shown as "fewer than 5", so nobody can be identified. '
    'Where a total would let a small number be worked out, another count is "not shown".'
)


def default_period(today=None):
    """The last three months, up to today."""
    today = today or date.today()
    month = today.month - DEFAULT_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return date(year, month, day), today
        except ValueError:
            continue
    raise AssertionError("unreachable")


# Suppression -------------------------------------------------------------------------------


def suppress(counts, lines):
    """Which counts to hide: {key: "small" | "hidden"}.

    counts: {key: int}. lines: [(total_key, [part_keys])], each total the sum of its
    parts. A line with exactly one hidden count gives it away; hide its smallest other
    non-zero part (or its total) as well, until no line does."""
    hidden = {key: "small" for key, value in counts.items() if value in SMALL}
    changed = True
    while changed:
        changed = False
        for total, parts in lines:
            masked = [key for key in (total, *parts) if key in hidden]
            if len(masked) != 1:
                continue
            others = [key for key in parts if key not in hidden and counts[key] > 0]
            pick = min(others, key=lambda key: counts[key]) if others else total
            if pick in hidden:
                continue
            hidden[pick] = "hidden"
            changed = True
    return hidden


# The counts ------------------------------------------------------------------------------


@dataclass
class Table:
    key: str
    title: str
    # The first heading names the rows; the others name the count columns.
    headings: list
    # (row label, [cell keys]) - keys into Summary.counts.
    rows: list
    note: str | None = None


@dataclass
class Summary:
    start: date
    end: date
    made_on: date
    counts: dict
    hidden: dict
    tables: list = field(default_factory=list)

    def shown(self, key):
        """A count as a reader sees it."""
        kind = self.hidden.get(key)
        if kind == "small":
            return str(_l("fewer than 5"))
        if kind == "hidden":
            return str(_l("not shown"))
        return str(self.counts[key])

    @property
    def any_hidden(self):
        return "hidden" in self.hidden.values()

    @property
    def any_small(self):
        return "small" in self.hidden.values()


def _age_case(today):
    whens = []
    for group in AGE_GROUPS:
        earliest, latest = born_between(group, today)
        whens.append((RegisterEntry.date_of_birth.between(earliest, latest), group))
    # Anyone outside every range (a date of birth in the future) counts as an adult, as
    # register.age_group does.
    return case(*whens, else_="adult")


def _grouped(column):
    query = select(column, func.count()).where(RegisterEntry.active.is_(True)).group_by(column)
    return dict(db.session.execute(query).all())


def _by_rating_and_age(today):
    # Grouped through a subquery: PostgreSQL will not match a GROUP BY expression whose
    # bound dates are separate parameters from the same expression in the SELECT.
    people = (
        select(RegisterEntry.rating, _age_case(today).label("age"))
        .where(RegisterEntry.active.is_(True))
        .subquery()
    )
    query = select(people.c.rating, people.c.age, func.count()).group_by(
        people.c.rating, people.c.age
    )
    return {(rating, age): n for rating, age, n in db.session.execute(query)}


def _open_actions(today):
    """(open, overdue) SMART actions of people on the register now."""
    query = (
        select(func.count())
        .select_from(ReviewAction)
        .join(RegisterEntry, RegisterEntry.id == ReviewAction.entry_id)
        .where(ReviewAction.status == "open", RegisterEntry.active.is_(True))
    )
    return (
        db.session.scalar(query),
        db.session.scalar(query.where(ReviewAction.due_on < today)),
    )


def _day_start(day):
    return datetime.combine(day, time.min, tzinfo=UTC)


def _between_days(column, start, end):
    return column >= _day_start(start), column < _day_start(end + timedelta(days=1))


def summary(start, end, names, today=None):
    """Every count for the period [start, end] (inclusive), with what must be hidden.
    names: exports_register.Names, for the rows' labels."""
    today = today or date.today()
    counts, lines, tables = {}, [], []

    # Active people: rating x age group, with both margins and the total.
    cross = _by_rating_and_age(today)
    ratings, ages = list(RATINGS), list(AGE_GROUPS)
    for rating in ratings:
        for age in ages:
            counts[f"ra:{rating}:{age}"] = cross.get((rating, age), 0)
        counts[f"rating:{rating}"] = sum(cross.get((rating, age), 0) for age in ages)
        lines.append((f"rating:{rating}", [f"ra:{rating}:{age}" for age in ages]))
    for age in ages:
        counts[f"age:{age}"] = sum(cross.get((rating, age), 0) for rating in ratings)
        lines.append((f"age:{age}", [f"ra:{rating}:{age}" for rating in ratings]))
    counts["active"] = sum(cross.values())
    lines.append(("active", [f"rating:{r}" for r in ratings]))
    lines.append(("active", [f"age:{a}" for a in ages]))

    by_setting = _grouped(RegisterEntry.setting)
    settings = [*SETTINGS, None]
    for setting in settings:
        counts[f"setting:{setting}"] = by_setting.get(setting, 0)
    lines.append(("active", [f"setting:{s}" for s in settings]))

    by_condition = _grouped(RegisterEntry.condition)
    conditions = [*CONDITIONS, None]
    for condition in conditions:
        counts[f"condition:{condition}"] = by_condition.get(condition, 0)
    lines.append(("active", [f"condition:{c}" for c in conditions]))

    # Reviews held in the period, and when their reports went.
    held = db.session.execute(
        select(Review.held_on, Review.report_sent_on).where(Review.held_on.between(start, end))
    ).all()
    in_time = sum(1 for on, sent in held if sent and (sent - on).days <= REPORT_DAYS)
    late = sum(1 for on, sent in held if sent and (sent - on).days > REPORT_DAYS)
    counts.update(
        {
            "reviews": len(held),
            "reports_in_time": in_time,
            "reports_late": late,
            "reports_not_sent": len(held) - in_time - late,
        }
    )
    lines.append(("reviews", ["reports_in_time", "reports_late", "reports_not_sent"]))

    # Open SMART actions of people on the register now.
    counts["actions_open"], counts["actions_overdue"] = _open_actions(today)
    counts["actions_not_due"] = counts["actions_open"] - counts["actions_overdue"]
    lines.append(("actions_open", ["actions_overdue", "actions_not_due"]))

    # People added and taken off in the period.
    counts["added"] = db.session.scalar(
        select(func.count())
        .select_from(RegisterEntry)
        .where(*_between_days(RegisterEntry.added_at, start, end))
    )
    counts["removed"] = db.session.scalar(
        select(func.count())
        .select_from(RegisterEntry)
        .where(
            RegisterEntry.removed_at.is_not(None),
            *_between_days(RegisterEntry.removed_at, start, end),
        )
    )

    people = str(_l("People"))
    age_names = [str(names.age_groups[a]) for a in ages]
    tables.append(
        Table(
            "rating",
            str(_l("People on the register by rating")),
            [str(_l("Rating")), people],
            [(r, [f"rating:{r}"]) for r in ratings] + [(str(_l("All")), ["active"])],
        )
    )
    tables.append(
        Table(
            "age",
            str(_l("People on the register by age group")),
            [str(_l("Age group")), people],
            [(name, [f"age:{a}"]) for a, name in zip(ages, age_names, strict=True)]
            + [(str(_l("All")), ["active"])],
        )
    )
    tables.append(
        Table(
            "rating_age",
            str(_l("People on the register by rating and age group")),
            [str(_l("Rating")), *age_names, str(_l("All ages"))],
            [(r, [f"ra:{r}:{a}" for a in ages] + [f"rating:{r}"]) for r in ratings]
            + [(str(_l("All ratings")), [f"age:{a}" for a in ages] + ["active"])],
        )
    )
    tables.append(
        Table(
            "setting",
            str(_l("People on the register by where they live")),
            [str(_l("Where they live")), people],
            [(str(names.settings.get(s, NOT_RECORDED)), [f"setting:{s}"]) for s in settings]
            + [(str(_l("All")), ["active"])],
        )
    )
    tables.append(
        Table(
            "condition",
            str(_l("People on the register by learning disability, autism or both")),
            [str(_l("Learning disability, autism or both")), people],
            [(str(names.conditions.get(c, NOT_RECORDED)), [f"condition:{c}"]) for c in conditions]
            + [(str(_l("All")), ["active"])],
        )
    )
    tables.append(
        Table(
            "reviews",
            str(_l("Reviews held in the period")),
            [str(_l("Reviews")), str(_l("Number"))],
            [
                (str(_l("Reviews held")), ["reviews"]),
                (str(_l("Report sent within 2 weeks")), ["reports_in_time"]),
                (str(_l("Report sent after more than 2 weeks")), ["reports_late"]),
                (str(_l("Report not sent yet")), ["reports_not_sent"]),
            ],
        )
    )
    tables.append(
        Table(
            "actions",
            str(_l("Open SMART actions")),
            [str(_l("Actions")), str(_l("Number"))],
            [
                (str(_l("Open actions")), ["actions_open"]),
                (str(_l("Overdue")), ["actions_overdue"]),
                (str(_l("Not due yet")), ["actions_not_due"]),
            ],
            note=str(_l("Actions of people on the register now, on the day the summary is made.")),
        )
    )
    tables.append(
        Table(
            "movement",
            str(_l("People added to and taken off the register in the period")),
            [str(_l("Change")), people],
            [
                (str(_l("Added")), ["added"]),
                (str(_l("Taken off")), ["removed"]),
            ],
        )
    )
    return Summary(start, end, today, counts, suppress(counts, lines), tables)


def total_rows(result):
    return sum(len(table.rows) for table in result.tables)


def summary_csv(result, area_name):
    """The summary as CSV (UTF-8 with a byte order mark): a few lines about it, then each
    table as a block, as on the page."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    row = lambda values: writer.writerow([csv_text(v) for v in values])  # noqa: E731
    row([_l("Anonymised summary of the Dynamic Support Register")])
    row([_l("Local area"), area_name])
    row([_l("Period"), _l("%(start)s to %(end)s", start=result.start, end=result.end)])
    row([_l("Made on"), result.made_on])
    row([_l("Small numbers"), SUPPRESSION_NOTE])
    for table in result.tables:
        row([])
        row([table.title])
        if table.note:
            row([table.note])
        row(table.headings)
        for label, keys in table.rows:
            row([label, *[result.shown(key) for key in keys]])
    return buffer.getvalue()
