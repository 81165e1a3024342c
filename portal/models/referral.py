from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .area import utcnow

STATUSES = (
    "new",
    "being_looked_at",
    "more_information_needed",
    "added_to_register",
    "not_added",
    "passed_to_care_coordinator",
    "review_agreed",
    "review_not_agreed",
    "consent_withdrawn",
    # Staff closed a withdrawal of consent, or took the person off the register after one.
    "dealt_with",
    "removed_from_register",
)
KINDS = ("register", "review")


class Referral(db.Model):
    """A request sent through the portal: to go on the Dynamic Support Register (kind
    "register") or for a Care (Education) and Treatment Review (kind "review"). One table,
    so the status page, consent and the staff queue treat both alike.

    The fields staff search and sort by are columns; everything else asked is kept in
    `answers`, exactly as given."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="register", index=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(40), default="new", index=True)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    requester_role: Mapped[str] = mapped_column(String(20))
    requester_name: Mapped[str | None] = mapped_column(String(200))
    requester_email: Mapped[str | None] = mapped_column(String(320))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    nhs_number: Mapped[str | None] = mapped_column(String(10), index=True)
    postcode: Mapped[str] = mapped_column(String(10))
    in_hospital: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_reasons: Mapped[list] = mapped_column(JSON, default=list)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10), default="en")
    # A private link to the status page; only its hash is kept.
    status_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    # Reviews only: CTR or CETR, and when the policy says the review should happen by.
    review_type: Mapped[str | None] = mapped_column(String(10))
    review_due_kind: Mapped[str | None] = mapped_column(String(40))
    review_due_by: Mapped[date | None] = mapped_column(Date)
    # Set when staff have finished with it; a withdrawal of consent clears it again, so the
    # request comes back to the triage queue.
    queue_done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    consent: Mapped["ConsentRecord"] = relationship(back_populates="referral", uselist=False)
    status_changes: Mapped[list["StatusChange"]] = relationship(
        back_populates="referral", order_by="StatusChange.at"
    )
    notes: Mapped[list["ReferralNote"]] = relationship(
        back_populates="referral", order_by="ReferralNote.at.desc()"
    )


class ConsentRecord(db.Model):
    """The consent (or the lack of it) behind a referral, with the exact words shown."""

    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), unique=True)
    # own: the person consented; parental: someone with parental responsibility consented
    # for a child under 16; parental_needed: a child asked, a parent must still consent;
    # best_interests_needed: an adult who cannot decide, so a best interests decision is
    # needed and no consent was given.
    basis: Mapped[str] = mapped_column(String(40))
    given: Mapped[bool] = mapped_column(Boolean)
    given_by_name: Mapped[str | None] = mapped_column(String(200))
    given_by_role: Mapped[str] = mapped_column(String(20))
    # When someone else told us what was agreed: who that was (evidence, not consent).
    reported_by_role: Mapped[str | None] = mapped_column(String(20))
    reported_by_name: Mapped[str | None] = mapped_column(String(200))
    child_view: Mapped[str | None] = mapped_column(String(40))
    child_view_detail: Mapped[str | None] = mapped_column(Text)
    text_version: Mapped[str] = mapped_column(String(40))
    text_shown: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # A decision staff recorded when the portal could not take consent itself:
    # best_interests (an adult who cannot decide), parental_consent (a parent agreed for a
    # child under 16) or competent_child (a child under 16 judged able to decide).
    decision_kind: Mapped[str | None] = mapped_column(String(30))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decision_recorded_by: Mapped[str | None] = mapped_column(String(200))
    decision_recorded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    referral: Mapped[Referral] = relationship(back_populates="consent")


class StatusChange(db.Model):
    """Who changed a referral's status, when, and why."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    status: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)

    referral: Mapped[Referral] = relationship(back_populates="status_changes")


class ReferralNote(db.Model):
    """A note, or a record of contact with someone, made by staff while triaging."""

    __tablename__ = "referral_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    # note, or contact (then with whom and how).
    kind: Mapped[str] = mapped_column(String(20), default="note")
    contact_with: Mapped[str | None] = mapped_column(String(200))
    contact_method: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    by: Mapped[str] = mapped_column(String(200))

    referral: Mapped[Referral] = relationship(back_populates="notes")
