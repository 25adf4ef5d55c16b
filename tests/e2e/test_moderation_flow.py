"""Moderators configure /filter; the listener acts on new and edited messages."""

from __future__ import annotations

from tests.e2e.conftest import World, text_of


async def add_keyword_filter(
    world: World, pattern: str = "durian*", action: str = "remove"
) -> None:
    handle = await world.command(
        world.moderator,
        "filter add",
        {"kind": "keyword", "pattern": pattern, "rule": 2, "action": action, "shadow": False},
    )
    await handle.response()
    [done] = await handle.followups()
    assert "Added #" in done.content, done.content


async def test_plain_member_is_refused_and_nothing_changes(world: World) -> None:
    async with world.running() as bot:
        # A server admin changed the default permissions: Discord lets the member run it.
        handle = await world.command(
            world.member,
            "filter add",
            {"kind": "keyword", "pattern": "durian", "rule": 2, "action": "remove"},
            permission_override=True,
        )
        refusal = await handle.response()
        assert refusal.ephemeral
        assert "Only moderators" in refusal.content
        assert await bot.app.moderation.list_filters(world.guild.id) == []
        for command in ("digest now", "filter list", "digest history"):
            other = await world.command(world.member, command, permission_override=True)
            assert "Only moderators" in (await other.response()).content


async def test_keyword_filter_deletes_disguised_and_edited_messages(world: World) -> None:
    fake = world.fake
    async with world.running():
        await add_keyword_filter(world)
        plain = await fake.send_message(world.general, world.member, "I love durians so much")
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{plain.id}")
        # zero-width characters and Cyrillic homoglyphs
        disguised = await fake.send_message(
            world.general, world.member, "d\u200bur\u0456\u0430n time"
        )
        await fake.wait_for_request(
            "DELETE", f"/channels/{world.general.id}/messages/{disguised.id}"
        )
        clean = await fake.send_message(world.general, world.member, "mangoes are fine")
        edited = await fake.edit_message(clean, "actually DURIAN is best")
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{edited.id}")
        assert [m.id for m in fake.deleted_messages] == [plain.id, disguised.id, clean.id]
        # the author is told the rule and gets their own text back, without pings
        await fake.wait_until(lambda: len(fake.dms) >= 3)
        assert "rule 2" in fake.dms[0].content.lower()
        assert "durians" in fake.dms[0].content


async def test_moderators_and_bots_are_exempt(world: World) -> None:
    fake = world.fake
    async with world.running():
        await add_keyword_filter(world)
        said = await fake.send_message(world.general, world.moderator, "durian talk from a mod")
        marker = await fake.send_message(world.general, world.member, "durian from a member")
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{marker.id}")
        assert said not in fake.deleted_messages


async def test_flag_goes_to_alerts_with_moderator_buttons(world: World) -> None:
    fake = world.fake
    async with world.running() as bot:
        alerts = await world.command(world.moderator, "filter alerts", {"channel": world.alerts})
        assert (
            "mod-alerts" in (await alerts.shown()).content
            or str(world.alerts.id) in (await alerts.shown()).content
        )
        await add_keyword_filter(world, pattern="jackfruit", action="flag")
        flagged = await fake.send_message(world.general, world.member, "jackfruit again")
        await fake.wait_until(lambda: bool(fake.bot_messages(world.alerts)))
        [alert] = fake.bot_messages(world.alerts)
        assert flagged not in fake.deleted_messages
        assert alert.allowed_mentions == {"parse": []}
        assert "jackfruit" in text_of(alert)
        ids = [c["custom_id"] for row in alert.components for c in row["components"]]
        remove = next(i for i in ids if i.startswith("mod:remove:"))
        refused = await fake.click_button(alert, remove, world.member)
        assert "Only moderators" in (await refused.response()).content
        click = await fake.click_button(alert, remove, world.moderator)
        await click.response()
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{flagged.id}")
        event_id = int(remove.rsplit(":", 1)[1])
        event = await bot.app.moderation.event(world.guild.id, event_id)
        assert event.decision == "remove" and event.decided_by == world.moderator.id


async def test_filter_test_list_remove_and_bad_input(world: World) -> None:
    async with world.running():
        await add_keyword_filter(world)
        test = await world.command(world.moderator, "filter test", {"text": "durians!"})
        await test.response()
        [result] = await test.followups()
        assert "remove" in text_of(result) and "rule 2" in text_of(result)
        listing = await (await world.command(world.moderator, "filter list")).shown()
        assert "durian*" in text_of(listing)
        choices = await world.fake.autocomplete(
            world.general, world.moderator, "filter remove", {"filter": ""}, focused="filter"
        )
        assert len(choices) == 1
        unknown = await world.command(world.moderator, "filter remove", {"filter": "99999"})
        assert "no filter" in (await unknown.shown()).content
        regex = await world.command(
            world.moderator,
            "filter add",
            {"kind": "regex", "pattern": "(a+)+$", "rule": 2, "action": "remove"},
        )
        await regex.response()
        [refused] = await regex.followups()
        assert refused.content.startswith("Filter not added:")
        removed = await world.command(
            world.moderator, "filter remove", {"filter": choices[0]["value"]}
        )
        assert "Removed filter" in (await removed.shown()).content


async def test_backtest_reads_channel_history(world: World) -> None:
    fake = world.fake
    async with world.running():
        await fake.send_message(world.general, world.member, "pineapple pizza")
        await fake.send_message(world.general, world.member, "nothing here")
        add = await world.command(
            world.moderator,
            "filter add",
            {"kind": "keyword", "pattern": "pineapple", "rule": 2, "action": "remove"},
        )
        await add.response()
        [added] = await add.followups()
        filter_id = added.content.split("#", 1)[1].split(" ", 1)[0]
        run = await world.command(world.moderator, "filter backtest", {"filter": filter_id})
        await run.response()
        [report] = await run.followups()
        assert "caught **1**" in text_of(report)
        await fake.wait_for_request("GET", f"/channels/{world.general.id}/messages")


async def test_escalation_times_out_a_repeat_offender(world: World) -> None:
    fake = world.fake
    async with world.running():
        setting = await world.command(
            world.moderator, "filter escalation", {"hits": 2, "minutes": 10, "length": 15}
        )
        assert "2 hit(s) within 10 minute(s)" in (await setting.shown()).content
        await add_keyword_filter(world)
        for text in ("durian one", "durian two"):
            message = await fake.send_message(world.general, world.member, text)
            await fake.wait_for_request(
                "DELETE", f"/channels/{world.general.id}/messages/{message.id}"
            )
        await fake.wait_until(lambda: fake.timeouts)
        [timeout] = fake.timeouts
        assert timeout.user_id == world.member.user.id


async def test_exempt_role_and_channel(world: World) -> None:
    fake = world.fake
    trusted = world.guild.add_role("trusted", 0)
    veteran = world.guild.add_member("veteran", [trusted])
    async with world.running():
        await add_keyword_filter(world)
        choices = await fake.autocomplete(
            world.general, world.moderator, "filter exempt", {"target": "trus"}, focused="target"
        )
        assert choices == [{"name": "@trusted (role)", "value": f"role:{trusted.id}"}]
        exempt = await world.command(
            world.moderator, "filter exempt", {"target": choices[0]["value"]}
        )
        assert "is now exempt" in (await exempt.shown()).content
        channel = await world.command(
            world.moderator, "filter exempt", {"target": f"<#{world.news.id}>"}
        )
        assert "channel" in (await channel.shown()).content
        bogus = await world.command(world.moderator, "filter exempt", {"target": "@everyone"})
        assert "not a role or channel" in (await bogus.shown()).content
        kept = await fake.send_message(world.general, veteran, "durian from a veteran")
        news = await fake.send_message(world.news, world.member, "durian in news")
        marker = await fake.send_message(world.general, world.member, "durian marker")
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{marker.id}")
        assert kept not in fake.deleted_messages and news not in fake.deleted_messages


async def test_built_in_models_flag_for_moderators_without_deleting(world: World) -> None:
    """Rule 3's and rule 1's trained models only flag: the message stays, an alert names the
    rule and asks a moderator (no filter configured: a fresh install's built-ins)."""
    fake = world.fake
    async with world.running():
        alerts = await world.command(world.moderator, "filter alerts", {"channel": world.alerts})
        await alerts.response()
        denial = await fake.send_message(
            world.general, world.member, "a few people went hungry in the 90s, big whoop"
        )
        await fake.wait_until(lambda: len(fake.bot_messages(world.alerts)) >= 1)
        [alert] = fake.bot_messages(world.alerts)
        assert denial not in fake.deleted_messages
        assert "rule 3" in text_of(alert).lower()
        assert alert.allowed_mentions == {"parse": []}
        ids = [c["custom_id"] for row in alert.components for c in row["components"]]
        assert any(i.startswith("mod:dismiss:") for i in ids)
        hate = await fake.send_message(
            world.general,
            world.member,
            "Honestly I would move house if a Roma family moved in next door.",
        )
        await fake.wait_until(lambda: len(fake.bot_messages(world.alerts)) >= 2)
        second = fake.bot_messages(world.alerts)[1]
        assert hate not in fake.deleted_messages
        assert "rule 1" in text_of(second).lower()


async def test_a_short_reply_is_read_against_the_message_it_answers(world: World) -> None:
    """Discord sends the replied-to message with a reply: 'no they werent' under an account of
    hunger is flagged for a moderator, the same words under a football score are not."""
    fake = world.fake
    async with world.running():
        alerts = await world.command(world.moderator, "filter alerts", {"channel": world.alerts})
        await alerts.response()
        chat = await fake.send_message(world.general, world.moderator, "We won 3-0 last night!")
        await fake.send_message(world.general, world.member, "no they werent", reply_to=chat)
        account = await fake.send_message(
            world.general,
            world.moderator,
            "My grandmother says her village was eating grass roots in the spring of 1997.",
        )
        denial = await fake.send_message(
            world.general, world.member, "no they werent", reply_to=account
        )
        await fake.wait_until(lambda: len(fake.bot_messages(world.alerts)) >= 1)
        [alert] = fake.bot_messages(world.alerts)
        assert "rule 3" in text_of(alert).lower()
        assert str(denial.id) in text_of(alert)  # the jump link: not the reply to the score
        assert denial not in fake.deleted_messages
