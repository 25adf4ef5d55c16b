"""SourceRepository against a real SQLite database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.core.database import Database
from bot.feeds.storage import SEEN_RETENTION, SourceExistsError, SourceRepository

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
async def repo(tmp_path):
    db = await Database.open(tmp_path / "sources.sqlite3")
    yield SourceRepository(db)
    await db.close()


async def _add(repo: SourceRepository, guild: int = 1, url: str = "https://x.org/feed") -> int:
    source = await repo.add(
        guild_id=guild,
        url=url,
        label="X",
        interval_minutes=15,
        announce_channel_id=99,
        created_by=5,
        now=NOW,
    )
    return source.id


async def test_migration_creates_the_tables(tmp_path):
    async with await Database.open(tmp_path / "m.sqlite3") as db:
        assert {"sources", "source_items"} <= set(await db.tables())
        assert await db.schema_version() >= 2


async def test_add_get_and_defaults(repo):
    source_id = await _add(repo)
    source = await repo.get(source_id)
    assert source is not None
    assert (source.guild_id, source.url, source.label, source.interval_minutes) == (
        1,
        "https://x.org/feed",
        "X",
        15,
    )
    assert source.announce_channel_id == 99 and source.created_by == 5
    assert source.enabled and not source.primed and not source.alerted
    assert source.next_poll == NOW and source.created == NOW
    assert source.consecutive_failures == 0 and source.last_success is None


async def test_one_url_per_guild(repo):
    first = await _add(repo)
    with pytest.raises(SourceExistsError) as caught:
        await _add(repo)
    assert caught.value.existing.id == first
    assert "already follows" in str(caught.value)
    await _add(repo, guild=2)  # another guild may follow the same feed
    assert await repo.count_for_guild(1) == 1
    assert [s.guild_id for s in await repo.enabled()] == [1, 2]


async def test_state_round_trip_and_due(repo):
    source_id = await _add(repo)
    source = await repo.get(source_id)
    assert source is not None
    later = NOW + timedelta(minutes=15)
    polled = replace(
        source,
        etag='"abc"',
        last_modified="Mon, 23 Nov 2026 12:00:00 GMT",
        last_polled=NOW,
        last_success=NOW,
        last_error="HTTP 500",
        last_error_at=NOW,
        consecutive_failures=2,
        next_poll=later,
        alerted=True,
        primed=True,
        label="ignored: not a state column",
    )
    assert await repo.save_poll(polled, seen=["guid:1", "guid:2"], now=NOW)
    stored = await repo.get(source_id)
    assert stored == replace(polled, label="X")
    assert await repo.seen_keys(source_id) == {"guid:1", "guid:2"}
    assert await repo.due(NOW) == []
    assert [s.id for s in await repo.due(later)] == [source_id]


async def test_seen_keys_are_refreshed_and_old_ones_forgotten(repo):
    source_id = await _add(repo)
    source = await repo.get(source_id)
    assert source is not None
    await repo.save_poll(source, seen=["old", "kept"], now=NOW)
    later = NOW + SEEN_RETENTION + timedelta(days=1)
    await repo.save_poll(source, seen=["kept", "new"], now=later)
    assert await repo.seen_keys(source_id) == {"kept", "new"}


async def test_pause_resume_remove(repo):
    source_id = await _add(repo)
    paused = await repo.set_enabled(1, source_id, False)
    assert paused is not None and not paused.enabled
    assert await repo.due(NOW + timedelta(days=1)) == []
    assert await repo.set_enabled(2, source_id, True) is None, "another guild's source"
    resumed = await repo.set_enabled(1, source_id, True, next_poll=NOW + timedelta(hours=1))
    assert resumed is not None and resumed.enabled
    assert resumed.next_poll == NOW + timedelta(hours=1)
    source = await repo.get(source_id)
    assert source is not None
    await repo.save_poll(source, seen=["k"], now=NOW)
    assert not await repo.remove(2, source_id)
    assert await repo.remove(1, source_id)
    assert await repo.get(source_id) is None
    assert await repo.seen_keys(source_id) == set(), "seen items go with the source"
    assert not await repo.save_poll(source, seen=["k"], now=NOW), "a removed source is not revived"
