"""Finding people on the register for the staff list: one search box (name, NHS number or
reference) and filters, built so a page stays quick with 100,000 people on the register.

How a page is found (measured in bench/register_list.py):
- the total is one count, answered from an index;
- a small result (SMALL_SET rows or fewer) is simply sorted;
- a large one is read in index order: by rating severity, one rating at a time in name
  order (the (active, rating, last name, first name, id) index), or by next review date,
  so nothing large is sorted;
- the 25 rows are found by id first, then read (a "deferred join").
  SQLite's planner cannot tell that a date range matches most of the table and would pick
  that index and sort everything instead, so there the other filters are written so they
  cannot use an index (see `unindexed`)."""

import math
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from ..extensions import db
from ..models import RegisterEntry
from .register import born_between
from .tokens import normalise_reference

PAGE_SIZE = 25
# Most urgent first: at risk of admission now, already in hospital, at risk soon, settled.
SEVERITY = ("RED", "BLUE", "AMBER", "GREEN")
SORTS = ("rating", "review")
# Up to this many matches are sorted in the database; beyond it, read in index order.
SMALL_SET = 2000
# References are read out on the phone: DSR-ABCD-2346 (register) or REV-... (reviews).
REFERENCE = re.compile(r"^(DSR|REV)-[A-Z0-9]{4}-[A-Z0-9]{4}$")

# Only what a row of the list shows: no full entities, no relationships, no N+1.
LIST_COLUMNS = (
    RegisterEntry.id,
    RegisterEntry.reference,
    RegisterEntry.first_name,
    RegisterEntry.last_name,
    RegisterEntry.nhs_number,
    RegisterEntry.date_of_birth,
    RegisterEntry.rating,
    RegisterEntry.setting,
    RegisterEntry.next_review_on,
    RegisterEntry.next_action_due,
    RegisterEntry.removed_at,
    RegisterEntry.language,
)
BY_NAME = (RegisterEntry.last_name_key, RegisterEntry.first_name_key, RegisterEntry.id)
# next_review_on is always set (every rating sets it), so the (active, next_review_on, id)
# index, with the id last, gives this order whole, even deep in the list.
BY_REVIEW = (RegisterEntry.next_review_on, RegisterEntry.id)


class unindexed(ColumnElement):  # noqa: N801 - used like a SQL function
    """A column the query must not look up by index. On SQLite that is written `+column`
    (a no-op its planner honours); other databases plan well and get the plain column."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


@compiles(unindexed)
def _plain(element, compiler, **kw):
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _plus(element, compiler, **kw):
    return "+" + compiler.process(element.column, **kw)


@dataclass(frozen=True)
class Criteria:
    text: str = ""
    ratings: tuple = ()
    age_group: str | None = None
    setting: str | None = None
    overdue_review: bool = False
    overdue_action: bool = False
    removed: bool = False
    sort: str = "rating"

    @property
    def filtered(self):
        """Whether anything but the view and the rating narrows the list."""
        return bool(
            self.text.strip()
            or self.age_group
            or self.setting
            or self.overdue_review
            or self.overdue_action
        )


@dataclass
class Page:
    rows: list
    total: int
    number: int
    size: int = PAGE_SIZE
    search_kind: str | None = None
    by_rating: dict | None = field(default=None)

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.size))

    @property
    def first(self):
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last(self):
        return min(self.number * self.size, self.total)


def classify(text):
    """What a search box entry is: ("nhs_number", digits), ("reference", REF),
    ("name", [words]) or (None, None) when empty."""
    text = (text or "").strip()
    if not text:
        return None, None
    squashed = "".join(text.split())
    if squashed.isdigit():
        return "nhs_number", squashed
    reference = normalise_reference(text)
    if reference and REFERENCE.match(reference):
        return "reference", reference
    return "name", text.replace(",", " , ").lower().split()


class _Columns:
    """Hands out columns for conditions: plain, or `unindexed` when steering to an order."""

    def __init__(self, keep=None):
        self.keep = keep

    def __getattr__(self, name):
        column = getattr(RegisterEntry, name)
        if self.keep is None or name in self.keep:
            return column
        return unindexed(column)


def _prefix(column, prefix):
    """column starts with prefix, as a range a B-tree index can seek (SQLite's LIKE ignores
    case, so it cannot use one). Exact for binary collations: SQLite's, and PostgreSQL's
    "C"; names are kept lower-case in the *_key columns."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _name_condition(words, c):
    first, last = c.first_name_key, c.last_name_key
    if "," in words:  # "Jones, Sam": last name, then first name
        at = words.index(",")
        surname, given = " ".join(words[:at]), " ".join(words[at + 1 :])
        if surname and given:
            return and_(_prefix(last, surname), _prefix(first, given))
        words = [word for word in words if word != ","]
    if not words:
        return None
    whole = " ".join(words)
    if len(words) == 1:
        return or_(_prefix(last, whole), _prefix(first, whole))
    head, tail = " ".join(words[:-1]), words[-1]
    return or_(
        and_(_prefix(first, head), _prefix(last, tail)),
        and_(_prefix(last, head), _prefix(first, tail)),
        _prefix(last, whole),  # a surname with a space in it: "van der Berg"
    )


def _search_condition(text, c):
    kind, value = classify(text)
    if kind == "nhs_number":
        return c.nhs_number == value
    if kind == "reference":
        return c.reference == value
    if kind == "name":
        return _name_condition(value, c)
    return None


def conditions(criteria, today=None, keep=None):
    """The WHERE clauses for these criteria. With `keep`, only those columns (and
    `active`) may be looked up by index."""
    today = today or date.today()
    c = _Columns(keep)
    where = [RegisterEntry.active == (not criteria.removed)]
    search = _search_condition(criteria.text, c)
    if search is not None:
        where.append(search)
    if criteria.ratings:
        where.append(c.rating.in_(criteria.ratings))
    if criteria.age_group:
        earliest, latest = born_between(criteria.age_group, today)
        where.append(c.date_of_birth.between(earliest, latest))
    if criteria.setting:
        where.append(c.setting == criteria.setting)
    if criteria.overdue_review:
        where.append(c.next_review_on < today)
    if criteria.overdue_action:
        where.append(c.next_action_due < today)
    return where


def _count(where):
    return db.session.scalar(select(func.count()).select_from(RegisterEntry).where(*where))


def _count_upto(where, limit):
    """How many match, counting no further than `limit`."""
    matching = select(RegisterEntry.id).where(*where).limit(limit).subquery()
    return db.session.scalar(select(func.count()).select_from(matching))


def _indexed_filters(criteria, today):
    """The filters that each have an index of their own, by the column they read."""
    filters = {}
    if criteria.ratings:
        filters["rating"] = RegisterEntry.rating.in_(criteria.ratings)
    if criteria.age_group:
        filters["date_of_birth"] = RegisterEntry.date_of_birth.between(
            *born_between(criteria.age_group, today)
        )
    if criteria.setting:
        filters["setting"] = RegisterEntry.setting == criteria.setting
    if criteria.overdue_review:
        filters["next_review_on"] = RegisterEntry.next_review_on < today
    if criteria.overdue_action:
        filters["next_action_due"] = RegisterEntry.next_action_due < today
    return filters


def _narrowest(criteria, today):
    """SQLite guesses how much a date range matches, and often guesses wrong, then reads
    thousands of rows through the wrong index. When several indexed filters combine,
    count each alone (from its own index: quick) and let only the narrowest use one.
    PostgreSQL keeps real statistics and plans this well itself."""
    if db.session.get_bind().dialect.name != "sqlite" or criteria.text.strip():
        return None
    filters = _indexed_filters(criteria, today)
    if len(filters) < 2:
        return None
    active = RegisterEntry.active == (not criteria.removed)
    sizes = {
        # The setting index is on setting alone: counted without `active`, it is read alone.
        name: _count([condition] if name == "setting" else [active, condition])
        for name, condition in filters.items()
    }
    return {min(sizes, key=sizes.get)}


def _counts_by_rating(where):
    return dict(
        db.session.execute(
            select(RegisterEntry.rating, func.count()).where(*where).group_by(RegisterEntry.rating)
        ).all()
    )


def _rows(where, order, offset, limit):
    """One page of rows. The page is found by id first (a "deferred join"), so the rows
    skipped to reach it are read from the index alone, and only 25 rows from the table."""
    page_ids = (
        select(RegisterEntry.id).where(*where).order_by(*order).limit(limit).offset(offset)
    ).subquery()
    return db.session.execute(
        select(*LIST_COLUMNS).join(page_ids, page_ids.c.id == RegisterEntry.id).order_by(*order)
    ).all()


def _page_number(page, total):
    return min(max(1, page), max(1, math.ceil(total / PAGE_SIZE)))


def _severity_walk(where, ratings, offset, counts=None):
    """A page in severity order, read one rating at a time in name order from the
    (active, rating, last name, first name, id) index. To skip to a later page, each
    rating's matches are counted (with `counts` already known when nothing else filters)."""
    wanted, rows = PAGE_SIZE, []
    for rating in ratings:
        in_rating = [*where, RegisterEntry.rating == rating]
        if offset:
            if counts is not None:
                matches = counts.get(rating, 0)
            else:  # counting stops once it is clear the page starts in this rating
                matches = _count_upto(in_rating, offset + wanted)
            if offset >= matches:
                offset -= matches
                continue
        found = _rows(in_rating, BY_NAME, offset, wanted)
        rows += found
        offset, wanted = 0, wanted - len(found)
        if not wanted:
            break
    return rows


def _by_severity(criteria, page, today):
    where = conditions(criteria, today, keep=_narrowest(criteria, today))
    counts = None
    if criteria.filtered:
        total = _count(where)
    else:  # the (active, rating) index answers this whole: the total and each rating's share
        counts = _counts_by_rating(where)
        total = sum(counts.values())
    number = _page_number(page, total)
    offset = (number - 1) * PAGE_SIZE
    if total <= SMALL_SET:
        severity = case(
            {rating: rank for rank, rating in enumerate(SEVERITY)}, value=RegisterEntry.rating
        )
        rows = _rows(where, (severity, *BY_NAME), offset, PAGE_SIZE)
    else:
        ratings = [r for r in SEVERITY if not criteria.ratings or r in criteria.ratings]
        steered = conditions(criteria, today, keep={"rating"})
        rows = _severity_walk(steered, ratings, offset, counts)
    return Page(rows=rows, total=total, number=number, by_rating=counts)


def find(criteria, page=1, today=None):
    """One page of people matching the criteria (PAGE_SIZE a page), with the total."""
    today = today or date.today()
    if criteria.sort != "review":
        found = _by_severity(criteria, page, today)
    else:
        narrowest = _narrowest(criteria, today)
        total = _count(conditions(criteria, today, narrowest))
        number = _page_number(page, total)
        # Large results are read in next-review order from the (active, next_review_on, id) index.
        keep = narrowest if total <= SMALL_SET else {"next_review_on"}
        where = conditions(criteria, today, keep)
        rows = _rows(where, BY_REVIEW, (number - 1) * PAGE_SIZE, PAGE_SIZE)
        found = Page(rows=rows, total=total, number=number)
    found.search_kind = classify(criteria.text)[0]
    return found
