"""The Dynamic Support Register: the consent gate, adding a person from a request, rating
them, and taking them off. Both the triage queue and the register pages call these."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import RatingChange, RegisterEntry, ReviewAction, StatusChange
from ..models.register import RATINGS
from . import audit
from .area import current_area
from .clock import now
from .tokens import new_reference

# What staff may record when the portal could not take consent itself.
DECISION_KINDS = {
    "best_interests": _l("A best-interests decision (an adult who cannot decide)"),
    "parental_consent": _l("Consent from someone with parental responsibility"),
    "competent_child": _l("The child is under 16 and able to decide, and agreed"),
}
# Which decision each kind of missing consent needs.
DECISION_FOR_BASIS = {
    "best_interests_needed": ("best_interests",),
    "parental_needed": ("parental_consent", "competent_child"),
}


class ConsentMissing(Exception):
    """Nobody may go on the register without consent or a recorded decision."""


def consent_problem(referral):
    """Why this request cannot go on the register yet, in plain words; None when it can."""
    consent = referral.consent
    if consent is None:
        return _l("There is no consent record for this request.")
    if consent.withdrawn_at is not None:
        return _l("Consent was withdrawn. The person cannot be added.")
    if consent.given or consent.decision_kind:
        return None
    if consent.basis == "best_interests_needed":
        return _l(
            "The person cannot decide for themselves. Record a best-interests decision "
            "(who decided, when and why) before adding them."
        )
    if consent.basis == "parental_needed":
        return _l(
            "A child asked. Record consent from someone with parental responsibility, or that "
            "the child is able to decide, before adding them."
        )
    return _l("Consent was not given. The person cannot be added.")


def record_decision(referral, kind, decided_by, decided_on, reason, actor):
    """Record a decision that stands in for consent the portal could not take."""
    consent = referral.consent
    if consent is None or consent.withdrawn_at is not None:
        raise ConsentMissing
    if kind not in DECISION_FOR_BASIS.get(consent.basis, ()):
        raise ValueError(f"{kind} does not apply to consent basis {consent.basis}")
    consent.decision_kind = kind
    consent.decided_by = decided_by
    consent.decided_on = decided_on
    consent.decision_reason = reason
    consent.decision_recorded_by = actor
    consent.decision_recorded_at = now()
    audit.record("consent.decision_recorded", "referral", referral.id, actor=actor, kind=kind)


def consent_date(referral):
    consent = referral.consent
    if consent.decision_kind:
        return consent.decided_on
    return consent.recorded_at.date()


def next_review_date(rating, start=None):
    """When the register entry should next be looked at, by the area's default for the
    rating."""
    return (start or date.today()) + timedelta(days=current_area().review_days(rating))


def entry_for_referral(referral):
    return db.session.scalar(select(RegisterEntry).where(RegisterEntry.referral_id == referral.id))


def _from_answers(referral):
    """What the request already told us, in the register's own fields."""
    answers = referral.answers or {}
    address = answers.get("address") or {}
    lines = [address.get(key) for key in ("line1", "line2", "town")]
    communication = answers.get("communication") or {}
    # Stored in words (the staff side's language), as staff read them at the top of the record.
    from ..public.referral.forms import NEEDS

    labels = dict(NEEDS)
    needs = [str(labels.get(n, n)) for n in communication.get("needs") or [] if n != "none"]
    extra = [
        communication.get(key)
        for key in ("interpreter_language", "someone_present", "other_need")
        if communication.get(key)
    ]
    living = answers.get("living") or {}
    setting = "hospital" if referral.in_hospital else living.get("setting")
    return {
        "address": "\n".join(line for line in lines if line) or None,
        "communication_needs": "; ".join([*needs, *extra]) or None,
        "condition": (answers.get("diagnosis") or {}).get("diagnosis"),
        "setting": setting,
    }


def add_from_referral(referral, rating, reason, actor, **fields):
    """Put the person a request is about on the register, with its first rating, and
    close the request. Refuses with ConsentMissing unless consent or a decision stands."""
    if consent_problem(referral) is not None:
        raise ConsentMissing
    if rating not in RATINGS:
        raise ValueError(rating)
    existing = entry_for_referral(referral)
    if existing is not None:
        return existing
    values = {**_from_answers(referral), **fields}
    entry = RegisterEntry(
        reference=referral.reference,
        referral_id=referral.id,
        added_by=actor,
        language=referral.language,
        first_name=referral.first_name,
        last_name=referral.last_name,
        nhs_number=referral.nhs_number,
        date_of_birth=referral.date_of_birth,
        postcode=referral.postcode,
        risk_reasons=list(referral.risk_reasons or []),
        consent_given_on=consent_date(referral),
        rating=rating,
        rating_reason=reason,
        **values,
    )
    set_names(entry)
    entry.next_review_on = next_review_date(rating)
    entry.rating_changes.append(RatingChange(rating=rating, reason=reason, by=actor))
    db.session.add(entry)
    referral.status = "added_to_register"
    referral.status_reason = None
    referral.queue_done_at = now()
    referral.status_changes.append(StatusChange(status="added_to_register", by=actor))
    db.session.flush()
    audit.record("register.added", "register_entry", entry.id, actor=actor, referral=referral.id)
    return entry


def new_entry(actor, rating, reason, **fields):
    """Add someone to the register directly (a professional's referral made outside the
    portal, with consent recorded on paper)."""
    entry = RegisterEntry(
        reference=new_reference("DSR"),
        added_by=actor,
        rating=rating,
        rating_reason=reason,
        **fields,
    )
    set_names(entry)
    entry.next_review_on = next_review_date(rating)
    entry.rating_changes.append(RatingChange(rating=rating, reason=reason, by=actor))
    db.session.add(entry)
    db.session.flush()
    audit.record("register.added", "register_entry", entry.id, actor=actor)
    return entry


def set_names(entry):
    entry.first_name_key = entry.first_name.strip().lower()
    entry.last_name_key = entry.last_name.strip().lower()


def rate(entry, rating, reason, actor):
    """A new rating, with why; the next register review moves to the rating's default."""
    if rating not in RATINGS:
        raise ValueError(rating)
    entry.rating = rating
    entry.rating_reason = reason
    entry.rated_at = now()
    entry.next_review_on = next_review_date(rating)
    entry.rating_changes.append(RatingChange(rating=rating, reason=reason, by=actor))
    audit.record("register.rated", "register_entry", entry.id, actor=actor, rating=rating)


def remove(entry, reason, actor):
    """Take the person off the register. The record stays, as history, off the lists."""
    entry.active = False
    entry.removed_at = now()
    entry.removed_by = actor
    entry.removed_reason = reason
    audit.record("register.removed", "register_entry", entry.id, actor=actor)


def refresh_next_action_due(entry):
    """Keep the earliest open action's date on the entry, for the overdue filter."""
    entry.next_action_due = db.session.scalar(
        select(ReviewAction.due_on)
        .where(ReviewAction.entry_id == entry.id, ReviewAction.status == "open")
        .order_by(ReviewAction.due_on)
        .limit(1)
    )


AGE_GROUPS = {
    "child": (0, 16),  # under 16
    "young_person": (16, 18),  # 16 and 17
    "adult": (18, 200),
}


def age_group(born, today=None):
    today = today or date.today()
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    for name, (low, high) in AGE_GROUPS.items():
        if low <= years < high:
            return name
    return "adult"


def born_between(group, today=None):
    """The dates of birth (after, on or before) for an age group, for an indexed filter:
    returns (earliest, latest) inclusive."""
    today = today or date.today()
    low, high = AGE_GROUPS[group]
    latest = _years_before(today, low)
    earliest = _years_before(today, high) + timedelta(days=1)
    return earliest, latest


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# The register pages (admin/register.py): changing the dataset and adding people directly.


def update_details(entry, values, actor, section):
    """Change a group of the minimum dataset. Returns the names of the fields that
    changed; the audit row lists those names, never their values."""
    changed = sorted(name for name, value in values.items() if getattr(entry, name) != value)
    for name in changed:
        setattr(entry, name, values[name])
    if {"first_name", "last_name"} & set(changed):
        set_names(entry)
    if changed:
        audit.record(
            "register.updated",
            "register_entry",
            entry.id,
            actor=actor,
            section=section,
            fields=changed,
        )
    return changed


def active_with_nhs_number(nhs_number, other_than=None):
    """Someone already on the register with this NHS number (not `other_than`), or None."""
    if not nhs_number:
        return None
    query = select(RegisterEntry).where(
        RegisterEntry.nhs_number == nhs_number, RegisterEntry.active.is_(True)
    )
    if other_than is not None:
        query = query.where(RegisterEntry.id != other_than)
    return db.session.scalars(query.limit(1)).first()


def add_directly(actor, rating, reason, consent_given_on, **fields):
    """Add someone the team was told about outside the portal (a professional's referral
    with consent given on paper). Refuses with ConsentMissing without the consent date."""
    if consent_given_on is None:
        raise ConsentMissing
    if rating not in RATINGS:
        raise ValueError(rating)
    return new_entry(actor, rating, reason, consent_given_on=consent_given_on, **fields)
