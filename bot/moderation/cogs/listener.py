"""The moderation listener: every new or edited member message goes through the filter."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.discord.client import DigestBot
from bot.moderation.cogs.actions import delete_message, dm_member, timeout_member, warning_notice
from bot.moderation.cogs.delivery import OutboxDelivery
from bot.moderation.decisions import ActionOutcome, MessageContext, ModerationDecision
from bot.moderation.service import ModerationService

log = logging.getLogger(__name__)


def message_context(message: discord.Message, *, edited: bool) -> MessageContext | None:
    """What the service needs to know; None for messages it never checks (DMs, system)."""
    if message.guild is None or message.type not in (
        discord.MessageType.default,
        discord.MessageType.reply,
    ):
        return None
    author = message.author
    can_manage = False
    role_ids: tuple[int, ...] = ()
    if isinstance(author, discord.Member):
        role_ids = tuple(role.id for role in author.roles)
        channel = message.channel
        if isinstance(channel, discord.abc.GuildChannel):
            can_manage = channel.permissions_for(author).manage_messages
    return MessageContext(
        guild_id=message.guild.id,
        channel_id=message.channel.id,
        message_id=message.id,
        author_id=author.id,
        text=message.content,
        author_is_bot=author.bot or message.webhook_id is not None,
        author_can_manage_messages=can_manage,
        role_ids=role_ids,
        mention_count=len(message.raw_mentions) + len(message.raw_role_mentions),
        mentions_everyone=message.mention_everyone,
        attachment_count=len(message.attachments),
        timestamp=(message.edited_at or message.created_at).timestamp(),
        edited=edited,
        guild_name=message.guild.name,
        replied_text=_replied_text(message),
    )


def _replied_text(message: discord.Message) -> str | None:
    """The content of the message this one replies to, when Discord sent or cached it."""
    reference = message.reference
    if reference is None:
        return None
    target = reference.resolved
    if not isinstance(target, discord.Message):
        target = reference.cached_message
    return None if target is None else target.content


class ModerationCog(commands.Cog):
    def __init__(
        self, bot: DigestBot, service: ModerationService, delivery: OutboxDelivery
    ) -> None:
        self.bot = bot
        self.service = service
        self.delivery = delivery

    async def cog_load(self) -> None:
        await self.service.start()  # undelivered alerts of the last run, alerts channels
        self.delivery.start()

    async def cog_unload(self) -> None:
        await self.delivery.stop()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        await self.moderate(message, edited=False)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        # The raw event fires for uncached messages too; its message carries the new content.
        before = payload.cached_message
        if before is not None and before.content == payload.message.content:
            return  # an embed unfurl, not an edit of the text
        await self.moderate(payload.message, edited=True)

    async def moderate(self, message: discord.Message, *, edited: bool) -> None:
        context = message_context(message, edited=edited)
        if context is None:
            return
        decision = await self.service.check_message(context)
        if not decision.acts:
            return
        # Act first: nothing here waits on the database.
        outcome = await self.carry_out(decision, message)
        await self.service.record_outcome(decision, context, outcome)
        self.delivery.kick()

    async def carry_out(
        self, decision: ModerationDecision, message: discord.Message
    ) -> ActionOutcome:
        """Delete first (the harm is the message), then time out; warnings are DMs right away.

        The removal notice and the moderators' alert go through the outbox (record_outcome), so
        they are retried when Discord fails and never claim a removal that did not happen.
        """
        guild = message.guild
        assert guild is not None
        verdict = decision.verdict
        outcome = ActionOutcome()
        if decision.delete:
            deleted, error = await delete_message(self.bot, message.channel.id, message.id)
            outcome.deleted, outcome.delete_error = deleted, error
            if deleted:
                outcome.done.append("message removed")
        if decision.warn and await dm_member(
            guild, message.author.id, warning_notice(guild.name, verdict.reason)
        ):
            outcome.done.append("warning sent")
        if decision.timeout_minutes and await timeout_member(
            guild, message.author.id, decision.timeout_minutes, verdict.reason
        ):
            why = "repeated hits" if decision.escalated else "filter action"
            outcome.done.append(f"timed out for {decision.timeout_minutes} min ({why})")
        return outcome


async def setup(bot: DigestBot, service: ModerationService) -> None:
    await bot.add_cog(ModerationCog(bot, service, OutboxDelivery(bot, service)))
