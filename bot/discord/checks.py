"""Who is a moderator: defined once, and checked in code by every moderator command, button,
autocomplete and status view.

``default_permissions`` only hides a command from members by default; server admins can change
that per role, and discord.py runs a group's ``interaction_check`` for commands but not for their
autocompletes (``CommandTree._call`` -> ``Command._invoke_autocomplete``). So each entry point
asks :func:`is_moderator` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

if TYPE_CHECKING:
    from discord.ext import commands

MODERATOR_PERMISSION = "Manage Server"
MODERATOR_DEFAULT_PERMISSIONS = discord.Permissions(manage_guild=True)

G = TypeVar("G")
ChoiceT = TypeVar("ChoiceT", str, int, float)


def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """A moderator has Manage Server (or Administrator) in this server; never in DMs."""
    if interaction.guild_id is None:
        return False
    permissions = interaction.permissions
    return bool(permissions.manage_guild or permissions.administrator)


def not_a_moderator_message(what: str) -> str:
    return (
        f"Only moderators ({MODERATOR_PERMISSION} permission) can use {what}. "
        "Ask a moderator if you think something needs changing."
    )


class ModeratorOnly(app_commands.CheckFailure):
    """Raised by moderator commands for members who are not moderators."""

    def __init__(self, command: str) -> None:
        super().__init__(not_a_moderator_message(f"/{command}"))


class ModeratorGroup(app_commands.Group):
    """A slash-command group for moderators, hidden from members and checked on every use."""

    def __init__(self, *, name: str, description: str, bot: commands.Bot | None = None) -> None:
        super().__init__(
            name=name,
            description=description,
            guild_only=True,
            default_permissions=MODERATOR_DEFAULT_PERMISSIONS,
        )
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if not is_moderator(interaction):
            raise ModeratorOnly(self.name)
        return True


AutocompleteMethod = Callable[
    [G, discord.Interaction[Any], str], Coroutine[Any, Any, list[app_commands.Choice[ChoiceT]]]
]


def moderator_autocomplete(
    func: AutocompleteMethod[G, ChoiceT],
) -> AutocompleteMethod[G, ChoiceT]:
    """An autocomplete that shows moderator data: members get no choices at all."""

    @wraps(func)
    async def wrapper(
        self: G, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[ChoiceT]]:
        if not is_moderator(interaction):
            return []
        return await func(self, interaction, current)

    return wrapper
