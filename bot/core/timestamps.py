"""Dates as SQLite stores them: ISO 8601 text in UTC, to the second (every repository uses these)."""

from __future__ import annotations

from datetime import UTC, datetime


def to_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_iso_required(value: str | None) -> datetime:
    """A NOT NULL date column; None here means a damaged row."""
    parsed = from_iso(value)
    if parsed is None:
        raise ValueError("a row is missing a required date")
    return parsed
