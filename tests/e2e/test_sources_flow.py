"""/source end to end: a moderator follows a feed, a poll's new item is announced and answerable."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from tests.e2e.conftest import START, World, text_of
from tests.feed_server import LOOPBACK, FeedServer, Item

TRAM = "A new tram line now links Kaesong station with the old town, city officials said."


@pytest.fixture
async def feed() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    server.items = [Item(1, "Rason rail link", "Pyongyang opened a rail link to Rason.", START)]
    try:
        yield server
    finally:
        await server.stop()


async def test_follow_poll_announce_and_ask(world: World, feed: FeedServer) -> None:
    fake = world.fake
    async with world.running(feed_allow_hosts=LOOPBACK) as running:
        refused = await world.command(world.member, "source list", permission_override=True)
        assert "Only moderators" in (await refused.response()).content

        add = await world.command(
            world.moderator, "source add", {"url": feed.url, "announce": world.news}
        )
        await add.response()
        [added] = await add.followups()
        assert added.ephemeral
        assert "Following **c/northkorea** (#1)" in added.content
        assert "1 item(s)" in added.content and "Rason rail link" in added.content
        assert fake.bot_messages(world.news) == [], "the first poll announces nothing"

        feed.items = [
            Item(2, "Kaesong tram line", TRAM, START + timedelta(minutes=10)),
            *feed.items,
        ]
        world.clock.advance(timedelta(minutes=15))
        poll = await world.command(world.moderator, "source poll", {"source": "1"})
        await poll.response()
        [polled] = await poll.followups()
        assert "1 new in the feed, 1 announced" in polled.content
        await fake.wait_until(lambda: bool(fake.bot_messages(world.news)))
        [announcement] = fake.bot_messages(world.news)
        assert announcement.allowed_mentions == {"parse": []}
        [embed] = announcement.embeds
        assert embed["title"] == "Kaesong tram line"
        assert embed["url"] == "https://news.example/2"
        assert "tram line now links Kaesong" in embed["description"]
        assert embed["footer"]["text"] == "c/northkorea"

        ask = await world.command(world.member, "ask", {"question": "Kaesong tram line"})
        assert "Kaesong tram line" in text_of(await ask.shown())

        # ... and it is part of this week's digest
        preview = await world.command(world.moderator, "digest preview")
        await preview.response()
        shown = "\n".join(text_of(m) for m in await preview.followups())
        assert "Kaesong tram line" in shown

        listing = await world.command(world.moderator, "source list")
        listed = text_of(await listing.shown())
        assert "#1 c/northkorea [ok]" in listed
        assert f"announces in <#{world.news.id}>" in listed
        job = running.digest_scheduler.scheduler.get_job("source:1")
        assert job is not None and job.max_instances == 1

        remove = await world.command(world.moderator, "source remove", {"source": "1"})
        assert "No longer following" in (await remove.response()).content
        assert running.digest_scheduler.scheduler.get_job("source:1") is None


async def test_loopback_feeds_are_refused_by_default(world: World, feed: FeedServer) -> None:
    # Names that resolve to private addresses are refused by the resolver: unit-tested in
    # tests/archive/test_addresses.py, since resolving a name here could leave the machine.
    async with world.running():
        add = await world.command(world.moderator, "source add", {"url": feed.url})
        refused = await add.final_message()
        assert "Feed not added" in refused.content and "loopback" in refused.content
        assert feed.requests == []  # refused before any connection
