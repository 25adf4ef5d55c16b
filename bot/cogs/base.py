"""What every cog shares: payload -> embeds, replies that never ping, and the moderator check."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.domain.markup import LIMITS, truncate

if TYPE_CHECKING:
    from bot.client import DigestBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
Payload = dict[str, Any]


def to_embeds(payload: Payload) -> list[discord.Embed]:
    return [discord.Embed.from_dict(e) for e in payload.get("embeds") or []][
        : LIMITS.embeds_per_message
    ]


def content_of(payload: Payload) -> str | None:
    content = payload.get("content")
    return truncate(str(content), LIMITS.content) if content else None


async def reply(
    interaction: discord.Interaction[Any],
    payload: Payload | None = None,
    *,
    text: str | None = None,
    ephemeral: bool = True,
    view: discord.ui.View | None = None,
    files: Sequence[discord.File] = (),
) -> None:
    """Answer an interaction whether or not it was deferred; never pings anyone."""
    content = truncate(text, LIMITS.content) if text else content_of(payload or {})
    embeds = to_embeds(payload or {})
    kwargs: dict[str, Any] = {
        "content": content,
        "embeds": embeds,
        "ephemeral": ephemeral,
        "allowed_mentions": NO_MENTIONS,
    }
    if view is not None:
        kwargs["view"] = view
    if files:
        kwargs["files"] = list(files)
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)


class ModeratorOnly(app_commands.CheckFailure):
    """Raised by moderator groups for members without Manage Server."""

    def __init__(self, command: str) -> None:
        super().__init__(
            f"Only moderators (Manage Server permission) can use /{command}. "
            "Ask a moderator if you think a filter or the digest needs changing."
        )


class ModeratorGroup(app_commands.Group):
    """A slash-command group for moderators.

    ``default_permissions`` hides it from members, but server admins can change that in Discord's
    settings, so every invocation is also checked here, in code.
    """

    def __init__(self, *, name: str, description: str, bot: DigestBot) -> None:
        super().__init__(
            name=name,
            description=description,
            guild_only=True,
            default_permissions=discord.Permissions(manage_guild=True),
        )
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        permissions = interaction.permissions
        if interaction.guild_id is None or not (
            permissions.manage_guild or permissions.administrator
        ):
            raise ModeratorOnly(self.name)
        return True


def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    permissions = interaction.permissions
    return bool(
        permissions.manage_guild or permissions.manage_messages or permissions.administrator
    )
