"""Per-guild settings in SQLite: declared defaults until a moderator changes something."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import datetime
from typing import Any

from bot.core.database import Database
from bot.core.guild_settings import GuildSettings
from bot.core.timestamps import to_iso

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

    async def exists(self, guild_id: int) -> bool:
        """Whether a moderator ever configured anything for this server."""
        return (
            await self._db.fetch_one("SELECT 1 FROM guild_settings WHERE guild_id = ?", (guild_id,))
            is not None
        )

    async def with_alerts_channel(self) -> list[GuildSettings]:
        rows = await self._db.fetch_all(
            "SELECT guild_id FROM guild_settings WHERE alerts_channel_id IS NOT NULL "
            "ORDER BY guild_id"
        )
        return [await self.get(row[0]) for row in rows]

    async def with_digests_enabled(self) -> list[GuildSettings]:
        rows = await self._db.fetch_all(
            "SELECT guild_id FROM guild_settings WHERE digest_enabled = 1 ORDER BY guild_id"
        )
        return [await self.get(row[0]) for row in rows]
