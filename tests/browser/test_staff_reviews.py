"""A register manager plans a C(E)TR, records it held with its panel and its report, and
adds SMART actions, by keyboard alone in Chromium; axe checks every page at 1280px and
320px."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Planner, PlannerShare, Referral, RegisterEntry, Review, ReviewAction

from .staff_login import staff_sign_in
from .test_referral import pick, press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


def new_entry(served_app, age=30, **extra):
    """Someone on the register, with a name nobody else in the shared database has."""
    first = f"Sam{uuid4().hex[:6]}"
    with served_app.app_context():
        entry = RegisterEntry(
            reference=f"DSR-{uuid4().hex[:8].upper()}",
            first_name=first,
            last_name="Taylor",
            first_name_key=first.lower(),
            last_name_key="taylor",
            date_of_birth=TODAY.replace(year=TODAY.year - age),
            added_by="staff:0",
            rating="BLUE",
            rating_reason="In hospital now.",
            **extra,
        )
        db.session.add(entry)
        db.session.commit()
        return entry.id


def parts(name, day):
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def type_into(tab, element_id, text):
    """Tab to a field, clear what is there, and type."""
    press_tab_until(tab, element_id)
    tab.page.keyboard.press("Control+A")
    tab.page.keyboard.press("Delete")
    tab.page.keyboard.type(text)


def press_button(tab, starts_with):
    """Tab to the button or link whose words begin so, and press Enter."""
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        focus = tab.focused()
        if focus["tag"] in ("button", "a") and focus["text"].replace("\n", "").startswith(
            starts_with
        ):
            break
    else:
        raise AssertionError(f"Tab never reached {starts_with!r}: {tab.focused()}")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def fill_by_keyboard(tab, values, picks=(), button="Save"):
    for element_id in picks:
        pick(tab, element_id)
    for element_id, text in values.items():
        type_into(tab, element_id, text)
    press_button(tab, button)


def review_of(served_app, entry_id):
    with served_app.app_context():
        review = db.session.scalars(select(Review).where(Review.entry_id == entry_id)).one()
        actions = [(a.what, a.status, a.done_on) for a in review.actions]
        entry = db.session.get(RegisterEntry, entry_id)
        return review, actions, entry.last_review_on, entry.next_action_due


def shared_planner_request(served_app, born):
    """A review request whose planner the person shared with the chair."""
    with served_app.app_context():
        referral = Referral(
            kind="review",
            reference=f"REV-{uuid4().hex[:8].upper()}",
            status="review_agreed",
            requester_role="self",
            first_name="Someone",
            last_name="Else",
            date_of_birth=born,
            postcode="LS1 4HR",
            status_token_hash=uuid4().hex,
        )
        planner = Planner(
            code_hash=uuid4().hex,
            access_key=uuid4().hex,
            referral=referral,
            expires_at=datetime.now(UTC) + timedelta(days=30),
        )
        planner.share = PlannerShare(
            referral=referral,
            parts=["about_me", "planning", "after"],
            answers={
                "profile": {
                    "important": "My dog Rex.\nSwimming on Fridays.",
                    "like": "",
                    "support": "",
                },
                "safe": {"good": "Staff are kind.", "better": "Fewer changes of staff."},
                "actions": {
                    "actions": [{"what": "Find a flat", "who": "Priya", "by_when": "June"}]
                },
            },
        )
        db.session.add(planner)
        db.session.commit()
        return referral.id


def test_a_register_manager_records_a_review_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    staff_sign_in(tab, served_app, "register_manager")
    entry_id = new_entry(served_app)
    admitted = TODAY - timedelta(days=30)
    held = TODAY - timedelta(days=20)
    sent = TODAY - timedelta(days=2)

    tab.goto(f"/staff/register/{entry_id}/reviews/new")
    tab.axe()
    # An empty form explains itself, and that state passes axe too.
    press_button(tab, "Plan the review")
    assert tab.page.title().startswith("Error: ")
    tab.axe()
    fill_by_keyboard(
        tab,
        {**parts("admitted", admitted), **parts("planned_on", held), "chair": "Ann Chair"},
        picks=("setting-2", "community_review_before-2"),
        button="Plan the review",
    )
    assert "/staff/reviews/" in tab.page.url
    tab.axe()
    review, _actions, _last, _next = review_of(served_app, entry_id)
    assert review.due_by == admitted + timedelta(weeks=4)
    assert review.review_type == "CTR" and review.chair == "Ann Chair"

    press_button(tab, "Record that it was held")
    tab.axe()
    fill_by_keyboard(
        tab,
        {
            **parts("held_on", held),
            "chair": "Ann Chair",
            "expert_by_experience": "Bo Expert",
            "clinical_expert": "Dr Cy Clinician",
        },
    )
    tab.axe()
    press_button(tab, "Record when the report was sent")
    tab.axe()
    fill_by_keyboard(tab, parts("report_sent_on", sent))
    warning = tab.page.locator(".nhsuk-card--warning").inner_text()
    assert "Report late: sent 18 days after the review; the standard is within 2 weeks" in warning
    tab.axe()

    for what, who, due in (
        ("Find a flat near family", "Priya, care coordinator", TODAY + timedelta(days=30)),
        ("Book an annual health check", "GP surgery", TODAY + timedelta(days=10)),
    ):
        press_button(tab, "Add an action")
        tab.axe()
        fill_by_keyboard(
            tab, {"what": what, "who": who, **parts("due_on", due)}, button="Add the action"
        )
        tab.axe()
    assert tab.page.locator("table.portal-review-actions tbody tr").count() == 2
    press_button(tab, "Mark as done: Book an annual")
    tab.axe()
    tab.screenshot("staff-review-keyboard")

    review, actions, last_review, next_due = review_of(served_app, entry_id)
    assert (review.held_on, review.report_sent_on) == (held, sent)
    assert (review.expert_by_experience, review.clinical_expert) == ("Bo Expert", "Dr Cy Clinician")
    assert actions == [
        ("Find a flat near family", "open", None),
        ("Book an annual health check", "done", TODAY),
    ]
    assert last_review == held and next_due == TODAY + timedelta(days=30)


@pytest.fixture
def recorded_review(served_app):
    """A held review with a late report, one overdue action and one done."""
    entry_id = new_entry(served_app, age=15, last_review_on=TODAY - timedelta(days=40))
    referral_id = shared_planner_request(served_app, TODAY.replace(year=TODAY.year - 15))
    with served_app.app_context():
        review = Review(
            entry_id=entry_id,
            referral_id=referral_id,
            review_type="CETR",
            setting="in_hospital",
            due_kind="repeat_child",
            due_by=TODAY - timedelta(days=50),
            planned_on=TODAY - timedelta(days=45),
            held_on=TODAY - timedelta(days=40),
            chair="Ann Chair",
            expert_by_experience="Bo Expert",
            clinical_expert="Dr Cy Clinician",
            notes="Met on the ward.\n\nThe person chose the garden room.",
            created_by="staff:0",
        )
        db.session.add(review)
        db.session.flush()
        long_what = (
            "Arrange a planning meeting with the family, the ward and the community team " * 3
        )
        for what, status, due in (
            (long_what.strip(), "open", TODAY - timedelta(days=3)),
            ("Refer for a keyworker", "done", TODAY - timedelta(days=20)),
        ):
            db.session.add(
                ReviewAction(
                    review_id=review.id,
                    entry_id=entry_id,
                    what=what,
                    who="Community learning disability team",
                    due_on=due,
                    status=status,
                    done_on=TODAY - timedelta(days=21) if status == "done" else None,
                )
            )
        db.session.commit()
        return entry_id, review.id, review.actions[0].id


def test_every_review_page_passes_axe_and_reflows(visit, viewport, served_app, recorded_review):
    entry_id, review_id, action_id = recorded_review
    staff_sign_in(visit, served_app, "register_manager")
    base = f"/staff/reviews/{review_id}"
    for path in (
        f"/staff/register/{entry_id}/reviews/new",
        base,
        f"{base}/held",
        f"{base}/report",
        f"{base}/notes",
        f"{base}/actions/new",
        f"{base}/actions/{action_id}",
        f"{base}/planner",
    ):
        visit.goto(path)
        visit.axe()
        visit.reflows()
        if path.endswith(("/reviews/new", "/planner")):
            name = "plan" if "register" in path else "planner"
            visit.screenshot(f"staff-review-{name}-{viewport['width']}")
    visit.goto(base)
    text = visit.page.locator("main").inner_text()
    assert "Report late: not sent, 40 days after the review" in text
    assert "Overdue" in visit.page.locator("table.portal-review-actions").inner_text()
    visit.screenshot(f"staff-review-{viewport['width']}")
    # An error state, at this width too.
    visit.goto(f"{base}/actions/new")
    visit.page.fill("#what", "x" * 501)
    with visit.page.expect_navigation():
        visit.page.get_by_role("button", name="Add the action").click()
    assert visit.page.title().startswith("Error: ")
    visit.axe()
    visit.reflows()
