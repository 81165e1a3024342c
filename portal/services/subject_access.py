"""A subject access export: everything held about one person on the register, as one
JSON document. The person's requests are the entry's own, those its reviews came from,
and any other with the same NHS number, or the same name and date of birth."""

import json
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select

from ..extensions import db
from ..models import (
    AuditEvent,
    ConsentRecord,
    Planner,
    PlannerShare,
    RatingChange,
    Referral,
    ReferralNote,
    Review,
    ReviewAction,
    StaffMember,
    StatusChange,
)
from .clock import aware, now

# Secrets that say nothing about the person: the hash of their status link's key.
NOT_EXPORTED = {"status_token_hash"}

ABOUT = (
    _l(
        "Everything the Dynamic Support Register service holds about one person, made "
        "for a subject access request. Check it before it is sent: remove anything about "
        "other people that they have not agreed to share, as the law allows."
    ),
    _l(
        "register_entry is the person's record on the register, every field. "
        "rating_history, reviews (each with its SMART actions) and their dates come "
        "from the register."
    ),
    _l(
        "requests are the requests sent through the portal about this person: the one "
        "that brought them onto the register, those their reviews came from, and any "
        "other with the same NHS number, or the same name and date of birth. Each has "
        "every answer as it was given. consent_records, status_changes, "
        "notes_and_contacts and planner_shares belong to those requests."
    ),
    _l(
        "audit_trail lists who looked at or changed these records, and when. Staff are "
        "named by an id; staff_named_in_this_file gives their names."
    ),
    _l(
        "A My CTR Planner is kept under the person's own private code, and staff cannot "
        "read it; only what the person chose to share is here. Feedback about reviews is "
        "anonymous unless the sender gave their name, and is not linked to a person: "
        "search the feedback inbox by name if the request covers it."
    ),
    _l("Dates are written year-month-day; times are in UTC."),
)


def _columns(row, skip=()):
    """Every column of a row, by name."""
    return {
        column.key: getattr(row, column.key)
        for column in row.__table__.columns
        if column.key not in skip
    }


def requests_about(entry):
    """The portal requests about this person."""
    review_referrals = select(Review.referral_id).where(
        Review.entry_id == entry.id, Review.referral_id.is_not(None)
    )
    same_person = and_(
        func.lower(func.trim(Referral.first_name)) == entry.first_name_key,
        func.lower(func.trim(Referral.last_name)) == entry.last_name_key,
        Referral.date_of_birth == entry.date_of_birth,
    )
    matches = [Referral.id.in_(review_referrals), same_person]
    if entry.referral_id:
        matches.append(Referral.id == entry.referral_id)
    if entry.nhs_number:
        matches.append(Referral.nhs_number == entry.nhs_number)
    return db.session.scalars(select(Referral).where(or_(*matches)).order_by(Referral.id)).all()


def matched_requests(entry):
    """[(request, [why it counts as this person's])], for staff to check before sending:
    a request matched only by name and date of birth may be someone else's."""
    from_reviews = set(
        db.session.scalars(
            select(Review.referral_id).where(
                Review.entry_id == entry.id, Review.referral_id.is_not(None)
            )
        )
    )
    matched = []
    for referral in requests_about(entry):
        reasons = []
        if referral.id == entry.referral_id:
            reasons.append(_l("It brought them onto the register"))
        if referral.id in from_reviews:
            reasons.append(_l("One of their reviews came from it"))
        if entry.nhs_number and referral.nhs_number == entry.nhs_number:
            reasons.append(_l("The same NHS number"))
        if (
            referral.first_name.strip().lower() == entry.first_name_key
            and referral.last_name.strip().lower() == entry.last_name_key
            and referral.date_of_birth == entry.date_of_birth
        ):
            reasons.append(_l("The same name and date of birth"))
        matched.append((referral, reasons))
    return matched


def _in(column, ids):
    return column.in_(ids) if ids else False


def _audit_rows(entry, referral_ids, review_ids, action_ids, planner_ids):
    about = [and_(AuditEvent.subject_type == "register_entry", AuditEvent.subject_id == entry.id)]
    for subject_type, ids in (
        ("referral", referral_ids),
        ("review", review_ids),
        ("review_action", action_ids),
        ("planner", planner_ids),
    ):
        if ids:
            about.append(
                and_(AuditEvent.subject_type == subject_type, AuditEvent.subject_id.in_(ids))
            )
    return db.session.scalars(
        select(AuditEvent).where(or_(*about)).order_by(AuditEvent.at, AuditEvent.id)
    ).all()


# The fields that name a member of staff as "staff:<id>".
STAFF_FIELDS = {
    "actor",
    "added_by",
    "by",
    "created_by",
    "decision_recorded_by",
    "made_by",
    "removed_by",
}


def _staff_names(document):
    """The staff named anywhere in the document, with their names."""
    ids = set()

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in STAFF_FIELDS and isinstance(item, str) and item.startswith("staff:"):
                    number = item.removeprefix("staff:")
                    if number.isdigit():
                        ids.add(int(number))
                elif isinstance(item, dict | list):
                    walk(item)

    walk(document)
    if not ids:
        return {}
    members = db.session.scalars(
        select(StaffMember).where(StaffMember.id.in_(ids)).order_by(StaffMember.id)
    )
    return {f"staff:{m.id}": m.name for m in members}


def gather(entry, made_by):
    """Everything held about the person on this register entry, as a dict ready for
    JSON (dates still as date objects; see to_json)."""
    referrals = requests_about(entry)
    referral_ids = [r.id for r in referrals]
    reviews = db.session.scalars(
        select(Review).where(Review.entry_id == entry.id).order_by(Review.id)
    ).all()
    review_ids = [r.id for r in reviews]
    actions = db.session.scalars(
        select(ReviewAction).where(ReviewAction.entry_id == entry.id).order_by(ReviewAction.id)
    ).all()
    shares = db.session.scalars(
        select(PlannerShare)
        .where(_in(PlannerShare.referral_id, referral_ids))
        .order_by(PlannerShare.id)
    ).all()
    planner_ids = set(
        db.session.scalars(select(Planner.id).where(_in(Planner.referral_id, referral_ids)))
    ) | {share.planner_id for share in shares}

    def rows(model, order):
        return [
            _columns(row)
            for row in db.session.scalars(
                select(model).where(_in(model.referral_id, referral_ids)).order_by(order)
            )
        ]

    document = {
        "about_this_file": {
            "made_at": now(),
            "made_by": made_by,
            "register_reference": entry.reference,
            "notes": [str(text) for text in ABOUT],
        },
        "register_entry": _columns(entry),
        "rating_history": [
            _columns(change)
            for change in db.session.scalars(
                select(RatingChange)
                .where(RatingChange.entry_id == entry.id)
                .order_by(RatingChange.at, RatingChange.id)
            )
        ],
        "reviews": [
            {
                **_columns(review),
                "actions": [_columns(a) for a in actions if a.review_id == review.id],
            }
            for review in reviews
        ],
        "requests": [_columns(referral, skip=NOT_EXPORTED) for referral in referrals],
        "consent_records": rows(ConsentRecord, ConsentRecord.id),
        "status_changes": rows(StatusChange, StatusChange.at),
        "notes_and_contacts": rows(ReferralNote, ReferralNote.at),
        "planner_shares": [_columns(share) for share in shares],
        "audit_trail": [
            _columns(event)
            for event in _audit_rows(
                entry, referral_ids, review_ids, [a.id for a in actions], sorted(planner_ids)
            )
        ],
    }
    document["staff_named_in_this_file"] = _staff_names(document)
    return document


def counts(document):
    """How many of each thing the export holds, for the audit row."""
    sections = (
        "rating_history",
        "reviews",
        "requests",
        "consent_records",
        "status_changes",
        "notes_and_contacts",
        "planner_shares",
        "audit_trail",
    )
    return {name: len(document[name]) for name in sections}


def _plain(value):
    if isinstance(value, datetime):
        return aware(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def to_json(document):
    """UTF-8 JSON, indented, with every letter as itself (not \\u escapes)."""
    return json.dumps(document, default=_plain, ensure_ascii=False, indent=2).encode("utf-8")
