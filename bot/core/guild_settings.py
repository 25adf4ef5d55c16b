"""Per-guild settings with declared defaults; unknown keys and bad values fail fast."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class SettingsValueError(ValueError):
    """A setting value a moderator gave cannot be used; the message says what would work."""


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    timezone: str = "UTC"
    digest_channel_id: int | None = None
    digest_weekday: int = 0  # Monday
    digest_time: str = "09:00"
    digest_enabled: bool = False  # off until a moderator picks a channel
    alerts_channel_id: int | None = None
    escalation_hits: int = 3  # this many hits ...
    escalation_minutes: int = 10  # ... within this many minutes lead to a timeout
    timeout_minutes: int = 10
    backtest_limit: int = 200

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def digest_clock(self) -> time:
        return parse_time_of_day(self.digest_time)

    def updated(self, **changes: Any) -> GuildSettings:
        """A copy with ``changes`` validated; an unknown key is a programming error."""
        known = {f.name for f in fields(self)} - {"guild_id"}
        unknown = set(changes) - known
        if unknown:
            raise KeyError(f"unknown guild setting(s): {', '.join(sorted(unknown))}")
        if "timezone" in changes:
            changes["timezone"] = validate_timezone(changes["timezone"])
        if "digest_time" in changes:
            changes["digest_time"] = parse_time_of_day(changes["digest_time"]).strftime("%H:%M")
        if "digest_weekday" in changes:
            changes["digest_weekday"] = parse_weekday(changes["digest_weekday"])
        for key in ("escalation_hits", "escalation_minutes", "timeout_minutes"):
            if key in changes and not 1 <= int(changes[key]) <= 40320:
                raise SettingsValueError(f"{key.replace('_', ' ')} must be between 1 and 40320")
        if "backtest_limit" in changes and not 1 <= int(changes["backtest_limit"]) <= 1000:
            raise SettingsValueError("the backtest size must be between 1 and 1000 messages")
        return replace(self, **changes)


def parse_time_of_day(value: str) -> time:
    match = _TIME.match(value.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise SettingsValueError(
            f"“{value[:20]}” is not a time of day: use 24-hour HH:MM, for example 09:00 or 18:30"
        )
    return time(int(match.group(1)), int(match.group(2)))


def parse_weekday(value: int | str) -> int:
    if isinstance(value, int):
        if 0 <= value <= 6:
            return value
    else:
        lowered = value.strip().casefold()
        for index, name in enumerate(WEEKDAYS):
            if lowered in (name.casefold(), name[:3].casefold()):
                return index
    raise SettingsValueError(f"“{value}” is not a weekday: use Monday … Sunday")


def validate_timezone(name: str) -> str:
    candidate = name.strip()
    if (
        not candidate
        or len(candidate) > 64
        or candidate.startswith(("/", "."))
        or ".." in candidate
    ):
        raise SettingsValueError(
            f"“{name[:64]}” is not a time zone: use an IANA name like Asia/Seoul"
        )
    try:
        ZoneInfo(candidate)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsValueError(
            f"“{candidate}” is not a known time zone: use an IANA name like Asia/Seoul or Europe/Berlin"
        ) from None
    return candidate


_ZONES: list[str] | None = None


def timezone_names() -> list[str]:
    """Every IANA zone name, sorted (cached: the set is read from tzdata once)."""
    global _ZONES
    if _ZONES is None:
        _ZONES = sorted(z for z in available_timezones() if "/" in z or z == "UTC")
    return _ZONES


def suggest_timezones(current: str, limit: int = 25) -> list[str]:
    """Zones matching what was typed, for autocomplete: prefix matches first, then substrings."""
    needle = current.strip().casefold().replace(" ", "_")
    names = timezone_names()
    if not needle:
        preferred = ["UTC", "Asia/Seoul", "Asia/Pyongyang", "Asia/Tokyo", "Europe/London",
                     "Europe/Berlin", "America/New_York", "America/Los_Angeles"]  # fmt: skip
        return preferred[:limit]
    starts = [n for n in names if n.casefold().startswith(needle)]
    parts = [n for n in names if any(p.casefold().startswith(needle) for p in n.split("/")[1:])]
    contains = [n for n in names if needle in n.casefold()]
    seen: dict[str, None] = {}
    for name in starts + parts + contains:
        seen.setdefault(name, None)
    return list(seen)[:limit]
