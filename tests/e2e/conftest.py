"""A running digestbot (the real DigestBot and discord.py client) against the loopback Discord."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_app, close_app
from bot.core.clock import ManualClock
from bot.core.database import ConnectionHook
from bot.core.settings import Settings
from bot.discord.client import DigestBot, point_discord_at
from bot.run import DiscordRuntime, build_bot, stopping_jobs
from tests.fakediscord import MODERATOR_PERMISSIONS, Channel, FakeDiscord, Guild, Member, Role
from tests.support import REPO, SEEDS

START = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday, ISO week 2026-W48


class FastDigestBot(DigestBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # Discord's 5 s identify rate limit does not exist on the loopback; tests stay fast.
        return None


@dataclass
class World:
    fake: FakeDiscord
    guild: Guild
    general: Channel
    news: Channel
    alerts: Channel
    mod_role: Role
    moderator: Member
    member: Member
    db_path: Path
    clock: ManualClock

    def settings(self) -> Settings:
        return Settings(
            db_path=self.db_path,
            seeds_dir=SEEDS,
            digests_dir=REPO / "digests",
            discord_token=self.fake.token,
            discord_api_base=self.fake.api_base,
            guild_ids=(self.guild.id,),
        )

    @asynccontextmanager
    async def running(
        self, *, on_connect: ConnectionHook | None = None, **overrides: Any
    ) -> AsyncIterator[DiscordRuntime]:
        """Start the bot as `digestbot run` does (same wiring), stop it cleanly after.

        ``on_connect`` receives the database connection (to inject storage faults with SQLite's
        own pragmas); ``overrides`` replace settings fields.
        """
        settings = replace(self.settings(), **overrides)
        point_discord_at(settings.discord_api_base)
        app = await build_app(settings, clock=self.clock, on_connect=on_connect)
        runtime = build_bot(app, bot_class=FastDigestBot, guild_ready_timeout=0.05)
        bot = runtime.bot
        # Every step has a deadline: a wait that never ends fails here, naming the step.
        await asyncio.wait_for(bot.login(self.fake.token), timeout=10)
        runner = asyncio.create_task(bot.connect())
        try:
            async with stopping_jobs(runtime):
                await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
                yield runtime
                await asyncio.wait_for(bot.close(), timeout=10)
        finally:
            if not bot.is_closed():
                await asyncio.wait_for(bot.close(), timeout=10)
            await asyncio.wait_for(runner, timeout=10)
            await asyncio.wait_for(close_app(app), timeout=30)

    async def command(self, member: Member, command: str, options: dict | None = None, **kw):
        return await self.fake.send_slash_command(
            self.general, member, command, options or {}, **kw
        )


@pytest.fixture
def world(fake_discord: FakeDiscord, tmp_path: Path) -> World:
    fake = fake_discord
    guild = fake.add_guild("North Korea")
    general = guild.add_channel("general")
    news = guild.add_channel("news")
    alerts = guild.add_channel("mod-alerts")
    mod_role = guild.add_role("moderator", MODERATOR_PERMISSIONS)
    moderator = guild.add_member("mod", [mod_role])
    member = guild.add_member("reader")
    return World(fake, guild, general, news, alerts, mod_role, moderator, member,
                 tmp_path / "bot.sqlite3", ManualClock(START))  # fmt: skip


def text_of(callback_or_message: object) -> str:
    """Content and every embed's text, for assertions."""
    content = getattr(callback_or_message, "content", "") or ""
    parts = [content]
    for embed in getattr(callback_or_message, "embeds", []) or []:
        parts.append(embed.get("title") or "")
        parts.append(embed.get("description") or "")
        for field in embed.get("fields") or []:
            parts.append(f"{field.get('name')} {field.get('value')}")
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


Predicate = Callable[[], bool]
