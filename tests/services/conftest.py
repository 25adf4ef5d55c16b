from datetime import UTC, datetime

import pytest

from bot.services.ingest import IngestService
from bot.services.ports import ManualClock
from bot.storage.articles import ArticleRepository
from bot.storage.community import CommunityRepository, FeedStateRepository
from bot.storage.database import Database


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
        ArticleRepository(db), CommunityRepository(db), FeedStateRepository(db), clock
    )
