"""Article and passage metadata of the index, stored as columns rather than objects.

Lists of strings and numpy arrays are invisible to Python's cyclic garbage collector, whereas
hundreds of thousands of small objects would make every full collection (and so the bot's event
loop) pause for tens of milliseconds. Objects are made only for the few hits a query returns.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.search.domain import arrays as packing
from bot.search.domain.model import IndexFormatError


@dataclass(frozen=True)
class ArticleTable:
    """Per-article columns: id, title, url, source, publication time, author (a post's
    submitter, where the source names one)."""

    ids: list[str]
    titles: list[str]
    urls: list[str | None]
    sources: list[str]
    published: list[datetime | None]
    authors: list[str | None]

    @classmethod
    def of(cls, articles: Sequence[Article]) -> ArticleTable:
        """The table of ``articles``, in order."""
        return cls(
            [a.id for a in articles],
            [a.title for a in articles],
            [a.url for a in articles],
            [a.source for a in articles],
            [a.published for a in articles],
            [a.author for a in articles],
        )

    def __len__(self) -> int:
        return len(self.ids)

    def extended(self, other: ArticleTable) -> ArticleTable:
        """A new table with ``other``'s rows appended."""
        return ArticleTable(
            self.ids + other.ids,
            self.titles + other.titles,
            self.urls + other.urls,
            self.sources + other.sources,
            self.published + other.published,
            self.authors + other.authors,
        )

    def subset(self, keep: NDArray[np.bool_]) -> ArticleTable:
        """Only the rows where ``keep`` is true."""
        rows = np.flatnonzero(keep).tolist()
        return ArticleTable(
            [self.ids[i] for i in rows],
            [self.titles[i] for i in rows],
            [self.urls[i] for i in rows],
            [self.sources[i] for i in rows],
            [self.published[i] for i in rows],
            [self.authors[i] for i in rows],
        )

    def to_arrays(self) -> dict[str, NDArray[Any]]:
        """Columns as byte blobs; missing urls, dates and authors are stored as empty strings."""
        out: dict[str, NDArray[Any]] = {}
        columns = {
            "ids": self.ids,
            "titles": self.titles,
            "urls": [u or "" for u in self.urls],
            "sources": self.sources,
            "published": [p.isoformat() if p else "" for p in self.published],
            "authors": [a or "" for a in self.authors],
        }
        for name, values in columns.items():
            out[f"article_{name}_blob"], out[f"article_{name}_offsets"] = packing.pack_strings(
                values
            )
        return out

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, NDArray[Any]]) -> ArticleTable:
        """Inverse of :meth:`to_arrays`; IndexFormatError on damage."""
        columns = {
            name: packing.unpack_strings(
                packing.require(arrays, f"article_{name}_blob"),
                packing.require(arrays, f"article_{name}_offsets"),
            )
            for name in ("ids", "titles", "urls", "sources", "published", "authors")
        }
        if len({len(v) for v in columns.values()}) != 1:
            raise IndexFormatError("article columns differ in length")
        try:
            published = [datetime.fromisoformat(p) if p else None for p in columns["published"]]
        except ValueError as exc:
            raise IndexFormatError("article dates are damaged") from exc
        return cls(
            columns["ids"],
            columns["titles"],
            [u or None for u in columns["urls"]],
            columns["sources"],
            published,
            [a or None for a in columns["authors"]],
        )


@dataclass(frozen=True)
class PassageTable:
    """Per-passage columns: owning article row, (ordinal, start, end), text."""

    article: NDArray[np.int64]
    spans: NDArray[np.int64]
    texts: list[str]

    @classmethod
    def of(cls, passages: Sequence[Passage], rows: Sequence[int]) -> PassageTable:
        """The table of ``passages`` whose articles sit at ``rows`` of the article table."""
        spans = itertools.chain.from_iterable((p.ordinal, p.start, p.end) for p in passages)
        return cls(
            np.asarray(rows, dtype=np.int64),
            np.fromiter(spans, dtype=np.int64, count=3 * len(passages)).reshape(-1, 3),
            [p.text for p in passages],
        )

    def __len__(self) -> int:
        return len(self.texts)

    def passage(self, i: int, article_id: str) -> Passage:
        """Passage ``i`` as a domain object."""
        ordinal, start, end = (int(x) for x in self.spans[i])
        return Passage(article_id, ordinal, start, end, self.texts[i])

    def extended(self, other: PassageTable) -> PassageTable:
        """A new table with ``other``'s rows appended."""
        return PassageTable(
            np.concatenate([self.article, other.article]),
            np.concatenate([self.spans, other.spans]),
            self.texts + other.texts,
        )

    def subset(self, keep: NDArray[np.bool_], article_rows: NDArray[np.int64]) -> PassageTable:
        """Only the rows where ``keep`` is true, articles renumbered through ``article_rows``."""
        rows = np.flatnonzero(keep)
        return PassageTable(
            article_rows[self.article[rows]],
            self.spans[rows],
            [self.texts[i] for i in rows.tolist()],
        )

    def to_arrays(self) -> dict[str, NDArray[Any]]:
        """Columns as arrays; texts as one UTF-8 blob with offsets."""
        blob, offsets = packing.pack_strings(self.texts)
        return {
            "passage_article": self.article.astype(np.int64),
            "passage_spans": self.spans.astype(np.int64),
            "passage_text_blob": blob,
            "passage_text_offsets": offsets,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, NDArray[Any]], n_articles: int) -> PassageTable:
        """Inverse of :meth:`to_arrays`; IndexFormatError on damage."""
        texts = packing.unpack_strings(
            packing.require(arrays, "passage_text_blob"),
            packing.require(arrays, "passage_text_offsets"),
        )
        article = packing.require(arrays, "passage_article").astype(np.int64)
        spans = packing.require(arrays, "passage_spans").astype(np.int64)
        if article.shape != (len(texts),) or spans.shape != (len(texts), 3):
            raise IndexFormatError("passage arrays do not agree in size")
        if article.size and (article.min() < 0 or article.max() >= n_articles):
            raise IndexFormatError("passages point at unknown articles")
        return cls(article, spans, texts)


def latest_per_id(articles: Iterable[Article]) -> list[Article]:
    """One article per id, the last given winning, ordered by each id's last occurrence."""
    latest: dict[str, Article] = {}
    for article in articles:
        latest.pop(article.id, None)  # re-insert so order follows the last occurrence
        latest[article.id] = article
    return list(latest.values())


def article_text(articles: ArticleTable, passages: PassageTable, article_id: str) -> str:
    """The passages of the article ``article_id`` joined ("" when the table has none)."""
    if article_id not in articles.ids:
        return ""
    row = articles.ids.index(article_id)
    return " ".join(passages.texts[i] for i in np.flatnonzero(passages.article == row).tolist())
