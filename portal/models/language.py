from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .area import utcnow


class LanguageCheck(db.Model):
    """A deployment's record that a qualified translator checked one language's text.
    The fingerprint is of the catalogue that was checked: when a release changes the
    text, the check no longer covers it and the public notice comes back."""

    __tablename__ = "language_check"

    language: Mapped[str] = mapped_column(String(10), primary_key=True)
    checked_by: Mapped[str] = mapped_column(String(200))
    checked_on: Mapped[date] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
