"""Use cases of the weekly digest: build, preview, and post each guild's week exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from bot.archive.storage.articles import ArticleRepository
from bot.core.clock import Clock
from bot.core.guild_settings import GuildSettings
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.core.payloads import Payload
from bot.digest.domain.weeks import current_iso_week, iso_week_bounds
from bot.digest.storage import DigestRun, DigestRunRepository

if TYPE_CHECKING:
    from bot.archive.domain.articles import Article
    from bot.digest.domain.build import Digest

log = logging.getLogger(__name__)

RETRY_DELAYS = (2.0, 10.0, 30.0)  # seconds between the 4 attempts of one post


class PublishError(Exception):
    """Posting failed; ``retryable`` says whether trying again may help (5xx, rate limit)."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class DigestPublisher(Protocol):
    """Where digests go (Discord in production; a recording fake in tests)."""

    async def publish(
        self, channel_id: int, messages: Sequence[Payload], attachment: tuple[str, bytes] | None
    ) -> list[int]:
        """Post the messages in order; return their ids. Raise PublishError on failure."""
        ...

    async def find_posted(self, channel_id: int, week: str) -> list[int]:
        """Ids of the bot's own digest messages for ``week`` already in the channel, if any."""
        ...

    async def alert(self, channel_id: int | None, text: str) -> None:
        """Tell the moderators (alerts channel); must not raise."""
        ...


@dataclass(frozen=True, slots=True)
class PostResult:
    status: str  # posted, already_posted, in_progress, empty, failed, no_channel
    week: str
    message: str
    run: DigestRun | None = None
    digest: Digest | None = None


def digest_week_for(now: datetime, tz: ZoneInfo) -> str:
    """The week a digest posted at ``now`` reports: the last complete ISO week in ``tz``."""
    local = now.astimezone(tz)
    return current_iso_week(local - timedelta(days=7), tz)


def scheduled_instant(settings: GuildSettings, now: datetime) -> datetime:
    """This calendar week's scheduled post time for the guild (aware, in its timezone)."""
    tz = settings.zone
    local = now.astimezone(tz)
    monday = (local - timedelta(days=local.weekday())).date()
    day = monday + timedelta(days=settings.digest_weekday)
    clock = settings.digest_clock
    # ZoneInfo resolves a wall time inside a DST gap or overlap with fold=0, like cron does.
    return datetime(day.year, day.month, day.day, clock.hour, clock.minute, tzinfo=tz)


class DigestService:
    def __init__(
        self,
        articles: ArticleRepository,
        settings: GuildSettingsRepository,
        runs: DigestRunRepository,
        clock: Clock,
        *,
        publisher: DigestPublisher | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        templates: Path | None = None,
        executor: Executor | None = None,
    ) -> None:
        self._articles = articles
        self._settings = settings
        self._runs = runs
        self._clock = clock
        self._publisher = publisher
        self._sleep = sleep
        self._retry_delays = tuple(retry_delays)
        self.templates = templates
        self._executor = executor

    def use_executor(self, executor: Executor | None) -> None:
        """Where builds run: None is a worker thread (CLI, tests); the bot passes a child
        process (see bot.run.digest_process), so clustering never holds the loop's GIL."""
        self._executor = executor

    def set_publisher(self, publisher: DigestPublisher | None) -> None:
        self._publisher = publisher

    # -- building ---------------------------------------------------------------------------------

    async def build(self, week: str, tz: ZoneInfo) -> Digest:
        """The digest of ``week`` in ``tz``; clustering and ranking run off the event loop."""
        # Clustering needs scikit-learn: imported on the first build, not with the bot.
        from bot.digest.domain.build import HISTORY_LIMIT, build_digest

        start, end = iso_week_bounds(week, tz)
        # One extra day each side: the SQL compares UTC strings, the domain decides exactly.
        articles = await self._articles.between(start - timedelta(days=1), end + timedelta(days=1))
        history = await self._articles.before(start, limit=HISTORY_LIMIT)
        job = partial(build_digest, articles, week, tz, history=history)
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    def warm_up(self) -> None:
        """Load what the first digest needs, once, before the bot connects.

        The first build imports scikit-learn's clustering, reads the newsroom vocabulary and the
        stemmer, and the first chart imports matplotlib: done in the worker thread of the first
        real digest, those imports held the GIL long enough to make the event loop late by ~90 ms
        (bench/bench_event_loop.py). Building (in the executor, which starts the child process
        if there is one) and charting a small made-up week here does all of it while nothing
        else is waiting.
        """
        from bot.digest.domain.build import build_digest
        from bot.digest.render.outputs import render_chart_png

        job = partial(build_digest, _warm_up_articles(), "2024-W02", ZoneInfo("UTC"))
        # In the child process when there is one (starting it now, with its imports done).
        digest = job() if self._executor is None else self._executor.submit(job).result()
        if not digest.is_empty:
            render_chart_png(digest)

    async def preview(self, guild_id: int | None, week: str | None = None) -> Digest:
        """The week so far (or the given week) for the guild, as /digest preview shows it."""
        tz = await self.timezone_of(guild_id)
        return await self.build(week or current_iso_week(self._clock.now(), tz), tz)

    async def timezone_of(self, guild_id: int | None) -> ZoneInfo:
        """The guild's timezone; without a guild, see default_timezone."""
        if guild_id is None:
            return (await self.default_timezone())[0]
        return (await self._settings.get(guild_id)).zone

    async def default_timezone(self) -> tuple[ZoneInfo, int | None]:
        """Where no guild is given (the CLI, the local shell): the timezone of the only server
        with a digest schedule, with its id; else UTC. Weeks are cut and dates shown in it."""
        enabled = await self._settings.with_digests_enabled()
        if len(enabled) == 1:
            return enabled[0].zone, enabled[0].guild_id
        return ZoneInfo("UTC"), None

    async def render(self, digest: Digest) -> tuple[list[Payload], tuple[str, bytes] | None]:
        """Discord payloads and the chart attachment (matplotlib runs in a worker thread)."""
        if digest.is_empty:
            return [], None
        from bot.digest.render.outputs import (
            chart_filename,
            render_chart_png,
            render_discord_messages,
        )

        name = chart_filename(digest)
        png = await asyncio.to_thread(render_chart_png, digest)
        return render_discord_messages(digest, name, templates=self.templates), (name, png)

    # -- settings ---------------------------------------------------------------------------------

    async def settings(self, guild_id: int) -> GuildSettings:
        return await self._settings.get(guild_id)

    async def schedule(
        self, guild_id: int, *, channel_id: int, weekday: int | str, at: str, timezone: str
    ) -> GuildSettings:
        """Turn the weekly digest on (validating every value) and return the new settings."""
        return await self._settings.update(
            guild_id,
            now=self._clock.now(),
            digest_channel_id=channel_id,
            digest_weekday=weekday,
            digest_time=at,
            timezone=timezone,
            digest_enabled=True,
        )

    async def turn_off(self, guild_id: int) -> GuildSettings:
        return await self._settings.update(guild_id, now=self._clock.now(), digest_enabled=False)

    async def enabled_guilds(self) -> list[GuildSettings]:
        return await self._settings.with_digests_enabled()

    async def history(self, guild_id: int, limit: int = 8) -> list[DigestRun]:
        return await self._runs.history(guild_id, limit)

    # -- posting ----------------------------------------------------------------------------------

    async def post_due(self, guild_id: int, *, trigger: str) -> PostResult:
        """Post the week the schedule reports now (the last complete week), unless already done."""
        settings = await self._settings.get(guild_id)
        week = digest_week_for(self._clock.now(), settings.zone)
        return await self.post_week(guild_id, week, trigger=trigger)

    async def catch_up(self) -> list[PostResult]:
        """On start-up: post every enabled guild's digest whose time this week has passed."""
        results = []
        now = self._clock.now()
        for settings in await self._settings.with_digests_enabled():
            if now < scheduled_instant(settings, now):
                continue
            week = digest_week_for(now, settings.zone)
            run = await self._runs.get(settings.guild_id, week)
            if run is not None and run.status in ("posted", "empty"):
                continue
            results.append(await self.post_week(settings.guild_id, week, trigger="startup"))
        return results

    async def retry_failed(self, max_attempts: int = 12) -> list[PostResult]:
        """Try again the failed digests of the week now due, a bounded number of times."""
        results = []
        for settings in await self._settings.with_digests_enabled():
            week = digest_week_for(self._clock.now(), settings.zone)
            run = await self._runs.get(settings.guild_id, week)
            if run is not None and run.status == "failed" and run.attempts < max_attempts:
                results.append(await self.post_week(settings.guild_id, week, trigger="retry"))
        return results

    async def post_week(
        self, guild_id: int, week: str, *, trigger: str, force: bool = False
    ) -> PostResult:
        """Claim the guild's week, then post it; exactly once unless ``force`` (a confirmed re-post)."""
        settings = await self._settings.get(guild_id)
        channel_id = settings.digest_channel_id
        if channel_id is None:
            return PostResult(
                "no_channel",
                week,
                "No digest channel is set: a moderator can pick one with /digest schedule.",
            )
        if self._publisher is None:
            return PostResult(
                "failed", week, "Digests can only be posted while the bot is connected."
            )
        now = self._clock.now()
        run = await self._runs.claim(
            guild_id, week, trigger=trigger, channel_id=channel_id, now=now, force=force
        )
        if run is None:
            existing = await self._runs.get(guild_id, week)
            if existing is not None and existing.status == "posted":
                return PostResult(
                    "already_posted", week, f"The digest of {week} was already posted.", existing
                )
            return PostResult(
                "in_progress", week, f"The digest of {week} is being posted right now.", existing
            )
        digest = await self.build(week, settings.zone)
        if digest.is_empty:
            await self._runs.mark_empty(run.id)
            return PostResult("empty", week, digest.empty_reason or "Nothing to post.", run, digest)
        if not force:
            # A claim re-taken from a process that died mid-post: the post may have gone out.
            already = await self._safe_find_posted(channel_id, week)
            if already:
                await self._runs.mark_posted(
                    run.id, message_ids=already, channel_id=channel_id, now=self._clock.now()
                )
                return PostResult(
                    "already_posted", week, f"The digest of {week} was already posted.", run, digest
                )
        messages, attachment = await self.render(digest)
        return await self._publish_with_retries(run, settings, messages, attachment, digest)

    async def _publish_with_retries(
        self,
        run: DigestRun,
        settings: GuildSettings,
        messages: list[Payload],
        attachment: tuple[str, bytes] | None,
        digest: Digest,
    ) -> PostResult:
        assert self._publisher is not None and settings.digest_channel_id is not None
        channel_id = settings.digest_channel_id
        attempts = 0
        error = "unknown error"
        for delay in (*self._retry_delays, None):
            attempts += 1
            try:
                ids = await self._publisher.publish(channel_id, messages, attachment)
            except PublishError as exc:
                error = str(exc)
                log.warning("digest %s for guild %s: attempt %d failed: %s",
                            run.week, run.guild_id, attempts, error)  # fmt: skip
                if not exc.retryable or delay is None:
                    break
                await self._sleep(delay)
                continue
            await self._runs.mark_posted(
                run.id, message_ids=ids, channel_id=channel_id, now=self._clock.now()
            )
            posted = await self._runs.get(run.guild_id, run.week)
            return PostResult(
                "posted", run.week, f"Posted the digest of {run.week}.", posted, digest
            )
        await self._runs.mark_failed(run.id, error=error, attempts=attempts)
        await self._publisher.alert(
            settings.alerts_channel_id,
            f"The weekly digest of {run.week} could not be posted in <#{channel_id}> after "
            f"{attempts} attempt(s): {error}. Check the bot's permissions in that channel, "
            "then use /digest now to post it.",
        )
        failed = await self._runs.get(run.guild_id, run.week)
        return PostResult(
            "failed",
            run.week,
            f"The digest of {run.week} could not be posted: {error}",
            failed,
            digest,
        )

    async def _safe_find_posted(self, channel_id: int, week: str) -> list[int]:
        assert self._publisher is not None
        try:
            return await self._publisher.find_posted(channel_id, week)
        except PublishError:
            return []


def _warm_up_articles() -> list[Article]:
    """A made-up week of six short reports on three events (only for warm_up; never shown)."""
    from bot.archive.domain.articles import Article

    events = (
        ("Flood recovery under way in North Phyongan", "Crews rebuilt 40 houses and two bridges."),
        ("Party plenary meeting opens in Pyongyang", "The meeting reviewed the year's economy."),
        ("Table tennis team wins in Doha", "The women's team beat Japan 3-1 in the final."),
    )
    day = datetime(2024, 1, 9, 9, 0, tzinfo=ZoneInfo("UTC"))
    return [
        Article(
            id=f"warm-up-{n}-{copy}",
            source="warm-up",
            title=title if copy == 0 else f"{title}, report says",
            body=f"{body} {title}.",
            published=day + timedelta(days=n, hours=copy),
        )
        for n, (title, body) in enumerate(events)
        for copy in range(2)
    ]
