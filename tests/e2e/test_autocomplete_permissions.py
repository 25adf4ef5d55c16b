"""Every autocomplete of a moderator command answers a plain member with nothing at all.

discord.py runs a group's interaction_check for commands but not for their autocompletes, so
each autocomplete checks the moderator permission itself. The commands are found by walking the
bot's own command tree: a new moderator autocomplete is covered without editing this test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from discord import app_commands

from tests.e2e.conftest import START, World
from tests.e2e.test_moderation_flow import add_keyword_filter
from tests.feed_server import FeedServer, Item

# What a moderator types to see data, per option name (empty = list everything).
TYPED = {"filter": "", "source": "", "target": "", "timezone": "Asia"}


@pytest.fixture
async def feed() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    server.items = [Item(1, "Rason rail link", "Pyongyang opened a rail link to Rason.", START)]
    try:
        yield server
    finally:
        await server.stop()


def moderator_autocompletes(tree: app_commands.CommandTree) -> Iterator[tuple[str, str]]:
    """(qualified command name, option) for every autocomplete under a moderator-only command."""
    for root in tree.get_commands():
        permissions = getattr(root, "default_permissions", None)
        commands = root.walk_commands() if isinstance(root, app_commands.Group) else [root]
        for command in commands:
            if not isinstance(command, app_commands.Command):
                continue
            for parameter in command.parameters:
                if parameter.autocomplete and permissions is not None and permissions.value:
                    yield command.qualified_name, parameter.name


async def test_members_get_no_moderator_data_from_any_autocomplete(
    world: World, feed: FeedServer
) -> None:
    fake = world.fake
    async with world.running(feed_allow_hosts=("127.0.0.1",)) as rt:
        await add_keyword_filter(world, pattern="secretword*")
        add = await world.command(world.moderator, "source add", {"url": feed.url})
        await add.final_message()
        found = sorted(moderator_autocompletes(rt.bot.tree))
        assert len(found) >= 9, found  # filter x4, source x4, digest schedule
        for command, option in found:
            options = {option: TYPED[option]}
            as_member = await fake.autocomplete(
                world.general, world.member, command, options, focused=option
            )
            assert as_member == [], f"/{command} {option} showed a member {as_member}"
            as_moderator = await fake.autocomplete(
                world.general, world.moderator, command, options, focused=option
            )
            assert as_moderator, f"/{command} {option} shows a moderator nothing"
