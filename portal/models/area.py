from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


def utcnow():
    return datetime.now(UTC)


class AreaSettings(db.Model):
    """The local area's own contacts and promises. One row; defaults come from configuration."""

    __tablename__ = "area_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    team_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(320))
    contact_phone: Mapped[str] = mapped_column(String(40))
    office_hours: Mapped[str] = mapped_column(String(200))
    crisis_line_name: Mapped[str] = mapped_column(String(200), default="")
    crisis_line_phone: Mapped[str] = mapped_column(String(40), default="")
    crisis_line_hours: Mapped[str] = mapped_column(String(200), default="")
    advocacy_name: Mapped[str] = mapped_column(String(200), default="")
    advocacy_phone: Mapped[str] = mapped_column(String(40), default="")
    advocacy_email: Mapped[str] = mapped_column(String(320), default="")
    complaints_route: Mapped[str] = mapped_column(Text, default="")
    complaints_email: Mapped[str] = mapped_column(String(320), default="")
    complaints_phone: Mapped[str] = mapped_column(String(40), default="")
    # Working days the team promises to answer within.
    referral_response_days: Mapped[int] = mapped_column(Integer)
    review_request_response_days: Mapped[int] = mapped_column(Integer)
    # Days until a register entry is looked at again, by rating.
    review_days_red: Mapped[int] = mapped_column(Integer, default=7)
    review_days_amber: Mapped[int] = mapped_column(Integer, default=21)
    review_days_green: Mapped[int] = mapped_column(Integer, default=90)
    review_days_blue: Mapped[int] = mapped_column(Integer, default=21)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    def review_days(self, rating):
        return getattr(self, f"review_days_{rating.lower()}")

    @property
    def has_crisis_line(self):
        return bool(self.crisis_line_phone)
