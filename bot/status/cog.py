"""/status (moderators: the bot's health at a glance) and /sync (the owner forces a command sync)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.clock import Clock
from bot.core.markup import escape_markdown
from bot.digest.jobs import DigestScheduler
from bot.discord.checks import MODERATOR_DEFAULT_PERMISSIONS, is_moderator, not_a_moderator_message
from bot.discord.client import DigestBot
from bot.discord.replies import reply
from bot.status.service import StatusService

log = logging.getLogger(__name__)

STORAGE_CHECK_SECONDS = 10.0


class StatusCog(commands.Cog):
    def __init__(
        self, bot: DigestBot, status: StatusService, digests: DigestScheduler, clock: Clock
    ) -> None:
        self.bot = bot
        self.status_service = status
        self.digests = digests
        self.clock = clock
        self._monitor: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self._monitor = asyncio.create_task(self._watch_storage(), name="storage-monitor")

    async def cog_unload(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()

    async def _watch_storage(self) -> None:
        # A removed database directory makes every later write vanish silently: look often.
        while True:
            await asyncio.sleep(STORAGE_CHECK_SECONDS)
            try:
                self.status_service.check_storage()
            except Exception:
                log.exception("storage check failed")

    @app_commands.command(name="sync", description="Owner only: sync the slash commands now")
    @app_commands.default_permissions(administrator=True)
    async def sync(self, interaction: discord.Interaction[Any]) -> None:
        if not await self.bot.is_bot_owner(interaction.user):
            await reply(interaction, text="Only the bot's owner can sync its commands.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        count = await self.bot.force_sync()
        await reply(interaction, text=f"Synced {count} commands.")

    @app_commands.command(name="status", description="Moderators: the bot's health at a glance")
    @app_commands.default_permissions(manage_guild=MODERATOR_DEFAULT_PERMISSIONS.manage_guild)
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        if not is_moderator(interaction) or interaction.guild_id is None:
            await reply(interaction, text=not_a_moderator_message("/status"))
            return
        snapshot = await self.status_service.snapshot(interaction.guild_id)
        uptime = self.clock.now() - self.bot.started_at
        next_digest = self.digests.next_run(interaction.guild_id)
        archive = (
            f"{snapshot.articles:,} articles, {snapshot.passages:,} passages"
            if snapshot.articles is not None and snapshot.passages is not None
            else "the database cannot be read"
        )
        if snapshot.storage is None:
            storage = "ok"
        else:
            storage = (
                f"⚠️ fault since <t:{int(snapshot.storage.since.timestamp())}:R>: "
                f"{escape_markdown(snapshot.storage.reason)}; "
                f"{snapshot.unwritten_events} event(s) kept in memory"
            )
        lines = [
            f"**Uptime** {_duration(uptime.total_seconds())} · **servers** {len(self.bot.guilds)} "
            f"· **shards** {self.bot.shard_count or 1}",
            f"**Storage** {storage}",
            f"**Moderation** {snapshot.undecided_flags} undecided flag(s), "
            f"{snapshot.undelivered} alert(s) or notice(s) waiting (see /filter pending)",
            f"**Archive** {archive}; {snapshot.indexed_articles:,} articles searchable",
            "**Index written** "
            + (
                f"<t:{int(snapshot.index_written.timestamp())}:R>"
                if snapshot.index_written
                else "not yet (in memory only)"
            ),
            "**Next digest** "
            + (
                f"<t:{int(next_digest.timestamp())}:F>"
                if next_digest
                else "off (see /digest schedule)"
            ),
        ]
        if snapshot.failing_sources:
            names = ", ".join(
                escape_markdown(f"{s.label} ({s.consecutive_failures} failures)")
                for s in snapshot.failing_sources[:10]
            )
            lines.append(f"**Failing sources** {names}")
        else:
            lines.append("**Failing sources** none")
        await reply(
            interaction,
            {"embeds": [{"title": "digestbot status", "description": "\n".join(lines)}]},
        )


def _duration(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h {minutes}m" if days else f"{hours}h {minutes}m"


async def setup(
    bot: DigestBot, status: StatusService, digests: DigestScheduler, clock: Clock
) -> None:
    await bot.add_cog(StatusCog(bot, status, digests, clock))
