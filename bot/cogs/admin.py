"""/sync: the owner forces a slash-command sync."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.base import reply
from bot.domain.markup import escape_markdown

if TYPE_CHECKING:
    from bot.client import DigestBot


class AdminCog(commands.Cog):
    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

    @app_commands.command(name="sync", description="Owner only: sync the slash commands now")
    @app_commands.default_permissions(administrator=True)
    async def sync(self, interaction: discord.Interaction[Any]) -> None:
        # The application's owner always may; DIGESTBOT_OWNER_IDS adds co-maintainers.
        allowed = interaction.user.id in self.bot.app.settings.owner_ids
        if not allowed and not await self.bot.is_owner(interaction.user):
            await reply(interaction, text="Only the bot's owner can sync its commands.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        count = await self.bot.sync_commands()
        await self.bot.app.meta.set("command_sync_hash", "forced")
        await reply(interaction, text=f"Synced {count} commands.")

    @app_commands.command(name="status", description="Moderators: the bot's health at a glance")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        permissions = interaction.permissions
        if interaction.guild_id is None or not (
            permissions.manage_guild or permissions.administrator
        ):
            await reply(interaction, text="Only moderators (Manage Server) can use /status.")
            return
        snapshot = await self.bot.app.status.snapshot(interaction.guild_id)
        now = self.bot.app.clock.now()
        uptime = now - self.bot.started_at
        next_digest = self.bot.digest_scheduler.next_run(interaction.guild_id)
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


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(AdminCog(bot))
