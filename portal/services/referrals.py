"""Sending a request to go on the register, finding it again, and withdrawing consent."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..models import AuditEvent, ConsentRecord, Draft, Referral, StatusChange
from . import audit, consent
from .tokens import new_reference, new_token, normalise_reference, token_hash

# How each consent answer is recorded: (basis, given). Anything else ends the journey.
CONSENT_OUTCOMES = {
    (consent.OWN, "yes"): ("own", True),
    (consent.PARENT, "yes"): ("parental", True),
    (consent.RELAYED_PARENT, "yes"): ("parental", True),
    (consent.RELAYED_PERSON, "yes"): ("own", True),
    (consent.RELAYED_PERSON, "cannot_decide"): ("best_interests_needed", False),
    (consent.CHILD_ASKING, "yes"): ("parental_needed", False),
}


def declines(route, answer):
    return (route, answer) not in CONSENT_OUTCOMES


def full_name(person):
    return f"{person['first_name']} {person['last_name']}".strip()


def consent_record(route, answers, version=consent.TEXT_VERSION, text=consent.TEXT):
    person, you = answers["person"], answers.get("you") or {}
    given = answers["consent"]
    basis, is_given = CONSENT_OUTCOMES[(route, given["agree"])]
    if route in (consent.OWN, consent.RELAYED_PERSON):
        by_name, by_role = full_name(person), "person"
    elif route == consent.PARENT:
        by_name, by_role = you.get("name"), "parent"
    elif route == consent.RELAYED_PARENT:
        by_name, by_role = given.get("parent_name"), "parent"
    else:
        by_name, by_role = None, "parent"
    view = answers.get("child_view") or {}
    if route == consent.CHILD_ASKING:
        view = {"view": "agrees", "detail": None}
    relayed = route in (consent.RELAYED_PERSON, consent.RELAYED_PARENT)
    return ConsentRecord(
        reported_by_role=answers["who"]["role"] if relayed else None,
        reported_by_name=you.get("name") if relayed else None,
        basis=basis,
        given=is_given,
        given_by_name=by_name if is_given else None,
        given_by_role=by_role,
        child_view=view.get("view"),
        child_view_detail=view.get("detail"),
        text_version=version,
        text_shown=consent.text_shown(text),
    )


def submit(draft_id, route_of, kind="register", details=None, prepare=None, language=None):
    """Store the request, its consent record and its first status, in one transaction.
    prepare(answers) keeps what still applies (and fills in a linked person); details
    gives a review's own columns; language is the one it was sent in (emails and letters
    use it). Returns (reference, private status token, or None when
    it was sent already)."""
    draft = db.session.scalar(select(Draft).where(Draft.id == draft_id).with_for_update())
    if draft.submitted_reference:
        return draft.submitted_reference, None
    answers = {k: v for k, v in draft.answers.items() if not k.startswith("_")}
    answers = prepare(answers) if prepare else answers
    route = route_of(answers)
    person, you = answers["person"], answers.get("you") or {}
    token = new_token()
    review = kind == "review"
    referral = Referral(
        kind=kind,
        reference=new_reference("REV" if review else "DSR"),
        requester_role=answers["who"]["role"],
        requester_name=you.get("name"),
        requester_email=you.get("email") or answers["contact"].get("email"),
        first_name=person["first_name"],
        last_name=person["last_name"],
        date_of_birth=date.fromisoformat(person["date_of_birth"]),
        nhs_number=person.get("nhs_number"),
        postcode=answers["address"]["postcode"],
        in_hospital=(
            answers["where"]["where"] == "hospital"
            if review
            else answers["living"]["setting"] == "hospital"
        ),
        risk_reasons=(answers["why"] if review else answers["risks"]).get("reasons") or [],
        answers=answers,
        language=language or draft.language,
        status_token_hash=token_hash(token),
    )
    if review:
        for column, value in details(answers).items():
            setattr(referral, column, value)
        referral.consent = consent_record(
            route, answers, consent.REVIEW_TEXT_VERSION, consent.REVIEW_TEXT
        )
    else:
        referral.consent = consent_record(route, answers)
    referral.status_changes.append(StatusChange(status="new", by="portal"))
    db.session.add(referral)
    db.session.flush()
    action = "review.submitted" if review else "referral.submitted"
    audit.record(action, "referral", referral.id, basis=referral.consent.basis)
    # The draft keeps only what stops a second "Send" making a second referral.
    draft.submitted_reference = referral.reference
    draft.answers = {}
    draft.resume_token_hash = None
    db.session.commit()
    return referral.reference, token


def record_declined(route, kind="register"):
    """Count a "no" without keeping anything about who said it."""
    audit.record(
        f"{kind}.declined" if kind == "review" else "referral.declined",
        "referral",
        None,
        route=route,
    )
    db.session.commit()


# Guessing a date of birth for a known reference: a few tries, then a wait.
MAX_FAILED_LOOKUPS = 5
LOOKUP_WINDOW = timedelta(hours=1)


class TooManyTries(Exception):
    pass


def find(reference, born, purpose="status"):
    """The request with this reference and date of birth, or None. Every try is audited;
    after MAX_FAILED_LOOKUPS wrong dates for one reference within the hour, it refuses
    with TooManyTries (shared by every app server, as it counts audit rows)."""
    wanted = normalise_reference(reference)
    if not wanted or born is None:
        return None
    referral = db.session.scalar(select(Referral).where(Referral.reference == wanted))
    if referral is not None and _recent_failures(referral.id) >= MAX_FAILED_LOOKUPS:
        raise TooManyTries
    found = referral is not None and referral.date_of_birth == born
    audit.record(
        "lookup.succeeded" if found else "lookup.failed",
        "referral",
        referral.id if referral else None,
        purpose=purpose,
    )
    db.session.commit()
    return referral if found else None


def _recent_failures(referral_id):
    since = datetime.now(UTC) - LOOKUP_WINDOW
    return db.session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.action == "lookup.failed",
            AuditEvent.subject_id == referral_id,
            AuditEvent.at > since,
        )
    )


def by_reference(reference):
    return db.session.scalar(
        select(Referral).where(Referral.reference == normalise_reference(reference))
    )


def find_by_token(token):
    return db.session.scalar(
        select(Referral).where(Referral.status_token_hash == token_hash(token))
    )


def viewed(referral):
    audit.record("referral.status_viewed", "referral", referral.id)
    db.session.commit()


def withdraw_consent(referral):
    """Record the withdrawal and stop the request going any further. It goes back to the
    staff queue, even when staff had finished with it: someone added to the register from
    it must now come off."""
    if referral.consent.withdrawn_at is None:
        referral.consent.withdrawn_at = datetime.now(UTC)
        referral.status = "consent_withdrawn"
        referral.status_reason = None
        referral.queue_done_at = None
        referral.status_changes.append(
            StatusChange(status="consent_withdrawn", by="the person or their representative")
        )
        audit.record("consent.withdrawn", "referral", referral.id)
        db.session.commit()
    return referral
