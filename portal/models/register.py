from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .area import utcnow

RATINGS = ("RED", "AMBER", "GREEN", "BLUE")
CONDITIONS = ("learning_disability", "autism", "both", "waiting")
# Where the person lives now, as the public request asks it (plus their own home).
SETTINGS = (
    "family_home",
    "own_home",
    "foster_or_residential",
    "supported_living",
    "residential_school",
    "hospital",
    "other",
)
REVIEW_SETTINGS = ("community", "post_admission", "in_hospital")
ACTION_STATUSES = ("open", "done", "cancelled")


class RegisterEntry(db.Model):
    """One person on the Dynamic Support Register: the minimum dataset, their rating and
    their reviews. Coming off the register keeps the row, with why, as history."""

    __tablename__ = "register_entry"
    __table_args__ = (
        Index("ix_register_entry_active_name", "active", "last_name_key", "first_name_key"),
        Index("ix_register_entry_active_rating", "active", "rating"),
        # The list is read in index order (a rating at a time by name, or by next review),
        # with the id last so a deep page needs no sort.
        Index(
            "ix_register_entry_active_rating_name",
            "active",
            "rating",
            "last_name_key",
            "first_name_key",
            "id",
        ),
        Index("ix_register_entry_active_born", "active", "date_of_birth"),
        Index("ix_register_entry_active_review_id", "active", "next_review_on", "id"),
        Index("ix_register_entry_active_action", "active", "next_action_due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    # The portal request that brought the person here, when there was one.
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    added_by: Mapped[str] = mapped_column(String(200))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    removed_by: Mapped[str | None] = mapped_column(String(200))
    removed_reason: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10), default="en")

    # Identity. The *_key columns are lower-case copies for quick searching.
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name_key: Mapped[str] = mapped_column(String(100))
    last_name_key: Mapped[str] = mapped_column(String(100))
    nhs_number: Mapped[str | None] = mapped_column(String(10), index=True)
    date_of_birth: Mapped[date] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(10))
    communication_needs: Mapped[str | None] = mapped_column(Text)

    # The minimum dataset.
    condition: Mapped[str | None] = mapped_column(String(30))
    setting: Mapped[str | None] = mapped_column(String(30), index=True)
    mental_health_diagnosis: Mapped[str | None] = mapped_column(Text)
    behaviour_that_challenges: Mapped[str | None] = mapped_column(Text)
    criminal_justice_contact: Mapped[str | None] = mapped_column(Text)
    last_annual_health_check: Mapped[date | None] = mapped_column(Date)
    placement_52_week: Mapped[bool | None] = mapped_column(Boolean)
    in_transition: Mapped[bool | None] = mapped_column(Boolean)
    care_coordinator: Mapped[str | None] = mapped_column(Text)
    service_provider: Mapped[str | None] = mapped_column(Text)
    has_care_plan: Mapped[bool | None] = mapped_column(Boolean)
    has_crisis_plan: Mapped[bool | None] = mapped_column(Boolean)
    has_risk_assessment: Mapped[bool | None] = mapped_column(Boolean)
    crisis_contacts: Mapped[str | None] = mapped_column(Text)
    key_risks: Mapped[str | None] = mapped_column(Text)
    risk_reasons: Mapped[list] = mapped_column(JSON, default=list)
    previous_admissions: Mapped[str | None] = mapped_column(Text)
    personal_budget_offered: Mapped[bool | None] = mapped_column(Boolean)
    advocate_involved: Mapped[bool | None] = mapped_column(Boolean)
    person_wishes: Mapped[str | None] = mapped_column(Text)
    family_wishes: Mapped[str | None] = mapped_column(Text)
    current_package: Mapped[str | None] = mapped_column(Text)
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    # Linked support offered: "yes" or "no", and the date it was offered.
    keyworker_referral: Mapped[str | None] = mapped_column(String(10))
    keyworker_referral_on: Mapped[date | None] = mapped_column(Date)
    carers_assessment: Mapped[str | None] = mapped_column(String(10))
    carers_assessment_on: Mapped[date | None] = mapped_column(Date)

    rating: Mapped[str] = mapped_column(String(10))
    rating_reason: Mapped[str] = mapped_column(Text)
    rated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_review_on: Mapped[date | None] = mapped_column(Date)
    # When the register entry itself is next looked at (set from the rating's default).
    next_review_on: Mapped[date | None] = mapped_column(Date)
    # The earliest open action's date, kept here so "overdue action" is one indexed filter.
    next_action_due: Mapped[date | None] = mapped_column(Date)

    referral = relationship("Referral", foreign_keys=[referral_id])
    rating_changes: Mapped[list["RatingChange"]] = relationship(
        back_populates="entry", order_by="RatingChange.at.desc()"
    )
    reviews: Mapped[list["Review"]] = relationship(
        back_populates="entry", order_by="Review.id.desc()"
    )


class RatingChange(db.Model):
    """Who rated the person, when, and why."""

    __tablename__ = "rating_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"), index=True)
    rating: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    by: Mapped[str] = mapped_column(String(200))

    entry: Mapped[RegisterEntry] = relationship(back_populates="rating_changes")


class Review(db.Model):
    """One Care (Education) and Treatment Review: planned, then held, then its report."""

    __tablename__ = "review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"), index=True)
    # The portal request that asked for it, when there was one.
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    review_type: Mapped[str] = mapped_column(String(10))  # CTR or CETR
    setting: Mapped[str] = mapped_column(String(20))  # community, post_admission, in_hospital
    due_kind: Mapped[str | None] = mapped_column(String(40))
    due_by: Mapped[date | None] = mapped_column(Date)
    planned_on: Mapped[date | None] = mapped_column(Date)
    held_on: Mapped[date | None] = mapped_column(Date)
    chair: Mapped[str | None] = mapped_column(String(200))
    expert_by_experience: Mapped[str | None] = mapped_column(String(200))
    clinical_expert: Mapped[str | None] = mapped_column(String(200))
    report_sent_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))

    entry: Mapped[RegisterEntry] = relationship(back_populates="reviews")
    actions: Mapped[list["ReviewAction"]] = relationship(
        back_populates="review", order_by="ReviewAction.id"
    )


class ReviewAction(db.Model):
    """A SMART action from a review: what, who, by when, and whether it is done."""

    __tablename__ = "review_action"
    __table_args__ = (Index("ix_review_action_entry_open", "entry_id", "status", "due_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"))
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    done_on: Mapped[date | None] = mapped_column(Date)

    review: Mapped[Review] = relationship(back_populates="actions")
