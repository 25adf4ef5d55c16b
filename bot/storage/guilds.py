"""Per-guild repositories: settings, moderator filters, exemptions and moderation events."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from bot.domain.guild_settings import GuildSettings
from bot.domain.moderation.filters import FilterSpec
from bot.domain.moderation.verdict import Action
from bot.storage.articles import from_iso_required, to_iso
from bot.storage.database import Database

_SETTING_COLUMNS = [f.name for f in fields(GuildSettings)]


def _settings(row: sqlite3.Row) -> GuildSettings:
    values = dict(zip(_SETTING_COLUMNS, row, strict=True))
    values["digest_enabled"] = bool(values["digest_enabled"])
    return GuildSettings(**values)


class GuildSettingsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, guild_id: int) -> GuildSettings:
        """The guild's settings, or the declared defaults when it has none stored."""
        row = await self._db.fetch_one(
            f"SELECT {', '.join(_SETTING_COLUMNS)} FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        )
        return GuildSettings(guild_id) if row is None else _settings(row)

    async def update(self, guild_id: int, *, now: datetime, **changes: Any) -> GuildSettings:
        """Apply validated changes atomically: concurrent updates of other keys are kept."""
        async with self._db.transaction() as conn:
            async with conn.execute(
                f"SELECT {', '.join(_SETTING_COLUMNS)} FROM guild_settings WHERE guild_id = ?",
                (guild_id,),
            ) as cursor:
                row = await cursor.fetchone()
            current = GuildSettings(guild_id) if row is None else _settings(row)
            updated = current.updated(**changes)
            columns = [*_SETTING_COLUMNS, "updated"]
            values = [getattr(updated, c) for c in _SETTING_COLUMNS] + [to_iso(now)]
            assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "guild_id")
            await conn.execute(
                f"INSERT INTO guild_settings ({', '.join(columns)}) VALUES "
                f"({', '.join('?' for _ in columns)}) "
                f"ON CONFLICT (guild_id) DO UPDATE SET {assignments}",
                values,
            )
        return updated

    async def with_digests_enabled(self) -> list[GuildSettings]:
        rows = await self._db.fetch_all(
            "SELECT guild_id FROM guild_settings WHERE digest_enabled = 1 ORDER BY guild_id"
        )
        return [await self.get(row[0]) for row in rows]


@dataclass(frozen=True, slots=True)
class StoredFilter:
    guild_id: int
    spec: FilterSpec
    created_by: int | None
    created: datetime


def _filter(row: sqlite3.Row) -> StoredFilter:
    spec = FilterSpec(
        id=row["id"],
        kind=row["kind"],
        pattern=row["pattern"],
        rule=row["rule"],
        action=Action(row["action"]),
        allow_list=tuple(json.loads(row["allow_list"])),
        shadow=bool(row["shadow"]),
        enabled=bool(row["enabled"]),
        name=row["name"],
    )
    return StoredFilter(row["guild_id"], spec, row["created_by"], from_iso_required(row["created"]))


_CONVERT_IN_THREAD = 200
_FILTER_COLUMNS = (
    "id, guild_id, name, kind, pattern, rule, action, allow_list, shadow, enabled, "
    "created_by, created"
)


class FilterRepository:
    """Moderator filters; every query is scoped to one guild."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def list(self, guild_id: int) -> list[StoredFilter]:
        rows = await self._db.fetch_all(
            f"SELECT {_FILTER_COLUMNS} FROM filters WHERE guild_id = ? ORDER BY id", (guild_id,)
        )
        if len(rows) > _CONVERT_IN_THREAD:
            # Thousands of rows take longer to convert than the event loop may stall.
            return await asyncio.to_thread(lambda: [_filter(row) for row in rows])
        return [_filter(row) for row in rows]

    async def get(self, guild_id: int, filter_id: int) -> StoredFilter | None:
        row = await self._db.fetch_one(
            f"SELECT {_FILTER_COLUMNS} FROM filters WHERE guild_id = ? AND id = ?",
            (guild_id, filter_id),
        )
        return None if row is None else _filter(row)

    async def count(self, guild_id: int) -> int:
        return int(
            await self._db.fetch_value(
                "SELECT count(*) FROM filters WHERE guild_id = ?", (guild_id,)
            )
        )

    async def add(
        self, guild_id: int, spec: FilterSpec, *, created_by: int | None, now: datetime
    ) -> FilterSpec:
        """Store a filter; returns it with its new id."""
        new_id = await self._db.execute(
            "INSERT INTO filters (guild_id, name, kind, pattern, rule, action, allow_list, shadow, "
            "enabled, created_by, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _filter_params(guild_id, spec, created_by, now),
        )
        stored = await self.get(guild_id, new_id)
        assert stored is not None
        return stored.spec

    async def add_many(
        self,
        guild_id: int,
        specs: Sequence[FilterSpec],
        *,
        created_by: int | None,
        now: datetime,
        replace_existing: bool = False,
    ) -> int:
        """Import filters in one transaction (all or nothing)."""
        async with self._db.transaction() as conn:
            if replace_existing:
                await conn.execute("DELETE FROM filters WHERE guild_id = ?", (guild_id,))
            await conn.executemany(
                "INSERT INTO filters (guild_id, name, kind, pattern, rule, action, allow_list, "
                "shadow, enabled, created_by, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_filter_params(guild_id, spec, created_by, now) for spec in specs],
            )
        return len(specs)

    async def remove(self, guild_id: int, filter_id: int) -> bool:
        return (
            await self._db.execute_rowcount(
                "DELETE FROM filters WHERE guild_id = ? AND id = ?", (guild_id, filter_id)
            )
            > 0
        )

    async def set_shadow(self, guild_id: int, filter_id: int, shadow: bool) -> bool:
        return (
            await self._db.execute_rowcount(
                "UPDATE filters SET shadow = ? WHERE guild_id = ? AND id = ?",
                (int(shadow), guild_id, filter_id),
            )
            > 0
        )


def _filter_params(
    guild_id: int, spec: FilterSpec, created_by: int | None, now: datetime
) -> tuple[object, ...]:
    return (
        guild_id,
        spec.name,
        spec.kind,
        spec.pattern,
        spec.rule,
        spec.action.value,
        json.dumps(list(spec.allow_list), ensure_ascii=False),
        int(spec.shadow),
        int(spec.enabled),
        created_by,
        to_iso(now),
    )


@dataclass(frozen=True, slots=True)
class Exemption:
    target_id: int
    target_type: str  # "role" or "channel"


class ExemptionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def list(self, guild_id: int) -> list[Exemption]:
        rows = await self._db.fetch_all(
            "SELECT target_id, target_type FROM exemptions WHERE guild_id = ? ORDER BY target_id",
            (guild_id,),
        )
        return [Exemption(row[0], row[1]) for row in rows]

    async def toggle(self, guild_id: int, target_id: int, target_type: str) -> bool:
        """Add the exemption, or remove it if present; returns whether it is now exempt."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM exemptions WHERE guild_id = ? AND target_id = ?", (guild_id, target_id)
            )
            if cursor.rowcount:
                return False
            await conn.execute(
                "INSERT INTO exemptions (guild_id, target_id, target_type) VALUES (?, ?, ?)",
                (guild_id, target_id, target_type),
            )
            return True


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


class ModerationEventRepository:
    """Every verdict other than allow, and the moderator's decision on it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(
        self,
        *,
        guild_id: int,
        channel_id: int,
        message_id: int,
        author_id: int,
        verdict: str,
        rule: int | None,
        filters: Sequence[str],
        action: str,
        reason: str,
        excerpt: str,
        now: datetime,
    ) -> int:
        return await self._db.execute(
            "INSERT INTO moderation_events (guild_id, channel_id, message_id, author_id, verdict, "
            "rule, filters, action, reason, excerpt, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guild_id,
                channel_id,
                message_id,
                author_id,
                verdict,
                rule,
                json.dumps(list(filters), ensure_ascii=False),
                action,
                reason,
                excerpt,
                to_iso(now),
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
    )
