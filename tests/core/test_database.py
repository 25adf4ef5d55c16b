import sqlite3
from datetime import UTC, datetime

import pytest

from bot.archive.domain.articles import Article, Passage
from bot.archive.storage.articles import ArticleRepository, StoredArticle
from bot.core.database import Database, DatabaseError, Migration, load_migrations

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


async def test_empty_database_is_migrated_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "nested" / "dir" / "bot.sqlite3"
    db = await Database.open(path)
    try:
        assert path.exists()
        assert await db.schema_version() == len(load_migrations())
        assert await db.fetch_value("PRAGMA journal_mode") == "wal"
        assert await db.fetch_value("PRAGMA foreign_keys") == 1
        tables = set(await db.tables())
        expected = {"articles", "passages", "guild_settings", "filters", "moderation_events"}
        assert expected | {"digest_runs"} <= tables
        assert await db.integrity_check() == []
    finally:
        await db.close()


async def test_older_database_gets_only_the_missing_migrations(tmp_path):
    path = tmp_path / "old.sqlite3"
    migrations = load_migrations()
    db = await Database.open(path, migrate=False)
    await db.migrate(migrations[:1])
    assert await db.schema_version() == 1
    await db.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    extra = Migration(len(migrations) + 1, "9999_test.sql", "CREATE TABLE later (x INTEGER);")
    applied = await db.migrate([*migrations, extra])
    assert applied == list(range(2, len(migrations) + 2))
    assert await db.fetch_value("SELECT value FROM meta WHERE key = 'kept'") == "yes"
    assert "later" in set(await db.tables())
    await db.close()


async def test_a_failing_migration_leaves_nothing_half_done(tmp_path):
    db = await Database.open(tmp_path / "x.sqlite3")
    version = await db.schema_version()
    broken = Migration(version + 1, "0099_broken.sql", "CREATE TABLE half (x); INSERT INTO nope;")
    with pytest.raises(DatabaseError, match=r"0099_broken\.sql"):
        await db.migrate([*load_migrations(), broken])
    assert await db.schema_version() == version
    assert "half" not in set(await db.tables())
    await db.close()


async def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(DatabaseError, match="newer than this digestbot"):
        await Database.open(path)


async def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="not a usable SQLite database"):
        await Database.open(path)


def _article(n: int) -> StoredArticle:
    body = f"Article number {n} says something."
    article = Article(id=f"a{n}", source="test", title=f"A{n}", body=body, ingested=NOW)
    return StoredArticle(article, [Passage(f"a{n}", 0, 0, len(body), body)], 0)


async def test_a_batch_is_all_or_nothing(tmp_path):
    db = await Database.open(tmp_path / "x.sqlite3")
    repo = ArticleRepository(db)
    good = [_article(n) for n in range(5)]
    clash = _article(2)  # same id again: the insert fails in the middle of the batch
    with pytest.raises(sqlite3.IntegrityError):
        await repo.write_batch([*good, clash], now=NOW)
    assert await repo.count() == 0
    assert await repo.passage_count() == 0
    await repo.write_batch(good, now=NOW)
    assert await repo.count() == 5
    assert await repo.passage_count() == 5
    assert [a.id for a in await repo.all()] == [f"a{n}" for n in range(5)]
    await db.close()


async def test_passages_go_with_their_article(tmp_path):
    db = await Database.open(tmp_path / "x.sqlite3")
    repo = ArticleRepository(db)
    await repo.write_batch([_article(1)], now=NOW)
    assert await repo.delete("a1")
    assert await repo.passage_count() == 0
    await db.close()


async def test_dates_round_trip_as_aware_utc(tmp_path):
    db = await Database.open(tmp_path / "x.sqlite3")
    repo = ArticleRepository(db)
    item = _article(1)
    article = Article(
        id="d", source="s", title="t", body="b", published=NOW, ingested=NOW, url="https://x/1"
    )
    await repo.write_batch([StoredArticle(article, item.passages[:0], 0)], now=NOW)
    loaded = await repo.get("d")
    assert loaded is not None
    assert loaded.published == NOW and loaded.published.tzinfo is not None
    assert loaded.content_hash == article.content_hash
    await db.close()
