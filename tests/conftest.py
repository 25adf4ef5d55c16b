"""Shared pytest fixtures."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator

import pytest

# discord.py imports the stdlib's audioop (voice), deprecated since 3.11; with
# filterwarnings=error that import would fail, so import discord once here, quietly.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "'audioop' is deprecated", DeprecationWarning)
    import discord  # noqa: F401

from datetime import UTC, datetime

from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.archive.ingest import IngestService
from bot.archive.storage.articles import ArticleRepository
from bot.archive.storage.community import CommunityRepository
from bot.archive.storage.feed_state import FeedStateRepository
from bot.core.clock import ManualClock
from bot.core.database import Database
from tests.fakediscord import FakeDiscord
from tests.feed_server import loopback_fetcher


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started loopback Discord on 127.0.0.1, stopped after the test.

    discord.py's REST base and default gateway are process-wide class attributes; whatever a test
    (or the bot under test) points them at is restored afterwards.
    """
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@pytest.fixture
def clock():
    return ManualClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "test.sqlite3")
    yield database
    await database.close()


@pytest.fixture
def ingest_service(db, clock):
    return IngestService(
        ArticleRepository(db),
        CommunityRepository(db),
        FeedStateRepository(db),
        clock,
        fetcher_factory=loopback_fetcher,
    )
