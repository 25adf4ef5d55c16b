"""APScheduler jobs: each guild's weekly digest (a CronTrigger in its timezone) and retries."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.guild_settings import GuildSettings
from bot.digest.service import DigestService, PostResult

log = logging.getLogger(__name__)

# A job that missed its time (the loop was busy, the machine slept) still runs within the week;
# downtime of the whole process is covered by DigestService.catch_up at start-up.
MISFIRE_GRACE = int(timedelta(days=6).total_seconds())
RETRY_EVERY = timedelta(minutes=30)
_CRON_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def digest_job_id(guild_id: int) -> str:
    return f"digest:{guild_id}"


def digest_trigger(settings: GuildSettings) -> CronTrigger:
    clock = settings.digest_clock
    return CronTrigger(
        day_of_week=_CRON_DAYS[settings.digest_weekday],
        hour=clock.hour,
        minute=clock.minute,
        timezone=settings.zone,
    )


class DigestScheduler:
    """Keeps one cron job per guild with digests on, in step with the guild's settings."""

    def __init__(self, service: DigestService, scheduler: AsyncIOScheduler | None = None) -> None:
        self._service = service
        self.scheduler = scheduler or AsyncIOScheduler(timezone="UTC")

    async def start(self) -> None:
        """Start the scheduler and add every guild's job (``catch_up`` posts what downtime missed)."""
        if not self.scheduler.running:
            self.scheduler.start()
        for settings in await self._service.enabled_guilds():
            self.apply(settings)
        self.scheduler.add_job(
            self._retry_failed,
            IntervalTrigger(seconds=int(RETRY_EVERY.total_seconds())),
            id="digest:retry",
            coalesce=True,
            max_instances=1,
            replace_existing=True,
        )

    async def catch_up(self) -> list[PostResult]:
        """Post the digests whose time passed while the bot was down (call once connected)."""
        try:
            results = await self._service.catch_up()
        except Exception:
            log.exception("digest catch-up failed")
            return []
        for result in results:
            log.info("digest catch-up: %s", result.message)
        return results

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def apply(self, settings: GuildSettings) -> None:
        """Add, move or remove the guild's job after its settings changed."""
        job_id = digest_job_id(settings.guild_id)
        if not settings.digest_enabled or settings.digest_channel_id is None:
            if self.scheduler.get_job(job_id) is not None:
                self.scheduler.remove_job(job_id)
            return
        self.scheduler.add_job(
            self._post_scheduled,
            digest_trigger(settings),
            args=[settings.guild_id],
            id=job_id,
            name=f"weekly digest of guild {settings.guild_id}",
            coalesce=True,
            max_instances=1,
            misfire_grace_time=MISFIRE_GRACE,
            replace_existing=True,
        )

    def next_run(self, guild_id: int) -> datetime | None:
        job = self.scheduler.get_job(digest_job_id(guild_id))
        return None if job is None else job.next_run_time

    async def _post_scheduled(self, guild_id: int) -> None:
        try:
            result = await self._service.post_due(guild_id, trigger="scheduled")
            log.info("scheduled digest for guild %s: %s", guild_id, result.message)
        except Exception:
            # APScheduler would only log this at its own level; make it ours.
            log.exception("scheduled digest for guild %s failed", guild_id)

    async def _retry_failed(self) -> None:
        try:
            for result in await self._service.retry_failed():
                log.info("digest retry for %s: %s", result.week, result.message)
        except Exception:
            log.exception("digest retry sweep failed")
