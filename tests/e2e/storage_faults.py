"""Storage faults made with SQLite itself on the bot's real connection (no privileges needed).

- a full disk: the database may not grow (``PRAGMA max_page_count``) and the tables the bot writes
  on a verdict have no room left, so the next insert fails with SQLITE_FULL, as on a full disk;
- a read-only database: ``PRAGMA query_only`` makes every write fail with SQLITE_READONLY.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import aiosqlite

UNLIMITED_PAGES = 1_073_741_823
# The tables a verdict writes, and a filler row for each (guild 0 is no real server).
_FILLERS = {
    "moderation_events": (
        "INSERT INTO moderation_events (guild_id, channel_id, message_id, author_id, verdict, "
        "rule, filters, action, reason, excerpt, created) "
        "VALUES (0, 0, 0, 0, 'flag', 2, '[]', 'flag', 'filler', ?, '2000-01-01T00:00:00+00:00')"
    ),
    "outbox": (
        "INSERT INTO outbox (guild_id, kind, payload, next_attempt, created, delivered) "
        "VALUES (0, 'alert', ?, '2000-01-01T00:00:00+00:00', '2000-01-01T00:00:00+00:00', "
        "'2000-01-01T00:00:00+00:00')"
    ),
}


class FaultyStorage:
    """Pass as ``on_connect``: keeps the bot's connection so a test can break it later."""

    def __init__(self) -> None:
        self.conn: aiosqlite.Connection | None = None

    async def __call__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def _execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        assert self.conn is not None, "the bot has not connected"
        async with self.conn.execute(sql, params) as cursor:
            await cursor.fetchall()

    async def fill_disk(self) -> None:
        assert self.conn is not None
        async with self.conn.execute("PRAGMA page_count") as cursor:
            row = await cursor.fetchone()
        assert row is not None
        await self._execute(f"PRAGMA max_page_count = {row[0]}")
        for sql in _FILLERS.values():
            for size in (4000, 1000, 200, 20, 0):
                try:
                    while True:
                        await self._execute(sql, ("x" * size,))
                except sqlite3.OperationalError as exc:
                    assert "full" in str(exc), exc

    async def free_disk(self) -> None:
        await self._execute(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")
        await self._execute("DELETE FROM moderation_events WHERE guild_id = 0")
        await self._execute("DELETE FROM outbox WHERE guild_id = 0")

    async def make_read_only(self) -> None:
        await self._execute("PRAGMA query_only = 1")

    async def make_writable(self) -> None:
        await self._execute("PRAGMA query_only = 0")
