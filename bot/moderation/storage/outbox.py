"""The outbox table: alerts and notices waiting to be delivered on Discord."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.core.database import Database
from bot.core.timestamps import from_iso, from_iso_required, to_iso


@dataclass(slots=True)
class OutboxItem:
    """One thing to deliver: an alert to the moderators or a DM to a member."""

    id: int
    guild_id: int
    kind: str  # "alert" | "dm"
    payload: dict[str, Any]
    next_attempt: datetime
    created: datetime
    attempts: int = 0
    delivered: datetime | None = None
    message_id: int | None = None
    last_error: str | None = None
    sending: bool = field(default=False, compare=False)


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def save(self, item: OutboxItem) -> None:
        """Insert or update the item (idempotent, so a queued retry is harmless)."""
        await self._db.execute(
            "INSERT INTO outbox (id, guild_id, kind, payload, attempts, next_attempt, created, "
            "delivered, message_id, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET attempts = excluded.attempts, "
            "next_attempt = excluded.next_attempt, delivered = excluded.delivered, "
            "message_id = excluded.message_id, last_error = excluded.last_error",
            (
                item.id,
                item.guild_id,
                item.kind,
                json.dumps(item.payload, ensure_ascii=False),
                item.attempts,
                to_iso(item.next_attempt),
                to_iso(item.created),
                to_iso(item.delivered),
                item.message_id,
                item.last_error,
            ),
        )

    async def undelivered(self, *, since: datetime) -> list[OutboxItem]:
        rows = await self._db.fetch_all(
            "SELECT * FROM outbox WHERE delivered IS NULL AND created >= ? ORDER BY id",
            (to_iso(since),),
        )
        return [_item(row) for row in rows]


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        guild_id=row["guild_id"],
        kind=row["kind"],
        payload=json.loads(row["payload"]),
        attempts=row["attempts"],
        next_attempt=from_iso_required(row["next_attempt"]),
        created=from_iso_required(row["created"]),
        delivered=from_iso(row["delivered"]),
        message_id=row["message_id"],
        last_error=row["last_error"],
    )
