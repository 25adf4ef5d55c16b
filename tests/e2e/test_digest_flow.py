"""The weekly digest through Discord: schedule, post exactly once, restarts, failures."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.app import open_app
from bot.digest.jobs import digest_job_id
from bot.run import DiscordRuntime
from tests.e2e.conftest import World, text_of

MONDAY_AFTER = datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC)  # the schedule's time, week 2026-W49
TOPICS = ("flood relief", "rail link", "harvest", "football final", "trade fair", "vaccines")


@pytest.fixture(autouse=True)
async def dated_week(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Six dated articles of week 2026-W48: the seed's posts are undated, so they are never
    a week's news, and a digest needs some."""
    lines = [
        {
            "id": f"news-{n}",
            "title": f"Report on the {topic}",
            "text": f"Officials said on day {n} that the {topic} went ahead in province {n}. " * 3,
            "published": f"2026-11-{23 + n % 5:02d}T10:00:00+00:00",
            "url": f"https://news.example/{n}",
        }
        for n, topic in enumerate(TOPICS)
    ]
    path = tmp_path / "week.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    async with open_app(world.settings(), clock=world.clock) as app:
        await app.ingest.ingest([str(path)])


async def schedule(world: World, **overrides: object) -> str:
    options = {"channel": world.news, "weekday": 0, "time": "09:00", "timezone": "UTC"}
    options.update(overrides)
    handle = await world.command(world.moderator, "digest schedule", options)
    return (await handle.response()).content


async def fire_scheduled_job(bot: DiscordRuntime, world: World) -> None:
    """Run exactly what APScheduler runs when the guild's cron trigger fires."""
    job = bot.digest_scheduler.scheduler.get_job(digest_job_id(world.guild.id))
    assert job is not None
    await job.func(*job.args)


async def test_scheduled_digest_posts_once_across_a_restart(world: World) -> None:
    fake = world.fake
    async with world.running() as bot:
        reply = await schedule(world)
        assert "every Monday at 09:00 (UTC)" in reply
        job = bot.digest_scheduler.scheduler.get_job(digest_job_id(world.guild.id))
        assert job is not None and job.coalesce and job.max_instances == 1
        assert job.next_run_time.weekday() == 0 and job.next_run_time.hour == 9
        world.clock.set(MONDAY_AFTER)
        await fire_scheduled_job(bot, world)
        posted = fake.bot_messages(world.news)
        assert 1 <= len(posted) <= 3
        assert "2026-W48" in text_of(posted[0])
        assert any(a.filename.endswith(".png") for a in posted[-1].attachments)
        assert all(m.allowed_mentions == {"parse": []} for m in posted)
        await fire_scheduled_job(bot, world)  # a misfire or a second trigger: nothing new
        assert len(fake.bot_messages(world.news)) == len(posted)
        again = await world.command(world.moderator, "digest now")
        await again.response()
        [ask] = await again.followups()
        assert "already posted" in ask.content  # asks to confirm, posts nothing yet
        assert len(fake.bot_messages(world.news)) == len(posted)
    world.clock.set(MONDAY_AFTER.replace(hour=12))
    async with world.running():
        # start-up catch-up sees the week as posted
        assert len(fake.bot_messages(world.news)) == len(posted)
        history = await world.command(world.moderator, "digest history")
        assert "**2026-W48** · posted · scheduled" in text_of(await history.response())


async def test_a_digest_missed_while_down_is_posted_at_start_up(world: World) -> None:
    fake = world.fake
    async with world.running():
        await schedule(world)
    world.clock.set(MONDAY_AFTER.replace(hour=18))  # down at 09:00, back the same week
    async with world.running():
        await fake.wait_until(lambda: fake.bot_messages(world.news))
        count = len(fake.bot_messages(world.news))
    async with world.running():
        assert len(fake.bot_messages(world.news)) == count


async def test_a_failing_channel_alerts_the_moderators(world: World) -> None:
    fake = world.fake
    async with world.running() as bot:
        alerts = await world.command(world.moderator, "filter alerts", {"channel": world.alerts})
        await alerts.response()
        await schedule(world)
        await fake.delete_channel(world.news)
        world.clock.set(MONDAY_AFTER)
        await fire_scheduled_job(bot, world)
        await fake.wait_until(lambda: fake.bot_messages(world.alerts))
        [alert] = fake.bot_messages(world.alerts)
        assert "could not be posted" in alert.content
        runs = await bot.app.digests.history(world.guild.id)
        assert runs[0].status == "failed" and runs[0].error


async def test_preview_is_ephemeral_and_bad_schedules_are_explained(world: World) -> None:
    async with world.running():
        preview = await world.command(world.moderator, "digest preview")
        assert (await preview.response()).type == 5
        followups = await preview.followups()
        assert followups[0].ephemeral
        assert "2026-W48" in text_of(followups[0])
        assert "Not scheduled" in await schedule(world, timezone="Mars/Olympus_Mons")
        assert "not a time of day" in await schedule(world, time="25:99")
        zones = await world.fake.autocomplete(
            world.general,
            world.moderator,
            "digest schedule",
            {"channel": world.news, "weekday": 0, "time": "09:00", "timezone": "seo"},
            focused="timezone",
        )
        assert {"name": "Asia/Seoul", "value": "Asia/Seoul"} in zones
        off = await world.command(world.moderator, "digest off")
        assert "off" in (await off.response()).content


async def test_now_asks_before_posting_a_week_again(world: World) -> None:
    fake = world.fake
    async with world.running():
        await schedule(world)
        world.clock.set(MONDAY_AFTER)
        first = await world.command(world.moderator, "digest now")
        await first.response()
        [posted] = await first.followups()
        assert "Posted the digest of 2026-W48" in posted.content
        count = len(fake.bot_messages(world.news))
        again = await world.command(world.moderator, "digest now")
        await again.response()
        [question] = await again.followups()
        confirm = next(
            c["custom_id"] for row in question.components for c in row["components"]
            if c.get("label") == "Post again"
        )  # fmt: skip
        stranger = await fake.click_button(question, confirm, world.member, validate=False)
        assert "not your button" in (await stranger.response()).content
        click = await fake.click_button(question, confirm, world.moderator)
        await click.response()
        await fake.wait_until(lambda: len(fake.bot_messages(world.news)) == 2 * count)
