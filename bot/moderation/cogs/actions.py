"""What the bot does on Discord about a message: delete, DM, time out, each saying how it went."""

from __future__ import annotations

import logging
from datetime import timedelta

import discord

from bot.core.markup import LIMITS, escape_markdown, truncate
from bot.discord.replies import NO_MENTIONS, get_or_fetch_text_channel

log = logging.getLogger(__name__)


def describe_http_failure(exc: discord.HTTPException) -> str:
    """A moderator-readable reason for a failed Discord call."""
    if isinstance(exc, discord.Forbidden):
        return "the bot lacks the permission (Manage Messages) in that channel"
    if isinstance(exc, discord.NotFound):
        return "the message or channel no longer exists"
    return f"Discord answered {exc.status} ({exc.text or 'server error'})"


async def delete_message(
    bot: discord.Client, channel_id: int, message_id: int
) -> tuple[bool, str | None]:
    """(deleted, why not): deleted only when Discord confirmed the DELETE."""
    channel = await get_or_fetch_text_channel(bot, channel_id)
    if channel is None:
        return False, "the channel is gone or hidden from the bot"
    try:
        await channel.get_partial_message(message_id).delete()
        return True, None
    except discord.NotFound:
        return False, "the message was already gone"
    except discord.HTTPException as exc:
        log.warning("could not delete message %s: %s", message_id, exc)
        return False, describe_http_failure(exc)


async def dm_member(guild: discord.Guild, user_id: int, text: str) -> bool:
    """DM a member of ``guild``; False when they closed their DMs or left."""
    try:
        await send_dm(guild, user_id, text)
        return True
    except discord.HTTPException as exc:
        log.info("could not DM user %s: %s", user_id, exc)
        return False


async def send_dm(guild: discord.Guild, user_id: int, text: str) -> int:
    """DM a member (raises discord.HTTPException); returns the message id."""
    member = guild.get_member(user_id) or await guild.fetch_member(user_id)
    sent = await member.send(text, allowed_mentions=NO_MENTIONS)
    return sent.id


async def timeout_member(guild: discord.Guild, user_id: int, minutes: int, reason: str) -> bool:
    try:
        member = guild.get_member(user_id) or await guild.fetch_member(user_id)
        await member.timeout(timedelta(minutes=minutes), reason=truncate(reason, 500))
        return True
    except discord.HTTPException as exc:
        log.warning("could not time out user %s: %s", user_id, exc)
        return False


def removal_notice(guild_name: str, reason: str, text: str) -> str:
    return truncate(
        f"Your message in **{escape_markdown(guild_name)}** was removed. {escape_markdown(reason)}\n"
        f"Your text, so you can rewrite it:\n>>> {escape_markdown(truncate(text, 1500))}",
        LIMITS.content,
    )


def warning_notice(guild_name: str, reason: str) -> str:
    return truncate(
        f"A moderator of **{escape_markdown(guild_name)}** warns you about a message. "
        f"{escape_markdown(reason)}",
        LIMITS.content,
    )
