"""/sync: the owner forces a slash-command sync."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.base import reply

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


async def setup(bot: DigestBot) -> None:
    await bot.add_cog(AdminCog(bot))
