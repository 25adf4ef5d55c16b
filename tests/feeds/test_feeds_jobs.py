"""SourceScheduler keeps one APScheduler job per enabled source, following the service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.archive.ingest import IngestService
from bot.archive.storage.articles import ArticleRepository
from bot.archive.storage.community import CommunityRepository
from bot.archive.storage.feed_state import FeedStateRepository
from bot.core.clock import ManualClock
from bot.core.database import Database
from bot.feeds.jobs import SourceScheduler, source_job_id
from bot.feeds.service import SourceService
from bot.feeds.storage import SourceRepository
from tests.feed_server import FeedServer, Item, loopback_fetcher

GUILD = 3
# Far in the future of the real clock, so no job fires while a test runs.
START = datetime(2099, 1, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
async def parts(
    tmp_path,
) -> AsyncIterator[tuple[SourceService, AsyncIOScheduler, FeedServer, ManualClock]]:
    db = await Database.open(tmp_path / "s.sqlite3")
    clock = ManualClock(START)
    ingest = IngestService(
        ArticleRepository(db),
        CommunityRepository(db),
        FeedStateRepository(db),
        clock,
        fetcher_factory=loopback_fetcher,
    )
    service = SourceService(SourceRepository(db), ingest, clock, fetcher_factory=loopback_fetcher)
    server = FeedServer()
    await server.start()
    server.items = [Item(1, "One", "Kaesong tram news for the scheduler test.", START)]
    scheduler = AsyncIOScheduler(timezone="UTC")
    try:
        yield service, scheduler, server, clock
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await server.stop()
        await db.close()


async def test_jobs_follow_add_pause_resume_poll_and_remove(parts):
    service, aps, server, clock = parts
    existing = (await service.add(GUILD, server.url, interval_minutes=30)).source
    scheduler = SourceScheduler(service, aps, clock)
    assert await scheduler.start() == 1
    job = aps.get_job(source_job_id(existing.id))
    assert job is not None
    assert job.trigger.interval == timedelta(minutes=30)
    assert (job.coalesce, job.max_instances) == (True, 1)
    assert job.trigger.jitter == 60
    assert job.next_run_time == existing.next_poll

    await service.pause(GUILD, existing.id)
    assert aps.get_job(source_job_id(existing.id)) is None
    await service.resume(GUILD, existing.id)
    resumed = scheduler.next_run(existing.id)
    assert resumed is not None, "an overdue source is polled soon"
    assert START <= resumed < START + timedelta(minutes=1)

    result = await service.poll(existing.id)
    assert result.source is not None
    assert scheduler.next_run(existing.id) == result.source.next_poll

    await service.remove(GUILD, existing.id)
    assert aps.get_job(source_job_id(existing.id)) is None
    assert aps.get_jobs() == []


async def test_sources_added_after_start_get_a_job(parts):
    service, aps, server, clock = parts
    scheduler = SourceScheduler(service, aps, clock)
    assert await scheduler.start() == 0
    added = (await service.add(GUILD, server.url)).source
    assert scheduler.next_run(added.id) == added.next_poll
    assert added.next_poll > START + timedelta(minutes=15)
