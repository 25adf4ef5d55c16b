"""Digest runs: the claim that makes a week's digest post exactly once per guild."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.database import Database
from bot.core.timestamps import from_iso, from_iso_required, to_iso

# A claim older than this belongs to a process that died between claiming and posting.
STALE_CLAIM = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class DigestRun:
    id: int
    guild_id: int
    week: str
    status: str  # claimed, posted, failed, empty
    trigger: str
    claimed: datetime
    posted: datetime | None
    channel_id: int | None
    message_ids: tuple[int, ...]
    attempts: int
    error: str | None


def _run(row: sqlite3.Row) -> DigestRun:
    return DigestRun(
        id=row["id"],
        guild_id=row["guild_id"],
        week=row["week"],
        status=row["status"],
        trigger=row["trigger"],
        claimed=from_iso_required(row["claimed"]),
        posted=from_iso(row["posted"]),
        channel_id=row["channel_id"],
        message_ids=tuple(json.loads(row["message_ids"])),
        attempts=row["attempts"],
        error=row["error"],
    )


class DigestRunRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, guild_id: int, week: str) -> DigestRun | None:
        row = await self._db.fetch_one(
            "SELECT * FROM digest_runs WHERE guild_id = ? AND week = ?", (guild_id, week)
        )
        return None if row is None else _run(row)

    async def claim(
        self,
        guild_id: int,
        week: str,
        *,
        trigger: str,
        channel_id: int | None,
        now: datetime,
        force: bool = False,
    ) -> DigestRun | None:
        """Take the right to post this guild's week; None when someone else has it or it is done.

        Atomic in SQLite, so two processes (or a schedule and a manual post) cannot both win. A
        failed run, or a claim gone stale, can be claimed again; a posted week only with ``force``
        (a moderator confirmed a re-post).
        """
        stale_before = to_iso(now - STALE_CLAIM)
        reclaimable = "status IN ('failed', 'empty') OR (status = 'claimed' AND claimed < ?)"
        params: list[object] = [stale_before]
        if force:
            reclaimable += " OR status = 'posted'"
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO digest_runs (guild_id, week, status, trigger, claimed, channel_id) "
                "VALUES (?, ?, 'claimed', ?, ?, ?) ON CONFLICT (guild_id, week) DO NOTHING",
                (guild_id, week, trigger, to_iso(now), channel_id),
            )
            if cursor.rowcount == 0:
                cursor = await conn.execute(
                    "UPDATE digest_runs SET status = 'claimed', trigger = ?, claimed = ?, "
                    f"channel_id = ?, error = NULL WHERE guild_id = ? AND week = ? AND ({reclaimable})",
                    (trigger, to_iso(now), channel_id, guild_id, week, *params),
                )
                if cursor.rowcount == 0:
                    return None
        return await self.get(guild_id, week)

    async def mark_posted(
        self, run_id: int, *, message_ids: list[int], channel_id: int, now: datetime
    ) -> None:
        await self._db.execute(
            "UPDATE digest_runs SET status = 'posted', posted = ?, message_ids = ?, channel_id = ?, "
            "attempts = attempts + 1, error = NULL WHERE id = ?",
            (to_iso(now), json.dumps(message_ids), channel_id, run_id),
        )

    async def mark_failed(self, run_id: int, *, error: str, attempts: int) -> None:
        await self._db.execute(
            "UPDATE digest_runs SET status = 'failed', error = ?, attempts = attempts + ? "
            "WHERE id = ?",
            (error[:1000], attempts, run_id),
        )

    async def mark_empty(self, run_id: int) -> None:
        await self._db.execute("UPDATE digest_runs SET status = 'empty' WHERE id = ?", (run_id,))

    async def history(self, guild_id: int, limit: int = 8) -> list[DigestRun]:
        rows = await self._db.fetch_all(
            "SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY week DESC LIMIT ?",
            (guild_id, limit),
        )
        return [_run(row) for row in rows]

    async def failed_since(self, since_week: str) -> list[DigestRun]:
        rows = await self._db.fetch_all(
            "SELECT * FROM digest_runs WHERE status = 'failed' AND week >= ? ORDER BY guild_id",
            (since_week,),
        )
        return [_run(row) for row in rows]
