"""/source: moderators choose the feeds the bot follows; new items are announced, never pinging."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.archive.domain.articles import Article
from bot.archive.domain.summary import summarize
from bot.core.clock import Clock
from bot.core.markup import LIMITS, escape_markdown, neutralize_mentions, truncate
from bot.core.payloads import Payload
from bot.discord.checks import ModeratorGroup, moderator_autocomplete
from bot.discord.client import DigestBot
from bot.discord.replies import (
    NO_MENTIONS,
    get_or_fetch_text_channel,
    in_time,
    matching_choices,
    parse_id,
    reply,
    send_to_alerts,
    to_embeds,
)
from bot.feeds.domain import (
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    describe_source,
    more_line,
)
from bot.feeds.jobs import SourceScheduler
from bot.feeds.service import SourceProblem, SourceService

log = logging.getLogger(__name__)

ANNOUNCE_COLOUR = 0x2B6CB0


def _text(value: str, limit: int) -> str:
    return truncate(neutralize_mentions(escape_markdown(value)), limit)


def announcement_embed(article: Article) -> Payload:
    """One new item: the title linked, the source and date, the extractive digest summary."""
    embed: Payload = {
        "title": _text(article.title, LIMITS.embed_title),
        "description": _text(summarize(article), LIMITS.embed_description),
        "color": ANNOUNCE_COLOUR,
        "footer": {"text": truncate(article.source, LIMITS.footer)},
    }
    if article.url and article.url.startswith(("http://", "https://")):
        embed["url"] = article.url
    if article.date is not None:
        embed["timestamp"] = article.date.isoformat()
    return embed


def announcement_payloads(articles: Sequence[Article], more: int) -> list[Payload]:
    """Messages for one poll: up to 10 embeds each, the 'and N more' line on the last."""
    embeds = [announcement_embed(article) for article in articles]
    step = LIMITS.embeds_per_message
    messages: list[Payload] = [
        {"embeds": embeds[start : start + step]} for start in range(0, len(embeds), step)
    ] or [{}]
    if (line := more_line(more)) is not None:
        messages[-1]["content"] = line
    return [m for m in messages if m]


class DiscordAnnouncer:
    """The SourceAnnouncer of the running bot: posts to channels with AllowedMentions.none()."""

    def __init__(self, bot: DigestBot, service: SourceService) -> None:
        self.bot = bot
        self.service = service

    async def announce(self, channel_id: int, articles: list[Article], more: int) -> None:
        channel = await get_or_fetch_text_channel(self.bot, channel_id)
        if channel is None:
            return
        for payload in announcement_payloads(articles, more):
            await channel.send(
                content=payload.get("content"),
                embeds=to_embeds(payload),
                allowed_mentions=NO_MENTIONS,
            )

    async def alert(self, guild_id: int, text: str) -> None:
        await send_to_alerts(self.bot, await self.service.alerts_channel(guild_id), text)


class SourceGroup(ModeratorGroup):
    def __init__(self, service: SourceService, clock: Clock) -> None:
        super().__init__(name="source", description="Feeds the bot follows")
        self.service = service
        self.clock = clock

    @app_commands.command(name="add", description="Follow a feed (RSS or Atom; checked first)")
    @app_commands.describe(
        url="The feed's address, e.g. https://lemmy.ml/feeds/c/northkorea.xml",
        label="A name for it (default: the feed's own title)",
        announce="Post each new item in this channel (default: index only)",
        interval="Minutes between polls (5-1440, default 15)",
    )
    async def add(
        self,
        interaction: discord.Interaction[Any],
        url: app_commands.Range[str, 1, 2000],
        label: app_commands.Range[str, 1, 80] | None = None,
        announce: discord.TextChannel | None = None,
        interval: app_commands.Range[int, MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        # A feed fetch can take up to its timeout: defer past Discord's 3-second window.
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            result = await self.service.add(
                interaction.guild_id,
                url,
                label=label,
                announce_channel_id=announce.id if announce else None,
                interval_minutes=interval,
                created_by=interaction.user.id,
            )
        except SourceProblem as exc:
            await reply(interaction, text=f"Feed not added: {exc}")
            return
        preview, source = result.preview, result.source
        latest = "\n".join(f"• {_text(t, 120)}" for t in preview.latest_titles)
        where = f"new items will be posted in <#{announce.id}>" if announce else "no announcements"
        text = (
            f"Following **{_text(source.label, 80)}** (#{source.id}): feed “"
            f"{_text(preview.title or 'untitled', 120)}” with {preview.item_count} item(s), all "
            f"indexed now and marked as seen; polled every {source.interval_minutes} min, {where}."
        )
        await reply(interaction, text=f"{text}\n{latest}" if latest else text)

    @app_commands.command(name="remove", description="Stop following a feed")
    @app_commands.describe(source="The feed to remove")
    async def remove(self, interaction: discord.Interaction[Any], source: str) -> None:
        await self._act(interaction, source, "remove")

    @app_commands.command(name="pause", description="Stop polling a feed for now")
    @app_commands.describe(source="The feed to pause")
    async def pause(self, interaction: discord.Interaction[Any], source: str) -> None:
        await self._act(interaction, source, "pause")

    @app_commands.command(name="resume", description="Poll a paused feed again")
    @app_commands.describe(source="The feed to resume")
    async def resume(self, interaction: discord.Interaction[Any], source: str) -> None:
        await self._act(interaction, source, "resume")

    @app_commands.command(name="poll", description="Poll a feed now")
    @app_commands.describe(source="The feed to poll")
    async def poll(self, interaction: discord.Interaction[Any], source: str) -> None:
        await self._act(interaction, source, "poll")

    @app_commands.command(name="list", description="The feeds this server follows, with status")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        sources = await in_time(interaction, self.service.list_sources(interaction.guild_id))
        if not sources:
            await reply(
                interaction, text="This server follows no feed yet: add one with `/source add`."
            )
            return
        now = self.clock.now()
        blocks = ["\n".join(describe_source(s, now, escape=escape_markdown)) for s in sources]
        description = truncate("\n".join(blocks), LIMITS.embed_description)
        await reply(
            interaction, {"embeds": [{"title": "Followed feeds", "description": description}]}
        )

    async def _act(self, interaction: discord.Interaction[Any], raw: str, action: str) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        source_id = parse_id(raw)
        if source_id is None:
            await reply(interaction, text="Pick a feed from the list (`/source list` shows them).")
            return
        if action == "poll":
            await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            if action == "remove":
                gone = await self.service.remove(guild_id, source_id)
                text = f"No longer following **{_text(gone.label, 80)}** (#{gone.id})."
            elif action == "pause":
                paused = await self.service.pause(guild_id, source_id)
                text = f"Paused **{_text(paused.label, 80)}**; `/source resume` polls it again."
            elif action == "resume":
                resumed = await self.service.resume(guild_id, source_id)
                text = f"Resumed **{_text(resumed.label, 80)}**; it is polled within a minute."
            else:
                await self.service.get(guild_id, source_id)
                text = _text((await self.service.poll(source_id)).summary(), LIMITS.content)
        except SourceProblem as exc:
            text = str(exc)
        await reply(interaction, text=text)

    @remove.autocomplete("source")
    @pause.autocomplete("source")
    @resume.autocomplete("source")
    @poll.autocomplete("source")
    @moderator_autocomplete
    async def source_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        sources = await self.service.list_sources(interaction.guild_id)
        urls = {str(source.id): source.url for source in sources}
        return matching_choices(
            ((f"#{s.id} {s.label} [{s.status}]", str(s.id)) for s in sources),
            current,
            also=urls.__getitem__,  # typing part of the feed's address finds it too
        )


class SourcesCog(commands.Cog):
    """Owns the feed-polling jobs; they stop with the bot's scheduler."""

    def __init__(self, bot: DigestBot, scheduler: SourceScheduler) -> None:
        self.bot = bot
        self.scheduler = scheduler

    async def cog_load(self) -> None:
        count = await self.scheduler.start()
        log.info("polling %d feed(s)", count)


async def setup(
    bot: DigestBot, service: SourceService, jobs: SourceScheduler, clock: Clock
) -> None:
    """Register /source, announce through Discord, and poll with the bot's job scheduler."""
    service.set_announcer(DiscordAnnouncer(bot, service))
    bot.tree.add_command(SourceGroup(service, clock))
    await bot.add_cog(SourcesCog(bot, jobs))
