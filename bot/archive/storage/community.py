"""The community profile (name, description, rules, moderators) from the seed dump."""

from __future__ import annotations

import json

from bot.archive.domain.seed_dump import CommunityProfile, Rule
from bot.core.database import Database


class CommunityRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self) -> CommunityProfile | None:
        row = await self._db.fetch_one(
            "SELECT name, description, founded, moderators, readers FROM community WHERE id = 1"
        )
        if row is None:
            return None
        rules = await self._db.fetch_all("SELECT number, text FROM rules ORDER BY number")
        return CommunityProfile(
            name=row["name"],
            description=row["description"],
            founded=row["founded"],
            moderators=tuple(json.loads(row["moderators"])),
            readers=row["readers"],
            rules=tuple(Rule(r["number"], r["text"]) for r in rules),
        )

    async def save(self, profile: CommunityProfile) -> None:
        """Replace the profile and its rules in one transaction."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO community (id, name, description, founded, moderators, readers) "
                "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "description = excluded.description, founded = excluded.founded, "
                "moderators = excluded.moderators, readers = excluded.readers",
                (
                    profile.name,
                    profile.description,
                    profile.founded,
                    json.dumps(list(profile.moderators)),
                    profile.readers,
                ),
            )
            await conn.execute("DELETE FROM rules")
            await conn.executemany(
                "INSERT INTO rules (number, text) VALUES (?, ?)",
                [(rule.number, rule.text) for rule in profile.rules],
            )
