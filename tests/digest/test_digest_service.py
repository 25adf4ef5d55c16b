"""DigestService: exactly-once posting with a manual clock and publishers that fail."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.archive.domain.articles import Article
from bot.archive.storage.articles import ArticleRepository, StoredArticle
from bot.core.clock import ManualClock
from bot.core.database import Database
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.digest.service import (
    DigestService,
    PublishError,
    digest_week_for,
    scheduled_instant,
)
from bot.digest.storage import STALE_CLAIM, DigestRunRepository

GUILD = 42
CHANNEL = 7
ALERTS = 8
# Articles of ISO week 2026-W48 (Mon 23 Nov - Sun 29 Nov); the digest is due Mon 30 Nov 09:00 UTC.
WEEK = "2026-W48"
DUE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class RecordingPublisher:
    """A DigestPublisher that records posts and fails as told (the port's test implementation)."""

    def __init__(self, failures: list[PublishError] | None = None) -> None:
        self.failures = list(failures or [])
        self.posts: list[tuple[int, int]] = []  # (channel, number of messages)
        self.alerts: list[tuple[int | None, str]] = []
        self.next_id = 1000
        self.in_channel: dict[int, list[int]] = {}

    async def publish(self, channel_id, messages, attachment):
        await asyncio.sleep(0)  # let a concurrent poster interleave here, as real I/O would
        if self.failures:
            raise self.failures.pop(0)
        ids = list(range(self.next_id, self.next_id + len(messages)))
        self.next_id += len(messages)
        self.posts.append((channel_id, len(messages)))
        self.in_channel.setdefault(channel_id, []).extend(ids)
        return ids

    async def find_posted(self, channel_id, week):
        return list(self.in_channel.get(channel_id, []))

    async def alert(self, channel_id, text):
        self.alerts.append((channel_id, text))


def article(n: int, when: datetime) -> StoredArticle:
    body = f"Story {n} about North Korean trade with Russia and China. " * 3
    a = Article(
        id=f"s{n}", source="test", title=f"Story {n}", body=body, published=when, ingested=when
    )
    return StoredArticle(a, [], 0)


@pytest.fixture
async def setup(tmp_path):
    db = await Database.open(tmp_path / "d.sqlite3")
    clock = ManualClock(datetime(2026, 11, 25, 12, tzinfo=UTC))
    articles = ArticleRepository(db)
    await articles.write_batch(
        [article(n, datetime(2026, 11, 23 + n % 5, 10, tzinfo=UTC)) for n in range(6)],
        now=clock.now(),
    )
    settings = GuildSettingsRepository(db)
    await settings.update(GUILD, now=clock.now(), digest_channel_id=CHANNEL, digest_enabled=True,
                          alerts_channel_id=ALERTS)  # fmt: skip
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    def service(publisher: RecordingPublisher, database: Database = db) -> DigestService:
        return DigestService(
            ArticleRepository(database),
            GuildSettingsRepository(database),
            DigestRunRepository(database),
            clock,
            publisher=publisher,
            sleep=fake_sleep,
        )

    yield service, clock, sleeps, db
    await db.close()


async def test_a_week_posts_once_and_a_forced_repost_is_possible(setup):
    service_for, clock, _, _ = setup
    publisher = RecordingPublisher()
    service = service_for(publisher)
    clock.set(DUE)
    first = await service.post_due(GUILD, trigger="scheduled")
    assert first.status == "posted" and first.week == WEEK
    assert len(publisher.posts) == 1
    for trigger in ("scheduled", "manual", "startup"):
        again = await service.post_due(GUILD, trigger=trigger)
        assert again.status == "already_posted"
    assert len(publisher.posts) == 1
    forced = await service.post_week(GUILD, WEEK, trigger="manual", force=True)
    assert forced.status == "posted" and len(publisher.posts) == 2


async def test_concurrent_posts_and_a_second_process_post_once(setup, tmp_path):
    service_for, clock, _, db = setup
    clock.set(DUE)
    publisher = RecordingPublisher()
    other_db = await Database.open(db.path)  # a second process on the same file
    try:
        results = await asyncio.gather(
            service_for(publisher).post_due(GUILD, trigger="scheduled"),
            service_for(publisher).post_due(GUILD, trigger="manual"),
            service_for(publisher, other_db).post_due(GUILD, trigger="startup"),
        )
    finally:
        await other_db.close()
    assert sorted(r.status for r in results).count("posted") == 1
    assert len(publisher.posts) == 1


async def test_transient_failures_are_retried_with_backoff(setup):
    service_for, clock, sleeps, _ = setup
    clock.set(DUE)
    publisher = RecordingPublisher([PublishError("503", retryable=True)] * 2)
    result = await service_for(publisher).post_due(GUILD, trigger="scheduled")
    assert result.status == "posted"
    assert sleeps == [2.0, 10.0]
    assert result.run is not None and result.run.attempts == 1  # the successful post
    assert publisher.alerts == []


async def test_a_permanent_failure_is_recorded_and_alerted_then_retried(setup):
    service_for, clock, sleeps, _ = setup
    clock.set(DUE)
    publisher = RecordingPublisher([PublishError("missing permission", retryable=False)])
    service = service_for(publisher)
    result = await service.post_due(GUILD, trigger="scheduled")
    assert result.status == "failed" and "missing permission" in result.message
    assert sleeps == []
    [(channel, text)] = publisher.alerts
    assert channel == ALERTS and WEEK in text and "missing permission" in text
    [run] = await service.history(GUILD)
    assert run.status == "failed" and run.error == "missing permission"
    retried = await service.retry_failed()
    assert [r.status for r in retried] == ["posted"]
    assert len(publisher.posts) == 1


async def test_retries_give_up_after_four_attempts(setup):
    service_for, clock, sleeps, _ = setup
    clock.set(DUE)
    publisher = RecordingPublisher([PublishError("500", retryable=True)] * 10)
    result = await service_for(publisher).post_due(GUILD, trigger="scheduled")
    assert result.status == "failed"
    assert sleeps == [2.0, 10.0, 30.0]
    assert result.run is not None and result.run.attempts == 4


async def test_catch_up_posts_only_after_the_scheduled_time(setup):
    service_for, clock, _, _ = setup
    publisher = RecordingPublisher()
    service = service_for(publisher)
    clock.set(DUE - timedelta(minutes=1))
    assert await service.catch_up() == []
    clock.set(DUE + timedelta(hours=8))
    [result] = await service.catch_up()
    assert result.status == "posted" and result.week == WEEK
    assert await service.catch_up() == []
    assert len(publisher.posts) == 1


async def test_a_stale_claim_whose_post_went_out_is_not_posted_twice(setup):
    service_for, clock, _, db = setup
    clock.set(DUE)
    runs = DigestRunRepository(db)
    # a process claimed, posted, and died before recording it
    await runs.claim(GUILD, WEEK, trigger="scheduled", channel_id=CHANNEL, now=clock.now())
    publisher = RecordingPublisher()
    publisher.in_channel[CHANNEL] = [555]
    service = service_for(publisher)
    assert (await service.post_due(GUILD, trigger="startup")).status == "in_progress"
    clock.advance(STALE_CLAIM + timedelta(seconds=1))
    result = await service.post_due(GUILD, trigger="startup")
    assert result.status == "already_posted"
    assert publisher.posts == []
    run = await runs.get(GUILD, WEEK)
    assert run is not None and run.status == "posted" and run.message_ids == (555,)


async def test_an_empty_week_posts_nothing(setup):
    service_for, clock, _, _ = setup
    clock.set(DUE + timedelta(days=7))  # reports 2026-W49: no articles
    publisher = RecordingPublisher()
    result = await service_for(publisher).post_due(GUILD, trigger="scheduled")
    assert result.status == "empty" and "No articles" in result.message
    assert publisher.posts == []


def test_digest_week_is_the_last_complete_week_in_the_guild_timezone():
    seoul, utc = ZoneInfo("Asia/Seoul"), ZoneInfo("UTC")
    # Sunday 29 Nov 20:00 UTC is already Monday 30 Nov 05:00 in Seoul
    moment = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    assert digest_week_for(moment, utc) == "2026-W47"
    assert digest_week_for(moment, seoul) == "2026-W48"


def test_scheduled_instant_follows_dst():
    from bot.core.guild_settings import GuildSettings

    settings = GuildSettings(1, timezone="Europe/Berlin", digest_weekday=0, digest_time="09:00")
    before = scheduled_instant(settings, datetime(2026, 10, 21, tzinfo=UTC))  # CEST week
    after = scheduled_instant(settings, datetime(2026, 10, 28, tzinfo=UTC))  # CET week
    assert before.astimezone(UTC).hour == 7
    assert after.astimezone(UTC).hour == 8


async def test_without_a_guild_the_only_scheduled_servers_timezone_is_used(setup):
    service_for = setup[0]
    service = service_for(RecordingPublisher())
    # The fixture's guild has digests on in UTC; give it Seoul.
    await service.schedule(GUILD, channel_id=CHANNEL, weekday=0, at="09:00", timezone="Asia/Seoul")
    zone, guild = await service.default_timezone()
    assert (str(zone), guild) == ("Asia/Seoul", GUILD)
    assert str(await service.timezone_of(None)) == "Asia/Seoul"
    # A second scheduled server makes the choice ambiguous: UTC, and no server named.
    await service.schedule(99, channel_id=5, weekday=0, at="09:00", timezone="Europe/Berlin")
    zone, guild = await service.default_timezone()
    assert (str(zone), guild) == ("UTC", None)


async def test_a_guilds_week_is_cut_and_shown_in_its_timezone(setup):
    service_for = setup[0]
    service = service_for(RecordingPublisher())
    seoul = ZoneInfo("Asia/Seoul")
    digest = await service.build(WEEK, seoul)
    assert digest.timezone == "Asia/Seoul"
    assert all(item.published.utcoffset() == timedelta(hours=9) for item in digest.highlighted)


def test_the_warm_up_week_exercises_clustering_and_the_chart() -> None:
    """warm_up must really build and chart a digest (an empty week would load nothing)."""
    from bot.digest.domain.build import build_digest
    from bot.digest.service import _warm_up_articles

    digest = build_digest(_warm_up_articles(), "2024-W02", ZoneInfo("UTC"))
    assert not digest.is_empty
    assert digest.total_articles == 6
    assert digest.total_stories >= 2  # three made-up events, their copies folded together


async def test_a_build_in_the_bots_child_process_equals_one_in_a_thread(tmp_path) -> None:
    """The bot builds digests in a forkserver child (bot.run.digest_process): articles and the
    digest cross the process boundary and come back the same as a build in a thread."""
    from bot.digest.render.outputs import digest_to_json
    from bot.run import digest_process

    database = await Database.open(tmp_path / "d.sqlite3")
    try:
        clock = ManualClock(datetime(2026, 11, 30, tzinfo=UTC))
        repo = ArticleRepository(database)
        stories = [article(n, datetime(2026, 11, 23 + n % 5, 10, tzinfo=UTC)) for n in range(6)]
        await repo.write_batch(stories, now=clock.now())
        service = DigestService(
            repo, GuildSettingsRepository(database), DigestRunRepository(database), clock
        )
        in_thread = await service.build(WEEK, ZoneInfo("Asia/Seoul"))
        with digest_process() as builds:
            service.use_executor(builds)
            service.warm_up()
            in_child = await service.build(WEEK, ZoneInfo("Asia/Seoul"))
        assert in_child.total_articles == 6
        assert digest_to_json(in_child) == digest_to_json(in_thread)
    finally:
        await database.close()
