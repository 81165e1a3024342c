"""The staff dashboard: the right figures from known data (ratings, overdue register
reviews and actions, late reports, the queue in bands of working days against the local
response times), each role seeing only what its work needs, and charts that a screen
reader can read: SVG images whose title and description say the numbers, bars with their
names and numbers as text, and the same figures in a table."""

import re
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AreaSettings,
    AuditEvent,
    ConsentRecord,
    Referral,
    RegisterEntry,
    Review,
    ReviewAction,
)
from portal.services import dashboard, triage

PAGE = "/staff/"
TODAY = date.today()
# A Wednesday, so the working-day arithmetic below is easy to check by hand.
WEDNESDAY = date(2026, 3, 18)


def working_days_before(day, days, hour=9, minute=0):
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def referral(kind="register", sent=None, done=False, withdrawn=None):
    row = Referral(
        kind=kind,
        reference=f"T-{uuid4().hex[:12]}",
        status="consent_withdrawn" if withdrawn else "new",
        submitted_at=sent or datetime.now(UTC),
        requester_role="person",
        first_name="Sam",
        last_name="Jones",
        date_of_birth=date(1990, 1, 1),
        postcode="LS1 4HR",
        status_token_hash=uuid4().hex,
        queue_done_at=datetime.now(UTC) if done else None,
    )
    if withdrawn:
        row.consent = ConsentRecord(
            basis="own",
            given=True,
            given_by_role="person",
            text_version="test",
            text_shown="Consent words",
            withdrawn_at=withdrawn,
        )
    db.session.add(row)
    return row


def entry(rating="GREEN", active=True, next_review_on=None, next_action_due=None):
    row = RegisterEntry(
        reference=f"DSR-{uuid4().hex[:12]}",
        added_by="staff:1",
        active=active,
        first_name="Alex",
        last_name="Smith",
        first_name_key="alex",
        last_name_key="smith",
        date_of_birth=date(1995, 5, 5),
        rating=rating,
        rating_reason="Test",
        next_review_on=next_review_on,
        next_action_due=next_action_due,
    )
    db.session.add(row)
    db.session.flush()
    return row


def review(person, held_on=None, report_sent_on=None):
    row = Review(
        entry_id=person.id,
        review_type="CTR",
        setting="community",
        held_on=held_on,
        report_sent_on=report_sent_on,
        created_by="staff:1",
    )
    db.session.add(row)
    db.session.flush()
    return row


def action(person, held, due_on, status="open"):
    db.session.add(
        ReviewAction(
            review_id=held.id,
            entry_id=person.id,
            what="Find a keyworker",
            who="Care coordinator",
            due_on=due_on,
            status=status,
        )
    )


def area(register_days=5, review_days=10):
    return AreaSettings(
        referral_response_days=register_days, review_request_response_days=review_days
    )


def known_register(today):
    """2 red, 1 amber, 3 green, 1 blue on the register; one red who came off."""
    day = timedelta(days=1)
    red = entry("RED", next_review_on=today - day, next_action_due=today - 3 * day)
    entry("RED", next_review_on=today)  # due today is not overdue
    amber = entry("AMBER", next_review_on=today - 10 * day)
    for _ in range(3):
        entry("GREEN", next_review_on=today + 30 * day)
    blue = entry("BLUE", next_action_due=today)  # due today is not overdue
    gone = entry("RED", active=False, next_review_on=today - day, next_action_due=today - day)

    held = review(red, held_on=today - 40 * day, report_sent_on=today - 20 * day)  # sent late
    action(red, held, today - 3 * day)  # overdue
    action(red, held, today - day)  # overdue
    action(red, held, today + day)  # not yet due
    action(red, held, today - 9 * day, status="done")  # done, so not overdue
    action(gone, review(gone), today - day)  # came off the register: not counted
    review(amber, held_on=today - 20 * day)  # no report after 20 days: late
    review(amber, held_on=today - 15 * day)  # no report after 15 days: late
    review(amber, held_on=today - 14 * day)  # exactly two weeks: not late yet
    review(amber, held_on=today - 10 * day)
    review(blue, held_on=today - 30 * day, report_sent_on=today - 16 * day)  # 14 days: on time
    review(blue)  # planned, not held
    review(gone, held_on=today - 30 * day)  # came off: not counted
    db.session.commit()


# The figures


def test_register_figures_from_known_data(app, db_session):
    with app.app_context():
        known_register(WEDNESDAY)
        found = dashboard.register_figures(WEDNESDAY)
    assert found.ratings == {"RED": 2, "AMBER": 1, "GREEN": 3, "BLUE": 1}
    assert found.people == 7
    assert found.overdue_reviews == 2
    assert found.people_with_overdue_action == 1
    assert found.overdue_actions == 2
    assert found.reports_not_sent == 2
    assert found.reports_sent_late == 1


def test_register_figures_when_the_register_is_empty(app, db_session):
    with app.app_context():
        found = dashboard.register_figures(WEDNESDAY)
    assert found.ratings == {"RED": 0, "AMBER": 0, "GREEN": 0, "BLUE": 0}
    assert (found.overdue_reviews, found.overdue_actions, found.reports_not_sent) == (0, 0, 0)


def test_queue_bands_in_working_days_against_the_local_response_times(app, db_session):
    """Register requests have 5 working days, review requests 10; nearly due means 2 or
    fewer are left. The bands agree with the queue's own age of each item."""
    settings = area(register_days=5, review_days=10)
    sent = {
        ("register", 0): "within",
        ("register", 2): "within",
        ("register", 3): "nearly",
        ("register", 5): "nearly",  # due today: not yet overdue
        ("register", 6): "overdue",
        ("review", 7): "within",
        ("review", 8): "nearly",
        ("review", 11): "overdue",
    }
    with app.app_context():
        made = []
        for (kind, days), band in sent.items():
            # Late in the day, so the day (not the hour) decides the band.
            moment = working_days_before(WEDNESDAY, days, hour=23, minute=59)
            made.append((referral(kind, moment), band))
        referral("register", working_days_before(WEDNESDAY, 30), done=True)  # finished
        # Withdrawn yesterday: it waits from the withdrawal, not from the request.
        referral(
            "register",
            working_days_before(WEDNESDAY, 30),
            withdrawn=working_days_before(WEDNESDAY, 1),
        )
        db.session.commit()
        lines = {line.kind: line for line in dashboard.queue_figures(settings, WEDNESDAY)}
        for row, band in made:
            age = triage.age_of(row.submitted_at, row.kind, WEDNESDAY, settings)
            assert age.overdue == (band == "overdue"), (row.kind, age)

    assert lines["register"].bands == {"within": 2, "nearly": 2, "overdue": 1}
    assert lines["register"].limit == 5 and lines["register"].longest_days == 6
    assert lines["review"].bands == {"within": 1, "nearly": 1, "overdue": 1}
    assert lines["review"].limit == 10 and lines["review"].longest_days == 11
    assert lines["withdrawal"].bands == {"within": 1, "nearly": 0, "overdue": 0}
    assert lines["withdrawal"].longest_days == 1 and lines["withdrawal"].limit is None
    assert dashboard.queue_totals(lines.values()) == {"within": 4, "nearly": 3, "overdue": 2}


def test_the_weekend_does_not_count(app, db_session):
    """Sent on Friday, looked at on Monday: one working day, with a one-day promise."""
    monday = date(2026, 3, 23)
    with app.app_context():
        referral("register", datetime(2026, 3, 20, 16, 0, tzinfo=UTC))
        db.session.commit()
        [line, *_] = dashboard.queue_figures(area(register_days=1), monday)
    assert line.longest_days == 1
    assert line.bands == {"within": 0, "nearly": 1, "overdue": 0}


def test_latest_start_counts_back_in_working_days():
    assert dashboard.latest_start(0, WEDNESDAY) == WEDNESDAY
    assert dashboard.latest_start(1, WEDNESDAY) == date(2026, 3, 17)
    # Arriving at the weekend counts from Monday, like arriving on the Friday.
    assert dashboard.latest_start(3, WEDNESDAY) == date(2026, 3, 15)
    assert dashboard.latest_start(4, WEDNESDAY) == date(2026, 3, 12)


# The page, by role


def svg_checks(chart):
    """An SVG chart as the brief asks, returning its description."""
    assert chart["role"] == "img"
    assert chart["viewbox"].startswith("0 0 320 ")
    assert chart["width"] == "100%"
    title_id, desc_id = chart["aria-labelledby"].split()
    title, desc = chart.find("title"), chart.find("desc")
    assert title["id"] == title_id and desc["id"] == desc_id
    return title.get_text(), desc.get_text()


def table_of(figure):
    rows = figure.select("details table tbody tr")
    return {row.th.get_text(" ", strip=True): row.td.get_text(strip=True) for row in rows}


def bars_of(chart):
    texts = [t.get_text() for t in chart.find_all("text")]
    return dict(zip(texts[::2], texts[1::2], strict=True))


def test_a_register_manager_sees_the_queue_and_the_register(app, staff_client):
    with app.app_context():
        known_register(TODAY)
        referral("register", working_days_before(TODAY, 40))  # overdue at any setting
        referral("review", datetime.now(UTC))
        db.session.commit()
    client = staff_client("register_manager")
    with app.app_context():
        audits_before = db.session.scalar(select(func.count(AuditEvent.id)))
    page = client.get(PAGE)
    assert page.status_code == 200
    soup = page.soup
    assert soup.h1.get_text() == "Dashboard"
    assert not soup.select("[style]"), "the CSP allows no style attributes"

    ratings = soup.select_one("figure[aria-labelledby='chart-ratings-heading']")
    title, desc = svg_checks(ratings.svg)
    assert title == "People on the register by rating"
    assert desc == (
        "7 people on the register. Red: 2 people. Amber: 1 person. Green: 3 people. Blue: 1 person."
    )
    assert bars_of(ratings.svg) == {"Red": "2", "Amber": "1", "Green": "3", "Blue": "1"}
    assert [r["class"] for r in ratings.svg.find_all("rect")] == [
        ["portal-chart__bar", f"portal-chart__bar--{tone}"]
        for tone in ("red", "amber", "green", "blue")
    ]
    assert table_of(ratings) == {"Red": "2", "Amber": "1", "Green": "3", "Blue": "1"}
    assert ratings.select_one("details a")["href"] == "/staff/register?rating=RED"

    overdue = soup.select_one("figure[aria-labelledby='chart-overdue-heading']")
    _, desc = svg_checks(overdue.svg)
    assert "Register reviews overdue: 2." in desc
    assert "Review actions overdue: 2." in desc
    assert "Reports not sent within 2 weeks: 2." in desc
    assert "Reports sent more than 2 weeks late: 1." in desc
    assert table_of(overdue)["Register reviews overdue"] == "2"
    assert table_of(overdue)["People with an action overdue"] == "1"

    queue = soup.select_one("figure[aria-labelledby='chart-queue-heading']")
    _, desc = svg_checks(queue.svg)
    assert desc.startswith("2 requests waiting.")
    assert "Overdue: 1 request." in desc
    assert table_of(queue)["Overdue"] == "1"
    by_kind = soup.select_one("table.portal-dashboard-queue")
    first_row = by_kind.select_one("tbody tr")
    assert "Requests to join the register" in first_row.get_text()
    assert "10 working days" in first_row.get_text()  # the local response time
    assert table_of(queue)["Due within 2 working days"] == "0"
    assert soup.find("a", string="Go to the register")
    headline = {
        li.select_one(".portal-figure__text").get_text(): (
            li.select_one(".portal-figure__number").get_text(),
            li.select_one("a")["href"] if li.select_one("a") else None,
        )
        for li in soup.select("section[aria-labelledby='register-heading'] .portal-figure")
    }
    assert headline == {
        "people on the register": ("7", "/staff/register"),
        "register reviews overdue": ("2", "/staff/register?overdue=review"),
        "people with an action overdue": ("1", "/staff/register?overdue=action"),
        "reviews with a late report": ("3", None),
    }
    with app.app_context():
        # Counts only, no one's details: looking leaves no audit row.
        assert db.session.scalar(select(func.count(AuditEvent.id))) == audits_before


def test_a_triager_sees_only_the_queue(app, staff_client):
    with app.app_context():
        known_register(TODAY)
        referral("register", datetime.now(UTC))
        db.session.commit()
    soup = staff_client("triager").get(PAGE).soup
    assert soup.select_one("figure[aria-labelledby='chart-queue-heading'] svg")
    assert len(soup.select("svg.portal-chart__svg")) == 1
    text = soup.get_text(" ", strip=True)
    assert "Triage queue" in text
    assert "people on the register" not in text
    assert "Reports not sent" not in text
    assert not soup.find("a", href=re.compile("^/staff/register"))


def test_an_administrator_sees_counts_and_their_pages(app, staff_client):
    with app.app_context():
        known_register(TODAY)
        referral("register", datetime.now(UTC))
        db.session.commit()
    soup = staff_client("administrator").get(PAGE).soup
    assert not soup.select("svg.portal-chart__svg")
    figures = {
        li.select_one(".portal-figure__text").get_text(): li.select_one(
            ".portal-figure__number"
        ).get_text()
        for li in soup.select(".portal-figure")
    }
    assert figures["people on the register"] == "7"
    assert figures["requests waiting in the triage queue"] == "1"
    assert figures["staff accounts in use"] == "1"
    assert figures["staff accounts locked now"] == "0"
    links = {a.get_text(): a["href"] for a in soup.select("main .nhsuk-list a")}
    # Every page the role may open, from the same marks the route guard reads.
    assert links == {
        "Exports": "/staff/exports",
        "Staff": "/staff/staff-members",
        "Local area settings": "/staff/settings",
        "Languages": "/staff/languages",
        "Audit log": "/staff/audit",
    }
    assert "Red" not in soup.select_one("main").get_text()


def test_empty_charts_still_say_so(app, staff_client):
    soup = staff_client("register_manager").get(PAGE).soup
    _, desc = svg_checks(soup.select_one("figure[aria-labelledby='chart-ratings-heading'] svg"))
    assert desc.startswith("0 people on the register. Red: 0 people.")
    assert all(rect["width"] == "0" for rect in soup.select("svg rect"))


def test_signed_out_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/sign-in")


@pytest.mark.parametrize("count", [1, 100_000])
def test_a_small_count_still_shows_a_bar(count):
    from portal.services.charts import bar_length

    assert bar_length(1, count) >= 2
    assert bar_length(count, count) == 320 - 72


def test_the_chart_function_takes_label_value_and_class(app):
    from portal.services.charts import bar_chart

    with app.test_request_context():
        markup = str(
            bar_chart(
                "chart-x",
                "Things <b>",
                "Red: 3. Blue: 0.",
                [("Red & co", 3, "portal-chart__bar--red"), ("Blue", 0, "portal-chart__bar--blue")],
            )
        )
    assert 'role="img" aria-labelledby="chart-x-title chart-x-desc"' in markup
    assert '<title id="chart-x-title">Things &lt;b&gt;</title>' in markup
    assert '<desc id="chart-x-desc">Red: 3. Blue: 0.</desc>' in markup
    assert ">Red &amp; co</text>" in markup
    assert 'class="portal-chart__bar portal-chart__bar--red"' in markup
    assert 'width="100%"' in markup and "style=" not in markup
