"""SourceService against a real local feed server, a real database and the real ingest service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import open_app
from bot.archive.domain.articles import Article
from bot.archive.ingest import IngestService
from bot.archive.readers.base import SourceError
from bot.archive.storage.articles import ArticleRepository
from bot.core.clock import ManualClock
from bot.core.database import Database
from bot.core.settings import Settings
from bot.feeds.domain import ALERT_AFTER_FAILURES, MAX_BACKOFF
from bot.feeds.service import SourceProblem, SourceService
from bot.feeds.storage import SourceRepository
from tests.feed_server import LOOPBACK, FeedServer, Item, loopback_fetcher

GUILD = 42
CHANNEL = 777

BODIES = [
    "Pyongyang opened a new rail link to Rason, trade officials said on Monday.",
    "Satellite imagery shows construction at the Sohae launch site continuing this month.",
    "The central bank adjusted the won's official exchange rate for the first time in years.",
    "A delegation from Moscow discussed fisheries cooperation in the East Sea of Korea.",
    "Farmers in South Hwanghae reported an early rice harvest after a dry summer.",
    "State media announced a new housing district of ten thousand flats in Hwasong.",
    "Customs data show exports of wigs and eyelashes to China rose again in October.",
    "A defector group said smuggling across the Yalu river has become far more dangerous.",
    "The foreign ministry criticised joint naval drills held south of Jeju island.",
    "A new mobile phone model with a larger screen went on sale in department stores.",
]


class RecordingAnnouncer:
    """A real SourceAnnouncer that keeps what it was asked to post."""

    def __init__(self) -> None:
        self.announcements: list[tuple[int, list[Article], int]] = []
        self.alerts: list[tuple[int, str]] = []

    async def announce(self, channel_id: int, articles: list[Article], more: int) -> None:
        self.announcements.append((channel_id, list(articles), more))

    async def alert(self, guild_id: int, text: str) -> None:
        self.alerts.append((guild_id, text))


def items(*numbers: int, when: datetime | None = None) -> list[Item]:
    published = when or datetime(2026, 11, 23, 12, 30, tzinfo=UTC)
    return [
        Item(n, f"Story {n}", BODIES[n % len(BODIES)] + f" (report {n})", published)
        for n in numbers
    ]


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    feed = FeedServer()
    await feed.start()
    try:
        yield feed
    finally:
        await feed.stop()


@pytest.fixture
def announcer() -> RecordingAnnouncer:
    return RecordingAnnouncer()


def make_service(
    db: Database,
    ingest: IngestService,
    clock: ManualClock,
    announcer: RecordingAnnouncer,
    timeout: float = 10.0,
) -> SourceService:
    return SourceService(
        SourceRepository(db),
        ingest,
        clock,
        fetcher_factory=lambda: loopback_fetcher(timeout),
        announcer=announcer,
    )


@pytest.fixture
def service(
    db: Database, ingest_service: IngestService, clock: ManualClock, announcer: RecordingAnnouncer
) -> SourceService:
    return make_service(db, ingest_service, clock, announcer)


async def _add(service: SourceService, server: FeedServer, **kwargs: object) -> int:
    result = await service.add(GUILD, server.url, announce_channel_id=CHANNEL, **kwargs)  # type: ignore[arg-type]
    return result.source.id


async def test_add_previews_title_and_count_and_first_poll_announces_nothing(
    service, server, announcer, db
):
    server.items = items(1, 2, 3)
    preview = await service.preview(server.url)
    assert (preview.title, preview.item_count) == ("c/northkorea", 3)
    result = await service.add(GUILD, server.url, announce_channel_id=CHANNEL, preview=preview)
    assert len(server.requests) == 1, "add reuses the preview's fetch"
    assert result.source.label == "c/northkorea"
    assert result.first_poll.status == "primed"
    assert result.first_poll.added == 3
    assert announcer.announcements == []
    assert await ArticleRepository(db).count() == 3, "the first poll indexes what it saw"
    assert result.source.primed and result.source.last_success is not None


async def test_new_items_are_announced_once(service, server, announcer, clock):
    server.items = items(1, 2)
    source_id = await _add(service, server)
    server.items = items(3, 1, 2)
    clock.advance(timedelta(minutes=15))
    first = await service.poll(source_id)
    assert (first.status, first.added, first.new_items) == ("ok", 1, 1)
    assert [a.title for a in first.announced] == ["Story 3"]
    clock.advance(timedelta(minutes=15))
    server.items = items(4, 3, 1, 2)
    await service.poll(source_id)
    clock.advance(timedelta(minutes=15))
    await service.poll(source_id)
    titles = [[a.title for a in batch] for _, batch, _ in announcer.announcements]
    assert titles == [["Story 3"], ["Story 4"]]
    assert all(channel == CHANNEL for channel, _, _ in announcer.announcements)


async def test_etag_is_sent_and_304_changes_nothing(service, server, db, clock):
    server.items = items(1, 2)
    source_id = await _add(service, server)
    clock.advance(timedelta(minutes=15))
    result = await service.poll(source_id)
    assert result.status == "not_modified"
    assert server.requests[-1].get("If-None-Match") == server.etag
    assert server.not_modified == 1
    assert await ArticleRepository(db).count() == 2
    source = await service.get(GUILD, source_id)
    assert source.last_success == clock.now()
    assert source.next_poll > clock.now() + timedelta(minutes=14)


async def test_atom_lemmy_feed_edited_item_updates_rather_than_duplicates(
    service, server, db, clock, announcer
):
    server.kind = "atom"
    server.items = items(1, 2)
    source_id = await _add(service, server, label="Lemmy NK")
    repo = ArticleRepository(db)
    assert await repo.count() == 2
    edited = items(1, 2)
    edited[0].body = "Pyongyang opened a new rail link to Rason and to Vladivostok, officials said."
    server.items = edited
    clock.advance(timedelta(minutes=15))
    result = await service.poll(source_id)
    assert (result.added, result.updated, result.new_items) == (0, 1, 0)
    assert await repo.count() == 2
    stored = [a for a in await repo.all() if a.url == "https://news.example/1"]
    assert len(stored) == 1 and "Vladivostok" in stored[0].body
    assert stored[0].source == "Lemmy NK" and stored[0].author == "poster1"
    assert announcer.announcements == []


async def test_announcement_burst_is_capped_with_and_n_more(service, server, announcer, clock):
    server.items = items(0)
    source_id = await _add(service, server)
    base = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    server.items = [
        Item(n, f"Burst {n}", BODIES[n % 10] + f" Burst number {n}.", base + timedelta(minutes=n))
        for n in range(1, 9)
    ]
    clock.advance(timedelta(minutes=15))
    result = await service.poll(source_id)
    assert result.new_items == 8
    channel, shown, more = announcer.announcements[0]
    assert (channel, more) == (CHANNEL, 3)
    # The newest five, in the order a channel reads them.
    assert [a.title for a in shown] == [f"Burst {n}" for n in range(4, 9)]


@pytest.mark.parametrize("mode", ["500", "garbage", "html", "hang"])
async def test_failures_back_off_and_alert_once_then_once_on_recovery(
    db, ingest_service, server, announcer, clock, mode
):
    # A short timeout keeps the "server never answers" case quick; the local server is instant.
    service = make_service(
        db, ingest_service, clock, announcer, timeout=0.1 if mode == "hang" else 10
    )
    server.items = items(1)
    source_id = await _add(service, server)
    server.mode = mode
    delays: list[timedelta] = []
    for _ in range(ALERT_AFTER_FAILURES + 3):
        clock.advance(timedelta(hours=7))
        before = clock.now()
        result = await service.poll(source_id)
        assert result.status == "failed", result
        source = result.source
        assert source is not None
        delays.append(source.next_poll - before)
    assert len(announcer.alerts) == 1
    guild, text = announcer.alerts[0]
    assert guild == GUILD and f"failed {ALERT_AFTER_FAILURES} times" in text
    # Exponential (15, 30, 60, 120, 240 minutes, give or take a tenth) up to the 6-hour cap.
    minutes = [d.total_seconds() / 60 for d in delays]
    for failures, value in enumerate(minutes[:5], start=1):
        assert 0.89 * 15 * 2 ** (failures - 1) <= value <= 1.11 * 15 * 2 ** (failures - 1)
    assert all(timedelta(hours=5) < d <= MAX_BACKOFF for d in delays[5:])
    assert announcer.announcements == []

    server.mode = "ok"
    clock.advance(timedelta(hours=7))
    recovered = await service.poll(source_id)
    assert recovered.status in ("ok", "not_modified")
    clock.advance(timedelta(minutes=15))
    await service.poll(source_id)
    assert len(announcer.alerts) == 2
    assert "works again" in announcer.alerts[1][1]
    source = await service.get(GUILD, source_id)
    assert source.consecutive_failures == 0 and not source.alerted


async def test_a_broken_source_does_not_stop_the_others(service, server, announcer, clock, db):
    server.items = items(1)
    good = await _add(service, server)
    other = FeedServer()
    await other.start()
    try:
        other.items = items(5)
        bad = (await service.add(GUILD, other.url)).source.id
        other.mode = "garbage"
        server.items = items(2, 1)
        clock.advance(timedelta(minutes=20))
        results = {r.source_id: r for r in await service.poll_due()}
    finally:
        await other.stop()
    assert results[bad].status == "failed" and "not an RSS or Atom feed" in (
        results[bad].error or ""
    )
    assert results[good].status == "ok" and results[good].added == 1
    assert [a.title for a in announcer.announcements[0][1]] == ["Story 2"]


async def test_poll_due_skips_sources_not_due_and_paused(service, server, clock):
    server.items = items(1)
    source_id = await _add(service, server)
    assert await service.poll_due() == []
    clock.advance(timedelta(minutes=16))
    await service.pause(GUILD, source_id)
    assert await service.poll_due() == []
    skipped = await service.poll(source_id, force=False)
    assert (skipped.status, skipped.error) == ("skipped", "paused")
    resumed = await service.resume(GUILD, source_id)
    assert resumed.enabled and resumed.next_poll == clock.now()
    assert [r.status for r in await service.poll_due()] == ["not_modified"]


async def test_old_items_that_appear_late_are_indexed_but_not_announced(
    service, server, announcer, clock, db
):
    server.items = items(1)
    source_id = await _add(service, server)
    server.items = [*items(1), *items(9, when=datetime(2026, 1, 5, tzinfo=UTC))]
    clock.advance(timedelta(minutes=15))
    result = await service.poll(source_id)
    assert (result.added, result.new_items, result.announced) == (1, 1, [])
    assert announcer.announcements == []


async def test_add_rejects_bad_input_with_sentences(service, server):
    server.items = items(1)
    with pytest.raises(SourceProblem, match="https://"):
        await service.add(GUILD, "ftp://example.org/feed")
    with pytest.raises(SourceProblem, match="between 5 and 1440"):
        await service.add(GUILD, server.url, interval_minutes=2)
    server.mode = "html"
    with pytest.raises(SourceProblem, match="RSS or Atom"):
        await service.add(GUILD, server.url)
    server.mode = "ok"
    await service.add(GUILD, server.url)
    with pytest.raises(SourceProblem, match="already follows"):
        await service.add(GUILD, server.url)
    with pytest.raises(SourceProblem, match="no source #999"):
        await service.remove(GUILD, 999)


async def test_remove_and_listeners(service, server):
    server.items = items(1)
    seen: list[tuple[int, bool]] = []
    service.add_listener(lambda source_id, source: seen.append((source_id, source is not None)))
    source_id = await _add(service, server)
    assert [s.id for s in await service.list_sources(GUILD)] == [source_id]
    with pytest.raises(SourceProblem):
        await service.remove(GUILD + 1, source_id)  # another guild's source is not reachable
    await service.remove(GUILD, source_id)
    assert await service.list_sources(GUILD) == []
    assert seen == [(source_id, True), (source_id, False)]


async def test_polled_article_is_answerable_at_once_through_the_app(tmp_path: Path, server):
    settings = Settings(
        db_path=tmp_path / "bot.sqlite3",
        seeds_dir=tmp_path / "none",
        digests_dir=tmp_path,
        feed_allow_hosts=LOOPBACK,
    )
    clock = ManualClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    server.items = items(1, 2, 3)
    async with open_app(settings, clock=clock, seed=False) as app:
        announcer = RecordingAnnouncer()
        app.sources.set_announcer(announcer)
        source_id = (
            await app.sources.add(GUILD, server.url, announce_channel_id=CHANNEL)
        ).source.id
        server.items = [
            Item(
                11,
                "Kaesong tram line",
                "A new tram line now links Kaesong station with the old town.",
            ),
            *items(1, 2, 3),
        ]
        clock.advance(timedelta(minutes=15))
        result = await app.sources.poll(source_id)
        assert [a.title for a in result.announced] == ["Kaesong tram line"]
        answer = await app.answers.ask("tram line in Kaesong")
        assert answer.hits and answer.hits[0].title == "Kaesong tram line"


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"],
)
async def test_a_redirect_to_a_private_address_is_refused(server, target: str) -> None:
    # The first hop is allowed (the operator allowed 127.0.0.1); the redirect is checked again
    # before any connection to it: no traffic ever leaves 127.0.0.0/8.
    server.redirect_to = target
    async with loopback_fetcher() as fetcher:
        with pytest.raises(SourceError, match="refused"):
            await fetcher.fetch(server.url)
    assert len(server.requests) == 1


async def test_redirects_within_allowed_hosts_are_followed(server) -> None:
    server.items = items(1)
    relay = FeedServer()
    await relay.start()
    try:
        relay.redirect_to = server.url
        async with loopback_fetcher() as fetcher:
            result = await fetcher.fetch(relay.url)
        assert result.status == 200 and b"<rss" in result.body
    finally:
        await relay.stop()
