"""Use case: the bot's health at a glance, for moderators (/status)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.archive.storage.articles import ArticleRepository
from bot.core.clock import Clock
from bot.feeds.domain import FeedSource
from bot.feeds.service import SourceService
from bot.search.index_manager import IndexManager


@dataclass(frozen=True, slots=True)
class Status:
    articles: int
    passages: int
    indexed_articles: int
    index_written: datetime | None
    failing_sources: list[FeedSource]


class StatusService:
    def __init__(
        self,
        articles: ArticleRepository,
        index: IndexManager,
        sources: SourceService,
        clock: Clock,
        index_path: Path | None,
    ) -> None:
        self._articles = articles
        self._index = index
        self._sources = sources
        self._clock = clock
        self._index_path = index_path

    async def snapshot(self, guild_id: int) -> Status:
        return Status(
            articles=await self._articles.count(),
            passages=await self._articles.passage_count(),
            indexed_articles=self._index.current.article_count,
            index_written=await asyncio.to_thread(self._index_mtime),
            failing_sources=await self._sources.failing(guild_id),
        )

    def _index_mtime(self) -> datetime | None:
        if self._index_path is None:
            return None
        try:
            return datetime.fromtimestamp(self._index_path.stat().st_mtime, tz=UTC)
        except OSError:
            return None
