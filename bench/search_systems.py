"""The three retrieval systems the search benchmark compares, behind one tiny interface.

Each system indexes (doc_id, title, text) records and returns ranked doc ids for a query.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import bm25s
import Stemmer

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.build import build_index
from bot.search.domain.index import SearchIndex


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    text: str


class System(Protocol):
    name: str

    def build(self, docs: Sequence[Doc]) -> None: ...

    def query(self, text: str, k: int) -> list[str]: ...


class OursSystem:
    """Our index (BM25 + static embeddings): articles split into passages; /search ranks them."""

    name = "ours (bm25 + embeddings)"

    def __init__(self) -> None:
        self.index = SearchIndex.build([], [])
        # Seconds of the last build spent splitting articles into passages (the bot does
        # that once at ingest and stores them; a refit reads them back).
        self.split_s = 0.0

    def warm_up(self) -> None:
        """Load the embeddings, as the bot does once at start (IndexManager.start)."""
        from bot.search.domain.dense import default_embedder

        default_embedder()

    def build(self, docs: Sequence[Doc]) -> None:
        start = time.perf_counter()
        articles = [Article(id=d.id, source="bench", title=d.title, body=d.text) for d in docs]
        passages = [p for a in articles for p in split_passages(a)]
        self.split_s = time.perf_counter() - start
        # The build, then its freed heap handed back: what stays is what the index holds (the
        # bot builds this size in a child process and loads the file it writes).
        self.index = build_index(articles, passages)

    def query(self, text: str, k: int) -> list[str]:
        return [hit.article_id for hit in self.index.search(text, k=k)]


_FTS_TOKEN = re.compile(r"\w+")


class Fts5System:
    """SQLite FTS5 with the porter tokenizer, ranked by bm25(); in-memory; OR of query words."""

    name = "sqlite fts5"

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")
        self.ids: list[str] = []

    def build(self, docs: Sequence[Doc]) -> None:
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
        self.db.executemany(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
            ((i, d.title, d.text) for i, d in enumerate(docs)),
        )
        self.db.commit()
        self.ids = [d.id for d in docs]

    def query(self, text: str, k: int) -> list[str]:
        words = _FTS_TOKEN.findall(text.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, k)
        ).fetchall()
        return [self.ids[r] for (r,) in rows]


class Fts5PassagesSystem(Fts5System):
    """FTS5 indexing what our index holds: each article and each of its passages (with the
    article's title), split as ours splits them. For the build-time comparison only
    (``--scale-worker fts5-passages``): its queries rank every row, not articles."""

    name = "sqlite fts5 (articles + passages)"

    def __init__(self) -> None:
        super().__init__()
        self.split_s = 0.0

    def build(self, docs: Sequence[Doc]) -> None:
        start = time.perf_counter()
        rows = list(docs)
        for d in docs:
            article = Article(id=d.id, source="bench", title=d.title, body=d.text)
            rows += [Doc(d.id, d.title, p.text) for p in split_passages(article)]
        self.split_s = time.perf_counter() - start
        super().build(rows)


class Bm25System:
    """bm25s (Lucene BM25, k1=1.5, b=0.75) with English stop words and the Snowball stemmer."""

    name = "bm25s"

    def __init__(self) -> None:
        self.stemmer = Stemmer.Stemmer("english")
        self.retriever = bm25s.BM25()
        self.ids: list[str] = []

    def build(self, docs: Sequence[Doc]) -> None:
        tokens = bm25s.tokenize(
            [f"{d.title}\n{d.text}" for d in docs],
            stopwords="en",
            stemmer=self.stemmer,
            show_progress=False,
        )
        self.retriever.index(tokens, show_progress=False)
        self.ids = [d.id for d in docs]

    def query(self, text: str, k: int) -> list[str]:
        tokens = bm25s.tokenize(
            [text], stopwords="en", stemmer=self.stemmer, show_progress=False, return_ids=False
        )
        known = [t for t in tokens[0] if t in self.retriever.vocab_dict]
        if not known:
            return []
        k = min(k, len(self.ids))
        results, scores = self.retriever.retrieve([known], k=k, show_progress=False, n_threads=1)
        return [self.ids[int(i)] for i, s in zip(results[0], scores[0], strict=True) if s > 0]


SYSTEMS: dict[str, type[OursSystem] | type[Fts5System] | type[Bm25System]] = {
    "ours": OursSystem,
    "fts5": Fts5System,
    "bm25": Bm25System,
}
# Systems only the --scale-worker build comparison runs.
BUILD_ONLY_SYSTEMS = {"fts5-passages": Fts5PassagesSystem}
