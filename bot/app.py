"""The one place that wires everything: settings -> database -> repositories -> services."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.archive.domain.addresses import AddressPolicy
from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.community_page import community_article, community_version
from bot.archive.domain.passages import split_passages
from bot.archive.ingest import IngestReport, IngestService
from bot.archive.readers.feeds import FeedFetcher
from bot.archive.storage.articles import ArticleRepository
from bot.archive.storage.community import CommunityRepository
from bot.archive.storage.feed_state import FeedStateRepository
from bot.core.clock import Clock, SystemClock
from bot.core.database import ConnectionHook, Database, DatabaseError
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.core.meta import MetaRepository
from bot.core.settings import Settings
from bot.core.storage_health import StorageHealth
from bot.digest.service import DigestService
from bot.digest.storage import DigestRunRepository
from bot.feeds.service import SourceService
from bot.feeds.storage import SourceRepository
from bot.moderation.service import ModerationService
from bot.moderation.storage import (
    ExemptionRepository,
    FilterRepository,
    ModerationEventRepository,
    OutboxRepository,
)
from bot.search.index_manager import IndexManager, index_path_for
from bot.search.service import AnswerService
from bot.status.service import StatusService

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
    require_writable: bool = False,
    on_connect: ConnectionHook | None = None,
) -> App:
    """Open the database, migrate, seed an empty archive and load (or build) the search index.

    ``require_writable`` (the Discord bot) refuses a database it cannot write, with the reason,
    unless the operator chose DIGESTBOT_READ_ONLY; ``on_connect`` is for tests that inject
    storage faults with SQLite's own pragmas.
    """
    clock = clock or SystemClock()
    db = await Database.open(
        settings.db_path,
        read_only=settings.read_only,
        health=StorageHealth(clock.now),
        on_connect=on_connect,
    )
    try:
        if require_writable and not settings.read_only:
            problem = await db.probe_writable()
            if problem is not None:
                raise DatabaseError(
                    f"the database {settings.db_path} cannot be written ({problem}): free disk "
                    "space or fix its permissions, or set DIGESTBOT_READ_ONLY=1 to run without "
                    "recording anything"
                )
        articles = ArticleRepository(db)
        community = CommunityRepository(db)
        guild_settings = GuildSettingsRepository(db)

        async def load_corpus() -> tuple[Sequence[Article], Sequence[Passage]]:
            stored, passages = await articles.all(), await articles.all_passages()
            # The community page (description, rules) is searchable too, cited as itself.
            profile = await community.get()
            page = community_article(profile) if profile is not None else None
            if page is None:
                return stored, passages
            return [*stored, page], [*passages, *split_passages(page)]

        async def corpus_version() -> str:
            page = community_version(await community.get())
            return f"{await articles.corpus_version()}:{page}"

        index_path = index_path_for(settings.db_path)
        index = IndexManager(
            index_path,
            load_corpus=load_corpus,
            corpus_version=corpus_version,
        )
        # Feeds are fetched from the internet only, unless the operator named a host.
        policy = AddressPolicy.allowing(settings.feed_allow_hosts)

        def fetcher() -> FeedFetcher:
            return FeedFetcher(policy=policy)

        ingest = IngestService(
            articles, community, FeedStateRepository(db), clock, fetcher_factory=fetcher
        )
        moderation = ModerationService(
            FilterRepository(db),
            ExemptionRepository(db),
            ModerationEventRepository(db),
            guild_settings,
            clock,
            outbox=OutboxRepository(db),
            health=db.health,
        )
        sources = SourceService(
            SourceRepository(db),
            ingest,
            clock,
            guild_settings=guild_settings,
            fetcher_factory=fetcher,
        )
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
            digests=DigestService(
                articles,
                guild_settings,
                DigestRunRepository(db),
                clock,
                templates=settings.digests_dir,
            ),
            sources=sources,
            status=StatusService(
                articles, index, sources, clock, index_path, db=db, moderation=moderation
            ),
        )
        if seed and not settings.read_only:
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


async def close_app(app: App) -> None:
    app.moderation.close()
    await app.index.flush()
    await app.db.close()


@asynccontextmanager
async def open_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    seed: bool = True,
    start_index: bool = True,
) -> AsyncIterator[App]:
    app = await build_app(settings, clock=clock, seed=seed, start_index=start_index)
    try:
        yield app
    finally:
        await close_app(app)
