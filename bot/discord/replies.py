"""What every cog shares: payload -> embeds, replies that never ping, channels, choices."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.core.markup import LIMITS, truncate
from bot.core.payloads import Payload

log = logging.getLogger(__name__)
T = TypeVar("T")

FIRST_REPLY_SECONDS = 1.5
# Work that runs before a first reply gets this long; then the interaction is acknowledged
# ("thinking…"), so that the work plus a first reply (FIRST_REPLY_SECONDS) stays inside
# Discord's 3-second window.
DEFER_AFTER_SECONDS = 0.8
INTERACTION_ALREADY_ACKNOWLEDGED = 40060
# Set in ``interaction.extras`` once a deferral reached Discord even though discord.py did
# not see it succeed (an attempt cut short by our deadline): the answer goes as a followup.
DEFERRED = "digestbot.deferred"

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
    if interaction.response.is_done() or interaction.extras.get(DEFERRED):
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


async def in_time(
    interaction: discord.Interaction[Any], work: Awaitable[T], *, ephemeral: bool = True
) -> T:
    """``work``'s result, acknowledging the interaction first when it runs long.

    Usually an answer takes milliseconds and ``reply`` sends it as the first response. The
    first /ask after a start (the index still loading) or a busy machine can take seconds:
    after DEFER_AFTER_SECONDS the interaction is deferred (the member sees "thinking…", shown
    only to them when ``ephemeral``), and ``reply`` then sends the answer as its followup
    instead of letting Discord's window pass ("Unknown interaction", no answer at all).
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER_SECONDS)
        if not done and not interaction.response.is_done():
            log.info("/%s is slow; deferring its reply", _command_name(interaction))
            await _defer(interaction, ephemeral=ephemeral)
        return await task
    finally:
        if not task.done():  # the defer failed or the command was cancelled
            task.cancel()


async def _defer(interaction: discord.Interaction[Any], *, ephemeral: bool) -> None:
    """Acknowledge ("thinking…") inside Discord's window, even when the first attempt fails
    (discord.py's own retries of a 5xx wait 1 s, then 3 s more: past the window)."""
    thinking = {"ephemeral": ephemeral, "thinking": True}
    try:
        await asyncio.wait_for(interaction.response.defer(**thinking), FIRST_REPLY_SECONDS)
        return
    except (TimeoutError, discord.HTTPException) as exc:
        if interaction.response.is_done():
            return
        log.warning("deferring /%s failed (%r); again", _command_name(interaction), exc)
    try:
        await interaction.response.defer(**thinking)
    except discord.HTTPException as exc:
        if exc.code != INTERACTION_ALREADY_ACKNOWLEDGED:
            raise
        interaction.extras[DEFERRED] = True  # the cut-short attempt did reach Discord


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
