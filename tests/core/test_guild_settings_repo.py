import asyncio
from datetime import UTC, datetime

import pytest

from bot.core.database import Database
from bot.core.guild_settings import GuildSettings, SettingsValueError
from bot.core.guild_settings_storage import GuildSettingsRepository

NOW = datetime(2026, 11, 23, tzinfo=UTC)


async def test_defaults_then_atomic_updates(tmp_path):
    db = await Database.open(tmp_path / "g.sqlite3")
    repo = GuildSettingsRepository(db)
    assert await repo.get(1) == GuildSettings(1)
    await asyncio.gather(
        repo.update(1, now=NOW, alerts_channel_id=5),
        repo.update(1, now=NOW, digest_channel_id=6, digest_enabled=True, timezone="Asia/Seoul"),
    )
    stored = await repo.get(1)
    assert (stored.alerts_channel_id, stored.digest_channel_id) == (5, 6)
    assert stored.digest_enabled and stored.timezone == "Asia/Seoul"
    assert await repo.get(2) == GuildSettings(2)  # other guilds untouched
    await db.close()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "not a known time zone"),
        ({"digest_time": "25:99"}, "not a time of day"),
        ({"digest_weekday": "Caturday"}, "not a weekday"),
    ],
)
async def test_bad_values_change_nothing(tmp_path, changes, message):
    db = await Database.open(tmp_path / "g.sqlite3")
    repo = GuildSettingsRepository(db)
    with pytest.raises(SettingsValueError, match=message):
        await repo.update(1, now=NOW, **changes)
    assert await repo.get(1) == GuildSettings(1)
    with pytest.raises(KeyError):
        await repo.update(1, now=NOW, colour="red")
    await db.close()
