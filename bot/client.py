"""The Discord adapter: an AutoShardedBot wired to the services, and `digestbot run`."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import signal
import sys
from collections.abc import Coroutine
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.app import App, build_app, close_app, tune_for_event_loop
from bot.cli_common import TOKEN_HELP
from bot.scheduling import DigestScheduler
from bot.settings import DEFAULT_API_BASE, Settings

log = logging.getLogger(__name__)

COMMAND_HASH_KEY = "command_sync_hash"


def point_discord_at(api_base: str) -> None:
    """Send every REST call (interaction callbacks and webhooks included) to ``api_base``."""
    Route.BASE = api_base.rstrip("/")


def bot_intents() -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = True  # privileged: the moderation filter reads every message
    return intents


class DigestBot(commands.AutoShardedBot):
    """Sharding is automatic (Discord requires it past 2,500 servers)."""

    def __init__(self, app: App, *, guild_ready_timeout: float = 2.0) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
            max_messages=2000,
        )
        self.app = app
        self.digest_scheduler = DigestScheduler(app.digests)
        self.started_at = app.clock.now()
        self._caught_up = False
        self.background_tasks: set[asyncio.Task[Any]] = set()

    async def setup_hook(self) -> None:
        from bot.cogs import COGS
        from bot.cogs.alerts import AlertButton

        if self.app.settings.discord_api_base != DEFAULT_API_BASE:
            # After a failed resume discord.py identifies on DEFAULT_GATEWAY: keep that in step with
            # the gateway this API base hands out (a REST proxy, or the tests' loopback).
            _, gateway_url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
        for setup in COGS:
            await setup(self)
        self.add_dynamic_items(AlertButton)
        self.tree.error(self.on_app_command_error)
        await self.sync_commands_if_changed()
        await self.digest_scheduler.start()
        tune_for_event_loop()

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))
        if not self._caught_up:
            # Only once connected are the digest channels known: post what downtime missed now.
            self._caught_up = True
            self.spawn(self.digest_scheduler.catch_up())

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """A background task kept referenced until done (asyncio keeps only weak references)."""
        task = asyncio.create_task(coroutine)
        self.background_tasks.add(task)
        task.add_done_callback(self.background_tasks.discard)
        return task

    async def close(self) -> None:
        self.digest_scheduler.shutdown()
        await super().close()

    # -- command sync -----------------------------------------------------------------------------

    def command_definitions_hash(self) -> str:
        definitions = sorted(
            (command.to_dict(self.tree) for command in self.tree.get_commands()),
            key=lambda d: str(d["name"]),
        )
        blob = json.dumps(definitions, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    async def sync_commands(self) -> int:
        """Sync to the development guilds (instant) or globally; returns the command count."""
        guild_ids = self.app.settings.guild_ids
        if guild_ids:
            count = 0
            for guild_id in guild_ids:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                count = len(await self.tree.sync(guild=guild))
            return count
        return len(await self.tree.sync())

    async def sync_commands_if_changed(self) -> bool:
        """Discord rate-limits command syncs: only sync when the definitions changed."""
        scope = ",".join(str(g) for g in self.app.settings.guild_ids) or "global"
        wanted = f"{scope}:{self.command_definitions_hash()}"
        if await self.app.meta.get(COMMAND_HASH_KEY) == wanted:
            log.info("slash commands unchanged; not syncing")
            return False
        count = await self.sync_commands()
        await self.app.meta.set(COMMAND_HASH_KEY, wanted)
        log.info("synced %d slash commands (%s)", count, scope)
        return True

    # -- errors -----------------------------------------------------------------------------------

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        from bot.cogs.errors import handle_app_command_error

        await handle_app_command_error(interaction, error)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in event %s (args=%r)", event_method, args[:2])


async def run_bot(settings: Settings) -> int:
    """`digestbot run`: one line and a non-zero exit for a missing or rejected token."""
    token = settings.discord_token
    if not token:
        print(f"digestbot: DISCORD_TOKEN is not set: {TOKEN_HELP}", file=sys.stderr)
        return 2
    point_discord_at(settings.discord_api_base)
    app = await build_app(settings)  # an empty database is seeded before the bot reports ready
    bot = DigestBot(app)
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []

    def stop() -> None:
        log.info("shutting down")
        if not stopping:
            stopping.append(loop.create_task(bot.close()))

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop)
    try:
        async with bot:
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
    return 0
