"""ISO weeks in a guild's timezone: parsing "2024-W40" and finding the week of a moment."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def parse_iso_week(week: str) -> tuple[int, int]:
    """Split "2024-W40" into (2024, 40), refusing strings that are not an existing ISO week."""
    match = _WEEK.fullmatch(week.strip())
    if match is None:
        raise ValueError(
            f"{week!r} is not an ISO week: write it as YYYY-Www, for example 2024-W40."
        )
    year, number = int(match.group(1)), int(match.group(2))
    if not 1 <= year <= 9998:
        # 9999-W52 would end in year 10000, which datetime cannot represent.
        raise ValueError(f"{week!r} is out of range: pick a year from 0001 to 9998.")
    last = weeks_in_year(year)
    if not 1 <= number <= last:
        raise ValueError(
            f"{week!r} is not an ISO week: {year} has weeks 01 to {last}; "
            f"pick a week in that range, for example {year}-W01."
        )
    return year, number


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last week."""
    return date(year, 12, 28).isocalendar().week


def iso_week_bounds(week: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The half-open interval [Monday 00:00, next Monday 00:00) of an ISO week, aware in ``tz``.

    The interval is built from local midnights, so a week with a DST change lasts 167 or 169 hours.
    """
    year, number = parse_iso_week(week)
    monday = date.fromisocalendar(year, number, 1)
    start = datetime.combine(monday, time(0), tzinfo=tz)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=tz)
    return start, end


def current_iso_week(now: datetime, tz: ZoneInfo) -> str:
    """The ISO week ("2024-W40") that the aware moment ``now`` falls in, seen from ``tz``."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("current_iso_week needs an aware datetime; attach a timezone (UTC) first.")
    return format_iso_week(now.astimezone(tz).date())


def format_iso_week(day: date) -> str:
    """The ISO week label of a calendar day."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def describe_week_span(start: datetime, end: datetime, *, with_year: bool = False) -> str:
    """A human span for a week, e.g. "Mon 30 Sep – Sun 6 Oct" (``end`` is exclusive).

    Years are shown when asked for, and always when the week straddles New Year.
    """
    first = start.date()
    last = (end - timedelta(days=1)).date()
    straddles = first.year != last.year
    left = f"{first:%a} {first.day} {first:%b}" + (f" {first.year}" if straddles else "")
    right = f"{last:%a} {last.day} {last:%b}" + (f" {last.year}" if straddles or with_year else "")
    return f"{left} – {right}"


def week_days(start: datetime) -> list[date]:
    """The seven calendar days of the week that starts at ``start``."""
    first = start.date()
    return [first + timedelta(days=offset) for offset in range(7)]
