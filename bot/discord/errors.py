"""One place that turns a failed slash command into a sentence for the member, and a log line."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.core.errors import StorageUnavailable
from bot.discord.checks import ModeratorOnly
from bot.discord.replies import NO_MENTIONS

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = (
    "Something went wrong on our side while running this command; it has been logged. "
    "Please try again in a minute."
)


def explain(error: app_commands.AppCommandError) -> str | None:
    """A sentence for errors that are the member's to fix; None for our own failures."""
    original = getattr(error, "original", None)
    if isinstance(original, StorageUnavailable):
        return original.user_message() + " Moderators were told; try again later."
    if isinstance(error, ModeratorOnly):
        return str(error)
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the Manage Server permission to use this command."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server, not in direct messages."
    if isinstance(error, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ") for p in error.missing_permissions)
        return f"I am missing permissions here: {missing}. Ask an admin to grant them."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"“{str(error.value)[:100]}” is not a valid value for this option."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You cannot use this command here."
    return None


async def handle_app_command_error(
    interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    message = explain(error)
    if message is None:
        command = interaction.command.qualified_name if interaction.command else "?"
        original = getattr(error, "original", error)
        log.error(
            "/%s failed (guild=%s channel=%s user=%s)",
            command,
            interaction.guild_id,
            interaction.channel_id,
            interaction.user.id,
            exc_info=original,
        )
        message = SOMETHING_WENT_WRONG
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException:
        log.warning("could not tell user %s about a failed command", interaction.user.id)
