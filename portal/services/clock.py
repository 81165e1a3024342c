"""The time, always in UTC."""

from datetime import UTC, datetime


def now():
    return datetime.now(UTC)


def aware(moment):
    """SQLite gives back naive datetimes; every time here is UTC."""
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment
