"""BM25 weighting for the index: vocabulary and counts as scikit-learn makes them, Okapi weights.

Each document row holds its terms' BM25 weights, ``idf * tf (k1 + 1) / (tf + k1 (1 - b + b dl /
avgdl))``, so a query scores with one sparse product (the query vector holds the question's own
term weights, 1 for a word as written). Articles and passages have their own average length.
Choices measured on SciFact (tuning part of the train split) and XQuAD by training/tune_search.py
(section "search-tuning" of bench/RESULTS.md); the fitted statistics are kept (``FitStats``) so
the index knows when they have drifted and a refit is due.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.search.domain.text import TextAnalyzer

TITLE_REPEAT = 2
_CHUNK = 2_000
# Okapi parameters: SciFact tuning part and XQuAD (training/tune_search.py).
K1 = 1.2
B_ARTICLE = 0.75
B_PASSAGE = 0.5


def document_text(title: str, text: str, title_repeat: int = TITLE_REPEAT) -> str:
    """The text indexed for a passage or article: the title ``title_repeat`` times, then the text."""
    # The separator keeps a title's last word and the text's first word from forming a bigram.
    return "\n".join([title] * title_repeat + [text])


@dataclass(frozen=True)
class FitStats:
    """What the weights were fitted on, and what has been added since without a refit."""

    articles: int
    passages: int
    article_length: float  # mean terms per article document (title included)
    passage_length: float
    vocabulary: int
    added_articles: int = 0
    added_terms: int = 0

    def to_dict(self) -> dict[str, float]:
        """The statistics as a JSON-able dict (persisted with the index)."""
        return {
            "articles": self.articles,
            "passages": self.passages,
            "article_length": self.article_length,
            "passage_length": self.passage_length,
            "vocabulary": self.vocabulary,
            "added_articles": self.added_articles,
            "added_terms": self.added_terms,
        }

    @classmethod
    def from_dict(cls, value: dict[str, float]) -> FitStats:
        """Inverse of :meth:`to_dict`."""
        return cls(
            int(value["articles"]),
            int(value["passages"]),
            float(value["article_length"]),
            float(value["passage_length"]),
            int(value["vocabulary"]),
            int(value.get("added_articles", 0)),
            int(value.get("added_terms", 0)),
        )


@dataclass(frozen=True)
class QueryVector:
    """A question as index terms: term ids with their weights, plus the gate's concepts.

    ``concepts`` lists, for each content word or name of the question, the alternative term-id
    sets that count as matching it (the word itself, and its aliases); ``concept_idf`` is each
    concept's weight in the coverage measure (unknown words weigh as the rarest term).
    """

    term_ids: NDArray[np.int64]
    weights: NDArray[np.float32]
    concepts: tuple[tuple[frozenset[str], ...], ...] = ()
    concept_idf: tuple[float, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.term_ids.size == 0

    @property
    def total_idf2(self) -> float:
        """Sum of the squared concept weights: the denominator of coverage."""
        return float(sum(w * w for w in self.concept_idf))


class TermWeights:
    """A fitted vocabulary with BM25 idf and average lengths: the vectoriser of the index."""

    def __init__(
        self,
        analyzer: TextAnalyzer,
        vocabulary: dict[str, int],
        idf: NDArray[np.float32],
        stats: FitStats,
        k1: float = K1,
        b_article: float = B_ARTICLE,
        b_passage: float = B_PASSAGE,
    ) -> None:
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float32, copy=False)
        self.stats = stats
        self.k1, self.b_article, self.b_passage = k1, b_article, b_passage
        # Unknown words are at least as rare as the rarest possible term.
        self.max_idf = float(
            bm25_idf(np.zeros(1), max(stats.articles + stats.added_articles, 1))[0]
        )

    @classmethod
    def fit(
        cls,
        analyzer: TextAnalyzer,
        article_docs: Sequence[str],
        passage_docs: Sequence[str],
    ) -> tuple[TermWeights, sp.csr_matrix, sp.csr_matrix]:
        """The reference path: count with scikit-learn's CountVectorizer, then :meth:`fit_counts`."""
        if not any(analyzer(doc) for doc in article_docs):
            # scikit-learn refuses an empty vocabulary; an empty archive is still a valid index.
            empty = sp.csr_matrix((len(article_docs), 0), dtype=np.float32)
            return cls.fit_counts(
                analyzer, [], empty, sp.csr_matrix((len(passage_docs), 0), dtype=np.float32)
            )
        # The reference path only (tests): scikit-learn is not imported to answer questions.
        from sklearn.feature_extraction.text import CountVectorizer

        vectorizer = CountVectorizer(analyzer=analyzer, dtype=np.float32)
        articles = sp.csr_matrix(vectorizer.fit_transform(article_docs))
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        passages = sp.csr_matrix(vectorizer.transform(passage_docs))
        articles.sort_indices()
        passages.sort_indices()
        return cls.fit_counts(analyzer, terms, articles, passages)

    @classmethod
    def fit_counts(
        cls,
        analyzer: TextAnalyzer,
        terms: list[str],
        articles: sp.csr_matrix,
        passages: sp.csr_matrix,
    ) -> tuple[TermWeights, sp.csr_matrix, sp.csr_matrix]:
        """Fit idf and average lengths on raw counts (``terms`` sorted, as scikit-learn sorts)
        and return the weights with the weighted article and passage matrices."""
        n_articles, n_passages = articles.shape[0], passages.shape[0]
        df = np.bincount(articles.indices, minlength=len(terms)).astype(np.float64)
        idf = bm25_idf(df, max(n_articles, 1)).astype(np.float32)
        article_length = _mean_length(articles)
        passage_length = _mean_length(passages)
        stats = FitStats(n_articles, n_passages, article_length, passage_length, len(terms))
        weights = cls(analyzer, {t: i for i, t in enumerate(terms)}, idf, stats)
        return (
            weights,
            weights.weigh(articles, passage=False),
            weights.weigh(passages, passage=True),
        )

    def weigh(self, counts: sp.csr_matrix, *, passage: bool) -> sp.csr_matrix:
        """BM25 weights of raw counts over this vocabulary (float32, indices as given)."""
        n_terms = len(self.vocabulary)
        if counts.shape[1] < n_terms:
            counts = sp.csr_matrix(
                (counts.data, counts.indices, counts.indptr), shape=(counts.shape[0], n_terms)
            )
        tf = counts.data.astype(np.float32, copy=False)
        lengths = np.diff(counts.indptr)
        row_length = np.asarray(counts.sum(axis=1), dtype=np.float32).ravel()
        b = self.b_passage if passage else self.b_article
        mean = self.stats.passage_length if passage else self.stats.article_length
        norm = self.k1 * (1.0 - b + b * row_length / max(mean, 1e-9))
        per_entry = np.repeat(norm.astype(np.float32), lengths)
        data = self.idf[counts.indices] * tf * (self.k1 + 1.0) / (tf + per_entry)
        return sp.csr_matrix(
            (
                data.astype(np.float32, copy=False),
                counts.indices.astype(np.int32, copy=False),
                counts.indptr.astype(np.int64, copy=False),
            ),
            shape=(counts.shape[0], n_terms),
        )

    def extended(self, documents: Sequence[str]) -> TermWeights:
        """Weights that also know the new words of ``documents`` (known words keep their idf).

        New words get the idf they would have had in a refit of the grown corpus, so a word that
        only a just-added article contains is searchable at once; existing weights are untouched.
        The statistics count what was added, so :func:`needs_refit` can tell when they drifted.
        """
        df: Counter[str] = Counter()
        for doc in documents:
            df.update({t for t in self.analyzer(doc) if t not in self.vocabulary})
        stats = replace(
            self.stats,
            added_articles=self.stats.added_articles + len(documents),
            added_terms=self.stats.added_terms + len(df),
        )
        if not df:
            return TermWeights(self.analyzer, self.vocabulary, self.idf, stats, *self._params())
        vocabulary = dict(self.vocabulary)
        for term in df:
            vocabulary[term] = len(vocabulary)
        n = stats.articles + stats.added_articles
        new_idf = bm25_idf(np.fromiter(df.values(), dtype=np.float64), n)
        idf = np.concatenate([self.idf, new_idf.astype(np.float32)])
        return TermWeights(self.analyzer, vocabulary, idf, stats, *self._params())

    def _params(self) -> tuple[float, float, float]:
        return self.k1, self.b_article, self.b_passage

    def transform(self, documents: Sequence[str], *, passage: bool) -> sp.csr_matrix:
        """Weight new documents with the fitted statistics (no refit); unknown terms are dropped."""
        # In chunks: turning one huge Python list into an array holds the GIL for long enough
        # to stall the event loop when this runs in a worker thread.
        chunks = [
            self.weigh(self.count(documents[i : i + _CHUNK]), passage=passage)
            for i in range(0, len(documents), _CHUNK)
        ]
        if not chunks:
            return sp.csr_matrix((0, len(self.vocabulary)), dtype=np.float32)
        return chunks[0] if len(chunks) == 1 else sp.vstack(chunks, format="csr")

    def count(self, documents: Sequence[str]) -> sp.csr_matrix:
        """Raw counts of the known terms of ``documents`` (sorted indices)."""
        indptr = [0]
        indices: list[int] = []
        counts: list[int] = []
        for doc in documents:
            tf = Counter(self.analyzer(doc))
            row = sorted((self.vocabulary[t], c) for t, c in tf.items() if t in self.vocabulary)
            indices.extend(i for i, _ in row)
            counts.extend(c for _, c in row)
            indptr.append(len(indices))
        return sp.csr_matrix(
            (
                np.asarray(counts, dtype=np.float32),
                np.asarray(indices, dtype=np.int32),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(len(documents), len(self.vocabulary)),
        )

    def term_idf(self, term: str) -> float:
        """The idf of an index term (the rarest possible for an unknown one)."""
        i = self.vocabulary.get(term)
        return float(self.idf[i]) if i is not None else self.max_idf


def bm25_idf(df: NDArray[np.float64], n: int) -> NDArray[np.float64]:
    """Okapi idf as Lucene computes it: ln(1 + (n - df + 0.5) / (df + 0.5)), never negative."""
    result: NDArray[np.float64] = np.log1p((n - df + 0.5) / (df + 0.5))
    return result


def _mean_length(counts: sp.csr_matrix) -> float:
    if counts.shape[0] == 0:
        return 1.0
    total = float(np.sum(counts.data, dtype=np.float64))
    return max(total / int(counts.shape[0]), 1.0)
