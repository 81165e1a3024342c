"""Coming back later, changing answers, the confirmation, its PDF and email, the status
page and withdrawing consent."""

import contextlib
import re
import subprocess
import time
import zlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from portal.models import AuditEvent, Draft, Referral
from portal.services import drafts

from .journey_helpers import BASE, answers, send, walk


def test_save_and_come_back_later_from_another_browser(app, client, db_session):
    walk(client, answers(), stop_before="living")
    # Half-typed: saved exactly as it is, even though it is not finished.
    saved = client.submit(f"{BASE}/living", {"setting": "other", "save_for_later": "1"})
    assert saved.status_code == 303 and saved.headers["Location"].endswith("/saved")
    page = client.get(saved.headers["Location"])
    link = page.soup.select_one(".portal-private-link")["href"]
    code = link.split("code=")[1]
    assert client.get(f"{BASE}/saved").status_code == 302, "the link is shown only once"
    with app.app_context():
        draft = db_session.scalars(select(Draft)).one()
        assert draft.resume_token_hash and code not in draft.resume_token_hash

    other = app.test_client_class(app, app.response_class, use_cookies=True)
    form = other.get(link.replace("http://localhost", ""))
    assert form.soup.select_one("input#code")["value"] == code
    token = form.soup.select_one("input[name=csrf_token]")["value"]
    resumed = other.post(f"{BASE}/resume", data={"csrf_token": token, "code": code})
    assert resumed.status_code == 303 and resumed.headers["Location"].endswith("/living")
    living = other.get(f"{BASE}/living")
    assert living.soup.select_one("input[value=other]").has_attr("checked")
    with app.app_context():
        assert "draft.resumed" in db_session.scalars(select(AuditEvent.action)).all()
    person = other.get(f"{BASE}/person")
    assert person.soup.select_one("input#first_name")["value"] == "Sam"


def test_a_wrong_resume_code_is_explained(client, db_session):
    token = client.csrf_token(f"{BASE}/resume")
    response = client.post(f"{BASE}/resume", data={"csrf_token": token, "code": "nope"})
    assert response.status_code == 400
    assert "could not find saved answers" in response.soup.select_one("#code-error").get_text()


def test_change_links_return_to_check_answers(client, db_session):
    walk(client, answers())
    check = client.get(f"{BASE}/check-answers")
    change = [a["href"] for a in check.soup.select(".nhsuk-summary-list__actions a")]
    assert f"{BASE}/help?return=check" in change
    response = client.submit(f"{BASE}/help?return=check", {"what_would_help": "A keyworker."})
    assert response.headers["Location"] == f"{BASE}/check-answers"
    assert "A keyworker." in client.get(f"{BASE}/check-answers").soup.main.get_text()


def test_a_change_that_adds_a_question_asks_it_before_check_answers(client, db_session):
    walk(client, answers())
    response = client.submit(f"{BASE}/living?return=check", {"setting": "hospital"})
    assert response.headers["Location"] == f"{BASE}/hospital"


def test_expired_drafts_are_deleted(app, db_session):
    with app.test_request_context():
        old = drafts.start("referral", "en")
        old.expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db_session.commit()
        fresh = drafts.start("referral", "en")
        assert drafts.find(old.id, "referral") is None
        assert drafts.purge_expired() == 1
        assert db_session.get(Draft, fresh.id) is not None
    with app.app_context():
        gone = drafts.start("referral", "en")
        gone.expires_at = datetime.now(UTC) - timedelta(days=1)
        db_session.commit()
    result = app.test_cli_runner().invoke(args=["purge-drafts"])
    assert "Deleted 1 expired drafts." in result.output


def send_one(app, client, db_session, **kwargs):
    walk(client, answers(**kwargs))
    send(client)
    confirmation = client.get(f"{BASE}/confirmation")
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        return referral.reference, confirmation


def test_confirmation_says_what_happens_next_and_how_to_check(app, client, db_session):
    reference, page = send_one(app, client, db_session)
    text = page.soup.main.get_text(" ")
    assert reference in text
    assert "within 10 working days" in text
    assert page.soup.select_one(".portal-private-link")
    assert "Request sent" == page.soup.h1.get_text(strip=True)


def pdf_info(data, tmp_path):
    pdf = tmp_path / "info.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout


def pdf_objects(data):
    """The PDF's objects, with its compressed object streams opened."""
    found = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            found.append(zlib.decompress(match.group(1)))
    return b"".join(found)


def pdf_text(data, tmp_path):
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def test_the_consent_receipt_is_a_tagged_pdf_with_what_was_agreed(
    app, client, db_session, tmp_path
):
    reference, page = send_one(app, client, db_session)
    href = page.soup.select_one("a[href$='consent-receipt.pdf']")["href"]
    response = client.get(href)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    data = response.get_data()
    text = pdf_text(data, tmp_path)
    assert reference in text
    assert "The person agreed to go on the register." in text
    assert "You can change your mind at any time." in text
    assert "Tagged:          yes" in pdf_info(data, tmp_path)
    assert b"/Lang (en-GB)" in pdf_objects(data), "the document language is set"
    stranger = app.test_client_class(app, app.response_class, use_cookies=True)
    assert stranger.get(href).status_code == 404, "only the browser that sent it"


def test_a_confirmation_email_goes_through_a_real_smtp_server(make_app, db_session, smtp_server):
    controller, box = smtp_server
    mailing = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_STARTTLS=False)
    with mailing.test_client() as client:
        walk(client, answers(role="family", age=30))
        send(client)
        page = client.get(f"{BASE}/confirmation")
    for _ in range(50):
        if box.messages:
            break
        time.sleep(0.05)
    assert len(box.messages) == 1
    message = box.messages[0]
    assert message["To"] == "alex@example.org"
    body = message.get_payload(decode=True).decode()
    with mailing.app_context():
        reference = db_session.scalars(select(Referral)).one().reference
    assert reference in message["Subject"] and reference in body
    assert "We have sent an email" in page.get_data(as_text=True)


def open_status(client, reference, born):
    token = client.csrf_token("/my-request")
    return client.post(
        "/my-request",
        data={
            "csrf_token": token,
            "reference": reference.lower().replace("-", " "),
            "date_of_birth-day": str(born.day),
            "date_of_birth-month": str(born.month),
            "date_of_birth-year": str(born.year),
        },
    )


def test_status_page_by_reference_and_date_of_birth_then_withdraw(app, client, db_session):
    reference, _ = send_one(app, client, db_session)
    with app.app_context():
        born = db_session.scalars(select(Referral)).one().date_of_birth
    stranger = app.test_client_class(app, app.response_class, use_cookies=True)
    wrong = open_status(stranger, reference, born.replace(year=born.year - 1))
    assert wrong.status_code == 400
    assert "could not find a request" in wrong.soup.select_one(".nhsuk-error-summary").get_text()

    opened = open_status(stranger, reference, born)
    assert opened.status_code == 303
    status = stranger.get("/my-request/status")
    assert "The team has not looked at it yet." in status.soup.main.get_text()
    # Withdrawing takes no more steps than agreeing did: one page, one button.
    confirm = stranger.get("/my-request/withdraw")
    token = confirm.soup.select_one("input[name=csrf_token]")["value"]
    done = stranger.post("/my-request/withdraw", data={"csrf_token": token})
    assert done.status_code == 303
    after = stranger.get("/my-request/status").soup.main.get_text()
    assert "Consent was withdrawn" in after
    with app.app_context():
        referral = db_session.scalars(select(Referral)).one()
        assert referral.status == "consent_withdrawn"
        assert referral.consent.withdrawn_at is not None
        actions = db_session.scalars(select(AuditEvent.action)).all()
        assert "consent.withdrawn" in actions and "referral.status_viewed" in actions


def test_status_page_by_private_link(app, client, db_session):
    _, page = send_one(app, client, db_session)
    link = page.soup.select_one(".portal-private-link")["href"].replace("http://localhost", "")
    stranger = app.test_client_class(app, app.response_class, use_cookies=True)
    form = stranger.get(link)
    token = form.soup.select_one("input[name=csrf_token]")["value"]
    code = form.soup.select_one("input#code")["value"]
    assert (
        stranger.post("/my-request/link", data={"csrf_token": token, "code": code}).status_code
        == 303
    )
    assert stranger.get("/my-request/status").status_code == 200


def test_status_page_needs_the_reference_first(client, db_session):
    assert client.get("/my-request/status").status_code == 302
    assert client.get("/my-request/withdraw").status_code == 302
    assert client.post("/my-request/withdraw").status_code in (302, 400)


def test_nothing_personal_is_in_any_url(app, client, db_session):
    reference, _ = send_one(app, client, db_session)
    with app.app_context():
        assert db_session.scalar(select(func.count()).select_from(Referral)) == 1
    for rule in app.url_map.iter_rules():
        assert "reference" not in rule.arguments and "nhs" not in rule.rule


def test_an_edit_saved_for_later_comes_back_before_check_answers(app, client, db_session):
    walk(client, answers())
    client.submit(
        f"{BASE}/help?return=check", {"what_would_help": "Half-written new", "save_for_later": "1"}
    )
    link = client.get(f"{BASE}/saved").soup.select_one(".portal-private-link")["href"]
    other = app.test_client_class(app, app.response_class, use_cookies=True)
    form = other.get(link.replace("http://localhost", ""))
    token = form.soup.select_one("input[name=csrf_token]")["value"]
    code = form.soup.select_one("input#code")["value"]
    resumed = other.post(f"{BASE}/resume", data={"csrf_token": token, "code": code})
    assert resumed.headers["Location"] == f"{BASE}/help", "back to the unfinished edit"
    page = other.get(f"{BASE}/help")
    assert page.soup.select_one("textarea").get_text() == "Half-written new"
