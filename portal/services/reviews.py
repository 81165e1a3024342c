"""Care (Education) and Treatment Reviews on the register: planning one (its due date from
review_timescales, the same rules as the public request journey), recording that it was
held and when its report went out, and its SMART actions."""

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select

from ..extensions import db
from ..models import PlannerShare, Referral, Review, ReviewAction
from . import audit
from .register import refresh_next_action_due
from .review_timescales import review_due, review_name

# The chair's report should reach people within two weeks of the review (001 s13).
REPORT_DAYS = 14

SETTING_NAMES = {
    "community": _l("In the community"),
    "post_admission": _l("Post-admission"),
    "in_hospital": _l("In hospital"),
}
TYPE_NAMES = {
    "CTR": _l("Care and Treatment Review (CTR)"),
    "CETR": _l("Care, Education and Treatment Review (CETR)"),
}
ACTION_STATUS_NAMES = {
    "open": _l("Open"),
    "done": _l("Done"),
    "cancelled": _l("Cancelled"),
}


@dataclass(frozen=True)
class DueInputs:
    """What the policy needs to know to date a review (see review_timescales.review_due)."""

    setting: str
    admitted: date | None = None
    community_review_before: bool = False
    secure: bool = False
    moved_on: date | None = None
    last_review: date | None = None


def due_for(born, inputs, today=None):
    """When the policy says this review should happen by, and why. Only hospital reviews
    have dates; post-admission reviews count from the admission, repeats from the last
    review (a last review from before the admission does not count)."""
    in_hospital = inputs.setting != "community"
    repeat = inputs.setting == "in_hospital"
    return review_due(
        born,
        today or date.today(),
        in_hospital,
        admitted=inputs.admitted if in_hospital else None,
        community_review_before=inputs.community_review_before
        if inputs.setting == "post_admission"
        else False,
        secure=inputs.secure if repeat else False,
        moved_on=inputs.moved_on if repeat else None,
        last_review=inputs.last_review if repeat else None,
    )


def agreed_requests(entry):
    """This person's review requests that staff agreed and no review is linked to yet:
    matched by NHS number, or by name and date of birth."""
    same_person = and_(
        func.lower(func.trim(Referral.first_name)) == entry.first_name_key,
        func.lower(func.trim(Referral.last_name)) == entry.last_name_key,
        Referral.date_of_birth == entry.date_of_birth,
    )
    if entry.nhs_number:
        same_person = or_(Referral.nhs_number == entry.nhs_number, same_person)
    linked = select(Review.referral_id).where(Review.referral_id.is_not(None))
    return db.session.scalars(
        select(Referral)
        .where(
            Referral.kind == "review",
            Referral.status == "review_agreed",
            same_person,
            Referral.id.not_in(linked),
        )
        .order_by(Referral.submitted_at.desc())
    ).all()


def plan(entry, inputs, planned_on, actor, panel=None, referral=None, today=None):
    """Plan a review: CETR for under 18s (age on the planned day), dated by the policy."""
    today = today or date.today()
    due = due_for(entry.date_of_birth, inputs, today)
    panel = panel or {}
    review = Review(
        entry_id=entry.id,
        referral_id=referral.id if referral is not None else None,
        review_type=review_name(entry.date_of_birth, planned_on or today),
        setting=inputs.setting,
        due_kind=due.kind,
        due_by=due.by,
        planned_on=planned_on,
        chair=panel.get("chair") or None,
        expert_by_experience=panel.get("expert_by_experience") or None,
        clinical_expert=panel.get("clinical_expert") or None,
        created_by=actor,
    )
    db.session.add(review)
    db.session.flush()
    audit.record(
        "review.planned",
        "review",
        review.id,
        actor=actor,
        entry=entry.id,
        setting=review.setting,
        due_kind=due.kind,
        referral=review.referral_id,
    )
    return review


def record_held(review, held_on, panel, actor):
    """The review happened, with this panel. The register's last review date moves on
    (never back, when an older review is recorded late); its next review date stays."""
    review.held_on = held_on
    review.chair = panel["chair"]
    review.expert_by_experience = panel["expert_by_experience"]
    review.clinical_expert = panel["clinical_expert"]
    entry = review.entry
    if entry.last_review_on is None or entry.last_review_on < held_on:
        entry.last_review_on = held_on
    audit.record("review.held", "review", review.id, actor=actor, entry=entry.id)


def record_report(review, sent_on, actor):
    if review.held_on is None or sent_on < review.held_on:
        raise ValueError("a report cannot be sent before the review was held")
    review.report_sent_on = sent_on
    audit.record(
        "review.report_sent",
        "review",
        review.id,
        actor=actor,
        entry=review.entry_id,
        days=(sent_on - review.held_on).days,
    )


def save_notes(review, notes, actor):
    review.notes = (notes or "").strip() or None
    audit.record("review.notes_changed", "review", review.id, actor=actor, entry=review.entry_id)


def review_overdue(review, today=None):
    """Not held, and the policy's date has passed."""
    today = today or date.today()
    return review.held_on is None and review.due_by is not None and review.due_by < today


def report_late_days(review, today=None):
    """How many days after the review the report went (or, unsent, how long it has been)
    when that is more than the two-week standard; None when it is not late."""
    if review.held_on is None:
        return None
    end = review.report_sent_on or today or date.today()
    days = (end - review.held_on).days
    return days if days > REPORT_DAYS else None


# SMART actions --------------------------------------------------------------------------


def add_action(review, what, who, due_on, actor):
    action = ReviewAction(
        review=review, entry_id=review.entry_id, what=what, who=who, due_on=due_on, status="open"
    )
    db.session.add(action)
    db.session.flush()
    refresh_next_action_due(review.entry)
    audit.record(
        "action.added", "review_action", action.id, actor=actor, review=review.id, status="open"
    )
    return action


def update_action(action, actor, what, who, due_on, status, done_on=None):
    if status not in ACTION_STATUS_NAMES:
        raise ValueError(status)
    action.what, action.who, action.due_on = what, who, due_on
    action.status = status
    action.done_on = done_on if status == "done" else None
    db.session.flush()
    refresh_next_action_due(action.review.entry)
    audit.record(
        "action.updated",
        "review_action",
        action.id,
        actor=actor,
        review=action.review_id,
        status=status,
    )


def mark_done(action, actor, done_on=None):
    update_action(
        action, actor, action.what, action.who, action.due_on, "done", done_on or date.today()
    )


def action_overdue(action, today=None):
    return action.status == "open" and action.due_on < (today or date.today())


# The person's own planner ----------------------------------------------------------------


def shared_planner(review):
    """What the person shared with the chair from their My CTR Planner: through this
    review's request, or any other request of theirs the register knows. The newest wins."""
    entry = review.entry
    ids = {review.referral_id, entry.referral_id, *(r.referral_id for r in entry.reviews)}
    ids.discard(None)
    if not ids:
        return None
    return db.session.scalar(
        select(PlannerShare)
        .where(PlannerShare.referral_id.in_(ids))
        .order_by(PlannerShare.shared_at.desc(), PlannerShare.id.desc())
        .limit(1)
    )
