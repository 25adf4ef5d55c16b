"""/digest: moderators preview, post and schedule the weekly digest; and the Discord publisher."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.guild_settings import WEEKDAYS, SettingsValueError, suggest_timezones
from bot.core.markup import truncate
from bot.core.payloads import Payload
from bot.digest.jobs import DigestScheduler
from bot.digest.service import DigestService, PostResult, PublishError
from bot.discord.checks import ModeratorGroup, moderator_autocomplete
from bot.discord.client import DigestBot
from bot.discord.replies import (
    NO_MENTIONS,
    content_of,
    get_or_fetch_text_channel,
    reply,
    send_to_alerts,
    to_embeds,
)
from bot.discord.views import ConfirmView

log = logging.getLogger(__name__)


class DiscordDigestPublisher:
    """The DigestPublisher port over a discord.py client."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.TextChannel:
        channel = await get_or_fetch_text_channel(self.bot, channel_id)
        if channel is None:
            raise PublishError(
                f"the digest channel <#{channel_id}> no longer exists or is not a text channel",
                retryable=False,
            )
        return channel

    async def publish(
        self, channel_id: int, messages: Sequence[Payload], attachment: tuple[str, bytes] | None
    ) -> list[int]:
        channel = await self._channel(channel_id)
        ids: list[int] = []
        try:
            for position, payload in enumerate(messages):
                files = []
                if attachment is not None and position == len(messages) - 1:
                    files = [discord.File(io.BytesIO(attachment[1]), filename=attachment[0])]
                sent = await channel.send(
                    content=content_of(payload),
                    embeds=to_embeds(payload),
                    files=files,
                    allowed_mentions=NO_MENTIONS,
                )
                ids.append(sent.id)
        except discord.Forbidden as exc:
            raise PublishError(
                f"missing permission to post in <#{channel_id}> ({exc.text})", retryable=False
            ) from exc
        except discord.NotFound as exc:
            raise PublishError(f"the channel <#{channel_id}> was deleted", retryable=False) from exc
        except discord.HTTPException as exc:
            # discord.py already retried 5xx and waited out rate limits; try again later.
            raise PublishError(
                f"Discord answered {exc.status}: {exc.text or exc}", retryable=True
            ) from exc
        return ids

    async def find_posted(self, channel_id: int, week: str) -> list[int]:
        channel = await self._channel(channel_id)
        marker = f"digest of {week}".casefold()
        found: list[int] = []
        try:
            async for message in channel.history(limit=50):
                if self.bot.user is None or message.author.id != self.bot.user.id:
                    continue  # only the bot's own posts can be an earlier digest
                text = " ".join(
                    [
                        message.content,
                        *[(e.footer.text or "") + (e.title or "") for e in message.embeds],
                    ]
                ).casefold()
                if marker in text:
                    found.append(message.id)
        except discord.HTTPException as exc:
            raise PublishError(f"cannot read <#{channel_id}>: {exc}", retryable=True) from exc
        return sorted(found)

    async def alert(self, channel_id: int | None, text: str) -> None:
        await send_to_alerts(self.bot, channel_id, text)


def _result_text(result: PostResult) -> str:
    if (
        result.status == "posted"
        and result.run
        and result.run.message_ids
        and result.run.channel_id
    ):
        return f"{result.message} <#{result.run.channel_id}>"
    return result.message


class DigestGroup(ModeratorGroup):
    def __init__(self, service: DigestService, jobs: DigestScheduler) -> None:
        super().__init__(name="digest", description="The weekly digest of the community's articles")
        self.service = service
        self.jobs = jobs

    @app_commands.command(name="preview", description="This week's digest so far (only you see it)")
    async def preview(self, interaction: discord.Interaction[Any]) -> None:
        # Clustering a busy week takes a moment: defer first (an interaction dies after 3 s).
        await interaction.response.defer(ephemeral=True, thinking=True)
        digest = await self.service.preview(interaction.guild_id)
        if digest.is_empty:
            await reply(interaction, text=f"Nothing would be posted: {digest.empty_reason}")
            return
        messages, attachment = await self.service.render(digest)
        for position, payload in enumerate(messages):
            files = []
            if attachment is not None and position == len(messages) - 1:
                files = [discord.File(io.BytesIO(attachment[1]), filename=attachment[0])]
            await reply(interaction, payload, files=files)

    @app_commands.command(
        name="now", description="Post the digest now (last week's, as the schedule would)"
    )
    async def now(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.service.post_due(guild_id, trigger="manual")
        if result.status != "already_posted":
            await reply(interaction, text=_result_text(result))
            return

        async def post_again(confirm: discord.Interaction[Any]) -> None:
            await confirm.response.edit_message(
                content=f"Posting the digest of {result.week} again…", view=None
            )
            again = await self.service.post_week(
                guild_id, result.week, trigger="manual", force=True
            )
            await confirm.followup.send(
                _result_text(again), ephemeral=True, allowed_mentions=NO_MENTIONS
            )

        view = ConfirmView(interaction.user.id, post_again)
        await reply(
            interaction,
            text=f"The digest of {result.week} was already posted. Post it again?",
            view=view,
        )
        view.interaction = interaction

    @app_commands.command(name="schedule", description="Post the digest every week in a channel")
    @app_commands.describe(
        channel="Where the digest is posted",
        weekday="Day of the week",
        time="24-hour time, HH:MM (e.g. 09:00)",
        timezone="IANA time zone, e.g. Asia/Seoul",
    )
    @app_commands.choices(
        weekday=[app_commands.Choice(name=d, value=i) for i, d in enumerate(WEEKDAYS)]
    )
    async def schedule(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel,
        weekday: app_commands.Choice[int],
        time: app_commands.Range[str, 1, 10],
        timezone: app_commands.Range[str, 1, 64] = "UTC",
    ) -> None:
        assert interaction.guild_id is not None
        try:
            settings = await self.service.schedule(
                interaction.guild_id,
                channel_id=channel.id,
                weekday=weekday.value,
                at=time,
                timezone=timezone,
            )
        except SettingsValueError as exc:
            await reply(interaction, text=f"Not scheduled: {exc}.")
            return
        self.jobs.apply(settings)
        next_run = self.jobs.next_run(interaction.guild_id)
        when = f" Next post: <t:{int(next_run.timestamp())}:F>." if next_run else ""
        await reply(
            interaction,
            text=(
                f"The weekly digest will be posted in <#{channel.id}> every "
                f"{WEEKDAYS[settings.digest_weekday]} at {settings.digest_time} ({settings.timezone}), "
                f"covering the previous Monday–Sunday.{when}"
            ),
        )

    @schedule.autocomplete("timezone")
    @moderator_autocomplete
    async def timezone_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in suggest_timezones(current[:64])]

    @app_commands.command(name="off", description="Stop posting the weekly digest")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        settings = await self.service.turn_off(interaction.guild_id)
        self.jobs.apply(settings)
        await reply(
            interaction, text="The weekly digest is off. `/digest schedule` turns it back on."
        )

    @app_commands.command(name="history", description="The last 8 digests: status and links")
    async def history(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        runs = await self.service.history(interaction.guild_id)
        if not runs:
            await reply(interaction, text="No digest has been posted on this server yet.")
            return
        lines = []
        for run in runs:
            line = f"**{run.week}** · {run.status} · {run.trigger}"
            if run.posted:
                line += f" · <t:{int(run.posted.timestamp())}:f>"
            if run.status == "posted" and run.channel_id and run.message_ids:
                link = f"https://discord.com/channels/{interaction.guild_id}/{run.channel_id}/{run.message_ids[0]}"
                line += f" · [open]({link})"
            if run.error:
                line += f" · {truncate(run.error, 120)}"
            lines.append(line)
        await reply(
            interaction, {"embeds": [{"title": "Digest history", "description": "\n".join(lines)}]}
        )


class DigestCog(commands.Cog):
    """Owns the weekly digest jobs: started with the cog, caught up once connected."""

    def __init__(self, bot: DigestBot, jobs: DigestScheduler) -> None:
        self.bot = bot
        self.jobs = jobs
        self._caught_up = False

    async def cog_load(self) -> None:
        # The scheduler is shared with the feed jobs; bot.run shuts it down when the bot stops.
        await self.jobs.start()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        if not self._caught_up:
            # Only once connected are the digest channels known: post what downtime missed now.
            self._caught_up = True
            self.bot.spawn(self.jobs.catch_up())


async def setup(bot: DigestBot, service: DigestService, jobs: DigestScheduler) -> None:
    service.set_publisher(DiscordDigestPublisher(bot))
    bot.tree.add_command(DigestGroup(service, jobs))
    await bot.add_cog(DigestCog(bot, jobs))
