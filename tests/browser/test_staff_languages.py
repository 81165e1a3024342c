"""Languages in Chromium: an administrator records a qualified translator's check of the
Polish pages and withdraws it, by keyboard alone, and the public notice follows; staff
pages show each person's language. axe checks every page at 1280px and 320px."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import delete

from portal.extensions import db
from portal.models import (
    Feedback,
    LanguageCheck,
    Referral,
    RegisterEntry,
)

from ..admin.test_language_shown import urdu_review_and_shared_planner
from ..admin.test_triage import make_referral
from .staff_login import staff_sign_in
from .test_referral import press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


@pytest.fixture
def no_checks(served_app):
    """The browser database is shared: start and end with no language checked."""

    def clear():
        with served_app.app_context():
            db.session.execute(delete(LanguageCheck))
            db.session.commit()

    clear()
    yield
    clear()


def check_of(served_app, code):
    with served_app.app_context():
        row = db.session.get(LanguageCheck, code)
        return (row.checked_by, row.checked_on) if row else None


def tab_to_link(tab, href, limit=300):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("document.activeElement.getAttribute('href') || ''") == href:
            return
    raise AssertionError(f"Tab never reached a link to {href!r}")


def follow(tab, href):
    tab_to_link(tab, href)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def press_button(tab, text):
    press_tab_until(tab, text=text, limit=300)
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")


def type_at(tab, element_id, words):
    press_tab_until(tab, element_id, limit=300)
    tab.page.keyboard.press("ControlOrMeta+A")
    tab.page.keyboard.type(words)


def notice_shown(tab, code):
    tab.goto(f"/?lang={code}")
    return tab.page.locator(".portal-translation-notice").count() > 0


def section_text(tab, code):
    return tab.page.evaluate(
        """(code) => {
            const heading = document.getElementById("language-" + code);
            let text = heading.innerText, node = heading.nextElementSibling;
            while (node && node.tagName !== "H2") {
                text += " " + node.innerText;
                node = node.nextElementSibling;
            }
            return text.replace(/\\s+/g, " ");
        }""",
        code,
    )


def test_an_administrator_records_and_withdraws_a_check_by_keyboard(
    keyboard_visit, served_app, no_checks
):
    tab = keyboard_visit
    assert notice_shown(tab, "pl")
    staff_sign_in(tab, served_app, "administrator")
    follow(tab, "/staff/languages")
    assert tab.page.title().startswith("Languages")
    tab.axe()
    assert "Not checked by a qualified translator" in section_text(tab, "pl")

    follow(tab, "/staff/languages/pl/check")
    tab.axe()
    # Sent empty, the form says what to do, beside each field and in the summary.
    press_button(tab, "Record the check")
    assert tab.page.title().startswith("Error: ")
    assert "Enter who checked it" in tab.page.locator(".nhsuk-error-summary").inner_text()
    tab.axe()
    checked_on = TODAY - timedelta(days=1)
    type_at(tab, "checked_by", "Lingua Checks Ltd")
    type_at(tab, "checked_on-day", str(checked_on.day))
    type_at(tab, "checked_on-month", str(checked_on.month))
    type_at(tab, "checked_on-year", "2999")  # in the future: refused, what was typed kept
    press_button(tab, "Record the check")
    assert tab.page.title().startswith("Error: ")
    assert tab.page.locator("#checked_by").input_value() == "Lingua Checks Ltd"
    tab.axe()
    type_at(tab, "checked_on-year", str(checked_on.year))
    press_button(tab, "Record the check")
    assert tab.page.url.endswith("/staff/languages#language-pl")
    assert "Check recorded for Polish" in tab.page.locator(".portal-flash").inner_text()
    assert "Checked by Lingua Checks Ltd on" in section_text(tab, "pl")
    tab.axe()
    assert check_of(served_app, "pl") == ("Lingua Checks Ltd", checked_on)

    follow(tab, "/staff/languages/pl/withdraw")
    tab.axe()
    assert check_of(served_app, "pl") is not None  # the page alone changes nothing
    press_button(tab, "Withdraw the check")
    assert "Check withdrawn for Polish" in tab.page.locator(".portal-flash").inner_text()
    assert "Not checked by a qualified translator" in section_text(tab, "pl")
    tab.axe()
    assert check_of(served_app, "pl") is None
    assert notice_shown(tab, "pl")


def someone_in_urdu(served_app):
    """A request, a register record with a review, a shared planner and feedback, all from
    someone who used the portal in Urdu."""
    surname = "Khan" + uuid4().hex[:6].translate(str.maketrans("0123456789", "ghijklmnop"))
    referral_id = make_referral(
        served_app,
        first="Ayesha",
        last=surname,
        in_hospital=True,
        sent=datetime.now(UTC) - timedelta(days=900),  # first in the shared queue
        needs=("easy_read", "interpreter"),
    )
    with served_app.app_context():
        referral = db.session.get(Referral, referral_id)
        referral.language = "ur"
        entry = RegisterEntry(
            reference=f"DSR-{uuid4().hex[:8].upper()}",
            first_name="Ayesha",
            last_name=surname,
            first_name_key="ayesha",
            last_name_key=surname.lower(),
            date_of_birth=TODAY.replace(year=TODAY.year - 30),
            added_by="staff:0",
            rating="RED",
            rating_reason="At risk of admission now.",
            communication_needs="Easy read. An Urdu interpreter.",
            language="ur",
        )
        review, planner = urdu_review_and_shared_planner(referral_id, entry=entry)
        feedback = Feedback(
            received_on=TODAY,
            role="family",
            anonymous=False,
            name="Imran Khan",
            reply_by="phone",
            reply_to="01632 960 456",
            answers={"enough_help": "yes", "on_the_day": "سب نے سنا"},
            language="ur",
        )
        db.session.add_all([entry, review, planner, feedback])
        db.session.commit()
        return {
            "referral": referral_id,
            "entry": entry.id,
            "review": review.id,
            "feedback": feedback.id,
            "surname": surname,
        }


def test_every_changed_page_passes_axe_and_reflows(visit, served_app, viewport, no_checks):
    tab = visit
    size = "desktop" if viewport["width"] > 400 else "320px"
    person = someone_in_urdu(served_app)
    staff_sign_in(tab, served_app, "register_manager", axe=False)
    pages = (
        ("queue", "/staff/queue"),
        ("queue-item", f"/staff/queue/{person['referral']}"),
        ("register-list", f"/staff/register?q={person['surname']}"),
        ("register-entry", f"/staff/register/{person['entry']}"),
        ("register-identity", f"/staff/register/{person['entry']}/change/identity"),
        ("review", f"/staff/reviews/{person['review']}"),
        ("review-planner", f"/staff/reviews/{person['review']}/planner"),
        ("feedback-list", "/staff/feedback"),
        ("feedback-item", f"/staff/feedback/{person['feedback']}"),
    )
    for name, path in pages:
        tab.goto(path)
        tab.axe()
        tab.reflows()
        assert "Urdu" in tab.page.locator("main").inner_text(), path
        tab.screenshot(f"staff-language-{name}-{size}")

    tab.page.context.clear_cookies()
    staff_sign_in(tab, served_app, "administrator", axe=False)
    tab.goto("/staff/languages")
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-languages-{size}")
    tab.goto("/staff/languages/ur/check")
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-languages-check-{size}")
    tab.page.fill("#checked_by", "T" * 201)
    tab.page.fill("#checked_on-day", "31")
    tab.page.fill("#checked_on-month", "2")
    tab.page.fill("#checked_on-year", "2026")
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Record the check").click()
    assert tab.page.title().startswith("Error: ")
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-languages-check-error-{size}")
    tab.page.fill("#checked_by", "Sadia Khan, Qualified Translations")
    tab.page.fill("#checked_on-day", str(TODAY.day))
    tab.page.fill("#checked_on-month", str(TODAY.month))
    tab.page.fill("#checked_on-year", str(TODAY.year))
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Record the check").click()
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-languages-checked-{size}")
    tab.goto("/staff/languages/ur/withdraw")
    tab.axe()
    tab.reflows()
    tab.screenshot(f"staff-languages-withdraw-{size}")
