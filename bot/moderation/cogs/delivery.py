"""Delivers the moderation outbox on Discord: alerts to the moderators, notices to members.

A background loop wakes every second (or at once when something is queued), sends what is due,
each item in its own task (discord.py retries a 5xx for about 16 s; one slow item must not hold
the others), and retries the writes the database refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import discord

from bot.discord.client import DigestBot
from bot.discord.replies import NO_MENTIONS, content_of, get_or_fetch_text_channel, to_embeds
from bot.moderation.cogs.actions import describe_http_failure, removal_notice, send_dm
from bot.moderation.cogs.alerts import alert_view
from bot.moderation.decisions import OutboxItem
from bot.moderation.render import alert_payload
from bot.moderation.service import ModerationService

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
FLUSH_EVERY_TICKS = 10  # retry refused database writes every ~10 s


class GiveUp(Exception):
    """Delivery can never succeed (the member closed their DMs or left): stop retrying."""


class RetryLater(Exception):
    """Delivery cannot happen now (no such channel) but may later: keep the item."""


class OutboxDelivery:
    def __init__(self, bot: DigestBot, service: ModerationService) -> None:
        self.bot = bot
        self.service = service
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="moderation-outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def kick(self) -> None:
        """Something was queued: deliver now rather than at the next tick."""
        self._wake.set()

    async def _run(self) -> None:
        ticks = 0
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), TICK_SECONDS)
            self._wake.clear()
            ticks += 1
            try:
                if ticks % FLUSH_EVERY_TICKS == 0:
                    await self.service.flush_pending_writes()
                self.deliver_due()
            except Exception:
                log.exception("moderation outbox round failed")

    def deliver_due(self) -> None:
        for item in self.service.outbox.due():
            if self.service.outbox.claim(item):
                task = asyncio.create_task(self._deliver(item))
                self._sending.add(task)
                task.add_done_callback(self._sending.discard)

    async def _deliver(self, item: OutboxItem) -> None:
        outbox = self.service.outbox
        try:
            if item.kind == "dm":
                message_id = await self._send_dm(item)
            else:
                message_id = await self._send_alert(item)
        except GiveUp as exc:
            log.info("outbox item %s dropped: %s", item.id, exc)
            item.last_error = str(exc)
            await outbox.delivered(item, None)
        except discord.HTTPException as exc:
            await outbox.failed(item, describe_http_failure(exc))
        except RetryLater as exc:
            await outbox.failed(item, str(exc))
        except (OSError, TimeoutError) as exc:  # network trouble: aiohttp's errors are OSErrors
            await outbox.failed(item, f"network error: {exc}")
        except Exception as exc:
            log.exception("outbox item %s failed", item.id)
            await outbox.failed(item, f"{exc.__class__.__name__}: {exc}")
        else:
            await outbox.delivered(item, message_id)
        finally:
            item.sending = False

    async def _send_alert(self, item: OutboxItem) -> int | None:
        channel_id = await self.service.alerts_channel(item.guild_id)
        if channel_id is None:
            raise GiveUp("no alerts channel is set (/filter alerts)")
        channel = await get_or_fetch_text_channel(self.bot, channel_id)
        if channel is None:
            # Retried: a moderator may pick another alerts channel meanwhile.
            raise RetryLater(f"the alerts channel <#{channel_id}> is gone or hidden from the bot")
        payload: dict[str, Any] = alert_payload({**item.payload, "guild_id": item.guild_id})
        kwargs: dict[str, Any] = {
            "content": content_of(payload),
            "embeds": to_embeds(payload),
            "allowed_mentions": NO_MENTIONS,
        }
        if item.payload.get("type") == "verdict":
            kwargs["view"] = alert_view(
                int(item.payload["event_id"]), removed=bool(item.payload.get("removed"))
            )
        sent = await channel.send(**kwargs)
        return sent.id

    async def _send_dm(self, item: OutboxItem) -> int | None:
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise GiveUp("the bot is no longer in that server")
        payload = item.payload
        text = removal_notice(
            str(payload["guild_name"]), str(payload["reason"]), str(payload["text"])
        )
        try:
            return await send_dm(guild, int(payload["user_id"]), text)
        except (discord.Forbidden, discord.NotFound) as exc:
            raise GiveUp(f"cannot DM the member ({describe_http_failure(exc)})") from exc
