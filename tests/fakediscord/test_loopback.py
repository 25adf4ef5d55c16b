"""The loopback Discord, driven by the real, unmodified discord.py client.

A minimal AutoShardedBot (one slash command group, one button view, one message listener) runs
against FakeDiscord in every test; the assertions are about what the fake recorded.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import (
    MODERATOR_PERMISSIONS,
    Channel,
    FakeDiscord,
    Guild,
    InvalidInteraction,
    Member,
    Role,
    point_discord_at,
)

NOT_YOUR_BUTTON = "This is not your button"
BANNED_WORD = "forbidden"


class MoreView(discord.ui.View):
    """A 'More' button only the invoker may press."""

    def __init__(self, owner_id: int) -> None:
        super().__init__(timeout=300)
        self.owner_id = owner_id

    @discord.ui.button(label="More", custom_id="probe:more")
    async def more(self, interaction: discord.Interaction, button: discord.ui.Button[MoreView]) -> None:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(NOT_YOUR_BUTTON, ephemeral=True)
            return
        await interaction.response.edit_message(content="page 2", view=self)


probe = app_commands.Group(name="probe", description="Loopback probes")


@probe.command(name="reply", description="Reply with the text")
@app_commands.describe(text="What to say", public="Visible to everyone")
async def probe_reply(interaction: discord.Interaction, text: str, public: bool = False) -> None:
    await interaction.response.send_message(
        text, ephemeral=not public, allowed_mentions=discord.AllowedMentions.none()
    )


@probe.command(name="slow", description="Defer, then edit the original response")
async def probe_slow(interaction: discord.Interaction) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    await interaction.edit_original_response(content="done thinking")


@probe.command(name="followup", description="Reply, then follow up")
async def probe_followup(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("first")
    await interaction.followup.send("second", ephemeral=True)


@probe.command(name="button", description="Reply with a More button")
async def probe_button(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("page 1", view=MoreView(interaction.user.id))


@probe.command(name="announce", description="Post in a channel, mentioning a role")
@app_commands.describe(channel="Where", role="Who to mention")
async def probe_announce(
    interaction: discord.Interaction, channel: discord.TextChannel, role: discord.Role
) -> None:
    await channel.send(
        f"{role.mention} @everyone news", allowed_mentions=discord.AllowedMentions.none()
    )
    await interaction.response.send_message(f"posted in {channel.mention}", ephemeral=True)


@probe.command(name="configure", description="Moderators only")
@app_commands.default_permissions(manage_guild=True)
@app_commands.checks.has_permissions(manage_guild=True)
async def probe_configure(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("configured", ephemeral=True)


async def pick_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    titles = [f"{current} article {n}" for n in range(40)]
    return [app_commands.Choice(name=t, value=t) for t in titles[:25]]


@probe.command(name="pick", description="Pick an article")
@app_commands.autocomplete(article=pick_autocomplete)
async def probe_pick(interaction: discord.Interaction, article: str) -> None:
    await interaction.response.send_message(article, ephemeral=True)


class ProbeBot(commands.AutoShardedBot):
    """The smallest bot that exercises what digestbot's cogs will do."""

    def __init__(self) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.message_content = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            guild_ready_timeout=0.05,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.tree.add_command(probe)
        self.tree.on_error = self.on_tree_error  # type: ignore[method-assign]
        self.seen: list[discord.Message] = []

    async def on_tree_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await interaction.response.send_message("Only moderators can do that.", ephemeral=True)
            return
        raise error

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)
        if not message.author.bot and BANNED_WORD in message.content:
            await message.delete()

    async def on_message_edit(self, before: discord.Message, after: discord.Message) -> None:
        if not after.author.bot and BANNED_WORD in after.content:
            await after.delete()


@dataclass
class Scene:
    """A running bot against a fake with one guild, two channels, a moderator and a member."""

    fake: FakeDiscord
    bot: ProbeBot
    guild: Guild
    news: Channel
    general: Channel
    mod_role: Role
    moderator: Member
    member: Member


@pytest.fixture
async def scene(fake_discord: FakeDiscord) -> AsyncIterator[Scene]:
    fake = fake_discord
    guild = fake.add_guild("North Korea News")
    news = guild.add_channel("news")
    general = guild.add_channel("general")
    mod_role = guild.add_role("moderator", MODERATOR_PERMISSIONS)
    moderator = guild.add_member("mod", [mod_role])
    member = guild.add_member("reader")
    point_discord_at(fake.api_base, gateway_url=fake.gateway_url)
    bot = ProbeBot()
    await bot.login(fake.token)
    runner = asyncio.create_task(bot.connect())
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=5)
        await bot.tree.sync(guild=discord.Object(guild.id))
        yield Scene(fake, bot, guild, news, general, mod_role, moderator, member)
    finally:
        await bot.close()
        await asyncio.wait_for(runner, timeout=5)


async def test_login_ready_and_guild_create(scene: Scene) -> None:
    fake, bot = scene.fake, scene.bot
    assert bot.user is not None and bot.user.id == fake.bot.id
    assert bot.application_id == fake.application_id
    guild = bot.get_guild(scene.guild.id)
    assert guild is not None and guild.name == "North Korea News"
    assert {c.name for c in guild.text_channels} == {"news", "general"}
    assert {r.name for r in guild.roles} >= {"@everyone", "moderator", "digestbot"}
    assert guild.me.guild_permissions.manage_messages
    assert bot.shard_count == 1
    paths = [r.path for r in fake.recorded[:3]]
    assert paths == ["/users/@me", "/oauth2/applications/@me", "/gateway/bot"]
    assert fake.identify_count == 1
    identify = next(f for f in fake.frames if f.op == 2)
    assert identify.d["shard"] == [0, 1] and identify.d["token"] == fake.token
