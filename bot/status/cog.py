"""/status (moderators: the bot's health at a glance) and /sync (the owner forces a command sync)."""

from __future__ import annotations

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


class StatusCog(commands.Cog):
    def __init__(
        self, bot: DigestBot, status: StatusService, digests: DigestScheduler, clock: Clock
    ) -> None:
        self.bot = bot
        self.status_service = status
        self.digests = digests
        self.clock = clock

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
        lines = [
            f"**Uptime** {_duration(uptime.total_seconds())} · **servers** {len(self.bot.guilds)} "
            f"· **shards** {self.bot.shard_count or 1}",
            f"**Archive** {snapshot.articles:,} articles, {snapshot.passages:,} passages; "
            f"{snapshot.indexed_articles:,} articles searchable",
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
