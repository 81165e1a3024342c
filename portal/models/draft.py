from datetime import datetime

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .area import utcnow


class Draft(db.Model):
    """Answers to a question journey, saved after every page so nothing typed is lost.

    Found again through the visitor's session, or through a private link whose token is
    stored only as a hash. Deleted when it expires; emptied once it is sent."""

    __tablename__ = "draft"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    journey: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    resume_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Set when sent, so a second press of "Send" finds the first referral.
    submitted_reference: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10), default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
