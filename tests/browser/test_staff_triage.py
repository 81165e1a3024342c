"""The triage queue in Chromium: a triager marks an item "being looked at" and adds a note;
a register manager records a best-interests decision and adds the person to the
register, all by keyboard; axe checks every queue page at 1280px and 320px."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from portal.extensions import db
from portal.models import Referral, RegisterEntry
from portal.services import referrals
from portal.services import register as register_service

from ..admin.test_triage import make_referral
from .staff_login import staff_sign_in
from .test_referral import pick, press_tab_until

pytestmark = pytest.mark.browser


def surname():
    # Letters only, as names are.
    return "Triage" + uuid4().hex[:8].translate(str.maketrans("0123456789", "ghijklmnop"))


def waiting_a_long_time():
    # Before anything other tests send, so the item is on the first page of the queue.
    return datetime.now(UTC) - timedelta(days=400)


def state(served_app, referral_id):
    with served_app.app_context():
        referral = db.session.get(Referral, referral_id)
        entry = register_service.entry_for_referral(referral)
        return {
            "status": referral.status,
            "changes": [(c.status, c.reason) for c in referral.status_changes],
            "notes": [n.text for n in referral.notes],
            "decision": referral.consent.decision_kind,
            "entry": (entry.rating, entry.rating_reason) if entry else None,
        }


def tab_to_link(tab, href, limit=300):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("document.activeElement.getAttribute('href') || ''") == href:
            return
    raise AssertionError(f"Tab never reached a link to {href!r}")


def press_button(tab, text):
    press_tab_until(tab, text=text, limit=300)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def type_at(tab, element_id, words):
    press_tab_until(tab, element_id, limit=300)
    tab.page.keyboard.type(words)


def test_a_triager_then_a_register_manager_work_an_item_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    name = surname()
    referral_id = make_referral(
        served_app,
        last=name,
        in_hospital=True,
        basis="best_interests_needed",
        sent=waiting_a_long_time(),
        needs=("easy_read",),
    )
    item = f"/staff/queue/{referral_id}"

    # A triager picks it up and adds a note.
    staff_sign_in(tab, served_app, "triager")
    tab.goto("/staff/queue")
    tab.axe()
    tab_to_link(tab, item)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.locator("h1").inner_text().endswith(f"Sam {name}")
    assert "Easy read" in tab.page.locator(".nhsuk-card--warning").first.inner_text()
    tab.axe()

    press_button(tab, "Change status")  # nothing chosen: the errors must pass axe too
    assert tab.page.title().startswith("Error: ")
    tab.axe()
    pick(tab, "status")  # Being looked at, the first choice
    type_at(tab, "reason", "Picking this up today.")
    press_button(tab, "Change status")
    assert "Being looked at" in tab.page.locator(".portal-flash").inner_text()
    tab.axe()

    type_at(tab, "note", "Phoned the ward. Call back after 2pm.")
    press_button(tab, "Add note")
    assert "Phoned the ward." in tab.page.locator(".portal-triage-note").first.inner_text()
    tab.axe()
    after = state(served_app, referral_id)
    assert after["status"] == "being_looked_at"
    assert after["changes"][-1] == ("being_looked_at", "Picking this up today.")
    assert after["notes"] == ["Phoned the ward. Call back after 2pm."]

    # A register manager records the best-interests decision, then adds them.
    tab.page.context.clear_cookies()
    staff_sign_in(tab, served_app, "register_manager")
    tab.goto(item)
    assert "Record a best-interests decision" in tab.page.locator("#consent-problem").inner_text()
    tab.axe()
    decided = datetime.now(UTC).date() - timedelta(days=3)
    type_at(tab, "decided_by", "Dr Lee, consultant psychiatrist")
    type_at(tab, "decided_on-day", str(decided.day))
    type_at(tab, "decided_on-month", str(decided.month))
    type_at(tab, "decided_on-year", str(decided.year))
    type_at(tab, "decision_reason", "Meeting with family and the ward team.")
    press_button(tab, "Record the decision")
    assert "Decision recorded" in tab.page.locator(".portal-flash").inner_text()
    assert state(served_app, referral_id)["decision"] == "best_interests"
    tab.axe()

    pick(tab, "rating")  # Red, the first choice
    type_at(tab, "rating_reason", "In hospital with no discharge plan.")
    press_button(tab, f"Add Sam {name} to the register")
    assert "/staff/register/" in tab.page.url
    assert f"Sam {name} is on the register." in tab.page.locator(".portal-flash").inner_text()
    tab.axe()
    assert state(served_app, referral_id)["entry"] == ("RED", "In hospital with no discharge plan.")


def on_register_then_withdrawn(served_app, name):
    referral_id = make_referral(served_app, last=name, sent=waiting_a_long_time())
    with served_app.app_context():
        referral = db.session.get(Referral, referral_id)
        register_service.add_from_referral(referral, "AMBER", "Rated at triage.", "staff:0")
        db.session.commit()
        referrals.withdraw_consent(referral)
    return referral_id


def test_every_queue_page_passes_axe_and_reflows(visit, served_app, viewport):
    tab = visit
    size = "desktop" if viewport["width"] > 400 else "320px"
    consented = make_referral(
        served_app, last=surname(), reasons=["emergency_visits"], needs=("bsl", "interpreter")
    )
    best_interests = make_referral(served_app, last=surname(), basis="best_interests_needed")
    child = make_referral(served_app, last=surname(), age=13, basis="parental_needed")
    review = make_referral(served_app, last=surname(), kind="review", reasons=["safety"])
    withdrawn = on_register_then_withdrawn(served_app, surname())
    staff_sign_in(tab, served_app, "register_manager", axe=False)

    pages = [
        "/staff/queue",
        "/staff/queue?kind=withdrawal",
        "/staff/queue?kind=review&status=new",
        *(f"/staff/queue/{i}" for i in (consented, best_interests, child, review, withdrawn)),
    ]
    for path in pages:
        tab.goto(path)
        tab.axe()
        tab.reflows()
    tab.goto("/staff/queue")
    tab.screenshot(f"staff-queue-{size}")
    tab.goto(f"/staff/queue/{consented}")
    tab.screenshot(f"staff-queue-item-{size}")

    # Error states: a filter that does not exist, and each form sent empty.
    tab.goto("/staff/queue?kind=nonsense", status=400)
    tab.axe()
    tab.reflows()
    for button in ("Change status", "Add note", "Log contact"):
        tab.goto(f"/staff/queue/{consented}")
        with tab.page.expect_navigation():
            tab.page.get_by_role("button", name=button).click()
        assert tab.page.title().startswith("Error: ")
        tab.axe()
        tab.reflows()
    tab.goto(f"/staff/queue/{child}")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Record the decision").click()
    tab.axe()
    tab.reflows()

    # Taking someone off after they withdrew consent.
    tab.goto(f"/staff/queue/{withdrawn}")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="off the register").click()
    assert "has come off the register" in tab.page.locator(".portal-flash").inner_text()
    tab.axe()
    tab.reflows()
    with served_app.app_context():
        entry = db.session.query(RegisterEntry).filter_by(referral_id=withdrawn).one()
        assert not entry.active
