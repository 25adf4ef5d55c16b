"""The loopback Discord, driven by the real, unmodified discord.py client.

A minimal AutoShardedBot (probe_bot.py: one slash command group, one button view, one message
listener) runs against FakeDiscord; the assertions are about what the fake recorded.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import discord
import pytest

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
from tests.fakediscord.interactions import command_data
from tests.fakediscord.probe_bot import BANNED_WORD, NOT_YOUR_BUTTON, ProbeBot


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
    kinds = [getattr(e, "path", None) or getattr(e, "t", None) for e in fake.log]
    assert kinds.index("/gateway/bot") < kinds.index("READY") < kinds.index("GUILD_CREATE")
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
    [unknown] = scene.fake.unknown_requests
    assert unknown.path == f"/guilds/{scene.guild.id}/emojis" and unknown.status == 404


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
    third = await fake.send_message(scene.general, scene.member, "three")
    history = [m.id async for m in channel.history(limit=10)]
    assert history == [third.id, second.id, first.id]  # newest first
    after = [m.id async for m in channel.history(after=discord.Object(first.id), limit=1)]
    assert after == [second.id]  # the oldest after the id
    before = [m.id async for m in channel.history(before=discord.Object(third.id), limit=1)]
    assert before == [second.id]
    user = await scene.bot.fetch_user(scene.member.id)
    assert user.name == "reader"
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


def test_command_data_follows_the_synced_definition() -> None:
    """Without a bot: how an option tree is built from a synced group definition."""
    fake = FakeDiscord()
    guild = fake.add_guild()
    alerts = guild.add_channel("alerts")
    moderator = guild.add_member("mod", permissions=MODERATOR_PERMISSIONS)
    fake.world.store_commands(
        None,
        [
            {
                "name": "filter",
                "description": "Filters",
                "default_member_permissions": "32",
                "options": [
                    {
                        "type": 1,
                        "name": "add",
                        "description": "Add a filter",
                        "options": [
                            {"type": 3, "name": "pattern", "description": "p", "required": True},
                            {
                                "type": 4,
                                "name": "rule",
                                "description": "r",
                                "min_value": 1,
                                "max_value": 3,
                            },
                        ],
                    },
                    {
                        "type": 1,
                        "name": "alerts",
                        "description": "Alert channel",
                        "options": [{"type": 7, "name": "channel", "description": "c"}],
                    },
                ],
            }
        ],
    )
    data = command_data(fake.world, alerts, moderator, "filter add", {"pattern": "x", "rule": 2})
    assert data["options"] == [
        {
            "name": "add",
            "type": 1,
            "options": [
                {"name": "pattern", "type": 3, "value": "x"},
                {"name": "rule", "type": 4, "value": 2},
            ],
        }
    ]
    data = command_data(fake.world, alerts, moderator, "filter alerts", {"channel": alerts})
    assert data["resolved"]["channels"][str(alerts.id)]["name"] == "alerts"
    for bad in ({"rule": 2}, {"pattern": "x", "rule": 9}, {"pattern": "x", "nope": 1}):
        with pytest.raises(InvalidInteraction):
            command_data(fake.world, alerts, moderator, "filter add", bad)
    raw = command_data(
        fake.world, alerts, moderator, "filter add", {"pattern": "", "rule": 99}, validate=False
    )
    assert raw["options"][0]["options"][1]["value"] == 99


async def test_plain_client_uses_the_default_gateway(fake_discord: FakeDiscord) -> None:
    fake_discord.add_guild("Small")
    point_discord_at(fake_discord.api_base, gateway_url=fake_discord.gateway_url)
    client = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.05)
    await client.login(fake_discord.token)
    runner = asyncio.create_task(client.connect())
    try:
        await asyncio.wait_for(client.wait_until_ready(), timeout=5)
        assert [g.name for g in client.guilds] == ["Small"]
        assert "/gateway/bot" not in [r.path for r in fake_discord.recorded]
    finally:
        await client.close()
        await asyncio.wait_for(runner, timeout=5)
