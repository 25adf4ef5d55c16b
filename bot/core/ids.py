"""Ids made in memory before anything is stored (a Discord button must carry its event's id even
when the database cannot be written yet)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.clock import Clock

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
_SEQUENCE_BITS = 12


class IdMaker:
    """Strictly increasing 64-bit ids: milliseconds since 2026 shifted, plus a sequence number."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._last = 0

    def next_id(self) -> int:
        millis = max(0, int((self._clock.now() - EPOCH).total_seconds() * 1000))
        candidate = millis << _SEQUENCE_BITS
        # Same millisecond (or a clock that went back): keep increasing.
        self._last = max(candidate, self._last + 1)
        return self._last
