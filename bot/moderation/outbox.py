"""The alert outbox: moderator alerts and member notices are delivered until they arrive.

Items live in memory while the bot runs (so delivery goes on when the database cannot be
written) and are saved through the write-behind queue, so a restart picks up what was not
delivered. Failed deliveries are retried with growing waits; a moderator sees what is waiting
with /filter pending and /status.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.core.clock import Clock
from bot.core.database import DatabaseError
from bot.core.ids import IdMaker
from bot.core.write_behind import WriteBehind
from bot.moderation.storage.outbox import OutboxItem, OutboxRepository

log = logging.getLogger(__name__)

# Seconds before the next attempt after the 1st, 2nd, ... failure (then every hour).
BACKOFF = (10, 30, 60, 120, 300, 600, 1800, 3600)
# Older undelivered items are not resent after a restart: the moment has passed.
KEEP_FOR = timedelta(days=7)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1])


class Outbox:
    def __init__(
        self, repo: OutboxRepository, writes: WriteBehind, clock: Clock, ids: IdMaker
    ) -> None:
        self._repo = repo
        self._writes = writes
        self._clock = clock
        self._ids = ids
        self._items: dict[int, OutboxItem] = {}

    async def load(self) -> int:
        """Take over what a previous run left undelivered (never raises)."""
        try:
            items = await self._repo.undelivered(since=self._clock.now() - KEEP_FOR)
        except DatabaseError:
            log.exception("could not read the outbox; undelivered alerts of the last run are lost")
            return 0
        for item in items:
            self._items.setdefault(item.id, item)
        return len(items)

    async def enqueue(self, guild_id: int, kind: str, payload: dict[str, Any]) -> OutboxItem:
        now = self._clock.now()
        item = OutboxItem(self._ids.next_id(), guild_id, kind, payload, now, now)
        self._items[item.id] = item
        await self._save(item)
        return item

    def due(self, now: datetime | None = None) -> list[OutboxItem]:
        """Undelivered items whose time has come, oldest first (none that are being sent)."""
        moment = now or self._clock.now()
        return sorted(
            (i for i in self._items.values() if not i.sending and i.next_attempt <= moment),
            key=lambda i: i.id,
        )

    def pending(self, guild_id: int) -> list[OutboxItem]:
        return sorted(
            (i for i in self._items.values() if i.guild_id == guild_id), key=lambda i: i.id
        )

    def claim(self, item: OutboxItem) -> bool:
        """Mark the item as being sent; False if someone else is sending it or it is done."""
        if item.sending or item.id not in self._items:
            return False
        item.sending = True
        return True

    async def delivered(self, item: OutboxItem, message_id: int | None) -> None:
        item.sending = False
        item.delivered = self._clock.now()
        item.message_id = message_id
        item.attempts += 1
        self._items.pop(item.id, None)
        await self._save(item)

    async def failed(self, item: OutboxItem, error: str) -> None:
        item.sending = False
        item.attempts += 1
        item.last_error = error[:500]
        item.next_attempt = self._clock.now() + backoff(item.attempts)
        log.warning(
            "delivery of %s #%s failed (attempt %d, next at %s): %s",
            item.kind, item.id, item.attempts, item.next_attempt.isoformat(), error,
        )  # fmt: skip
        await self._save(item)

    async def _save(self, item: OutboxItem) -> None:
        snapshot = replace(item, payload=dict(item.payload))
        await self._writes.submit(f"outbox item {item.id}", lambda: self._repo.save(snapshot))
