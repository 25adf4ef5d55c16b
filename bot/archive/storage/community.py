"""Repositories for the community profile and feed fetch state (conditional GETs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bot.archive.domain.seed_dump import CommunityProfile, Rule
from bot.core.database import Database
from bot.core.timestamps import to_iso


class CommunityRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self) -> CommunityProfile | None:
        row = await self._db.fetch_one(
            "SELECT name, description, founded, moderators FROM community WHERE id = 1"
        )
        if row is None:
            return None
        rules = await self._db.fetch_all("SELECT number, text FROM rules ORDER BY number")
        return CommunityProfile(
            name=row["name"],
            description=row["description"],
            founded=row["founded"],
            moderators=tuple(json.loads(row["moderators"])),
            rules=tuple(Rule(r["number"], r["text"]) for r in rules),
        )

    async def save(self, profile: CommunityProfile) -> None:
        """Replace the profile and its rules in one transaction."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO community (id, name, description, founded, moderators) "
                "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "description = excluded.description, founded = excluded.founded, "
                "moderators = excluded.moderators",
                (
                    profile.name,
                    profile.description,
                    profile.founded,
                    json.dumps(list(profile.moderators)),
                ),
            )
            await conn.execute("DELETE FROM rules")
            await conn.executemany(
                "INSERT INTO rules (number, text) VALUES (?, ?)",
                [(rule.number, rule.text) for rule in profile.rules],
            )


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
