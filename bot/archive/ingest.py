"""Use case: bring articles into the archive, de-duplicated, with passages, indexed at once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.near_duplicates import NearDuplicateIndex, is_near_duplicate, simhash
from bot.archive.domain.passages import split_passages
from bot.archive.readers.base import SourceBatch, SourceError
from bot.archive.readers.feeds import FeedFetcher, parse_feed_async
from bot.archive.readers.local import read_path
from bot.archive.storage.articles import ArticleKey, ArticleRepository, StoredArticle
from bot.archive.storage.community import CommunityRepository
from bot.archive.storage.feed_state import FeedState, FeedStateRepository
from bot.core.clock import Clock, ProgressCallback

log = logging.getLogger(__name__)

BATCH_SIZE = 500
NewArticlesHook = Callable[[Sequence[Article], Sequence[Passage]], Awaitable[None]]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did; ``errors`` name the file and line (or URL) of every problem."""

    added: int = 0
    updated: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    not_modified: int = 0
    errors: list[str] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)
    unreadable: int = 0  # inputs (files, URLs) that could not be read at all

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.duplicates += other.duplicates
        self.near_duplicates += other.near_duplicates
        self.not_modified += other.not_modified
        self.errors.extend(other.errors)
        self.added_ids.extend(other.added_ids)
        self.unreadable += other.unreadable

    def summary(self) -> str:
        parts = [
            f"{self.added} added",
            f"{self.updated} updated",
            f"{self.duplicates} duplicates",
            f"{self.near_duplicates} near-duplicates",
            f"{len(self.errors)} errors",
        ]
        if self.not_modified:
            parts.append(f"{self.not_modified} feeds not modified")
        return ", ".join(parts)


class _Dedup:
    """The archive's identities, loaded once per ingest and kept current as batches are written."""

    def __init__(self, keys: Iterable[ArticleKey], duplicate_hashes: set[str]) -> None:
        self.by_id: dict[str, ArticleKey] = {}
        self.by_guid: dict[tuple[str, str], str] = {}
        self.by_url: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.duplicate_hashes = set(duplicate_hashes)
        self.near = NearDuplicateIndex()
        for key in keys:
            self.remember(key)

    def remember(self, key: ArticleKey) -> None:
        self.by_id[key.id] = key
        if key.guid:
            self.by_guid[(key.source, key.guid)] = key.id
        if key.url:
            self.by_url.setdefault(key.url, key.id)
        self.by_hash.setdefault(key.content_hash, key.id)
        self.near.add(key.id, key.simhash)

    def existing_id(self, article: Article) -> str | None:
        """The stored article this one is (same id, GUID or link), whatever its content now."""
        if article.id in self.by_id:
            return article.id
        if article.guid and (found := self.by_guid.get((article.source, article.guid))):
            return found
        if article.url and (found := self.by_url.get(article.url)):
            return found
        return None

    def is_edit_of(self, article: Article, existing: str) -> bool:
        """Whether a differing body is an edit of ``existing`` (same item) or another item that
        links the same page (both have GUIDs, and they differ): then the first one stays."""
        stored = self.by_id[existing]
        if existing == article.id or not (article.guid and stored.guid):
            return True
        return (stored.source, stored.guid) == (article.source, article.guid)


class IngestService:
    """Reads inputs, de-duplicates (id, GUID, link, content hash, near-duplicate) and stores."""

    def __init__(
        self,
        articles: ArticleRepository,
        community: CommunityRepository,
        feed_state: FeedStateRepository,
        clock: Clock,
        *,
        fetcher_factory: Callable[[], FeedFetcher] = FeedFetcher,
        on_new_articles: NewArticlesHook | None = None,
    ) -> None:
        self._articles = articles
        self._community = community
        self._feed_state = feed_state
        self._clock = clock
        self._fetcher_factory = fetcher_factory
        self._on_new_articles = on_new_articles
        # Two ingests at once would both see an article as new; one at a time keeps dedup exact.
        self._lock = asyncio.Lock()

    def set_new_articles_hook(self, hook: NewArticlesHook | None) -> None:
        self._on_new_articles = hook

    async def ingest(
        self, targets: Sequence[str], *, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Ingest paths (files, directories) and feed URLs; a bad target is an error, not a crash."""
        report = IngestReport()
        async with self._lock:
            dedup = _Dedup(
                await self._articles.keys(), await self._articles.known_duplicate_hashes()
            )
            async with self._fetcher_factory() as fetcher:
                for target in targets:
                    try:
                        batches = await self._read_target(target, fetcher)
                    except SourceError as exc:
                        report.errors.append(str(exc))
                        report.unreadable += 1
                        continue
                    for batch in batches:
                        report.merge(await self._store_batch(batch, dedup, progress))
        return report

    async def ingest_articles(
        self, articles: Sequence[Article], *, location: str = "input"
    ) -> IngestReport:
        """Ingest articles already read (feeds polled by the bot, tests)."""
        async with self._lock:
            dedup = _Dedup(
                await self._articles.keys(), await self._articles.known_duplicate_hashes()
            )
            batch = SourceBatch(location=location, articles=list(articles))
            return await self._store_batch(batch, dedup, None)

    async def ensure_seeded(self, seeds_dir: Path) -> IngestReport | None:
        """On an empty archive, ingest ``seeds_dir`` so every command has content out of the box."""
        if await self._articles.count() > 0:
            return None
        if not await asyncio.to_thread(seeds_dir.is_dir):
            log.warning("the archive is empty and the seeds directory %s does not exist", seeds_dir)
            return None
        log.info("empty archive: ingesting %s", seeds_dir)
        return await self.ingest([str(seeds_dir)])

    # -- reading ----------------------------------------------------------------------------------

    async def _read_target(self, target: str, fetcher: FeedFetcher) -> list[SourceBatch]:
        now = self._clock.now()
        if target.startswith(("http://", "https://")):
            return [await self._read_url(target, fetcher)]
        # Reading files is blocking I/O and parsing: a worker thread keeps the event loop free.
        return await asyncio.to_thread(read_path, Path(target), now)

    async def _read_url(self, url: str, fetcher: FeedFetcher) -> SourceBatch:
        state = await self._feed_state.get(url)
        result = await fetcher.fetch(
            url,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
        now = self._clock.now()
        if result.not_modified:
            await self._feed_state.save(FeedState(url, result.etag, result.last_modified), now=now)
            return SourceBatch(location=url, not_modified=True)
        batch = await parse_feed_async(result.body, url, now=now, source=url)
        # Only remember the validators once the body parsed: a broken response is fetched again.
        await self._feed_state.save(FeedState(url, result.etag, result.last_modified), now=now)
        return batch

    # -- storing ----------------------------------------------------------------------------------

    async def _store_batch(
        self, batch: SourceBatch, dedup: _Dedup, progress: ProgressCallback | None
    ) -> IngestReport:
        report = IngestReport(errors=[str(problem) for problem in batch.problems])
        if batch.not_modified:
            report.not_modified = 1
            return report
        if batch.profile is not None:
            await self._community.save(batch.profile)
        total = len(batch.articles)
        changed: list[StoredArticle] = []
        for start in range(0, total, BATCH_SIZE):
            chunk = batch.articles[start : start + BATCH_SIZE]
            chunk_report, chunk_changed = await self._write_chunk(chunk, dedup)
            report.merge(chunk_report)
            changed.extend(chunk_changed)
            if progress is not None:
                progress(min(start + BATCH_SIZE, total), total, batch.location)
        if changed and self._on_new_articles is not None:
            # Once per input, after every chunk is committed: the index adds them (or refits).
            await self._on_new_articles(
                [item.article for item in changed],
                [passage for item in changed for passage in item.passages],
            )
        return report

    async def _write_chunk(
        self, chunk: Sequence[Article], dedup: _Dedup
    ) -> tuple[IngestReport, list[StoredArticle]]:
        """De-duplicate cheaply first (ids, GUIDs, links, hashes), then fingerprint and split only
        what is new or edited, then check near-duplicates, then write all of it in one transaction."""
        report = IngestReport()
        fresh: list[Article] = []
        edits: list[Article] = []
        seen_hashes: set[str] = set()
        for article in chunk:
            existing = dedup.existing_id(article)
            if existing is not None:
                same_body = dedup.by_id[existing].content_hash == article.content_hash
                if same_body or not dedup.is_edit_of(article, existing):
                    report.duplicates += 1
                else:
                    edits.append(article.with_id(existing))
                continue
            if article.content_hash in dedup.by_hash or article.content_hash in seen_hashes:
                report.duplicates += 1
                continue
            if article.content_hash in dedup.duplicate_hashes:
                report.near_duplicates += 1
                continue
            seen_hashes.add(article.content_hash)
            fresh.append(article)
        # Fingerprints and passages are CPU work: off the event loop.
        prepared_fresh, prepared_edits = await asyncio.to_thread(
            lambda: (_prepare(fresh), _prepare(edits))
        )
        new: list[StoredArticle] = []
        duplicates: list[tuple[str, str]] = []
        pending_bodies: dict[str, str] = {}
        for item in prepared_fresh:
            article = item.article
            if dedup.existing_id(article) is not None:
                report.duplicates += 1  # the same identity twice in one chunk: keep the first
                continue
            original = await self._near_duplicate_of(item, dedup, pending_bodies)
            if original is not None:
                duplicates.append((article.content_hash, original))
                dedup.duplicate_hashes.add(article.content_hash)
                report.near_duplicates += 1
                continue
            new.append(item)
            pending_bodies[article.id] = article.body
            dedup.remember(_key(item))
        updated: dict[str, StoredArticle] = {}
        for item in prepared_edits:
            updated[item.article.id] = item  # the last edit of an article in a chunk wins
            dedup.remember(_key(item))
        if new or updated or duplicates:
            await self._articles.write_batch(
                new, list(updated.values()), duplicates, now=self._clock.now()
            )
        report.added = len(new)
        report.updated = len(updated)
        report.added_ids = [item.article.id for item in new]
        return report, [*new, *updated.values()]

    async def _near_duplicate_of(
        self, item: StoredArticle, dedup: _Dedup, pending_bodies: dict[str, str]
    ) -> str | None:
        candidates = dedup.near.candidates(item.simhash)
        if not candidates:
            return None
        missing = [c for c in candidates if c not in pending_bodies]
        bodies = {**pending_bodies, **await self._articles.bodies(missing)}
        for candidate in candidates:
            body = bodies.get(candidate)
            if body is not None and is_near_duplicate(item.article.body, body):
                return candidate
        return None


def _prepare(articles: Sequence[Article]) -> list[StoredArticle]:
    """CPU work of a chunk (fingerprints and passages), run off the event loop."""
    return [StoredArticle(a, split_passages(a), simhash(a.body)) for a in articles]


def _key(item: StoredArticle) -> ArticleKey:
    a = item.article
    return ArticleKey(a.id, a.source, a.guid, a.url, a.content_hash, item.simhash)
