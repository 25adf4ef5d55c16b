"""The Discord client: an AutoShardedBot that knows no feature; `bot.run` hands it the cogs."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import datetime
from typing import Any, Protocol

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.core.errors import DatabaseError

log = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://discord.com/api/v10"
COMMAND_HASH_KEY = "command_sync_hash"

Extension = Callable[["DigestBot"], Awaitable[Any]]
"""Registers one feature's commands, listeners and views on the bot (a cog's ``setup``)."""


class KeyValueStore(Protocol):
    """Where the bot remembers the hash of the commands it last synced (core's MetaRepository)."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...


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

    def __init__(
        self,
        *,
        extensions: Sequence[Extension],
        meta: KeyValueStore,
        started_at: datetime,
        api_base: str = DEFAULT_API_BASE,
        guild_ids: Sequence[int] = (),
        owner_ids: Sequence[int] = (),
        on_setup_done: Callable[[], None] | None = None,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        # The bot never joins voice: discord.py's warnings about missing voice libraries
        # (PyNaCl, davey) would only worry the operator.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
            max_messages=2000,
        )
        self._extensions = tuple(extensions)
        self.meta = meta
        self.started_at = started_at
        self.api_base = api_base
        self.guild_ids = tuple(guild_ids)
        self.extra_owner_ids = frozenset(owner_ids)
        self._on_setup_done = on_setup_done
        self.background_tasks: set[asyncio.Task[Any]] = set()

    async def setup_hook(self) -> None:
        if self.api_base != DEFAULT_API_BASE:
            # After a failed resume discord.py identifies on DEFAULT_GATEWAY: keep that in step with
            # the gateway this API base hands out (a REST proxy, or the tests' loopback).
            _, gateway_url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
        for setup in self._extensions:
            await setup(self)
        self.tree.error(self.on_app_command_error)
        await self.sync_commands_if_changed()
        if self._on_setup_done is not None:
            self._on_setup_done()

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """A background task kept referenced until done (asyncio keeps only weak references)."""
        task = asyncio.create_task(coroutine)
        self.background_tasks.add(task)
        task.add_done_callback(self.background_tasks.discard)
        return task

    async def is_bot_owner(self, user: discord.abc.User) -> bool:
        """The application's owner, or one of DIGESTBOT_OWNER_IDS."""
        return user.id in self.extra_owner_ids or await self.is_owner(user)

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
        if self.guild_ids:
            count = 0
            for guild_id in self.guild_ids:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                count = len(await self.tree.sync(guild=guild))
            return count
        return len(await self.tree.sync())

    async def sync_commands_if_changed(self) -> bool:
        """Discord rate-limits command syncs: only sync when the definitions changed."""
        scope = ",".join(str(g) for g in self.guild_ids) or "global"
        wanted = f"{scope}:{self.command_definitions_hash()}"
        if await self.meta.get(COMMAND_HASH_KEY) == wanted:
            log.info("slash commands unchanged; not syncing")
            return False
        count = await self.sync_commands()
        try:
            await self.meta.set(COMMAND_HASH_KEY, wanted)
        except DatabaseError as exc:  # read-only or full: the next start syncs again, no harm
            log.warning("could not remember the synced commands: %s", exc)
        log.info("synced %d slash commands (%s)", count, scope)
        return True

    async def force_sync(self) -> int:
        """/sync: sync now, and remember that the next start must not skip it."""
        count = await self.sync_commands()
        await self.meta.set(COMMAND_HASH_KEY, "forced")
        return count

    # -- errors -----------------------------------------------------------------------------------

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        from bot.discord.errors import handle_app_command_error

        await handle_app_command_error(interaction, error)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in event %s (args=%r)", event_method, args[:2])
