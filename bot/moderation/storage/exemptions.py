"""Roles and channels a guild exempts from moderation."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.database import Database


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
