"""Small facts the bot keeps about itself in the database (command-sync hash, ...)."""

from __future__ import annotations

from bot.core.database import Database


class MetaRepository:
    """Small facts the bot keeps about itself (command-sync hash, ...)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, key: str) -> str | None:
        value = await self._db.fetch_value("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    async def set(self, key: str, value: str) -> None:
        await self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
