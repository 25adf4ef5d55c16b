"""Keeps the search index fresh without stalling the bot: load, add, refit, persist.

The current index is immutable and replaced by assignment, so readers (/ask, /search) always see
a whole index. Heavy work (fitting, loading, writing) runs in a worker thread or a child process.
Additions are searchable at once, weighted with the statistics of the last fit; when those have
drifted (``needs_refit``: a tiny fit, 20% growth, many unseen words) a refit runs in the
background and is swapped in atomically.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import zipfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archive.domain.articles import Article, Passage

if TYPE_CHECKING:
    from bot.search.domain.index import SearchIndex

log = logging.getLogger(__name__)

CorpusLoader = Callable[[], Awaitable[tuple[Sequence[Article], Sequence[Passage]]]]
CorpusVersion = Callable[[], Awaitable[str]]
# Below this many passages a thread fits the index (BM25 and embeddings) in under half a second
# with event-loop lag under 20 ms; at 9,000 it was 20-50 ms (bench/RESULTS.md, section
# "search"), so from here on a child process keeps lag low.
ISOLATE_MIN_PASSAGES = 5_000


async def warm_up() -> None:
    """Load the embeddings' tokenizer and codebook now, before the bot serves anyone: parsing
    the tokenizer holds the GIL for about 100 ms, which must not fall in a refit later."""
    from bot.search.domain.dense import default_embedder

    await asyncio.to_thread(default_embedder)


def index_path_for(database: Path) -> Path:
    """Where the index of a database is persisted: ``<db>.index.npz`` beside it."""
    return database.with_name(database.name + ".index.npz")


# Above this many new articles at once (and more than the index holds), add() refits instead.
BULK_ADD = 500


class IndexManager:
    """Holds the current SearchIndex; loads it at start, grows it on ingest, refits off the loop.

    ``load_corpus`` returns every article and passage; ``corpus_version`` a string that changes
    whenever the stored corpus does (e.g. article count and latest ingestion time), which tells a
    persisted index from a stale one. ``isolate_refit`` chooses where fitting runs: True in a
    child process (the event loop never stalls), False in a worker thread (quicker to start),
    None (default) a child process only from ``ISOLATE_MIN_PASSAGES`` passages up.
    """

    def __init__(
        self,
        path: Path | None,
        load_corpus: CorpusLoader,
        corpus_version: CorpusVersion,
        *,
        isolate_refit: bool | None = None,
    ) -> None:
        self._path = path
        self._isolate = isolate_refit
        self._load_corpus = load_corpus
        self._corpus_version = corpus_version
        # scikit-learn and scipy are imported with the first index, not with the bot: commands
        # that never search (db check, filters, moderate) never load them.
        self._current: SearchIndex | None = None
        self._refit_lock = asyncio.Lock()
        # Held while an index replaces the current one, so an add never overwrites a refit.
        self._swap_lock = asyncio.Lock()
        self._persist_lock = asyncio.Lock()
        # Additions made while a refit runs, replayed onto the refitted index before the swap.
        self._pending: list[tuple[Sequence[Article], Sequence[Passage]]] | None = None
        self._persist_task: asyncio.Task[None] | None = None
        self._written: SearchIndex | None = None
        self._removed: set[str] = set()  # removals made while a refit runs
        self._refit_task: asyncio.Task[None] | None = None
        self._refit_again = False

    @property
    def current(self) -> SearchIndex:
        """The index to query now (an empty one before ``start``)."""
        if self._current is None:
            from bot.search.domain.index import SearchIndex

            self._current = SearchIndex.build([], [])
        return self._current

    async def start(self) -> None:
        """Load the persisted index if it matches the corpus; otherwise build it (never raises)."""
        await warm_up()
        try:
            version = await self._corpus_version()
            loaded = await asyncio.to_thread(self._read, version) if self._path else None
        except Exception:
            log.exception("could not read the persisted search index; rebuilding")
            loaded = None
        if loaded is not None:
            self._current = loaded
            log.info("search index loaded: %d articles", loaded.article_count)
            self._refit_if_stale()
            return
        try:
            await self.refit()
        except Exception:
            # A broken corpus must not keep the bot from starting: it answers "no match" instead.
            log.exception("could not build the search index; starting with an empty one")

    async def add(self, articles: Sequence[Article], passages: Sequence[Passage]) -> None:
        """Make new articles searchable now, then persist (and refit if stale) in the background.

        A bulk ingest (more new articles than the index holds, and over BULK_ADD) refits instead:
        the stored corpus already has them, and one fit is cheaper than growing the index.
        """
        if not articles:
            return
        if (
            len(articles) > max(BULK_ADD, self.current.article_count)
            and self._refit_lock.locked() is False
        ):
            await self.refit()
            return
        async with self._swap_lock:
            self._current = await asyncio.to_thread(self.current.with_added, articles, passages)
            if self._pending is not None:
                self._pending.append((articles, passages))
                self._refit_again = True  # the running refit may not have seen these
        self._schedule_persist()
        self._refit_if_stale()

    def _refit_if_stale(self) -> None:
        """Start a background refit when the current statistics have drifted."""
        from bot.search.domain.index import needs_refit

        if not needs_refit(self.current.stats):
            return
        if self._refit_task is not None and not self._refit_task.done():
            self._refit_again = True
            return
        self._refit_task = asyncio.create_task(self._background_refit())

    async def _background_refit(self) -> None:
        from bot.search.domain.index import needs_refit

        try:
            while True:
                self._refit_again = False
                await self.refit()
                if not (self._refit_again and needs_refit(self.current.stats)):
                    return
        except Exception:
            log.exception("background refit of the search index failed; keeping the old one")

    async def remove(self, article_ids: Sequence[str]) -> None:
        """Stop finding the given articles now (a later refit drops them for good)."""
        async with self._swap_lock:
            self._current = self.current.without(article_ids)
            if self._pending is not None:
                self._removed.update(article_ids)
        self._schedule_persist()

    async def refit(self) -> None:
        """Rebuild from the whole corpus off the event loop and swap it in atomically."""
        async with self._refit_lock:
            self._pending = []
            try:
                version = await self._corpus_version()
                articles, passages = await self._load_corpus()
                index = await self._build(articles, passages, version)
                async with self._swap_lock:
                    # Articles added during the build may be missing from the loaded corpus;
                    # adding one twice is harmless (the same id replaces itself).
                    for more_articles, more_passages in self._pending:
                        index = await asyncio.to_thread(
                            index.with_added, more_articles, more_passages
                        )
                    index = index.without(self._removed)
                    self._current = index
            finally:
                self._pending = None
                self._removed = set()
            log.info("search index refitted: %d articles", index.article_count)
            if self._pending_write_needed(index):
                await self._persist(version)

    async def _build(
        self, articles: Sequence[Article], passages: Sequence[Passage], version: str
    ) -> SearchIndex:
        from bot.search.build import build_in_child, read_index
        from bot.search.domain.index import SearchIndex

        isolate = self._isolate
        if isolate is None:
            isolate = len(passages) >= ISOLATE_MIN_PASSAGES
        if not isolate:
            return await asyncio.to_thread(SearchIndex.build, articles, passages)
        if self._path is not None:
            # The child writes the persisted file itself (no background write may race it);
            # loading it back is the swap's input.
            async with self._persist_lock:
                await build_in_child(articles, passages, self._path, version)
                index, _ = await asyncio.to_thread(read_index, self._path)
                self._written = index
            return index
        with tempfile.TemporaryDirectory(prefix="digestbot-index-") as tmp:
            out = Path(tmp) / "index.npz"
            await build_in_child(articles, passages, out, version)
            index, _ = await asyncio.to_thread(read_index, out)
        return index

    def _pending_write_needed(self, index: SearchIndex) -> bool:
        # The child already wrote exactly this index; only additions replayed on top need a write.
        return self._written is not index

    async def flush(self) -> None:
        """Wait for any background refit and persistence to finish (for shutdown and tests)."""
        refit = self._refit_task
        if refit is not None:
            await refit
        task = self._persist_task
        if task is not None:
            await task

    def _schedule_persist(self) -> None:
        if self._path is None or (self._persist_task and not self._persist_task.done()):
            return  # one write at a time; the running one is followed by a check below
        self._persist_task = asyncio.create_task(self._persist_latest())

    async def _persist_latest(self) -> None:
        try:
            while True:
                index = self.current
                await self._persist(await self._corpus_version())
                if self._current is index:
                    return
        except Exception:
            log.exception("could not persist the search index")

    async def _persist(self, version: str) -> None:
        if self._path is None:
            return
        async with self._persist_lock:
            try:
                from bot.search.build import write_index

                index = self.current
                await asyncio.to_thread(write_index, self._path, index, version)
                self._written = index
            except OSError:
                log.exception("could not write the search index to %s", self._path)

    def _read(self, version: str) -> SearchIndex | None:
        path = self._path
        if path is None or not path.exists():
            return None
        from bot.search.build import read_index
        from bot.search.domain.model import IndexFormatError

        try:
            index, stored = read_index(path)
        except (
            IndexFormatError,
            OSError,
            EOFError,
            KeyError,
            ValueError,
            zipfile.BadZipFile,
        ) as exc:
            log.warning("search index at %s is damaged (%s); rebuilding", path, exc)
            return None
        if stored != version:
            log.info("search index at %s is stale (%s != %s)", path, stored, version)
            return None
        self._written = index
        return index
