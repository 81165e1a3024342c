"""The policy's timescales, across the boundary ages and dates."""

from datetime import date, timedelta

import pytest

from portal.services import review_timescales as rt

ADMITTED = date(2026, 3, 10)


def born_years_before(day, years, days_after=0):
    return date(day.year - years, day.month, day.day) + timedelta(days=days_after)


@pytest.mark.parametrize(
    ("born", "kind", "weeks"),
    [
        # 17 years and 364 days old on the day of admission: still a child.
        (born_years_before(ADMITTED, 18, days_after=1), rt.POST_ADMISSION_CHILD, 2),
        # 18 on the day of admission: an adult.
        (born_years_before(ADMITTED, 18), rt.POST_ADMISSION_ADULT, 4),
        (born_years_before(ADMITTED, 9), rt.POST_ADMISSION_CHILD, 2),
        (born_years_before(ADMITTED, 40), rt.POST_ADMISSION_ADULT, 4),
    ],
)
def test_post_admission_review_depends_on_age_at_admission(born, kind, weeks):
    due = rt.review_due(born, ADMITTED, in_hospital=True, admitted=ADMITTED)
    assert due.kind == kind
    assert due.by == ADMITTED + timedelta(weeks=weeks)
    assert due.counted_from == ADMITTED


def test_the_age_that_counts_is_at_admission_not_today():
    born = born_years_before(ADMITTED, 18, days_after=1)  # 18 the day after admission
    later = ADMITTED + timedelta(days=5)
    due = rt.review_due(born, later, in_hospital=True, admitted=ADMITTED)
    assert due.kind == rt.POST_ADMISSION_CHILD and due.by == date(2026, 3, 24)


@pytest.mark.parametrize("age", [12, 17, 18, 50])
def test_after_a_community_review_it_is_6_weeks_at_any_age(age):
    due = rt.review_due(
        born_years_before(ADMITTED, age),
        ADMITTED,
        True,
        admitted=ADMITTED,
        community_review_before=True,
    )
    assert due.kind == rt.AFTER_COMMUNITY_REVIEW
    assert due.by == date(2026, 4, 21)


@pytest.mark.parametrize(
    ("age_today", "secure", "kind", "months"),
    [
        (15, False, rt.REPEAT_CHILD, 3),
        (15, True, rt.REPEAT_CHILD, 3),
        (30, False, rt.REPEAT_ADULT, 6),
        (30, True, rt.REPEAT_ADULT_SECURE, 12),
    ],
)
def test_repeat_reviews_in_hospital(age_today, secure, kind, months):
    today = date(2026, 11, 22)
    last = date(2026, 8, 31)
    due = rt.review_due(
        born_years_before(today, age_today),
        today,
        True,
        admitted=ADMITTED,
        secure=secure,
        last_review=last,
    )
    assert due.kind == kind
    assert due.by == rt.add_months(last, months)


def test_repeat_review_switches_to_adult_rules_on_the_18th_birthday():
    today = date(2026, 11, 22)
    last = date(2026, 10, 1)
    day_before = rt.review_due(
        born_years_before(today, 18, days_after=1), today, True, admitted=ADMITTED, last_review=last
    )
    on_the_day = rt.review_due(
        born_years_before(today, 18), today, True, admitted=ADMITTED, last_review=last
    )
    assert day_before.kind == rt.REPEAT_CHILD and day_before.by == date(2027, 1, 1)
    assert on_the_day.kind == rt.REPEAT_ADULT and on_the_day.by == date(2027, 4, 1)


def test_month_ends_are_kept_sensible():
    assert rt.add_months(date(2026, 8, 31), 3) == date(2026, 11, 30)
    assert rt.add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert rt.add_months(date(2026, 12, 15), 12) == date(2027, 12, 15)


def test_a_move_is_noted_and_never_hides_a_deadline():
    moved = date(2026, 11, 1)
    due = rt.review_due(
        date(1990, 1, 1),
        date(2026, 11, 22),
        True,
        admitted=ADMITTED,
        moved_on=moved,
        last_review=date(2026, 9, 1),
    )
    assert due.kind == rt.REPEAT_ADULT and due.by == date(2027, 3, 1)
    assert due.moved_on == moved


def test_a_child_who_moved_soon_after_admission_keeps_the_2_week_deadline():
    admitted = date(2026, 11, 15)
    due = rt.review_due(
        date(2012, 5, 5), date(2026, 11, 22), True, admitted=admitted, moved_on=date(2026, 11, 20)
    )
    assert due.kind == rt.POST_ADMISSION_CHILD and due.by == date(2026, 11, 29)
    assert due.moved_on == date(2026, 11, 20)


def test_a_move_with_no_admission_date_asks_for_a_review_without_inventing_one():
    due = rt.review_due(date(1990, 1, 1), date(2026, 11, 22), True, moved_on=date(2026, 11, 1))
    assert due.kind == rt.AFTER_MOVE and due.by is None and due.counted_from == date(2026, 11, 1)


def test_an_unknown_last_review_is_never_called_late():
    due = rt.review_due(
        date(1990, 1, 1),
        date(2026, 11, 22),
        True,
        admitted=date(2020, 1, 1),
        last_review_unknown=True,
    )
    assert due.by == date(2020, 1, 29) and due.uncertain
    assert not due.overdue(date(2026, 11, 22))


def test_a_review_after_the_move_counts_again_from_that_review():
    due = rt.review_due(
        date(1990, 1, 1),
        date(2026, 11, 22),
        True,
        admitted=ADMITTED,
        moved_on=date(2026, 5, 1),
        last_review=date(2026, 6, 1),
    )
    assert due.kind == rt.REPEAT_ADULT and due.by == date(2026, 12, 1)


def test_in_the_community_there_is_no_fixed_date():
    due = rt.review_due(date(2010, 1, 1), date(2026, 11, 22), in_hospital=False)
    assert due.kind == rt.COMMUNITY and due.by is None and not due.overdue(date(2030, 1, 1))


def test_overdue_reviews_are_flagged():
    due = rt.review_due(date(1990, 1, 1), date(2026, 11, 22), True, admitted=date(2026, 1, 1))
    assert due.by == date(2026, 1, 29) and due.overdue(date(2026, 11, 22))
    assert not due.overdue(date(2026, 1, 29))


@pytest.mark.parametrize(("days_after", "name"), [(1, "CETR"), (0, "CTR")])
def test_cetr_for_under_18s_ctr_for_adults(days_after, name):
    today = date(2026, 11, 22)
    assert rt.review_name(born_years_before(today, 18, days_after), today) == name


def test_every_kind_has_a_plain_explanation(app):
    with app.test_request_context():
        for kind, text in rt.EXPLAIN.items():
            assert str(text).endswith("."), kind
