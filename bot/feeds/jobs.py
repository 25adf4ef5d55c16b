"""APScheduler jobs for followed feeds: one interval job per enabled source, kept in step.

Each job's next run is moved to the source's own next poll after every poll, so backoff after
failures is followed by the scheduler; the interval trigger is the fallback rhythm.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.clock import Clock, SystemClock
from bot.feeds.domain import FeedSource, poll_offset
from bot.feeds.service import SourceService

log = logging.getLogger(__name__)


def source_job_id(source_id: int) -> str:
    return f"source:{source_id}"


def _trigger_jitter(interval_minutes: int) -> int:
    # A random spread on top of the fixed per-source offset: a tenth of the interval, <= 1 minute.
    return min(60, interval_minutes * 6)


class SourceScheduler:
    """Keeps one job per enabled source, re-applied whenever the service reports a change."""

    def __init__(
        self, service: SourceService, scheduler: AsyncIOScheduler, clock: Clock | None = None
    ) -> None:
        self._service = service
        self.scheduler = scheduler
        # The service's clock: "overdue" must mean the same thing here as in SourceService.
        self._clock = clock or SystemClock()
        service.add_listener(self.apply)

    async def start(self) -> int:
        """Start the scheduler if needed and add a job per enabled source; returns how many."""
        if not self.scheduler.running:
            self.scheduler.start()
        sources = await self._service.enabled_sources()
        for source in sources:
            self.apply(source.id, source)
        return len(sources)

    def apply(self, source_id: int, source: FeedSource | None) -> None:
        """Add, move or remove the source's job (the service calls this after every change)."""
        job_id = source_job_id(source_id)
        if source is None or not source.enabled:
            if self.scheduler.get_job(job_id) is not None:
                self.scheduler.remove_job(job_id)
            return
        now = self._clock.now()
        first = source.next_poll
        if first <= now:
            # Overdue (start-up after downtime, resume): soon, but not every source at once.
            first = now + poll_offset(source.id, source.interval_minutes)
        interval = timedelta(minutes=source.interval_minutes)
        self.scheduler.add_job(
            self._poll,
            IntervalTrigger(
                minutes=source.interval_minutes,
                jitter=_trigger_jitter(source.interval_minutes),
                timezone=UTC,
            ),
            args=[source.id],
            id=job_id,
            name=f"poll feed #{source.id} ({source.label})",
            next_run_time=first,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=int(interval.total_seconds()),
            replace_existing=True,
        )

    def next_run(self, source_id: int) -> datetime | None:
        job = self.scheduler.get_job(source_job_id(source_id))
        return None if job is None else job.next_run_time

    async def _poll(self, source_id: int) -> None:
        try:
            result = await self._service.poll(source_id, force=False)
            log.info("scheduled poll: %s", result.summary())
        except Exception:
            # APScheduler would only log this at its own level; make it ours.
            log.exception("scheduled poll of source %s failed", source_id)
