"""The one place that wires everything: settings -> database -> repositories -> services."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.domain.articles import Article, Passage
from bot.services.answers import AnswerService
from bot.services.digests import DigestService
from bot.services.ingest import IngestReport, IngestService
from bot.services.moderation import ModerationService
from bot.services.ports import Clock, SystemClock
from bot.services.search_index import IndexManager, index_path_for
from bot.services.sources import SourceService
from bot.services.status import StatusService
from bot.settings import Settings
from bot.storage.articles import ArticleRepository
from bot.storage.community import CommunityRepository, FeedStateRepository, MetaRepository
from bot.storage.database import Database
from bot.storage.digest_runs import DigestRunRepository
from bot.storage.guilds import (
    ExemptionRepository,
    FilterRepository,
    GuildSettingsRepository,
    ModerationEventRepository,
)
from bot.storage.sources import SourceRepository

log = logging.getLogger(__name__)


@dataclass(slots=True)
class App:
    """Everything a front end (Discord client, shell, CLI) needs, built once."""

    settings: Settings
    clock: Clock
    db: Database
    articles: ArticleRepository
    community: CommunityRepository
    meta: MetaRepository
    guild_settings: GuildSettingsRepository
    index: IndexManager
    ingest: IngestService
    answers: AnswerService
    moderation: ModerationService
    digests: DigestService
    sources: SourceService
    status: StatusService
    seed_report: IngestReport | None = None


async def build_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    seed: bool = True,
    start_index: bool = True,
) -> App:
    """Open the database, migrate, seed an empty archive and load (or build) the search index."""
    clock = clock or SystemClock()
    db = await Database.open(settings.db_path)
    try:
        articles = ArticleRepository(db)
        community = CommunityRepository(db)
        guild_settings = GuildSettingsRepository(db)

        async def load_corpus() -> tuple[Sequence[Article], Sequence[Passage]]:
            return await articles.all(), await articles.all_passages()

        index_path = index_path_for(settings.db_path)
        index = IndexManager(
            index_path,
            load_corpus=load_corpus,
            corpus_version=articles.corpus_version,
        )
        ingest = IngestService(articles, community, FeedStateRepository(db), clock)
        moderation = ModerationService(
            FilterRepository(db),
            ExemptionRepository(db),
            ModerationEventRepository(db),
            guild_settings,
            clock,
        )
        sources = SourceService(SourceRepository(db), ingest, clock)
        app = App(
            settings=settings,
            clock=clock,
            db=db,
            articles=articles,
            community=community,
            meta=MetaRepository(db),
            guild_settings=guild_settings,
            index=index,
            ingest=ingest,
            answers=AnswerService(index, articles, community),
            moderation=moderation,
            digests=DigestService(articles, guild_settings, DigestRunRepository(db), clock),
            sources=sources,
            status=StatusService(articles, index, sources, clock, index_path),
        )
        if seed:
            app.seed_report = await ingest.ensure_seeded(settings.seeds_dir)
        profile = await community.get()
        if profile is not None:
            moderation.set_rules({rule.number: rule.text for rule in profile.rules})
        if start_index:
            await index.start()
            # From now on, stored articles are searchable at once.
            ingest.set_new_articles_hook(index.add)
        return app
    except BaseException:
        await db.close()
        raise


def tune_for_event_loop() -> None:
    """Keep the bot's event loop responsive while worker threads compute (call once set up).

    - Everything alive now (models, lexicons, the index) leaves the cyclic GC's scans: a full
      collection over the start-up heap held the GIL for ~100-170 ms, and a worker thread's
      allocations can trigger one at any time. Frozen objects are still freed by reference
      counting; objects made later are still collected.
    - The GIL is handed over every 1 ms instead of 5: the loop thread waits for it after every
      system call, and with a busy worker thread those waits add up (measured: the worst loop
      delay during a 2,000-article ingest halves; bench/bench_event_loop.py).
    """
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(0.001)


async def close_app(app: App) -> None:
    app.moderation.close()
    await app.index.flush()
    await app.db.close()


@asynccontextmanager
async def open_app(
    settings: Settings, *, clock: Clock | None = None, seed: bool = True, start_index: bool = True
) -> AsyncIterator[App]:
    app = await build_app(settings, clock=clock, seed=seed, start_index=start_index)
    try:
        yield app
    finally:
        await close_app(app)
