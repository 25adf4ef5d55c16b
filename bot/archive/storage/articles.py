"""Repository of the archive: articles and passages."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.archive.domain.articles import Article, Passage
from bot.core.database import Database
from bot.core.timestamps import from_iso, to_iso

_ARTICLE_COLUMNS = (
    "id, source, guid, url, title, author, published, ingested, body, content_hash, simhash, score"
)


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        guid=row["guid"],
        url=row["url"],
        title=row["title"],
        author=row["author"],
        published=from_iso(row["published"]),
        ingested=from_iso(row["ingested"]),
        body=row["body"],
        content_hash=row["content_hash"],
        score=row["score"],
    )


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """What de-duplication needs to know of a stored article, without its body."""

    id: str
    source: str
    guid: str | None
    url: str | None
    content_hash: str
    simhash: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article: Article
    passages: Sequence[Passage]
    simhash: int


class ArticleRepository:
    """Reads and writes articles with their passages; every batch is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def count(self) -> int:
        return int(await self._db.fetch_value("SELECT count(*) FROM articles"))

    async def passage_count(self) -> int:
        return int(await self._db.fetch_value("SELECT count(*) FROM passages"))

    async def corpus_version(self) -> str:
        """Changes whenever an article is added, edited or removed (for index staleness checks)."""
        row = await self._db.fetch_one(
            "SELECT count(*), max(coalesce(updated, ingested)), "
            "(SELECT count(*) FROM passages) FROM articles"
        )
        assert row is not None
        return f"{row[0]}:{row[1]}:{row[2]}"

    async def get(self, article_id: str) -> Article | None:
        row = await self._db.fetch_one(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        )
        return None if row is None else _article(row)

    async def all(self) -> list[Article]:
        rows = await self._db.fetch_all(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid")
        return [_article(row) for row in rows]

    async def all_passages(self) -> list[Passage]:
        rows = await self._db.fetch_all(
            'SELECT article_id, ordinal, start, "end", text FROM passages '
            "ORDER BY article_id, ordinal"
        )
        return [Passage(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def between(self, start: datetime, end: datetime) -> list[Article]:
        """Articles whose date (published, else ingested) falls in [start, end)."""
        rows = await self._db.fetch_all(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles "
            "WHERE coalesce(published, ingested) >= ? AND coalesce(published, ingested) < ? "
            "ORDER BY coalesce(published, ingested), id",
            (to_iso(start), to_iso(end)),
        )
        return [_article(row) for row in rows]

    async def before(self, end: datetime, *, limit: int = 2000) -> list[Article]:
        """The most recent articles dated before ``end`` (history for novelty), newest first."""
        rows = await self._db.fetch_all(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE coalesce(published, ingested) < ? "
            "ORDER BY coalesce(published, ingested) DESC LIMIT ?",
            (to_iso(end), limit),
        )
        return [_article(row) for row in rows]

    async def titles(self) -> list[tuple[str, str]]:
        rows = await self._db.fetch_all(
            "SELECT id, title FROM articles ORDER BY coalesce(published, ingested) DESC"
        )
        return [(row[0], row[1]) for row in rows]

    async def keys(self) -> list[ArticleKey]:
        rows = await self._db.fetch_all(
            "SELECT id, source, guid, url, content_hash, simhash FROM articles ORDER BY rowid"
        )
        return [ArticleKey(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    async def bodies(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        rows = await self._db.fetch_all(f"SELECT id, body FROM articles WHERE id IN ({marks})", ids)
        return {row[0]: row[1] for row in rows}

    async def known_duplicate_hashes(self) -> set[str]:
        rows = await self._db.fetch_all("SELECT content_hash FROM duplicates")
        return {row[0] for row in rows}

    async def write_batch(
        self,
        new: Sequence[StoredArticle],
        updated: Sequence[StoredArticle] = (),
        duplicates: Sequence[tuple[str, str]] = (),
        *,
        now: datetime,
    ) -> None:
        """Insert new articles, replace edited ones and record near-duplicates, all or nothing."""
        stamp = to_iso(now)
        async with self._db.transaction() as conn:
            for item in new:
                await conn.execute(
                    f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _article_params(item),
                )
                await _insert_passages(conn, item.passages)
            for item in updated:
                a = item.article
                await conn.execute(
                    "UPDATE articles SET url = ?, title = ?, author = ?, published = ?, body = ?, "
                    "content_hash = ?, simhash = ?, score = ?, updated = ? WHERE id = ?",
                    (
                        a.url,
                        a.title,
                        a.author,
                        to_iso(a.published),
                        a.body,
                        a.content_hash,
                        item.simhash,
                        a.score,
                        stamp,
                        a.id,
                    ),
                )
                await conn.execute("DELETE FROM passages WHERE article_id = ?", (a.id,))
                await _insert_passages(conn, item.passages)
            await conn.executemany(
                "INSERT OR IGNORE INTO duplicates (content_hash, article_id, seen) VALUES (?, ?, ?)",
                [(digest, article_id, stamp) for digest, article_id in duplicates],
            )

    async def delete(self, article_id: str) -> bool:
        return (
            await self._db.execute_rowcount("DELETE FROM articles WHERE id = ?", (article_id,)) > 0
        )


def _article_params(item: StoredArticle) -> tuple[object, ...]:
    a = item.article
    return (
        a.id,
        a.source,
        a.guid,
        a.url,
        a.title,
        a.author,
        to_iso(a.published),
        to_iso(a.ingested),
        a.body,
        a.content_hash,
        item.simhash,
        a.score,
    )


async def _insert_passages(conn: aiosqlite.Connection, passages: Sequence[Passage]) -> None:
    await conn.executemany(
        'INSERT INTO passages (article_id, ordinal, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(p.article_id, p.ordinal, p.start, p.end, p.text) for p in passages],
    )
