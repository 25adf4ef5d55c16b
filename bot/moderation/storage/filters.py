"""Moderators' filters of one guild, stored as validated specs."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.database import Database
from bot.core.timestamps import from_iso_required, to_iso
from bot.moderation.domain.filters import FilterSpec
from bot.moderation.domain.verdict import Action


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
