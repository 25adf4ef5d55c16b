"""Repository of followed feeds: per-guild sources, their polling state and the items they saw."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.core.database import Database
from bot.core.timestamps import from_iso, from_iso_required, to_iso
from bot.feeds.domain import FeedSource

# A key not in the feed for this long is forgotten; the table stays the size of the feeds.
SEEN_RETENTION = timedelta(days=30)

_COLUMNS = (
    "id, guild_id, url, label, interval_minutes, announce_channel_id, enabled, etag, "
    "last_modified, last_polled, last_success, last_error, last_error_at, consecutive_failures, "
    "next_poll, alerted, primed, created_by, created"
)


class SourceExistsError(ValueError):
    """The guild already follows this URL."""

    def __init__(self, existing: FeedSource) -> None:
        super().__init__(
            f"This server already follows {existing.url} as “{existing.label}” (#{existing.id})."
        )
        self.existing = existing


def _source(row: sqlite3.Row) -> FeedSource:
    return FeedSource(
        id=row["id"],
        guild_id=row["guild_id"],
        url=row["url"],
        label=row["label"],
        interval_minutes=row["interval_minutes"],
        announce_channel_id=row["announce_channel_id"],
        enabled=bool(row["enabled"]),
        created=from_iso_required(row["created"]),
        next_poll=from_iso_required(row["next_poll"]),
        created_by=row["created_by"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled=from_iso(row["last_polled"]),
        last_success=from_iso(row["last_success"]),
        last_error=row["last_error"],
        last_error_at=from_iso(row["last_error_at"]),
        consecutive_failures=row["consecutive_failures"],
        alerted=bool(row["alerted"]),
        primed=bool(row["primed"]),
    )


class SourceRepository:
    """Sources per guild; every method returns FeedSource dataclasses, never rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self,
        *,
        guild_id: int,
        url: str,
        label: str,
        interval_minutes: int,
        announce_channel_id: int | None,
        created_by: int | None,
        now: datetime,
    ) -> FeedSource:
        """Store a new source, due at once; SourceExistsError when the guild follows the URL."""
        existing = await self.find_by_url(guild_id, url)
        if existing is not None:
            raise SourceExistsError(existing)
        try:
            source_id = await self._db.execute(
                "INSERT INTO sources (guild_id, url, label, interval_minutes, announce_channel_id, "
                "enabled, next_poll, created_by, created) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                (
                    guild_id,
                    url,
                    label,
                    interval_minutes,
                    announce_channel_id,
                    to_iso(now),
                    created_by,
                    to_iso(now),
                ),
            )
        except sqlite3.IntegrityError:
            # Another command added the same URL between the check and the insert.
            raced = await self.find_by_url(guild_id, url)
            if raced is None:
                raise
            raise SourceExistsError(raced) from None
        stored = await self.get(source_id)
        assert stored is not None
        return stored

    async def get(self, source_id: int) -> FeedSource | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM sources WHERE id = ?", (source_id,))
        return None if row is None else _source(row)

    async def find_by_url(self, guild_id: int, url: str) -> FeedSource | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM sources WHERE guild_id = ? AND url = ?", (guild_id, url)
        )
        return None if row is None else _source(row)

    async def list_for_guild(self, guild_id: int) -> list[FeedSource]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM sources WHERE guild_id = ? ORDER BY id", (guild_id,)
        )
        return [_source(row) for row in rows]

    async def count_for_guild(self, guild_id: int) -> int:
        value = await self._db.fetch_value(
            "SELECT count(*) FROM sources WHERE guild_id = ?", (guild_id,)
        )
        return int(value or 0)

    async def enabled(self) -> list[FeedSource]:
        """Every enabled source of every guild (the scheduler's jobs)."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM sources WHERE enabled = 1 ORDER BY id"
        )
        return [_source(row) for row in rows]

    async def due(self, now: datetime) -> list[FeedSource]:
        """Enabled sources whose next poll is not in the future, the most overdue first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM sources WHERE enabled = 1 AND next_poll <= ? "
            "ORDER BY next_poll, id",
            (to_iso(now),),
        )
        return [_source(row) for row in rows]

    async def remove(self, guild_id: int, source_id: int) -> bool:
        """Delete the guild's source (its seen items go with it); False when there is none."""
        count = await self._db.execute_rowcount(
            "DELETE FROM sources WHERE id = ? AND guild_id = ?", (source_id, guild_id)
        )
        return count > 0

    async def set_enabled(
        self, guild_id: int, source_id: int, enabled: bool, *, next_poll: datetime | None = None
    ) -> FeedSource | None:
        """Pause or resume; resuming may move the next poll (a paused feed is polled at once)."""
        if next_poll is None:
            count = await self._db.execute_rowcount(
                "UPDATE sources SET enabled = ? WHERE id = ? AND guild_id = ?",
                (int(enabled), source_id, guild_id),
            )
        else:
            count = await self._db.execute_rowcount(
                "UPDATE sources SET enabled = ?, next_poll = ? WHERE id = ? AND guild_id = ?",
                (int(enabled), to_iso(next_poll), source_id, guild_id),
            )
        return await self.get(source_id) if count else None

    async def seen_keys(self, source_id: int) -> set[str]:
        rows = await self._db.fetch_all(
            "SELECT item_key FROM source_items WHERE source_id = ?", (source_id,)
        )
        return {str(row[0]) for row in rows}

    async def save_poll(
        self, source: FeedSource, *, seen: Iterable[str] = (), now: datetime | None = None
    ) -> bool:
        """Store the polling state, and the item keys in the feed now, in one transaction.

        Only state columns are written: a pause or an edit made while the poll ran is kept.
        Returns False when the source was removed meanwhile.
        """
        keys = sorted(set(seen))
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE sources SET etag = ?, last_modified = ?, last_polled = ?, "
                "last_success = ?, last_error = ?, last_error_at = ?, consecutive_failures = ?, "
                "next_poll = ?, alerted = ?, primed = ? WHERE id = ?",
                (
                    source.etag,
                    source.last_modified,
                    to_iso(source.last_polled),
                    to_iso(source.last_success),
                    source.last_error,
                    to_iso(source.last_error_at),
                    source.consecutive_failures,
                    to_iso(source.next_poll),
                    int(source.alerted),
                    int(source.primed),
                    source.id,
                ),
            )
            exists = cursor.rowcount > 0
            await cursor.close()
            if exists and keys and now is not None:
                stamp = to_iso(now)
                await conn.executemany(
                    "INSERT INTO source_items (source_id, item_key, seen) VALUES (?, ?, ?) "
                    "ON CONFLICT (source_id, item_key) DO UPDATE SET seen = excluded.seen",
                    [(source.id, key, stamp) for key in keys],
                )
                await conn.execute(
                    "DELETE FROM source_items WHERE source_id = ? AND seen < ?",
                    (source.id, to_iso(now - SEEN_RETENTION)),
                )
        return exists
