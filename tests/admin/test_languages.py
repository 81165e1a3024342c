"""The Languages page: administrators only; each public language's translated messages and
its review status; recording a qualified translator's check (a form that keeps what was
typed when it is wrong) and withdrawing one (a page to confirm, then a POST). Every change
is audited; looking changes nothing; the public notice follows the check."""

from datetime import date, timedelta

import pytest
from flask_babel import format_number
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, LanguageCheck
from portal.services import translations

PAGE = "/staff/languages"
TODAY = date.today()


def check_path(code):
    return f"{PAGE}/{code}/check"


def withdraw_path(code):
    return f"{PAGE}/{code}/withdraw"


def date_parts(day):
    return {
        "checked_on-day": str(day.day),
        "checked_on-month": str(day.month),
        "checked_on-year": str(day.year),
    }


def stored(app, code):
    with app.app_context():
        row = db.session.get(LanguageCheck, code)
        if row is not None:
            db.session.expunge(row)
        return row


def audit_rows(app):
    with app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("language.%")).order_by(AuditEvent.id)
        ).all()
        return [(row.action, row.actor, row.subject_type, dict(row.detail)) for row in rows]


def section(response, code):
    """The words of one language's part of the list page."""
    heading = response.soup.find(id=f"language-{code}")
    parts = [heading.get_text(" ", strip=True)]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(" ".join(parts).split())


def errors(response):
    summary = response.soup.select_one(".nhsuk-error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


def notice(client, code):
    """The translation notice on the public start page in this language (in that
    language's words), or None. It always links to the English page."""
    found = client.get("/", query_string={"lang": code}).soup.select_one(
        ".portal-translation-notice"
    )
    if found is None:
        return None
    assert found.find(attrs={"hreflang": "en-GB"}) is not None, "no link to the English page"
    return " ".join(found.get_text(" ", strip=True).split())


@pytest.fixture
def admin(staff_client):
    return staff_client("administrator", name="Alex Admin")


def record(client, code="pl", checked_by="Lingua Checks Ltd", day=None):
    return client.submit(
        check_path(code), {"checked_by": checked_by, **date_parts(day or TODAY - timedelta(2))}
    )


# Who may reach it


@pytest.mark.parametrize("role", ["triager", "register_manager"])
def test_only_administrators_reach_languages(app, staff_client, role):
    client = staff_client(role)
    token = client.csrf_token("/staff/")
    for path in (PAGE, check_path("pl"), withdraw_path("pl")):
        assert client.get(path).status_code == 403, path
    data = {"csrf_token": token, "checked_by": "Someone", **date_parts(TODAY)}
    assert client.post(check_path("pl"), data=data).status_code == 403
    assert client.post(withdraw_path("pl"), data={"csrf_token": token}).status_code == 403
    assert "Languages" not in client.get("/staff/").soup.select_one("nav").get_text()
    assert stored(app, "pl") is None and audit_rows(app) == []


def test_the_menu_offers_languages_to_administrators(admin):
    page = admin.get("/staff/")
    link = page.soup.find("a", href=PAGE)
    assert link is not None and link.get_text(strip=True) == "Languages"
    current = admin.get(check_path("ro")).soup.find("a", href=PAGE)
    assert current is not None  # still in the menu on the language's own pages


def test_english_and_unknown_languages_have_no_pages(admin):
    for code in ("en", "fr", "xx", "1"):
        assert admin.get(check_path(code)).status_code == 404, code
        assert admin.get(withdraw_path(code)).status_code == 404, code


# The list


def test_the_page_lists_each_translated_language_with_its_counts_and_status(app, admin):
    response = admin.get(PAGE)
    assert response.status_code == 200
    assert response.soup.find(id="language-en") is None  # English is the source
    text = " ".join(response.soup.select_one("main").get_text(" ", strip=True).split())
    assert "every translated public page in it shows a short notice" in text
    assert "links to the English page" in text
    assert "A check covers the text as it is now" in text
    assert "the notice comes back until a qualified translator checks it again" in text
    with app.app_context():
        facts = {code: translations.catalogue_facts(code) for code in ("pl", "ro", "ur")}
    for code, english, own in (
        ("pl", "Polish", "Polski"),
        ("ro", "Romanian", "Română"),
        ("ur", "Urdu", "اردو"),
    ):
        _fingerprint, translated, total = facts[code]
        assert total > 0
        words = section(response, code)
        assert f"{english} ( {own} )" in words or f"{english} ({own})" in words
        with app.test_request_context():
            counts = f"{format_number(translated)} of {format_number(total)} messages"
        assert counts in words, words
        assert "Not checked by a qualified translator" in words
        assert "Notice on its public pages Shown" in words
        assert "Withdraw the check" not in words
        assert response.soup.find("a", href=check_path(code)) is not None
    # Each language's own name is marked up in its own language and direction.
    urdu = response.soup.find(id="language-ur").find("span", lang="ur")
    assert urdu.get_text() == "اردو" and urdu["dir"] == "rtl"
    assert response.soup.find(id="language-pl").find("span", lang="pl")["dir"] == "ltr"


def test_looking_changes_nothing(app, admin):
    admin.get(PAGE)
    admin.get(check_path("pl"))
    response = admin.get(withdraw_path("pl"))  # no check yet: back to the list
    assert response.status_code == 303
    assert stored(app, "pl") is None and audit_rows(app) == []


# Recording a check


def test_recording_a_check_stores_it_audits_it_and_removes_the_notice(app, admin, client):
    assert notice(client, "pl") is not None
    checked_on = TODAY - timedelta(days=2)
    response = record(admin, "pl", "  Lingua Checks Ltd ", checked_on)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{PAGE}#language-pl")
    row = stored(app, "pl")
    with app.app_context():
        fingerprint = translations.fingerprint("pl")
    assert (row.checked_by, row.checked_on, row.fingerprint) == (
        "Lingua Checks Ltd",
        checked_on,
        fingerprint,
    )
    [(action, actor, subject_type, detail)] = audit_rows(app)
    assert (action, subject_type) == ("language.checked", "language")
    assert actor == f"staff:{row.recorded_by}"
    assert detail == {
        "language": "pl",
        "checked_on": checked_on.isoformat(),
        "fingerprint": fingerprint[:12],
    }

    page = admin.get(PAGE)
    assert "Check recorded for Polish (Polski)" in page.soup.select_one(".portal-flash").text
    words = section(page, "pl")
    assert f"Checked by Lingua Checks Ltd on {checked_on.day} " in words
    assert "Notice on its public pages Not shown" in words
    assert "Check recorded by Alex Admin on" in words
    assert page.soup.find("a", href=withdraw_path("pl")) is not None
    assert "Not checked by a qualified translator" in section(page, "ro")  # the others wait

    assert notice(client, "pl") is None
    assert notice(client, "ro") is not None
    assert notice(client, "en") is None


def test_a_check_of_changed_text_says_so_and_the_notice_comes_back(app, admin, client):
    unchecked = notice(client, "ur")
    assert unchecked is not None
    assert record(admin, "ur", "Sadia Khan").status_code == 303
    assert notice(client, "ur") is None
    with app.app_context():  # a release changed the Urdu text since
        db.session.get(LanguageCheck, "ur").fingerprint = "0" * 64
        db.session.commit()
    words = section(admin.get(PAGE), "ur")
    checked_on = TODAY - timedelta(days=2)
    assert f"Changed since Sadia Khan checked it on {checked_on.day} " in words
    assert "Notice on its public pages Shown" in words
    changed = notice(client, "ur")
    assert changed is not None and changed != unchecked  # it says the text has changed
    # Checking it again covers the text as it is now.
    assert record(admin, "ur", "Sadia Khan", TODAY).status_code == 303
    assert notice(client, "ur") is None
    with app.app_context():
        assert stored(app, "ur").fingerprint == translations.fingerprint("ur")
    assert [row[0] for row in audit_rows(app)] == ["language.checked", "language.checked"]


@pytest.mark.parametrize(
    ("typed", "messages"),
    [
        ({"checked_by": "  "}, ["Enter who checked it", "Enter the date it was checked"]),
        (
            {"checked_by": "T" * 201, **date_parts(TODAY)},
            ["Who checked it must be 200 characters or fewer"],
        ),
        (
            {"checked_by": "Lingua", **date_parts(TODAY + timedelta(days=1))},
            ["The date it was checked must be in the past"],
        ),
        (
            {
                "checked_by": "Lingua <b>Checks</b>",
                "checked_on-day": "31",
                "checked_on-month": "2",
                "checked_on-year": "2026",
            },
            ["The date it was checked must be a real date"],
        ),
        (
            {"checked_by": "Lingua", "checked_on-day": "3", "checked_on-month": "4"},
            ["The date it was checked must include a year"],
        ),
    ],
)
def test_a_wrong_form_is_400_with_the_errors_and_keeps_what_was_typed(app, admin, typed, messages):
    response = admin.submit(check_path("ro"), typed)
    assert response.status_code == 400
    assert response.soup.title.get_text().startswith("Error: ")
    for message in messages:
        assert message in errors(response), message
        form = response.soup.find("form", action=check_path("ro"))
        assert message in form.get_text(" ", strip=True), message  # beside the field
    assert response.soup.find(id="checked_by")["value"] == typed["checked_by"]
    for part in ("day", "month", "year"):
        key = f"checked_on-{part}"
        assert response.soup.find(id=key)["value"] == typed.get(key, ""), key
    assert stored(app, "ro") is None and audit_rows(app) == []


def test_the_error_summary_links_to_each_field(admin):
    response = admin.submit(check_path("pl"), {"checked_by": ""})
    links = [a["href"] for a in response.soup.select(".nhsuk-error-summary a")]
    assert links == ["#checked_by", "#checked_on-day"]


def test_a_check_needs_the_csrf_token(app, admin):
    data = {"checked_by": "Lingua", **date_parts(TODAY)}
    assert admin.post(check_path("pl"), data=data).status_code == 400
    assert admin.post(withdraw_path("pl"), data={}).status_code == 400
    assert stored(app, "pl") is None and audit_rows(app) == []


# Withdrawing a check


def test_withdrawing_asks_first_then_removes_the_check_and_audits_it(app, admin, client):
    record(admin, "ro", "Ion Popescu")
    page = admin.get(withdraw_path("ro"))
    assert page.status_code == 200
    text = " ".join(page.soup.select_one("main").get_text(" ", strip=True).split())
    assert "Checked by Ion Popescu" in text
    assert "Every Romanian public page will show the notice again" in text
    form = page.soup.find("form", action=withdraw_path("ro"))
    assert form["method"] == "post" and form.find("button").get_text(strip=True) == (
        "Withdraw the check"
    )
    assert stored(app, "ro") is not None  # the page itself changes nothing
    assert len(audit_rows(app)) == 1

    response = admin.submit(withdraw_path("ro"), {})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{PAGE}#language-ro")
    assert stored(app, "ro") is None
    action, actor, subject_type, detail = audit_rows(app)[-1]
    assert (action, subject_type, detail) == (
        "language.check_withdrawn",
        "language",
        {"language": "ro"},
    )
    assert actor.startswith("staff:")
    listed = admin.get(PAGE)
    assert "Check withdrawn for Romanian (Română)" in listed.soup.select_one(".portal-flash").text
    assert "Not checked by a qualified translator" in section(listed, "ro")
    assert notice(client, "ro") is not None


def test_withdrawing_when_there_is_no_check_changes_nothing(app, admin):
    token = admin.csrf_token(check_path("pl"))
    response = admin.post(withdraw_path("pl"), data={"csrf_token": token})
    assert response.status_code == 303
    assert "There is no check to withdraw for Polish" in admin.get(PAGE).text
    assert audit_rows(app) == []


def test_the_audit_log_names_what_happened(app, admin):
    record(admin, "pl")
    log = admin.get("/staff/audit", query_string={"action": "language.checked"})
    assert log.status_code == 200
    text = log.soup.select_one("main").get_text(" ", strip=True)
    assert "Translator's check recorded" in text
    assert log.soup.find("a", href=PAGE) is not None
