"""`digestbot run`: the Discord client wired to the services, with every feature's cog.

The one place that knows every feature's Discord adapter; the client itself (`bot.discord.client`)
knows none. Jobs (weekly digests, feed polls) share one APScheduler on the bot's event loop.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import sys
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App, build_app, close_app
from bot.core.exits import TOKEN_HELP
from bot.core.runtime import tune_for_event_loop
from bot.core.settings import Settings
from bot.digest import cog as digest_cog
from bot.digest.jobs import DigestScheduler
from bot.discord.client import DigestBot, Extension, point_discord_at
from bot.feeds import cog as feeds_cog
from bot.feeds.jobs import SourceScheduler
from bot.moderation.cogs import alerts as alerts_cog
from bot.moderation.cogs import filters as filters_cog
from bot.moderation.cogs import listener as listener_cog
from bot.search import cog as search_cog
from bot.status import cog as status_cog

log = logging.getLogger(__name__)


@dataclass(slots=True)
class DiscordRuntime:
    """A built bot and what it runs on: the services, the job scheduler and its two job sets."""

    app: App
    bot: DigestBot
    scheduler: AsyncIOScheduler
    digest_scheduler: DigestScheduler
    source_scheduler: SourceScheduler


def build_bot(
    app: App, *, bot_class: type[DigestBot] = DigestBot, guild_ready_timeout: float = 2.0
) -> DiscordRuntime:
    """The client with every feature's cog, in load order (explicit: no discovery)."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    digest_jobs = DigestScheduler(app.digests, scheduler)
    source_jobs = SourceScheduler(app.sources, scheduler, app.clock)
    extensions: tuple[Extension, ...] = (
        lambda bot: search_cog.setup(bot, app.answers),
        lambda bot: filters_cog.setup(bot, app.moderation),
        lambda bot: digest_cog.setup(bot, app.digests, digest_jobs),
        lambda bot: alerts_cog.setup(bot, app.moderation),
        lambda bot: listener_cog.setup(bot, app.moderation),
        lambda bot: feeds_cog.setup(bot, app.sources, source_jobs, app.clock),
        lambda bot: status_cog.setup(bot, app.status, digest_jobs, app.clock),
    )
    bot = bot_class(
        extensions=extensions,
        meta=app.meta,
        started_at=app.clock.now(),
        api_base=app.settings.discord_api_base,
        guild_ids=app.settings.guild_ids,
        owner_ids=app.settings.owner_ids,
        on_setup_done=lambda: prepare_event_loop(app),
        guild_ready_timeout=guild_ready_timeout,
    )
    return DiscordRuntime(app, bot, scheduler, digest_jobs, source_jobs)


def digest_process() -> ProcessPoolExecutor:
    """One child process for digest builds, forked from a server that has imported the build.

    A build in a thread held the GIL in stretches (scikit-learn sorting a vocabulary, big
    regexes) and made the event loop late by 40-120 ms; in a child only pickling the week's
    articles and the digest touches the loop's process. The fork server starts clean (no
    threads of this process are copied) and preloads the build's imports once.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bot.digest.domain.build"])
    return ProcessPoolExecutor(max_workers=1, mp_context=context)


def prepare_event_loop(app: App) -> None:
    """Once set up, before connecting: load what the first message and the first digest need
    (so the loop does not wait on imports and data files), then tune GC and GIL switching."""
    app.moderation.warm_up()
    app.digests.warm_up()
    tune_for_event_loop()


@asynccontextmanager
async def stopping_jobs(runtime: DiscordRuntime) -> AsyncIterator[DiscordRuntime]:
    """Shut the job scheduler down when the bot stops, whatever stopped it."""
    try:
        yield runtime
    finally:
        if runtime.scheduler.running:
            runtime.scheduler.shutdown(wait=False)


async def run_bot(settings: Settings) -> int:
    """`digestbot run`: one line and a non-zero exit for a missing or rejected token."""
    token = settings.discord_token
    if not token:
        print(f"digestbot: DISCORD_TOKEN is not set: {TOKEN_HELP}", file=sys.stderr)
        return 2
    point_discord_at(settings.discord_api_base)
    # An empty database is seeded before the bot reports ready; one it cannot write is refused.
    app = await build_app(settings, require_writable=True)
    builds = digest_process()
    app.digests.use_executor(builds)
    runtime = build_bot(app)
    bot = runtime.bot
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []

    def stop() -> None:
        log.info("shutting down")
        if not stopping:
            stopping.append(loop.create_task(bot.close()))

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop)
    try:
        async with stopping_jobs(runtime), bot:
            await bot.start(token)
    except discord.LoginFailure:
        print(f"digestbot: Discord rejected DISCORD_TOKEN: {TOKEN_HELP}", file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "digestbot: the bot needs the Message Content intent: enable it in the developer "
            "portal under Bot > Privileged Gateway Intents",
            file=sys.stderr,
        )
        return 1
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await close_app(app)
        builds.shutdown(wait=False, cancel_futures=True)
    return 0
