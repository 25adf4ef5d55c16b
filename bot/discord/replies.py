"""What every cog shares: payload -> embeds, replies that never ping, channels, choices."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.core.markup import LIMITS, truncate
from bot.core.payloads import Payload

log = logging.getLogger(__name__)

FIRST_REPLY_SECONDS = 1.5
INTERACTION_ALREADY_ACKNOWLEDGED = 40060

NO_MENTIONS = discord.AllowedMentions.none()


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
        return
    try:
        # discord.py retries a failed first response after 1 s, then 3 s more: past Discord's
        # 3-second window. Give the first attempt (and one quick retry) this long ...
        await asyncio.wait_for(interaction.response.send_message(**kwargs), FIRST_REPLY_SECONDS)
        return
    except (TimeoutError, discord.HTTPException) as exc:
        if interaction.response.is_done():
            raise
        log.warning("first reply to /%s failed (%r); deferring", _command_name(interaction), exc)
    # ... then acknowledge within the window and send the answer as a followup, which the
    # interaction's 15-minute token lets discord.py retry at leisure.
    try:
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    except discord.HTTPException as exc:
        if exc.code == INTERACTION_ALREADY_ACKNOWLEDGED:
            return  # the cut-short first attempt did reach Discord after all
        raise
    for file in files:
        file.reset()
    await interaction.followup.send(**kwargs)


def _command_name(interaction: discord.Interaction[Any]) -> str:
    return interaction.command.qualified_name if interaction.command else "?"


def parse_id(raw: str) -> int | None:
    """The numeric id an autocomplete choice carries ("12" or "#12"); None for anything else."""
    digits = raw.strip().lstrip("#")
    return int(digits) if digits.isdigit() and len(digits) < 19 else None


async def get_or_fetch_text_channel(
    bot: discord.Client, channel_id: int
) -> discord.TextChannel | None:
    """A text channel from the cache, else from the API; None when it is gone or hidden."""
    channel: Any = bot.get_channel(channel_id)
    if channel is None:
        try:
            channel = await bot.fetch_channel(channel_id)
        except discord.HTTPException:
            log.warning("channel %s is gone or hidden from the bot", channel_id)
            return None
    return channel if isinstance(channel, discord.TextChannel) else None


async def send_to_alerts(bot: discord.Client, channel_id: int | None, text: str) -> bool:
    """Tell the moderators in their alerts channel; never raises (an alert must not fail a job)."""
    if channel_id is None:
        log.warning("no alerts channel; moderators were not told: %s", text)
        return False
    channel = await get_or_fetch_text_channel(bot, channel_id)
    if channel is None:
        return False
    try:
        await channel.send(truncate(text, LIMITS.content), allowed_mentions=NO_MENTIONS)
        return True
    except discord.HTTPException:
        log.exception("could not post an alert in %s", channel_id)
        return False


def matching_choices(
    options: Iterable[tuple[str, str]], current: str, *, also: Callable[[str], str] | None = None
) -> list[app_commands.Choice[str]]:
    """Autocomplete choices (label, value) whose label contains what was typed, at most 25."""
    needle = current.casefold().lstrip("#")
    return [
        app_commands.Choice(name=truncate(label, LIMITS.choice_name), value=value)
        for label, value in options
        if needle in label.casefold() or (also is not None and needle in also(value).casefold())
    ][: LIMITS.autocomplete_choices]
