"""Use cases of followed feeds: add (validated by one fetch), list, pause, remove, and poll.

A poll is a conditional GET (a 304 costs nothing), parsing in a worker thread, ingestion through
IngestService (so new items are de-duplicated and searchable at once), then announcements of the
items this source had not seen. A failing source backs off and is reported to the moderators once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from bot.archive.domain.articles import Article
from bot.archive.ingest import IngestService
from bot.archive.readers.base import SourceError
from bot.archive.readers.feeds import FeedFetcher, FetchResult, parse_feed_async
from bot.core.clock import Clock
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.feeds.domain import (
    DEFAULT_ANNOUNCE_LIMIT,
    MAX_SOURCES_PER_GUILD,
    FeedSource,
    PollOutcome,
    SourceValidationError,
    announceable,
    cap_announcements,
    default_label,
    item_key,
    new_items,
    record_failure,
    record_success,
    validate_interval,
    validate_label,
    validate_url,
)
from bot.feeds.preview import FeedPreview, read_preview
from bot.feeds.storage import SourceExistsError, SourceRepository
from bot.feeds.types import (
    AddResult,
    LoggingAnnouncer,
    PollResult,
    SourceAnnouncer,
    SourceProblem,
)

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_V = TypeVar("_V")

# Polls of different sources run side by side, but not all at once on a 2-core host.
MAX_CONCURRENT_POLLS = 4

__all__ = [
    "AddResult",
    "LoggingAnnouncer",
    "PollResult",
    "SourceAnnouncer",
    "SourceListener",
    "SourceProblem",
    "SourceService",
]

SourceListener = Callable[[int, FeedSource | None], None]
"""Told (source id, the source now or None when removed) after every change and every poll."""


class SourceService:
    """Per-guild followed feeds over a repository, the ingest service and a fetcher factory."""

    def __init__(
        self,
        repo: SourceRepository,
        ingest: IngestService,
        clock: Clock,
        *,
        fetcher_factory: Callable[[], FeedFetcher] = FeedFetcher,
        announcer: SourceAnnouncer | None = None,
        announce_limit: int = DEFAULT_ANNOUNCE_LIMIT,
        guild_settings: GuildSettingsRepository | None = None,
    ) -> None:
        self._repo = repo
        self._guild_settings = guild_settings
        self._ingest = ingest
        self._clock = clock
        self._fetcher_factory = fetcher_factory
        self._announcer: SourceAnnouncer = announcer or LoggingAnnouncer()
        self._announce_limit = announce_limit
        self._listeners: list[SourceListener] = []
        # A scheduled poll and /source poll of the same feed must not interleave.
        self._locks: dict[int, asyncio.Lock] = {}

    def set_announcer(self, announcer: SourceAnnouncer) -> None:
        self._announcer = announcer

    async def alerts_channel(self, guild_id: int) -> int | None:
        """The guild's moderator alerts channel, for feed failures (None when unset)."""
        if self._guild_settings is None:
            return None
        return (await self._guild_settings.get(guild_id)).alerts_channel_id

    def add_listener(self, listener: SourceListener) -> None:
        self._listeners.append(listener)

    # -- commands ---------------------------------------------------------------------------------

    async def preview(self, url: str) -> FeedPreview:
        """Fetch and parse ``url`` once: its title and item count, or SourceProblem saying why not."""
        url = _valid(validate_url, url)
        try:
            async with self._fetcher_factory() as fetcher:
                fetched = await fetcher.fetch(url)
            return await read_preview(fetched, now=self._clock.now())
        except SourceError as exc:
            raise SourceProblem(
                f"Could not read a feed at {url}: {_reason(exc, url)}. Check that the address opens "
                "in a browser and is an RSS or Atom feed (a Lemmy community's is /feeds/c/NAME.xml)."
            ) from None

    async def add(
        self,
        guild_id: int,
        url: str,
        *,
        label: str | None = None,
        announce_channel_id: int | None = None,
        interval_minutes: int | None = None,
        created_by: int | None = None,
        preview: FeedPreview | None = None,
    ) -> AddResult:
        """Validate, fetch once (or reuse ``preview``), save, and prime the source from that fetch.

        The feed's current items are indexed and marked as seen, so nothing is announced until
        something new is published.
        """
        url = _valid(validate_url, url)
        interval = _valid(validate_interval, interval_minutes)
        if label is not None:
            label = _valid(validate_label, label)
        existing = await self._repo.find_by_url(guild_id, url)
        if existing is not None:
            raise SourceProblem(str(SourceExistsError(existing)))
        if await self._repo.count_for_guild(guild_id) >= MAX_SOURCES_PER_GUILD:
            raise SourceProblem(
                f"This server already follows {MAX_SOURCES_PER_GUILD} feeds, the most it can; "
                "remove one with /source remove first."
            )
        if preview is None or preview.url != url:
            preview = await self.preview(url)
        try:
            source = await self._repo.add(
                guild_id=guild_id,
                url=url,
                label=label or default_label(preview.title, url),
                interval_minutes=interval,
                announce_channel_id=announce_channel_id,
                created_by=created_by,
                now=self._clock.now(),
            )
        except SourceExistsError as exc:
            raise SourceProblem(str(exc)) from None
        async with self._lock(source.id):
            first = await self._process(source, preview.fetched)
        self._notify(source.id, first.source)
        return AddResult(first.source or source, preview, first)

    async def remove(self, guild_id: int, source_id: int) -> FeedSource:
        source = await self.get(guild_id, source_id)
        await self._repo.remove(guild_id, source_id)
        self._locks.pop(source_id, None)
        self._notify(source_id, None)
        return source

    async def pause(self, guild_id: int, source_id: int) -> FeedSource:
        await self.get(guild_id, source_id)
        paused = await self._repo.set_enabled(guild_id, source_id, False)
        return self._changed(source_id, paused)

    async def resume(self, guild_id: int, source_id: int) -> FeedSource:
        """Enable again and poll at the next chance; the failure count is kept until a success."""
        await self.get(guild_id, source_id)
        resumed = await self._repo.set_enabled(
            guild_id, source_id, True, next_poll=self._clock.now()
        )
        return self._changed(source_id, resumed)

    async def list_sources(self, guild_id: int) -> list[FeedSource]:
        return await self._repo.list_for_guild(guild_id)

    async def get(self, guild_id: int, source_id: int) -> FeedSource:
        source = await self._repo.get(source_id)
        if source is None or source.guild_id != guild_id:
            raise SourceProblem(
                f"This server has no source #{source_id}; /source list shows the ones it follows."
            )
        return source

    async def enabled_sources(self) -> list[FeedSource]:
        """Every guild's enabled sources (the scheduler's jobs)."""
        return await self._repo.enabled()

    async def failing(self, guild_id: int) -> list[FeedSource]:
        """The guild's enabled sources whose last poll failed (for /status)."""
        return [
            s for s in await self.list_sources(guild_id) if s.enabled and s.consecutive_failures
        ]

    # -- polling ----------------------------------------------------------------------------------

    async def poll(
        self, source_id: int, *, force: bool = True, fetcher: FeedFetcher | None = None
    ) -> PollResult:
        """Poll one source now (``force``) or only if it is enabled and due (scheduled jobs)."""
        async with self._lock(source_id):
            source = await self._repo.get(source_id)
            if source is None:
                return PollResult(source_id, "missing", error="the source was removed")
            now = self._clock.now()
            if not force and not source.is_due(now):
                reason = "paused" if not source.enabled else "not due yet"
                return PollResult(source_id, "skipped", source.label, error=reason, source=source)
            try:
                fetched = await self._fetch(source, fetcher)
            except SourceError as exc:
                result = await self._fail(source, _reason(exc, source.url))
            else:
                result = await self._process(source, fetched)
        self._notify(source_id, result.source)
        return result

    async def poll_due(self) -> list[PollResult]:
        """Poll every enabled source that is due, a few at a time, each failing on its own."""
        due = await self._repo.due(self._clock.now())
        if not due:
            return []
        gate = asyncio.Semaphore(MAX_CONCURRENT_POLLS)
        async with self._fetcher_factory() as fetcher:

            async def one(source: FeedSource) -> PollResult:
                async with gate:
                    return await self.poll(source.id, force=False, fetcher=fetcher)

            return list(await asyncio.gather(*(one(source) for source in due)))

    async def _fetch(self, source: FeedSource, shared: FeedFetcher | None) -> FetchResult:
        # Until the first poll worked there is nothing to compare with: fetch the whole feed.
        etag = source.etag if source.primed else None
        modified = source.last_modified if source.primed else None
        if shared is not None:
            return await shared.fetch(source.url, etag=etag, last_modified=modified)
        async with self._fetcher_factory() as fetcher:
            return await fetcher.fetch(source.url, etag=etag, last_modified=modified)

    async def _process(self, source: FeedSource, fetched: FetchResult) -> PollResult:
        now = self._clock.now()
        if fetched.not_modified:
            outcome = record_success(source, now)
            stored = await self._save(outcome.source)
            result = PollResult(source.id, "not_modified", source.label, source=stored)
            await self._send_alert(outcome, result)
            return result
        try:
            batch = await parse_feed_async(fetched.body, source.url, now=now, source=source.label)
        except SourceError as exc:
            return await self._fail(source, _reason(exc, source.url))
        try:
            report = await self._ingest.ingest_articles(
                batch.articles, location=f"{source.label} ({source.url})"
            )
        except Exception as exc:
            # Our storage broke, not the feed: no backoff, no seen marks; the next poll retries.
            log.exception("storing the items of source %s failed", source.id)
            return PollResult(source.id, "error", source.label, error=str(exc), source=source)
        fresh: list[Article] = []
        if source.primed:
            fresh = new_items(batch.articles, await self._repo.seen_keys(source.id))
        outcome = record_success(
            replace(source, etag=fetched.etag, last_modified=fetched.last_modified, primed=True),
            now,
        )
        # Seen marks are saved before announcing: a crash mid-announcement loses a post at worst,
        # it never posts one twice.
        stored = await self._save(outcome.source, {item_key(a) for a in batch.articles}, now)
        result = PollResult(
            source.id,
            "ok" if source.primed else "primed",
            source.label,
            items=len(batch.articles),
            added=report.added,
            updated=report.updated,
            new_items=len(fresh),
            problems=[str(problem) for problem in batch.problems],
            source=stored,
        )
        if stored is not None:  # not removed while this poll ran
            await self._announce(source, announceable(fresh, source.created), result)
        await self._send_alert(outcome, result)
        return result

    async def _fail(self, source: FeedSource, reason: str) -> PollResult:
        outcome = record_failure(source, self._clock.now(), reason)
        stored = await self._save(outcome.source)
        log.warning(
            "source %s (%s) failed %d time(s): %s",
            source.id,
            source.url,
            outcome.source.consecutive_failures,
            reason,
        )
        result = PollResult(source.id, "failed", source.label, error=reason, source=stored)
        await self._send_alert(outcome, result)
        return result

    async def _save(
        self, source: FeedSource, seen: set[str] | None = None, now: datetime | None = None
    ) -> FeedSource | None:
        """Store the state; the source as stored (times at storage precision), None if removed."""
        if not await self._repo.save_poll(source, seen=seen or (), now=now):
            return None
        return await self._repo.get(source.id)

    async def _announce(
        self, source: FeedSource, articles: list[Article], result: PollResult
    ) -> None:
        if source.announce_channel_id is None or not articles:
            return
        shown, more = cap_announcements(articles, self._announce_limit)
        try:
            await self._announcer.announce(source.announce_channel_id, shown, more)
        except Exception:
            # A missing permission in one channel must not turn into a feed failure.
            log.exception("announcing new items of source %s failed", source.id)
            return
        result.announced, result.more = shown, more

    async def _send_alert(self, outcome: PollOutcome, result: PollResult) -> None:
        if outcome.alert is None:
            return
        result.alert = outcome.alert
        try:
            await self._announcer.alert(outcome.source.guild_id, outcome.alert)
        except Exception:
            log.exception("alerting guild %s failed", outcome.source.guild_id)

    # -- helpers ----------------------------------------------------------------------------------

    def _lock(self, source_id: int) -> asyncio.Lock:
        return self._locks.setdefault(source_id, asyncio.Lock())

    def _changed(self, source_id: int, source: FeedSource | None) -> FeedSource:
        if source is None:  # removed between the check and the update
            raise SourceProblem(f"Source #{source_id} was removed meanwhile.")
        self._notify(source_id, source)
        return source

    def _notify(self, source_id: int, source: FeedSource | None) -> None:
        for listener in self._listeners:
            try:
                listener(source_id, source)
            except Exception:
                log.exception("a source listener failed for source %s", source_id)


def _valid(check: Callable[[_V], _T], value: _V) -> _T:
    try:
        return check(value)
    except SourceValidationError as exc:
        raise SourceProblem(str(exc)) from None


def _reason(exc: SourceError, url: str) -> str:
    """The fetcher's message without the URL it starts with (the caller names the source)."""
    text = str(exc)
    prefix = f"{url}: "
    return text[len(prefix) :] if text.startswith(prefix) else text
