"""The staff side's "done when" in one walk, by keyboard alone in Chromium: a triager picks
up a request to join the register; a register manager adds the person, rates them again,
plans and records a review with a SMART action, and downloads the register. axe checks
every page visited; the database and the audit trail are checked at the end."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Referral, Review
from portal.services import register as register_service

from ..admin.test_triage import make_referral
from .conftest import open_visit
from .staff_login import staff_sign_in
from .test_referral import pick, press_tab_until
from .test_staff_reviews import fill_by_keyboard, parts, press_button
from .test_staff_triage import surname, tab_to_link, type_at

pytestmark = pytest.mark.browser
TODAY = date.today()


def from_the_menu(tab, text, url):
    """Open a staff menu entry by keyboard."""
    press_tab_until(tab, text=text)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(f"**{url}")
    tab.axe()


def follow(tab, href):
    """Tab to the link with this address and press Enter."""
    tab_to_link(tab, href)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    tab.axe()


def flash(tab):
    return tab.page.locator(".portal-flash").inner_text()


def audit_rows(served_app):
    with served_app.app_context():
        return {
            (e.action, e.subject_type, e.subject_id, e.actor)
            for e in db.session.scalars(select(AuditEvent))
        }


def test_from_the_queue_to_the_register_a_review_and_an_export(
    keyboard_visit, browser, live_server, served_app
):
    name = surname()
    # In hospital and waiting longest, so it heads the queue whatever else is in it.
    referral_id = make_referral(
        served_app, last=name, in_hospital=True, sent=datetime.now(UTC) - timedelta(days=500)
    )
    item = f"/staff/queue/{referral_id}"

    # The triager picks it up and adds a note.
    tab = keyboard_visit
    triager = staff_sign_in(tab, served_app, "triager")
    tab.axe()
    from_the_menu(tab, "Triage queue", "/staff/queue")
    follow(tab, item)
    assert tab.page.locator("h1").inner_text().endswith(f"Sam {name}")
    pick(tab, "status")  # Being looked at, the first choice
    type_at(tab, "reason", "Picking this up today.")
    press_button(tab, "Change status")
    assert "Being looked at" in flash(tab)
    tab.axe()
    type_at(tab, "note", "Phoned Sam. Happy to go on the register.")
    press_button(tab, "Add note")
    assert "Phoned Sam." in tab.page.locator(".portal-triage-note").first.inner_text()
    tab.axe()

    # The register manager works in a browser of their own.
    context, tab = open_visit(browser, live_server, viewport={"width": 1280, "height": 900})
    try:
        manager = staff_sign_in(tab, served_app, "register_manager")
        tab.axe()
        from_the_menu(tab, "Triage queue", "/staff/queue")
        follow(tab, item)
        pick(tab, "rating-2")  # Amber
        type_at(tab, "rating_reason", "Support at home is changing.")
        press_button(tab, f"Add Sam {name} to the register")
        assert f"Sam {name} is on the register." in flash(tab)
        with served_app.app_context():
            referral = db.session.get(Referral, referral_id)
            entry_id = register_service.entry_for_referral(referral).id
        assert tab.page.url.endswith(f"/staff/register/{entry_id}")
        tab.axe()

        follow(tab, f"/staff/register/{entry_id}/rating")
        pick(tab, "rating")  # Red, the first choice
        type_at(tab, "reason", "Placement is breaking down.")
        press_button(tab, "Change rating")
        assert "Rating changed to Red" in flash(tab)
        tab.axe()

        follow(tab, f"/staff/register/{entry_id}/reviews/new")
        planned, held, sent = (TODAY - timedelta(days=days) for days in (10, 9, 2))
        fill_by_keyboard(
            tab, parts("planned_on", planned), picks=("setting",), button="Plan the review"
        )
        assert "The review is planned." in flash(tab)
        tab.axe()
        press_button(tab, "Record that it was held")
        tab.axe()
        panel = {
            "chair": "Ann Chair",
            "expert_by_experience": "Bo Expert",
            "clinical_expert": "Dr Cy Clinician",
        }
        fill_by_keyboard(tab, {**parts("held_on", held), **panel})
        assert "The review is recorded as held." in flash(tab)
        tab.axe()
        press_button(tab, "Record when the report was sent")
        tab.axe()
        fill_by_keyboard(tab, parts("report_sent_on", sent))
        tab.axe()
        press_button(tab, "Add an action")
        tab.axe()
        what = "Find a flat near family"
        fill_by_keyboard(
            tab,
            {"what": what, "who": "Priya, care coordinator", **parts("due_on", TODAY)},
            button="Add the action",
        )
        tab.axe()
        press_button(tab, f"Mark as done: {what}")
        tab.axe()

        from_the_menu(tab, "Exports", "/staff/exports")
        press_tab_until(tab, "file_format")  # CSV, chosen already
        assert tab.page.locator("#file_format").is_checked()
        press_tab_until(tab, text="Download the register")
        with tab.page.expect_download() as info:
            tab.page.keyboard.press("Enter")
        with open(info.value.path(), encoding="utf-8-sig") as file:
            assert name in file.read()
        tab.finish()
    finally:
        context.close()

    with served_app.app_context():
        entry = register_service.entry_for_referral(db.session.get(Referral, referral_id))
        assert entry.rating == "RED"
        # Newest first, as the record's rating history shows them.
        assert [(c.rating, c.reason) for c in entry.rating_changes] == [
            ("RED", "Placement is breaking down."),
            ("AMBER", "Support at home is changing."),
        ]
        review = db.session.scalars(select(Review).where(Review.entry_id == entry_id)).one()
        assert (review.held_on, review.report_sent_on) == (held, sent)
        assert [(a.what, a.status, a.done_on) for a in review.actions] == [(what, "done", TODAY)]
        review_id, action_id = review.id, review.actions[0].id
    staff = {"triager": f"staff:{triager}", "manager": f"staff:{manager}"}
    rows = audit_rows(served_app)
    for action, kind, subject, who in (
        ("referral.viewed", "referral", referral_id, "triager"),
        ("referral.viewed", "referral", referral_id, "manager"),
        ("register.added", "register_entry", entry_id, "manager"),
        ("register.rated", "register_entry", entry_id, "manager"),
        ("review.planned", "review", review_id, "manager"),
        ("action.added", "review_action", action_id, "manager"),
    ):
        assert (action, kind, subject, staff[who]) in rows, action
    assert any(r[0] == "export.register" and r[3] == staff["manager"] for r in rows)
