"""When Discord fails: a removal is never reported as done, and alerts arrive after an outage."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from tests.e2e.conftest import World, text_of
from tests.e2e.test_moderation_flow import add_keyword_filter


def alert_buttons(message: object) -> list[str]:
    return [c["custom_id"] for row in message.components for c in row["components"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("status", "times"), [(403, 1), (500, 5)])
async def test_a_failed_deletion_is_never_reported_as_done(
    world: World, status: int, times: int
) -> None:
    fake = world.fake
    async with world.running() as rt:
        await add_keyword_filter(world)
        await rt.app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
        # 5 x 500 is every try discord.py makes (it waits 1, 3, 5, 7, 9 s: 25 s in all)
        fake.fail_next(
            "DELETE", f"/channels/{world.general.id}/messages/{{id}}", status, times=times
        )
        message = await fake.send_message(world.general, world.member, "durian season")
        await fake.wait_until(lambda: bool(fake.bot_messages(world.alerts)), timeout=40)
        [alert] = fake.bot_messages(world.alerts)
        assert message not in fake.deleted_messages
        assert "FAILED" in text_of(alert) and "deletion failed" in text_of(alert)
        assert any(i.startswith("mod:remove:") for i in alert_buttons(alert))  # Remove stays
        assert fake.dms == []  # nobody is told "removed"
        events = await rt.app.moderation.events._repo.recent(world.guild.id)
        assert "deletion failed" in (events[0].outcome or "")

        # The moderator presses Remove once Discord is fine again: now it is removed and told.
        remove = next(i for i in alert_buttons(alert) if i.startswith("mod:remove:"))
        click = await fake.click_button(alert, remove, world.moderator)
        await click.response()
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{message.id}")
        await fake.wait_until(lambda: len(fake.dms) == 1)
        assert "was removed" in fake.dms[0].content


async def test_a_failed_remove_button_keeps_the_alert_open(world: World) -> None:
    fake = world.fake
    async with world.running() as rt:
        await add_keyword_filter(world, pattern="jackfruit", action="flag")
        await rt.app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
        flagged = await fake.send_message(world.general, world.member, "jackfruit")
        await fake.wait_until(lambda: bool(fake.bot_messages(world.alerts)))
        [alert] = fake.bot_messages(world.alerts)
        remove = next(i for i in alert_buttons(alert) if i.startswith("mod:remove:"))
        fake.fail_next("DELETE", f"/channels/{world.general.id}/messages/{flagged.id}", 403)
        click = await fake.click_button(alert, remove, world.moderator)
        await click.response()
        [edit] = await click.edits()
        assert "removal failed" in str(edit)
        assert fake.dms == [] and flagged not in fake.deleted_messages
        event = await rt.app.moderation.event(world.guild.id, int(remove.rsplit(":", 1)[1]))
        assert event is not None and event.decision is None  # open again
        [reopened] = fake.bot_messages(world.alerts)
        assert remove in alert_buttons(reopened)
        retry = await fake.click_button(reopened, remove, world.moderator)
        await retry.response()
        await fake.wait_for_request("DELETE", f"/channels/{world.general.id}/messages/{flagged.id}")


async def test_an_alert_arrives_after_the_alerts_channel_recovers(world: World) -> None:
    fake = world.fake
    async with world.running() as rt:
        await add_keyword_filter(world, pattern="jackfruit", action="flag")
        await rt.app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
        fake.fail_next("POST", f"/channels/{world.alerts.id}/messages", 500, times=5)
        await fake.send_message(world.general, world.member, "jackfruit pie")
        # discord.py's five tries fail (25 s); the outbox keeps the alert
        await fake.wait_until(
            lambda: any(i.attempts == 1 for i in rt.app.moderation.outbox.pending(world.guild.id)),
            timeout=40,
        )
        assert fake.bot_messages(world.alerts) == []
        pending = await world.command(world.moderator, "filter pending")
        listing = text_of(await pending.final_message())
        assert "Undelivered alerts and notices** (1)" in listing and "500" in listing
        world.clock.advance(timedelta(seconds=11))  # the first backoff
        await fake.wait_until(lambda: bool(fake.bot_messages(world.alerts)), timeout=5)
        [alert] = fake.bot_messages(world.alerts)
        assert "jackfruit pie" in text_of(alert)
        await fake.wait_until(lambda: rt.app.moderation.outbox.pending(world.guild.id) == [])


async def test_a_reply_that_fails_twice_still_answers_within_discords_window(world: World) -> None:
    # The fake refuses a first callback after 3 s (404 Unknown interaction), like Discord.
    assert world.fake.interaction_deadline == 3.0
    async with world.running():
        world.fake.fail_next("POST", "/interactions/{id}/{token}/callback", 500, times=2)
        handle = await world.command(world.member, "rules")
        answer = await handle.final_message()
        assert "No racism" in text_of(answer)
        callbacks = world.fake.requests("POST", "/interactions/{id}/{token}/callback")
        assert [c.status >= 500 for c in callbacks] == [True, True, False]
        assert callbacks[-1].json["type"] == 5  # deferred inside the window, answered after


async def test_a_slow_answer_is_deferred_even_when_discord_fails_twice(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The answer takes longer than the window, so the bot defers; the deferral itself meets
    # two 500s. discord.py's own retries would land past 3 s: the bot must still get in.
    async with world.running() as runtime:
        answers = runtime.app.answers
        quick = answers.community

        async def slow() -> Any:
            await asyncio.sleep(3.2)
            return await quick()

        monkeypatch.setattr(answers, "community", slow)
        world.fake.fail_next("POST", "/interactions/{id}/{token}/callback", 500, times=2)
        handle = await world.command(world.member, "rules")
        answer = await handle.final_message(timeout=10)
        assert "No racism" in text_of(answer) and answer.ephemeral
        callbacks = world.fake.requests("POST", "/interactions/{id}/{token}/callback")
        assert [c.status >= 500 for c in callbacks] == [True, True, False]
        assert callbacks[-1].json["type"] == 5
