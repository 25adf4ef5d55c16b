"""Moderation goes on when the database cannot be written, and the moderators are told once."""

from __future__ import annotations

import pytest

from bot.app import build_app
from bot.core.database import DatabaseError
from tests.e2e.conftest import World, text_of
from tests.e2e.storage_faults import FaultyStorage
from tests.e2e.test_moderation_flow import add_keyword_filter


def notices(world: World, word: str) -> list[str]:
    return [text_of(m) for m in world.fake.bot_messages(world.alerts) if word in text_of(m)]


async def break_rule_2(world: World, count: int) -> list[int]:
    """Post ``count`` messages the keyword filter removes; wait until each is deleted."""
    fake = world.fake
    ids = []
    for number in range(count):
        message = await fake.send_message(world.general, world.member, f"durian number {number}")
        ids.append(message.id)
    await fake.wait_until(lambda: {m.id for m in fake.deleted_messages} >= set(ids), timeout=10)
    return ids


@pytest.mark.parametrize("fault", ["disk full", "read-only"])
async def test_removals_go_on_and_moderators_are_told_once(world: World, fault: str) -> None:
    storage = FaultyStorage()
    fake = world.fake
    async with world.running(on_connect=storage) as rt:
        await add_keyword_filter(world)
        await rt.app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
        if fault == "disk full":
            await storage.fill_disk()
        else:
            await storage.make_read_only()

        removed = await break_rule_2(world, 6)

        assert len(removed) == 6  # every rule-breaking message is gone
        # one alert per removal, delivered from memory, and exactly one storage notice
        await fake.wait_until(lambda: len(notices(world, "durian number")) == 6)
        await fake.wait_until(lambda: len(notices(world, "Storage fault")) == 1)
        assert "disk is full" in notices(world, "Storage fault")[0] or fault == "read-only"
        await fake.wait_until(lambda: len(fake.dms) == 6)  # the authors were told
        assert rt.app.moderation.events.unwritten == 6

        status = await world.command(world.moderator, "status")
        shown = await status.final_message()
        assert "fault" in text_of(shown) and "6 event(s) kept in memory" in text_of(shown)

        if fault == "disk full":
            await storage.free_disk()
        else:
            await storage.make_writable()
        # The listener's retry timer may write them before this call does (it did once in
        # CI): either way every kept event must reach the database.
        await rt.app.moderation.flush_pending_writes()
        await fake.wait_until(lambda: len(notices(world, "Storage recovered")) == 1)
        await fake.wait_until(lambda: rt.app.moderation.events.unwritten == 0)
        stored = await rt.app.moderation.events._repo.recent(world.guild.id, limit=50)
        assert {e.message_id for e in stored} >= set(removed)
        outcomes = {e.outcome for e in stored if e.message_id in removed}
        assert all(o.startswith("message removed") for o in outcomes), outcomes
        assert any("timed out" in o for o in outcomes)  # escalation counted unwritten hits
        assert len(notices(world, "Storage fault")) == 1


async def test_a_bot_started_on_an_unwritable_database_refuses_with_the_reason(
    world: World,
) -> None:
    async def read_only(conn: object) -> None:
        await conn.execute("PRAGMA query_only = 1")  # type: ignore[attr-defined]

    # the database exists and is migrated, but cannot be written
    app = await build_app(world.settings(), clock=world.clock)
    await app.db.close()
    with pytest.raises(DatabaseError, match=r"cannot be written .*readonly.*DIGESTBOT_READ_ONLY"):
        await build_app(world.settings(), require_writable=True, on_connect=read_only)


async def test_read_only_by_setting_moderates_and_says_so(world: World) -> None:
    app = await build_app(world.settings(), clock=world.clock)  # create and seed it first
    await app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
    await app.moderation.add_filter(
        world.guild.id, kind="keyword", pattern="durian*", rule=2, action="remove",
        moderator_id=None, shadow=False,
    )  # fmt: skip
    await app.db.close()
    async with world.running(read_only=True) as rt:
        assert rt.app.db.read_only
        removed = await break_rule_2(world, 2)
        assert len(removed) == 2
        await world.fake.wait_until(lambda: len(notices(world, "Storage fault")) == 1)
        assert "read-only" in notices(world, "Storage fault")[0]


async def test_a_vanished_database_file_is_noticed(world: World) -> None:
    async with world.running() as rt:
        await rt.app.moderation.set_alerts_channel(world.guild.id, world.alerts.id)
        world.db_path.unlink()
        rt.app.status.check_storage()  # what the bot does every few seconds
        await world.fake.wait_until(lambda: len(notices(world, "Storage fault")) == 1)
        [notice] = notices(world, "Storage fault")
        assert "removed or replaced" in notice
        with pytest.raises(DatabaseError):
            await rt.app.moderation.set_alerts_channel(world.guild.id, world.general.id)
