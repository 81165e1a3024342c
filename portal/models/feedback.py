from datetime import date

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Feedback(db.Model):
    """What someone who took part in a review told us about it.

    Anonymous unless the sender chose to give their name: then no name, no way to reply,
    and nothing that could lead back to them (no IP address, no session, no draft, no
    time of day: only the day it arrived)."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    # Who took part: the person, family, an advocate, a professional, a panel member.
    role: Mapped[str | None] = mapped_column(String(20))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    name: Mapped[str | None] = mapped_column(String(200))
    review_date: Mapped[date | None] = mapped_column(Date)
    reply_by: Mapped[str | None] = mapped_column(String(20))
    reply_to: Mapped[str | None] = mapped_column(Text)
    # The five questions' answers, by question key.
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10), default="en")
    # For the staff inbox: new, read, replied.
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
