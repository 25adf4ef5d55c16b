"""Members' commands end to end: /ask, /search, /article, /rules through the loopback Discord."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.e2e.conftest import World, text_of

INTERNET_QUESTION = "How many people in North Korea have access to the internet?"


async def test_ask_answers_with_the_seed_excerpt_only_to_the_asker(world: World) -> None:
    async with world.running():
        handle = await world.command(world.member, "ask", {"question": INTERNET_QUESTION})
        reply = await handle.shown()
        assert reply.ephemeral
        assert reply.allowed_mentions == {"parse": []}
        body = text_of(reply)
        assert "fewer than 1,000" in body
        # the matched words are bold in the excerpt
        assert "**Internet**" in reply.embeds[0]["description"]
        assert world.fake.channel_messages(world.general) == []


async def test_ask_public_more_button_belongs_to_the_asker(world: World) -> None:
    async with world.running():
        handle = await world.command(
            world.member,
            "ask",
            {"question": "North Korean defectors in China and Russia", "public": True},
        )
        reply = await handle.shown()
        assert not reply.ephemeral
        buttons = [c for row in reply.components for c in row["components"]]
        more = next(b for b in buttons if b.get("label") == "More")
        message = await handle.original()
        stranger = await world.fake.click_button(message, more["custom_id"], world.moderator)
        refusal = await stranger.response()
        assert refusal.ephemeral and "not your button" in refusal.content
        owner = await world.fake.click_button(message, more["custom_id"], world.member)
        update = await owner.response()
        assert update.type == 7
        assert update.embeds and update.embeds[0]["title"].startswith("4.")


async def test_off_topic_question_gets_an_honest_no_match(world: World) -> None:
    async with world.running():
        handle = await world.command(
            world.member, "ask", {"question": "How do I bake sourdough bread?"}
        )
        reply = await handle.shown()
        assert reply.embeds[0]["title"] == "No good match"


async def test_member_cannot_make_the_bot_ping(world: World) -> None:
    async with world.running():
        handle = await world.command(
            world.member,
            "ask",
            {"question": f"@everyone @here <@&{world.mod_role.id}> internet", "public": True},
        )
        reply = await handle.shown()
        assert reply.allowed_mentions == {"parse": []}
        message = await handle.original()
        assert not message.pings
        assert "@everyone" not in reply.content  # neutralised with a zero-width space


async def test_search_pages_only_for_the_invoker(world: World) -> None:
    async with world.running():
        handle = await world.command(
            world.member, "search", {"query": "North Korea", "public": True}
        )
        reply = await handle.shown()
        assert not reply.ephemeral
        assert "Page 1 of 2" in text_of(reply)
        message = await handle.original()
        next_button = next(
            c for row in reply.components for c in row["components"] if c.get("label") == "Next"
        )
        other = await world.fake.click_button(message, next_button["custom_id"], world.moderator)
        assert "not your button" in (await other.response()).content
        mine = await world.fake.click_button(message, next_button["custom_id"], world.member)
        assert "Page 2 of 2" in text_of(await mine.response())


async def test_article_autocomplete_and_reply(world: World) -> None:
    async with world.running():
        choices = await world.fake.autocomplete(
            world.general, world.member, "article", {"article": "Kim"}, focused="article"
        )
        assert 1 <= len(choices) <= 25
        kim = next(c for c in choices if c["name"] == "Kim Yo-jong")
        handle = await world.command(world.member, "article", {"article": kim["value"]})
        reply = await handle.shown()
        assert reply.embeds[0]["title"] == "Kim Yo-jong"
        assert "catatomic" in text_of(reply)
        every = await world.fake.autocomplete(
            world.general, world.member, "article", {"article": ""}, focused="article"
        )
        assert len(every) == 7


async def test_rules_come_from_the_seed(world: World) -> None:
    async with world.running():
        reply = await (await world.command(world.member, "rules")).shown()
        body = text_of(reply)
        assert "No racism, sexism, homophobia, or transphobia." in body
        assert "No denying or belittling the humanitarian crisis in NK." in body


async def test_over_long_and_blank_questions_get_a_sentence(world: World) -> None:
    async with world.running():
        long = await world.command(world.member, "ask", {"question": "why " * 500}, validate=False)
        assert "characters long" in (await long.response()).content
        blank = await world.command(world.member, "ask", {"question": "   "}, validate=False)
        assert "empty" in (await blank.response()).content


async def test_dropped_gateway_reconnects_and_keeps_answering(world: World) -> None:
    async with world.running():
        await world.fake.drop_gateway()
        await world.fake.wait_for_resume()
        handle = await world.command(world.member, "ask", {"question": INTERNET_QUESTION})
        assert "fewer than 1,000" in text_of(await handle.shown())


async def test_commands_sync_once_then_only_when_changed(world: World) -> None:
    async with world.running():
        synced = world.fake.synced_commands[world.guild.id]
        names = sorted(c["name"] for c in synced)
        assert names == [
            "article", "ask", "digest", "filter", "rules", "search", "source", "status", "sync",
        ]  # fmt: skip
        for command in synced:
            assert command["description"]
            for option in command.get("options", []):
                assert option["description"]
        first = len(world.fake.requests("PUT"))
    async with world.running():
        assert len(world.fake.requests("PUT")) == first  # same definitions: no second sync


async def test_status_for_moderators_only(world: World) -> None:
    async with world.running():
        refused = await world.command(world.member, "status", permission_override=True)
        assert "Only moderators" in (await refused.response()).content
        status = await world.command(world.moderator, "status")
        body = text_of(await status.response())
        assert "7 articles" in body and "Failing sources** none" in body


async def test_sync_is_for_the_owner_only(world: World) -> None:
    async with world.running():
        before = len(world.fake.requests("PUT"))
        refused = await world.command(world.moderator, "sync", permission_override=True)
        assert "Only the bot's owner" in (await refused.response()).content
        assert len(world.fake.requests("PUT")) == before


async def test_a_failing_command_is_logged_and_explained(world: World, caplog) -> None:
    async with world.running() as bot:

        async def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("index exploded")

        # An internal failure (not a member's mistake): the global handler must catch it.
        bot.app.answers.ask = broken  # type: ignore[method-assign]
        handle = await world.command(world.member, "ask", {"question": "anything at all"})
        reply = await handle.shown()
        assert reply.ephemeral
        assert "Something went wrong on our side" in reply.content
        assert any("/ask failed" in r.message and r.exc_info for r in caplog.records)
        # the bot keeps answering
        rules = await world.command(world.member, "rules")
        assert "No racism" in text_of(await rules.shown())


async def test_the_shell_answers_with_the_excerpts_discord_shows(world: World) -> None:
    from bot.cli.shell import handle_line
    from bot.core.payloads import payload_to_text

    question = "Why are defectors in China afraid?"
    async with world.running() as rt:
        handle = await world.command(world.member, "ask", {"question": question})
        reply = await handle.shown()  # what Discord received from the bot
        shell = await handle_line(rt.app, f"/ask {question}")
    assert reply.embeds and shell
    positions = []
    for embed in reply.embeds:
        excerpt = payload_to_text({"embeds": [embed]})
        assert excerpt in shell, excerpt
        positions.append(shell.index(excerpt))
    assert positions == sorted(positions)


@pytest.mark.parametrize("command", ["ask", "rules"])
async def test_a_slow_answer_is_deferred_not_lost(
    world: World, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # The first /ask after a start can wait for the index; a busy machine slows everything.
    # An answer that takes longer than Discord's 3 s window must still reach the member.
    assert world.fake.interaction_deadline == 3.0
    async with world.running() as runtime:
        answers = runtime.app.answers
        method = "ask" if command == "ask" else "community"
        quick = getattr(answers, method)

        async def slow(*args: Any, **kwargs: Any) -> Any:
            await asyncio.sleep(3.2)
            return await quick(*args, **kwargs)

        monkeypatch.setattr(answers, method, slow)
        options = {"question": INTERNET_QUESTION} if command == "ask" else {}
        handle = await world.command(world.member, command, options)
        first = await handle.response()
        assert first.type == 5 and first.ephemeral  # "thinking…", shown to the asker only
        answer = await handle.final_message(timeout=10)
        assert answer.ephemeral and answer.allowed_mentions == {"parse": []}
        expected = "fewer than 1,000" if command == "ask" else "No racism"
        assert expected in text_of(answer)
        callbacks = world.fake.requests("POST", "/interactions/{id}/{token}/callback")
        assert [c.json["type"] for c in callbacks] == [5]
