"""A register manager reaches the exports page from the staff menu and downloads the
register as CSV, by keyboard alone in Chromium; axe checks the export pages at 1280px and
320px."""

import csv
import io
from datetime import date
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, RegisterEntry

from .staff_login import staff_sign_in
from .test_referral import press_tab_until

pytestmark = pytest.mark.browser
TODAY = date.today()


def new_entry(served_app, **extra):
    """Someone on the register, with a name nobody else in the shared database has."""
    first = f"Ex{uuid4().hex[:6]}"
    with served_app.app_context():
        entry = RegisterEntry(
            reference=f"DSR-{uuid4().hex[:8].upper()}",
            first_name=first,
            last_name="Porter",
            first_name_key=first.lower(),
            last_name_key="porter",
            date_of_birth=TODAY.replace(year=TODAY.year - 20),
            added_by="staff:0",
            rating="AMBER",
            rating_reason="Support at home is changing.",
            **extra,
        )
        db.session.add(entry)
        db.session.commit()
        return entry.id, first


def test_a_register_manager_downloads_the_register_by_keyboard(keyboard_visit, served_app):
    tab = keyboard_visit
    _entry_id, first = new_entry(served_app, key_risks="=1+1")
    staff_sign_in(tab, served_app, "register_manager")
    tab.goto("/staff/")
    press_tab_until(tab, text="Exports")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/staff/exports")
    assert tab.page.locator("h1").inner_text() == "Exports"
    tab.axe()

    # CSV is chosen already: Tab reaches the chosen radio, then the button.
    press_tab_until(tab, "file_format")
    assert tab.page.locator("#file_format").is_checked()
    press_tab_until(tab, text="Download the register")
    with tab.page.expect_download() as info:
        tab.page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == f"register-active-{TODAY.isoformat()}.csv"
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    header = rows[0]
    ours = [row for row in rows[1:] if row[header.index("First name")] == first]
    assert len(ours) == 1
    assert ours[0][header.index("Rating")] == "AMBER"
    assert ours[0][header.index("Key risks")] == "'=1+1"
    # The page stays as it was, and the download is in the audit log.
    assert tab.page.locator("h1").inner_text() == "Exports"
    with served_app.app_context():
        exported = db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "export.register")
            .order_by(AuditEvent.id.desc())
        ).first()
        assert exported.detail["format"] == "csv" and exported.detail["rows"] >= 1


def test_the_export_pages_pass_axe(visit, served_app, viewport):
    entry_id, _first = new_entry(served_app)
    staff_sign_in(visit, served_app, "register_manager")
    size = f"{viewport['width']}px"
    for path, name in (
        ("/staff/exports", "exports"),
        ("/staff/exports/summary", "exports-summary"),
        (f"/staff/register/{entry_id}/subject-access", "exports-subject-access"),
    ):
        visit.goto(path)
        visit.axe()
        visit.reflows()
        visit.screenshot(f"staff-{name}-{size}")

    # A period that ends before it starts: the error summary, still accessible.
    visit.goto(
        "/staff/exports/summary?start-day=2&start-month=3&start-year=2026"
        "&end-day=1&end-month=3&end-year=2026",
        status=400,
    )
    assert visit.page.title().startswith("Error:")
    visit.axe()
    visit.reflows()

    # The summary downloads from its own page.
    visit.goto("/staff/exports/summary")
    with visit.page.expect_download() as info:
        visit.page.get_by_role("button", name="Download this summary (CSV)").click()
    assert info.value.suggested_filename.startswith("register-summary-")
