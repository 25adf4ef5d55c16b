"""Moderator alerts' buttons (Remove, Dismiss, Warn, Timeout), which survive restarts."""

from __future__ import annotations

import logging
import re
from typing import Any, cast

import discord
from discord.ext import commands

from bot.core.markup import LIMITS, truncate
from bot.discord.checks import is_moderator, not_a_moderator_message
from bot.discord.client import DigestBot
from bot.discord.replies import NO_MENTIONS
from bot.moderation.cogs.actions import delete_message, dm_member, timeout_member, warning_notice
from bot.moderation.decisions import ModerationEvent
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
        outcome, took_effect = await carry_out_decision(
            bot, service, guild, event, self.decision, timeout_minutes=settings.timeout_minutes
        )
        view: discord.ui.View | None = None
        if not took_effect:
            # Nothing happened: the decision is open again and the buttons stay.
            await service.reopen(guild.id, self.event_id)
            view = alert_view(self.event_id, removed=False)
        embeds = interaction.message.embeds if interaction.message else []
        note = f"{DECISIONS[self.decision][0]} by <@{interaction.user.id}>: {outcome}"
        if embeds:
            embeds[0].add_field(name="Decision", value=truncate(note, LIMITS.field_value))
        await interaction.edit_original_response(embeds=embeds, view=view)


async def carry_out_decision(
    bot: DigestBot,
    service: ModerationService,
    guild: discord.Guild,
    event: ModerationEvent,
    decision: str,
    *,
    timeout_minutes: int,
) -> tuple[str, bool]:
    """Do what a moderator decided: (what happened, whether it took effect)."""
    if decision == "dismiss":
        return "no action", True
    if decision == "remove":
        deleted, error = await delete_message(bot, event.channel_id, event.message_id)
        if not deleted:
            return f"removal failed: {error}", False
        # The notice goes through the outbox: retried if Discord fails, sent only now.
        await service.outbox.enqueue(
            guild.id,
            "dm",
            {"user_id": event.author_id, "notice": "removed", "guild_name": guild.name,
             "reason": event.reason, "text": event.excerpt},
        )  # fmt: skip
        return "message removed", True
    if decision == "warn":
        sent = await dm_member(guild, event.author_id, warning_notice(guild.name, event.reason))
        return ("warning sent", True) if sent else ("could not DM the member (DMs closed)", True)
    if decision == "timeout":
        done = await timeout_member(guild, event.author_id, timeout_minutes, event.reason)
        if done:
            return f"timed out for {timeout_minutes} min", True
        return "could not time out the member", False
    return "unknown decision", False


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
