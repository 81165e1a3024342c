from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .area import utcnow


class Planner(db.Model):
    """A person's My CTR Planner: their answers, kept private and found again by a code.

    No account: the code (in a private link, or typed) is stored only as a hash, and an
    optional short PIN only as an argon2 hash. Deleted when the person asks, or when it
    has not been used for PLANNER_DAYS."""

    __tablename__ = "planner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Named, with the id, by every browser that has the planner open. A new code or PIN
    # changes it, so every other device must open the planner again.
    access_key: Mapped[str] = mapped_column(String(64))
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    # Wrong PINs in a row; after too many the planner waits before it opens again.
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10), default="en")
    # The review request (or register request) this planner is for, when the person links it.
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    referral = relationship("Referral")
    share: Mapped["PlannerShare | None"] = relationship(
        back_populates="planner", uselist=False, cascade="all, delete-orphan"
    )


class PlannerShare(db.Model):
    """What the person chose to show their review's chair: a copy of the parts they
    picked, as they saw it when they said yes. Sharing again replaces it; stopping
    sharing or deleting the planner deletes it."""

    __tablename__ = "planner_share"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    planner_id: Mapped[int] = mapped_column(ForeignKey("planner.id"), unique=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    parts: Mapped[list] = mapped_column(JSON, default=list)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10), default="en")
    shared_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    planner: Mapped[Planner] = relationship(back_populates="share")
    referral = relationship("Referral")
