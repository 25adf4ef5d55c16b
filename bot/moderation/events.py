"""Moderation events, made in memory first and written behind.

The bot acts on a verdict before anything is stored: an event gets its id here, the Discord layer
deletes, times out and alerts, and only then is the event written, through the write-behind
queue, so a full or read-only disk never stops moderation. Recent events stay in memory, which is
also where escalation counts and alert buttons find events the database has not taken yet.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime

from bot.core.clock import Clock
from bot.core.database import DatabaseError
from bot.core.ids import IdMaker
from bot.core.write_behind import WriteBehind
from bot.moderation.storage import ModerationEvent, ModerationEventRepository

log = logging.getLogger(__name__)

MEMORY = 5_000  # recent events kept in memory (escalation windows are minutes long)


class EventLog:
    def __init__(
        self, repo: ModerationEventRepository, writes: WriteBehind, clock: Clock, ids: IdMaker
    ) -> None:
        self._repo = repo
        self._writes = writes
        self._clock = clock
        self._ids = ids
        self._recent: OrderedDict[int, ModerationEvent] = OrderedDict()
        self._unwritten: set[int] = set()

    def new_id(self) -> int:
        return self._ids.next_id()

    @property
    def unwritten(self) -> int:
        """Events the database has not taken yet."""
        return len(self._unwritten)

    def note(self, event: ModerationEvent) -> None:
        """Know the event before it is stored (escalation counts it, buttons find it)."""
        self._remember(event)
        self._unwritten.add(event.id)

    async def record(self, event: ModerationEvent) -> None:
        """Keep the event in memory and write it (now, or once the storage recovers)."""
        self._remember(event)
        self._unwritten.add(event.id)

        async def write() -> None:
            await self._repo.record(self._recent.get(event.id, event))
            self._unwritten.discard(event.id)

        await self._writes.submit(f"moderation event {event.id}", write)

    async def get(self, guild_id: int, event_id: int) -> ModerationEvent | None:
        event = self._recent.get(event_id)
        if event is not None:
            return event if event.guild_id == guild_id else None
        try:
            return await self._repo.get(guild_id, event_id)
        except DatabaseError:
            log.exception("could not read moderation event %s", event_id)
            return None

    async def decide(self, guild_id: int, event_id: int, decision: str, moderator_id: int) -> bool:
        """Record a moderator's decision once; False if the event was already decided."""
        event = self._recent.get(event_id)
        if event is None or event.guild_id != guild_id:
            # An older event, only in the database: the UPDATE decides atomically.
            return await self._repo.decide(
                guild_id, event_id, decision, moderator_id, now=self._clock.now()
            )
        if event.decision is not None:
            return False
        await self.record(replace(event, decision=decision, decided_by=moderator_id))
        return True

    async def reopen(self, guild_id: int, event_id: int) -> None:
        """Undo a decision that could not be carried out (the removal failed), so it can be retried."""
        event = self._recent.get(event_id)
        if event is not None and event.guild_id == guild_id:
            self._remember(replace(event, decision=None, decided_by=None))
        await self._writes.submit(
            f"reopen moderation event {event_id}", lambda: self._repo.reopen(guild_id, event_id)
        )

    async def count_recent(self, guild_id: int, author_id: int, since: datetime) -> int:
        """Hits of the author since ``since`` (dismissed ones excluded), stored or not."""
        in_memory = {
            e.id
            for e in self._recent.values()
            if e.guild_id == guild_id
            and e.author_id == author_id
            and e.created >= since
            and e.decision != "dismiss"
        }
        try:
            stored = await self._repo.count_recent(guild_id, author_id, since)
        except DatabaseError:
            return len(in_memory)
        # Written events are counted by the database; the rest only here.
        return stored + len(in_memory & self._unwritten)

    async def undecided_flags(self, guild_id: int, limit: int = 25) -> list[ModerationEvent]:
        found: dict[int, ModerationEvent] = {}
        try:
            for event in await self._repo.undecided_flags(guild_id, limit):
                found[event.id] = event
        except DatabaseError:
            log.exception("could not read undecided flags")
        for event in self._recent.values():
            if event.guild_id == guild_id and event.verdict == "flag":
                if event.decision is None:
                    found[event.id] = event
                else:
                    found.pop(event.id, None)
        return sorted(found.values(), key=lambda e: e.id, reverse=True)[:limit]

    def _remember(self, event: ModerationEvent) -> None:
        self._recent[event.id] = event
        self._recent.move_to_end(event.id)
        while len(self._recent) > MEMORY:
            self._recent.popitem(last=False)
