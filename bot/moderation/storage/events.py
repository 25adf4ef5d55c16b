"""Moderation events: every verdict but allow, what the bot did, and the moderator's decision."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from bot.core.database import Database
from bot.core.timestamps import from_iso_required, to_iso


@dataclass(frozen=True, slots=True)
class ModerationEvent:
    id: int
    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    verdict: str
    rule: int | None
    filters: tuple[str, ...]
    action: str
    reason: str
    excerpt: str
    decision: str | None
    decided_by: int | None
    created: datetime
    outcome: str | None = None


class ModerationEventRepository:
    """Every verdict other than allow, and the moderator's decision on it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, event: ModerationEvent) -> None:
        """Store an event under the id it was given in memory (idempotent: a retry is harmless)."""
        await self._db.execute(
            "INSERT INTO moderation_events (id, guild_id, channel_id, message_id, author_id, "
            "verdict, rule, filters, action, reason, excerpt, decision, decided_by, created, "
            "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome, "
            "decision = coalesce(moderation_events.decision, excluded.decision), "
            "decided_by = coalesce(moderation_events.decided_by, excluded.decided_by)",
            (
                event.id,
                event.guild_id,
                event.channel_id,
                event.message_id,
                event.author_id,
                event.verdict,
                event.rule,
                json.dumps(list(event.filters), ensure_ascii=False),
                event.action,
                event.reason,
                event.excerpt,
                event.decision,
                event.decided_by,
                to_iso(event.created),
                event.outcome,
            ),
        )

    async def get(self, guild_id: int, event_id: int) -> ModerationEvent | None:
        row = await self._db.fetch_one(
            "SELECT * FROM moderation_events WHERE guild_id = ? AND id = ?", (guild_id, event_id)
        )
        return None if row is None else _event(row)

    async def decide(
        self, guild_id: int, event_id: int, decision: str, moderator_id: int, *, now: datetime
    ) -> bool:
        """Record a moderator's decision once; False if it was already decided."""
        return (
            await self._db.execute_rowcount(
                "UPDATE moderation_events SET decision = ?, decided_by = ?, decided = ? "
                "WHERE guild_id = ? AND id = ? AND decision IS NULL",
                (decision, moderator_id, to_iso(now), guild_id, event_id),
            )
            > 0
        )

    async def reopen(self, guild_id: int, event_id: int) -> None:
        await self._db.execute(
            "UPDATE moderation_events SET decision = NULL, decided_by = NULL, decided = NULL "
            "WHERE guild_id = ? AND id = ?",
            (guild_id, event_id),
        )

    async def count_recent(self, guild_id: int, author_id: int, since: datetime) -> int:
        return int(
            await self._db.fetch_value(
                "SELECT count(*) FROM moderation_events WHERE guild_id = ? AND author_id = ? "
                "AND created >= ? AND coalesce(decision, '') != 'dismiss'",
                (guild_id, author_id, to_iso(since)),
            )
        )

    async def recent(self, guild_id: int, limit: int = 20) -> list[ModerationEvent]:
        rows = await self._db.fetch_all(
            "SELECT * FROM moderation_events WHERE guild_id = ? ORDER BY id DESC LIMIT ?",
            (guild_id, limit),
        )
        return [_event(row) for row in rows]

    async def undecided_flags(self, guild_id: int, limit: int = 25) -> list[ModerationEvent]:
        """Flags no moderator has decided on yet, newest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM moderation_events WHERE guild_id = ? AND verdict = 'flag' "
            "AND decision IS NULL ORDER BY id DESC LIMIT ?",
            (guild_id, limit),
        )
        return [_event(row) for row in rows]


def _event(row: sqlite3.Row) -> ModerationEvent:
    return ModerationEvent(
        id=row["id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        author_id=row["author_id"],
        verdict=row["verdict"],
        rule=row["rule"],
        filters=tuple(json.loads(row["filters"])),
        action=row["action"],
        reason=row["reason"],
        excerpt=row["excerpt"],
        decision=row["decision"],
        decided_by=row["decided_by"],
        created=from_iso_required(row["created"]),
        outcome=row["outcome"],
    )
