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
    async def more(
        self, interaction: discord.Interaction, button: discord.ui.Button[MoreView]
    ) -> None:
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


# default_permissions only applies to top-level commands (Discord has no per-subcommand value).
@app_commands.command(name="configure", description="Moderators only")
@app_commands.default_permissions(manage_guild=True)
@app_commands.checks.has_permissions(manage_guild=True)
async def configure(interaction: discord.Interaction) -> None:
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


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput[FeedbackModal] = discord.ui.TextInput(
        label="Your feedback", custom_id="feedback:text"
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks for: {self.text.value}", ephemeral=True)


@probe.command(name="feedback", description="Open a modal")
async def probe_feedback(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(FeedbackModal(custom_id="feedback"))


class ProbeBot(commands.AutoShardedBot):
    """The smallest bot that exercises what digestbot's cogs will do."""

    def __init__(self, *, message_content: bool = True) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.message_content = message_content
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            guild_ready_timeout=0.05,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.tree.add_command(probe)
        self.tree.add_command(configure)
        self.tree.on_error = self.on_tree_error  # type: ignore[method-assign]
        self.seen: list[discord.Message] = []

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py waits 5 s before every re-IDENTIFY (Discord's identify rate limit);
        # the loopback has no such limit, and tests must stay fast.
        return None

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


async def start_bot(fake: FakeDiscord, bot: ProbeBot) -> asyncio.Task[None]:
    """Log in and connect; return the task running ``bot.connect()``."""
    point_discord_at(fake.api_base, gateway_url=fake.gateway_url)
    await bot.login(fake.token)
    return asyncio.create_task(bot.connect())


@pytest.fixture
async def scene(fake_discord: FakeDiscord) -> AsyncIterator[Scene]:
    fake = fake_discord
    guild = fake.add_guild("North Korea News")
    news = guild.add_channel("news")
    general = guild.add_channel("general")
    mod_role = guild.add_role("moderator", MODERATOR_PERMISSIONS)
    moderator = guild.add_member("mod", [mod_role])
    member = guild.add_member("reader")
    bot = ProbeBot()
    runner = await start_bot(fake, bot)
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=5)
        # As in development (DIGESTBOT_GUILD_IDS): global commands copied to the guild, synced.
        bot.tree.copy_global_to(guild=discord.Object(guild.id))
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


async def test_slash_command_reply_is_ephemeral(scene: Scene) -> None:
    fake = scene.fake
    handle = await fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "hello <@&1> @everyone"}
    )
    reply = await handle.response()
    assert reply.type == 4
    assert reply.ephemeral
    assert reply.content == "hello <@&1> @everyone"
    assert reply.allowed_mentions == {"parse": []}
    original = await handle.original()
    assert original.ephemeral and not original.pings
    assert original not in fake.channel_messages(
        scene.general
    )  # ephemeral stays out of the channel
    callback = await fake.wait_for_request("POST", f"/interactions/{handle.id}/{{token}}/callback")
    assert callback.query == {"with_response": "1"}
    assert "authorization" not in callback.headers


async def test_public_reply_reaches_the_channel_and_the_listener(scene: Scene) -> None:
    handle = await scene.fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "for all", "public": True}
    )
    assert not (await handle.response()).ephemeral
    original = await handle.original()
    await scene.fake.wait_until(lambda: any(m.id == original.id for m in scene.bot.seen))
    assert scene.fake.channel_messages(scene.general) == [original]


async def test_deferred_response_then_edit_original(scene: Scene) -> None:
    handle = await scene.fake.send_slash_command(scene.general, scene.member, "probe slow")
    deferred = await handle.response()
    assert deferred.type == 5 and deferred.ephemeral
    edits = await handle.edits()
    assert edits[0]["content"] == "done thinking"
    final = await handle.final_message()
    assert final.content == "done thinking" and final.ephemeral
    await scene.fake.wait_for_request("PATCH", "/webhooks/{app}/{token}/messages/@original")


async def test_followup_after_reply(scene: Scene) -> None:
    handle = await scene.fake.send_slash_command(scene.general, scene.member, "probe followup")
    assert (await handle.response()).content == "first"
    followups = await handle.followups()
    assert [m.content for m in followups] == ["second"]
    assert followups[0].ephemeral
    request = await scene.fake.wait_for_request("POST", "/webhooks/{app}/{token}")
    assert request.query["wait"] == "1"


async def test_button_only_answers_its_owner(scene: Scene) -> None:
    fake = scene.fake
    handle = await fake.send_slash_command(scene.general, scene.member, "probe button")
    reply = await handle.response()
    assert reply.components[0]["components"][0]["custom_id"] == "probe:more"
    message = await handle.original()
    stranger = await fake.click_button(message, "probe:more", scene.moderator)
    refusal = await stranger.response()
    assert refusal.type == 4 and refusal.ephemeral and refusal.content == NOT_YOUR_BUTTON
    owner = await fake.click_button(message, "probe:more", scene.member)
    update = await owner.response()
    assert update.type == 7 and update.content == "page 2"
    assert message.content == "page 2"  # the fake applied the update to the stored message
    with pytest.raises(InvalidInteraction):
        await fake.click_button(message, "no-such-button", scene.member)


async def test_listener_deletes_new_and_edited_messages(scene: Scene) -> None:
    fake = scene.fake
    clean = await fake.send_message(scene.general, scene.member, "hello there")
    bad = await fake.send_message(scene.general, scene.member, f"a {BANNED_WORD} word")
    deletion = await fake.wait_for_request(
        "DELETE", f"/channels/{scene.general.id}/messages/{bad.id}"
    )
    assert deletion.status == 204
    assert fake.deleted_messages == [bad]
    await fake.wait_until(lambda: any(m.id == clean.id for m in scene.bot.seen))
    await fake.edit_message(clean, f"now {BANNED_WORD}")
    await fake.wait_for_request("DELETE", f"/channels/{scene.general.id}/messages/{clean.id}")
    assert fake.deleted_messages == [bad, clean]
    assert fake.channel_messages(scene.general) == []


async def test_channel_send_records_allowed_mentions(scene: Scene) -> None:
    fake = scene.fake
    handle = await fake.send_slash_command(
        scene.general,
        scene.moderator,
        "probe announce",
        {"channel": scene.news, "role": scene.mod_role},
    )
    assert (await handle.response()).content == f"posted in <#{scene.news.id}>"
    sent = await fake.wait_for_request("POST", f"/channels/{scene.news.id}/messages")
    assert sent.json["allowed_mentions"] == {"parse": []}
    assert sent.json["content"] == f"<@&{scene.mod_role.id}> @everyone news"
    [posted] = fake.channel_messages(scene.news)
    assert not posted.pings  # nobody was notified
    resolved = handle.payload["data"]["options"][0]["options"]
    assert [o["type"] for o in resolved] == [7, 8]


async def test_commands_are_synced_and_moderator_only_is_enforced(scene: Scene) -> None:
    fake = scene.fake
    put = await fake.wait_for_request(
        "PUT", f"/applications/{fake.application_id}/guilds/{scene.guild.id}/commands"
    )
    assert sorted(c["name"] for c in put.json) == ["configure", "probe"]
    command = next(c for c in fake.synced_commands[scene.guild.id] if c["name"] == "configure")
    assert command["id"] and command["guild_id"] == str(scene.guild.id)
    assert command["default_member_permissions"] == "32"  # Manage Server
    with pytest.raises(InvalidInteraction):  # Discord hides it from members (default permissions)
        await fake.send_slash_command(scene.general, scene.member, "configure")
    refused = await fake.send_slash_command(
        scene.general, scene.member, "configure", permission_override=True
    )
    refusal = await refused.response()
    assert refusal.ephemeral and refusal.content == "Only moderators can do that."
    allowed = await fake.send_slash_command(scene.general, scene.moderator, "configure")
    assert (await allowed.response()).content == "configured"
    await scene.bot.tree.sync()
    assert sorted(c["name"] for c in fake.synced_commands[None]) == ["configure", "probe"]


async def test_autocomplete_returns_choices(scene: Scene) -> None:
    choices = await scene.fake.autocomplete(
        scene.general, scene.member, "probe pick", {"article": "kim"}, focused="article"
    )
    assert len(choices) == 25 and choices[0] == {"name": "kim article 0", "value": "kim article 0"}


async def test_dropped_gateway_resumes_and_keeps_answering(scene: Scene) -> None:
    fake = scene.fake
    await fake.drop_gateway()
    # Dispatched while the bot is away: buffered by the session and replayed on RESUME.
    missed = await fake.send_message(scene.general, scene.member, f"{BANNED_WORD} while away")
    await fake.wait_for_resume()
    assert fake.identify_count == 1  # resumed, not re-identified
    await fake.wait_for_request("DELETE", f"/channels/{scene.general.id}/messages/{missed.id}")
    handle = await fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "ok"}
    )
    assert (await handle.response()).content == "ok"


async def test_aborted_socket_resumes_too(scene: Scene) -> None:
    await scene.fake.drop_gateway(abort=True)
    await scene.fake.wait_for_resume()
    handle = await scene.fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "still here"}
    )
    assert (await handle.response()).content == "still here"


async def test_invalid_session_forces_a_new_identify(scene: Scene) -> None:
    scene.fake.invalidate_session()
    await scene.fake.wait_for_identify_count(2)
    await scene.fake.wait_for_ready(count=2)
    handle = await scene.fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "again"}
    )
    assert (await handle.response()).content == "again"


async def test_unknown_route_is_not_found(scene: Scene) -> None:
    guild = scene.bot.get_guild(scene.guild.id)
    assert guild is not None
    with pytest.raises(discord.NotFound):
        await guild.fetch_emojis()
    unknown = scene.fake.requests("GET", f"/guilds/{scene.guild.id}/emojis")
    assert unknown[0].status == 404 and unknown[0].route == ""


async def test_injected_faults(scene: Scene) -> None:
    fake = scene.fake
    channel = scene.bot.get_channel(scene.news.id)
    assert isinstance(channel, discord.TextChannel)
    route = "/channels/{id}/messages"
    fake.fail_next("POST", route, 500)
    since = fake.mark()
    sent = await channel.send("after a 500")  # discord.py retries 5xx
    statuses = [r.status for r in fake.requests("POST", route, since=since)]
    assert statuses == [500, 200] and sent.content == "after a 500"
    fake.fail_next("POST", route, 429, retry_after=0.01)
    await channel.send("after a 429")
    fake.fail_next("POST", route, 403)
    with pytest.raises(discord.Forbidden):
        await channel.send("refused")
    await fake.delete_channel(scene.news, notify=False)
    with pytest.raises(discord.NotFound):
        await channel.send("into the void")


async def test_dm_timeout_history_and_files(scene: Scene) -> None:
    fake = scene.fake
    guild = scene.bot.get_guild(scene.guild.id)
    channel = scene.bot.get_channel(scene.general.id)
    assert guild is not None and isinstance(channel, discord.TextChannel)
    first = await fake.send_message(scene.general, scene.member, "one")
    second = await fake.send_message(scene.general, scene.member, "two")
    history = [m.id async for m in channel.history(limit=10)]
    assert history == [second.id, first.id]  # newest first
    member = await guild.fetch_member(scene.member.id)
    await member.timeout(timedelta(minutes=10), reason="spam")
    [timeout] = fake.timeouts
    assert timeout.user_id == scene.member.id and timeout.reason == "spam"
    await member.send("You were timed out for 10 minutes.")
    assert [m.content for m in fake.dms] == ["You were timed out for 10 minutes."]
    await channel.send("digest", file=discord.File(io.BytesIO(b"weekly"), "digest.txt"))
    upload = fake.requests("POST", f"/channels/{scene.general.id}/messages")[-1]
    assert upload.json["content"] == "digest" and upload.files[0].data == b"weekly"
    with pytest.raises(discord.HTTPException) as too_long:
        await channel.send(embed=discord.Embed(title="x" * 257))
    assert too_long.value.status == 400 and too_long.value.code == 50035


async def test_modal_round_trip(scene: Scene) -> None:
    fake = scene.fake
    opened = await fake.send_slash_command(scene.general, scene.member, "probe feedback")
    modal = await opened.response()
    assert modal.type == 9 and modal.data["custom_id"] == "feedback"
    submitted = await fake.submit_modal(
        scene.general, scene.member, "feedback", {"feedback:text": "more maps"}
    )
    assert (await submitted.response()).content == "thanks for: more maps"


async def test_late_response_gets_unknown_interaction(scene: Scene) -> None:
    scene.fake.interaction_deadline = 0.0  # every response is now "after 3 seconds"
    handle = await scene.fake.send_slash_command(
        scene.general, scene.member, "probe reply", {"text": "too late"}
    )
    late = await scene.fake.wait_for_request(
        "POST", f"/interactions/{handle.id}/{{token}}/callback"
    )
    assert late.status == 404 and late.response["code"] == 10062
    assert handle.record.callbacks == []


async def test_world_changes_while_connected_are_announced(scene: Scene) -> None:
    channel = scene.guild.add_channel("digest")
    await scene.fake.wait_until(lambda: scene.bot.get_channel(channel.id) is not None)
    role = scene.guild.add_role("subscriber")
    guild = scene.bot.get_guild(scene.guild.id)
    assert guild is not None
    await scene.fake.wait_until(lambda: guild.get_role(role.id) is not None)
    await scene.fake.delete_channel(channel)
    await scene.fake.wait_until(lambda: scene.bot.get_channel(channel.id) is None)


async def test_message_content_intent_hides_content(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    guild = fake.add_guild()
    channel = guild.add_channel("general")
    member = guild.add_member("reader")
    bot = ProbeBot(message_content=False)
    runner = await start_bot(fake, bot)
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=5)
        await fake.send_message(channel, member, "secret")
        mention = await fake.send_message(channel, member, f"{fake.bot.mention} hi")
        await fake.wait_until(lambda: len(bot.seen) == 2)
        assert [m.content for m in bot.seen] == ["", mention.content]
    finally:
        await bot.close()
        await asyncio.wait_for(runner, timeout=5)


async def test_disallowed_privileged_intent_closes_with_4014(fake_discord: FakeDiscord) -> None:
    fake_discord.gateway.enabled_privileged_intents = 0  # Message Content off in the portal
    bot = ProbeBot()
    runner = await start_bot(fake_discord, bot)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await asyncio.wait_for(runner, timeout=5)
    assert bot.is_closed()


async def test_wrong_token_is_a_login_failure(fake_discord: FakeDiscord) -> None:
    point_discord_at(fake_discord.api_base)
    bot = ProbeBot()
    try:
        with pytest.raises(discord.LoginFailure):
            await bot.login("not-the-token")
    finally:
        await bot.close()
    assert fake_discord.recorded[0].status == 401
