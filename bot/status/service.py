"""Use case: the bot's health at a glance, for moderators (/status)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.archive.storage.articles import ArticleRepository
from bot.core.clock import Clock
from bot.core.database import Database, DatabaseError
from bot.core.storage_health import StorageFault
from bot.feeds.domain import FeedSource
from bot.feeds.service import SourceService
from bot.moderation.service import ModerationService
from bot.search.index_manager import IndexManager


@dataclass(frozen=True, slots=True)
class Status:
    articles: int | None  # None: the database could not be read
    passages: int | None
    indexed_articles: int
    index_written: datetime | None
    failing_sources: list[FeedSource]
    storage: StorageFault | None = None
    unwritten_events: int = 0
    undelivered: int = 0
    undecided_flags: int = 0


class StatusService:
    def __init__(
        self,
        articles: ArticleRepository,
        index: IndexManager,
        sources: SourceService,
        clock: Clock,
        index_path: Path | None,
        *,
        db: Database | None = None,
        moderation: ModerationService | None = None,
    ) -> None:
        self._db = db
        self._moderation = moderation
        self._articles = articles
        self._index = index
        self._sources = sources
        self._clock = clock
        self._index_path = index_path

    async def snapshot(self, guild_id: int) -> Status:
        # /status is what a moderator opens when something is wrong: it must answer anyway.
        try:
            articles: int | None = await self._articles.count()
            passages: int | None = await self._articles.passage_count()
            failing = await self._sources.failing(guild_id)
        except DatabaseError:
            articles = passages = None
            failing = []
        pending = await self._moderation.pending(guild_id) if self._moderation else None
        return Status(
            articles=articles,
            passages=passages,
            indexed_articles=self._index.current.article_count,
            index_written=await asyncio.to_thread(self._index_mtime),
            failing_sources=failing,
            storage=self._db.health.fault if self._db else None,
            unwritten_events=pending.unwritten_events if pending else 0,
            undelivered=len(pending.undelivered) if pending else 0,
            undecided_flags=len(pending.undecided) if pending else 0,
        )

    def check_storage(self) -> None:
        """Notice a database file removed or replaced under the running bot (call on a timer)."""
        if self._db is not None:
            self._db.check_identity()

    def _index_mtime(self) -> datetime | None:
        if self._index_path is None:
            return None
        try:
            return datetime.fromtimestamp(self._index_path.stat().st_mtime, tz=UTC)
        except OSError:
            return None
