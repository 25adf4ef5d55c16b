"""The one place that wires everything: settings -> database -> repositories -> services."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.domain.articles import Article, Passage
from bot.services.answers import AnswerService
from bot.services.ingest import IngestReport, IngestService
from bot.services.ports import Clock, SystemClock
from bot.services.search_index import IndexManager
from bot.settings import Settings
from bot.storage.articles import ArticleRepository
from bot.storage.community import CommunityRepository, FeedStateRepository, MetaRepository
from bot.storage.database import Database

log = logging.getLogger(__name__)


@dataclass(slots=True)
class App:
    """Everything a front end (Discord client, shell, CLI) needs, built once."""

    settings: Settings
    clock: Clock
    db: Database
    articles: ArticleRepository
    community: CommunityRepository
    feed_state: FeedStateRepository
    meta: MetaRepository
    index: IndexManager
    ingest: IngestService
    answers: AnswerService
    seed_report: IngestReport | None = None


async def build_app(
    settings: Settings, *, clock: Clock | None = None, seed: bool = True, start_index: bool = True
) -> App:
    """Open the database, migrate, seed an empty archive and load (or build) the search index."""
    clock = clock or SystemClock()
    db = await Database.open(settings.db_path)
    try:
        articles = ArticleRepository(db)
        community = CommunityRepository(db)
        feed_state = FeedStateRepository(db)

        async def load_corpus() -> tuple[Sequence[Article], Sequence[Passage]]:
            return await articles.all(), await articles.all_passages()

        index = IndexManager(
            settings.index_path if settings.db_path else None,
            load_corpus=load_corpus,
            corpus_version=articles.corpus_version,
        )
        ingest = IngestService(articles, community, feed_state, clock)
        app = App(
            settings=settings,
            clock=clock,
            db=db,
            articles=articles,
            community=community,
            feed_state=feed_state,
            meta=MetaRepository(db),
            index=index,
            ingest=ingest,
            answers=AnswerService(index, articles, community),
        )
        if seed:
            app.seed_report = await ingest.ensure_seeded(settings.seeds_dir)
        if start_index:
            await index.start()
            # Only once the index is up: new articles are added to it as they are stored.
            ingest.set_new_articles_hook(index.add)
        return app
    except BaseException:
        await db.close()
        raise


async def close_app(app: App) -> None:
    await app.index.close()
    await app.db.close()


@asynccontextmanager
async def open_app(settings: Settings, **kwargs: object) -> AsyncIterator[App]:
    app = await build_app(settings, **kwargs)  # type: ignore[arg-type]
    try:
        yield app
    finally:
        await close_app(app)
