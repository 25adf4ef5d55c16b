"""Moderator alerts: a flagged message with buttons (Remove, Dismiss, Warn, Timeout) that survive restarts."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any, cast

import discord
from discord.ext import commands

from bot.core.markup import LIMITS, escape_markdown, truncate
from bot.discord.checks import is_moderator, not_a_moderator_message
from bot.discord.client import DigestBot
from bot.discord.replies import NO_MENTIONS, get_or_fetch_text_channel
from bot.moderation.decisions import ModerationDecision
from bot.moderation.service import ModerationService

log = logging.getLogger(__name__)

DECISIONS = {
    "remove": ("Remove", discord.ButtonStyle.danger),
    "dismiss": ("Dismiss", discord.ButtonStyle.secondary),
    "warn": ("Warn", discord.ButtonStyle.primary),
    "timeout": ("Timeout", discord.ButtonStyle.danger),
}


class AlertButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"mod:(?P<decision>remove|dismiss|warn|timeout):(?P<event>\d+)",
):
    """A decision button whose custom_id carries the moderation event, so it works after restarts."""

    def __init__(self, decision: str, event_id: int) -> None:
        label, style = DECISIONS[decision]
        super().__init__(
            discord.ui.Button(label=label, style=style, custom_id=f"mod:{decision}:{event_id}")
        )
        self.decision = decision
        self.event_id = event_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> AlertButton:
        return cls(match["decision"], int(match["event"]))

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if not is_moderator(interaction):
            await interaction.response.send_message(
                not_a_moderator_message("the alert buttons"),
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return False
        return True

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = cast(DigestBot, interaction.client)
        guild = interaction.guild
        assert guild is not None
        service = AlertsCog.service_of(bot)
        event = await service.event(guild.id, self.event_id)
        if event is None:
            await interaction.response.send_message(
                "That alert no longer exists.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        if not await service.decide(guild.id, self.event_id, self.decision, interaction.user.id):
            await interaction.response.send_message(
                f"A moderator already decided on this alert ({event.decision}).",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        await interaction.response.defer()
        settings = await service.guild_settings(guild.id)
        outcome = await carry_out_decision(
            bot, guild, event.channel_id, event.message_id, event.author_id, self.decision,
            reason=event.reason, text=event.excerpt, timeout_minutes=settings.timeout_minutes,
        )  # fmt: skip
        embeds = interaction.message.embeds if interaction.message else []
        note = f"{DECISIONS[self.decision][0]} by <@{interaction.user.id}>: {outcome}"
        if embeds:
            embeds[0].add_field(name="Decision", value=truncate(note, LIMITS.field_value))
        await interaction.edit_original_response(embeds=embeds, view=None)


async def carry_out_decision(
    bot: DigestBot,
    guild: discord.Guild,
    channel_id: int,
    message_id: int,
    author_id: int,
    decision: str,
    *,
    reason: str,
    text: str,
    timeout_minutes: int,
) -> str:
    """Do what a moderator decided; returns what happened, for the alert."""
    if decision == "dismiss":
        return "no action"
    if decision == "remove":
        deleted = await delete_message(bot, channel_id, message_id)
        await dm_member(guild, author_id, removal_notice(guild.name, reason, text))
        return "message removed" if deleted else "the message was already gone"
    if decision == "warn":
        sent = await dm_member(guild, author_id, warning_notice(guild.name, reason))
        return "warning sent" if sent else "could not DM the member (DMs closed)"
    if decision == "timeout":
        done = await timeout_member(guild, author_id, timeout_minutes, reason)
        return f"timed out for {timeout_minutes} min" if done else "could not time out the member"
    return "unknown decision"


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


async def delete_message(bot: DigestBot, channel_id: int, message_id: int) -> bool:
    channel = await get_or_fetch_text_channel(bot, channel_id)
    if channel is None:
        return False
    try:
        await channel.get_partial_message(message_id).delete()
        return True
    except discord.NotFound:
        return False
    except discord.HTTPException as exc:
        log.warning("could not delete message %s: %s", message_id, exc)
        return False


async def dm_member(guild: discord.Guild, user_id: int, text: str) -> bool:
    """DM a member of ``guild``; False when they closed their DMs or left."""
    try:
        member = guild.get_member(user_id) or await guild.fetch_member(user_id)
        await member.send(text, allowed_mentions=NO_MENTIONS)
        return True
    except discord.HTTPException as exc:
        log.info("could not DM user %s: %s", user_id, exc)
        return False


async def timeout_member(guild: discord.Guild, user_id: int, minutes: int, reason: str) -> bool:
    try:
        member = guild.get_member(user_id) or await guild.fetch_member(user_id)
        await member.timeout(timedelta(minutes=minutes), reason=truncate(reason, 500))
        return True
    except discord.HTTPException as exc:
        log.warning("could not time out user %s: %s", user_id, exc)
        return False


def alert_embed(
    decision: ModerationDecision, message: discord.Message, *, acted: list[str]
) -> discord.Embed:
    verdict = decision.verdict
    colour = 0xE53E3E if verdict.outcome == "remove" else 0xD69E2E
    embed = discord.Embed(
        title=truncate(f"Rule {verdict.rule}: {verdict.outcome}", LIMITS.embed_title),
        description=truncate(escape_markdown(message.content) or "(no text)", 1500),
        colour=colour,
    )
    embed.add_field(name="Author", value=f"<@{message.author.id}> ({message.author.id})")
    embed.add_field(name="Where", value=f"[jump]({message.jump_url}) in <#{message.channel.id}>")
    filters = ", ".join(dict.fromkeys(hit.filter_name for hit in verdict.hits))
    embed.add_field(name="Filters", value=truncate(escape_markdown(filters), 1024), inline=False)
    embed.add_field(name="Why", value=truncate(escape_markdown(verdict.reason), 1024), inline=False)
    if acted:
        embed.add_field(name="Done", value=truncate("; ".join(acted), 1024), inline=False)
    embed.set_footer(text=f"event #{decision.event_id}")
    return embed


def alert_view(event_id: int, *, removed: bool) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for decision in DECISIONS:
        if removed and decision == "remove":
            continue
        view.add_item(AlertButton(decision, event_id))
    return view


class AlertsCog(commands.Cog):
    """Holds the moderation service for the alert buttons, which discord.py rebuilds from their
    custom_id after a restart (a DynamicItem gets no constructor arguments of ours)."""

    def __init__(self, service: ModerationService) -> None:
        self.service = service

    @classmethod
    def service_of(cls, bot: DigestBot) -> ModerationService:
        cog = bot.get_cog(cls.__cog_name__)
        if not isinstance(cog, cls):
            raise RuntimeError("the alerts cog is not loaded")
        return cog.service


async def setup(bot: DigestBot, service: ModerationService) -> None:
    await bot.add_cog(AlertsCog(service))
    bot.add_dynamic_items(AlertButton)
