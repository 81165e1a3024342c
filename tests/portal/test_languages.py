"""Choosing a language: the switcher on every page, switching in the middle of a question
page without losing what was typed, the language kept with what is sent, the staff side in
English, and the notice on translated pages until a translator's check is recorded."""

import time
from datetime import date
from email.header import decode_header, make_header

from flask import g
from flask_babel import format_date, gettext
from sqlalchemy import select

from portal.models import AuditEvent, Draft, LanguageCheck, Referral
from portal.services import translations

from .journey_helpers import BASE, answers, send, walk

OWN_NAMES = {"en": "English", "pl": "Polski", "ro": "Română", "ur": "اردو"}


def switcher(page):
    return page.soup.select_one("nav.portal-language")


def test_every_language_is_named_in_its_own_script_with_its_lang(client):
    page = client.get("/contact?lang=pl")
    nav = switcher(page)
    named = {el.get_text(strip=True): el for el in nav.select("a, [aria-current]")}
    assert set(named) == set(OWN_NAMES.values())
    for code, name in OWN_NAMES.items():
        assert named[name]["lang"] == ("en-GB" if code == "en" else code)
    assert named["اردو"]["dir"] == "rtl" and named["Polski"]["dir"] == "ltr"
    assert named["Polski"].has_attr("aria-current"), "the current language is marked"
    assert named["Română"]["href"] == "/contact?lang=ro"


def test_urdu_pages_are_right_to_left(client):
    page = client.get("/?lang=ur")
    assert page.soup.html["lang"] == "ur" and page.soup.html["dir"] == "rtl"
    assert client.get("/?lang=ro").soup.html["dir"] == "ltr"


def test_the_staff_side_stays_in_english(client):
    client.get("/?lang=ur")  # remembered in a cookie
    page = client.get("/staff/sign-in")
    assert page.soup.html["lang"] == "en-GB" and page.soup.html["dir"] == "ltr"
    assert switcher(page) is None
    assert page.soup.select_one(".portal-translation-notice") is None


def typed_on_person_page(client):
    walk(client, answers(), stop_before="person")
    page = client.get(f"{BASE}/person")
    return page.soup.select_one("form#question-form input[name=csrf_token]")["value"]


def test_switching_on_a_question_page_keeps_what_was_typed(app, client, db_session):
    token = typed_on_person_page(client)
    page = client.get(f"{BASE}/person")
    buttons = page.soup.select("nav.portal-language button[name=switch_language]")
    assert {b["value"] for b in buttons} == {"pl", "ro", "ur"}
    polish = next(b for b in buttons if b["value"] == "pl")
    assert polish["form"] == "question-form" and polish["formaction"] == f"{BASE}/person?lang=pl"
    # Half typed, with a date that is not a date yet: kept exactly, checked later.
    typed = {
        "first_name": "Zofia",
        "last_name": "",
        "date_of_birth-day": "31",
        "date_of_birth-month": "2",
        "date_of_birth-year": "20",
    }
    response = client.post(
        polish["formaction"], data={**typed, "csrf_token": token, "switch_language": "pl"}
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"{BASE}/person"
    assert "lang=pl" in response.headers["Set-Cookie"]
    again = client.get(response.headers["Location"])
    assert again.status_code == 200
    assert again.soup.html["lang"] == "pl"
    assert again.soup.select_one("input#first_name")["value"] == "Zofia"
    assert again.soup.select_one("input#date_of_birth-year")["value"] == "20"
    assert again.soup.select_one(".nhsuk-error-summary") is None, "no errors for a switch"
    with app.app_context():
        draft = db_session.scalars(select(Draft)).one()
        assert draft.language == "pl"
        assert draft.answers["who"] == {"role": "person"}, "earlier answers are kept"


def test_switching_while_changing_an_answer_returns_to_check_answers(client, db_session):
    walk(client, answers())
    page = client.get(f"{BASE}/help?return=check")
    button = page.soup.select_one("nav.portal-language button[value=ro]")
    assert button["formaction"] == f"{BASE}/help?return=check&lang=ro"
    token = page.soup.select_one("form#question-form input[name=csrf_token]")["value"]
    response = client.post(
        button["formaction"],
        data={"what_would_help": "Ceva nou", "csrf_token": token, "switch_language": "ro"},
    )
    assert response.headers["Location"] == f"{BASE}/help?return=check"
    done = client.submit(f"{BASE}/help?return=check", {"what_would_help": "Ceva nou"})
    assert done.headers["Location"] == f"{BASE}/check-answers"


def test_a_switch_without_the_form_token_changes_nothing(app, client, db_session):
    typed_on_person_page(client)
    response = client.post(
        f"{BASE}/person?lang=pl", data={"first_name": "Zofia", "switch_language": "pl"}
    )
    assert response.status_code == 400
    with app.app_context():
        assert db_session.scalars(select(Draft)).one().language == "en"


def test_the_request_keeps_the_language_it_was_sent_in(app, client, db_session):
    walk(client, answers())
    client.get(f"{BASE}/check-answers?lang=ur")
    send(client)
    with app.app_context():
        assert db_session.scalars(select(Referral)).one().language == "ur"


def test_pages_that_are_not_questions_switch_with_links(client):
    page = client.get(f"{BASE}")
    assert page.soup.select("nav.portal-language button") == []
    assert page.soup.select_one("nav.portal-language a[lang=pl]")["href"] == f"{BASE}?lang=pl"


def notice(page):
    return page.soup.select_one(".portal-translation-notice")


def test_translated_pages_say_no_translator_has_checked_them(client, db_session):
    assert notice(client.get("/contact?lang=en")) is None
    page = client.get("/contact?lang=pl")
    english = notice(page).select_one("a[hreflang=en-GB]")
    assert english["href"] == "/contact?lang=en"
    walk(client, answers(), stop_before="who")
    on_a_question = client.get(f"{BASE}/who?lang=pl")
    assert notice(on_a_question).select_one("button[value=en]")["form"] == "question-form"


def test_a_recorded_check_removes_the_notice_until_the_text_changes(
    app, client, db_session, monkeypatch
):
    with app.test_request_context():
        translations.record_check("ro", "Ana Translator Ltd", date(2026, 12, 1), 1, "staff:1")
        db_session.commit()
        action = db_session.scalars(select(AuditEvent.action)).all()[-1]
        assert action == "language.checked"
    assert notice(client.get("/contact?lang=ro")) is None
    assert notice(client.get("/contact?lang=pl")) is not None, "checks are per language"
    # A release changes the Romanian text: the check no longer covers it.
    monkeypatch.setattr(translations, "fingerprint", lambda code: "something else")
    changed = notice(client.get("/contact?lang=ro"))
    with app.test_request_context("/?lang=ro"):
        wanted = gettext(
            "Parts of this translation have changed since a qualified translator checked it."
        )
    assert wanted in changed.get_text()
    with app.test_request_context():
        translations.withdraw_check("ro", "staff:1")
        db_session.commit()
        assert db_session.get(LanguageCheck, "ro") is None
        g.pop("translation_status", None)
        assert translations.status("ro").state == translations.UNCHECKED


def test_the_confirmation_email_is_in_the_language_the_request_was_sent_in(
    make_app, db_session, smtp_server
):
    controller, box = smtp_server
    mailing = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_STARTTLS=False)
    with mailing.test_client() as client:
        walk(client, answers(role="family", age=30))
        client.get(f"{BASE}/check-answers?lang=ro")
        send(client)
    for _ in range(50):
        if box.messages:
            break
        time.sleep(0.05)
    message = box.messages[0]
    subject = str(make_header(decode_header(message["Subject"])))
    body = message.get_payload(decode=True).decode()
    assert message["Content-Language"] == "ro"
    with mailing.test_request_context("/?lang=ro"):
        assert gettext("Your reference number is %(ref)s.", ref="X").split("X")[0] in body
        assert gettext("We have your request: %(ref)s", ref="X").split("X")[0] in subject
    assert "We have your request" not in body


def test_dates_are_written_the_languages_way(app, client, db_session):
    with app.test_request_context("/?lang=pl"):
        assert format_date(date(2026, 11, 22), "d MMMM y") == "22 listopada 2026"
    with app.test_request_context("/?lang=ro"):
        assert format_date(date(2026, 11, 22), "d MMMM y") == "22 noiembrie 2026"
    with app.test_request_context("/?lang=ur"):
        assert format_date(date(2026, 11, 22), "d MMMM y") == "22 نومبر 2026"
    # A page's own date in Polish: the accessibility statement's date of the last check.
    assert "listopada 2026" in client.get("/accessibility?lang=pl").soup.main.get_text()


def test_switching_on_a_planner_page_keeps_what_was_typed(app, client, db_session):
    from portal.models import Planner

    from .planner_helpers import BASE as PLANNER
    from .planner_helpers import start

    start(client)
    page = client.get(f"{PLANNER}/profile")
    button = page.soup.select_one("nav.portal-language button[value=ur]")
    assert button["form"] == "question-form"
    token = page.soup.select_one("form#question-form input[name=csrf_token]")["value"]
    response = client.post(
        button["formaction"],
        data={"important": "My dog Rex.", "csrf_token": token, "switch_language": "ur"},
    )
    assert response.headers["Location"] == f"{PLANNER}/profile"
    again = client.get(f"{PLANNER}/profile")
    assert again.soup.html["dir"] == "rtl"
    assert again.soup.select_one("textarea#important").get_text() == "My dog Rex."
    with app.app_context():
        assert db_session.scalars(select(Planner)).one().language == "ur"


def test_the_planner_link_email_is_in_the_language_it_was_asked_in(
    make_app, db_session, smtp_server
):
    from .planner_helpers import BASE as PLANNER
    from .planner_helpers import start

    controller, box = smtp_server
    mailing = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_STARTTLS=False)
    with mailing.test_client() as client:
        code = start(client)
        page = client.get(f"{PLANNER}/your-link?lang=ur")
        token = page.soup.select_one("input[name=csrf_token]")["value"]
        sent = client.post(
            f"{PLANNER}/email-link", data={"csrf_token": token, "email": "sam@example.org"}
        )
        assert sent.status_code == 303
    for _ in range(50):
        if box.messages:
            break
        time.sleep(0.05)
    message = box.messages[0]
    body = message.get_payload(decode=True).decode()
    assert message["Content-Language"] == "ur"
    assert code in body
    with mailing.test_request_context("/?lang=ur"):
        assert gettext("Here is the private link to your review planner:") in body
        assert gettext("Your review planner link") == str(
            make_header(decode_header(message["Subject"]))
        )
