"""ETag and Last-Modified per fetched feed URL, for conditional GETs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.database import Database
from bot.core.timestamps import to_iso


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None


class FeedStateRepository:
    """ETag / Last-Modified per fetched URL, for conditional GETs."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, url: str) -> FeedState | None:
        row = await self._db.fetch_one(
            "SELECT url, etag, last_modified FROM feed_state WHERE url = ?", (url,)
        )
        return None if row is None else FeedState(row[0], row[1], row[2])

    async def save(self, state: FeedState, *, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO feed_state (url, etag, last_modified, checked) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, checked = excluded.checked",
            (state.url, state.etag, state.last_modified, to_iso(now)),
        )
