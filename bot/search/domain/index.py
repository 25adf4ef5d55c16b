"""The BM25 passage index behind /ask (passages) and /search (articles).

Immutable: ``with_added`` returns a new index sharing the fitted vocabulary, so a service can swap
indexes atomically while readers keep using the old one. The index keeps the statistics it was
fitted on (``stats``) and :func:`needs_refit` says when additions have made them stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.community_page import COMMUNITY_ARTICLE_ID
from bot.search.domain import answerability, dense, persist
from bot.search.domain.answers import Corpus, passage_hits
from bot.search.domain.counts import count_corpus
from bot.search.domain.model import (
    Answer,
    ArticleHit,
    IndexFormatError,
    PassageHit,
    highlight_spans,
)
from bot.search.domain.persist import IndexParts
from bot.search.domain.query import Question, build_question, once_per_word
from bot.search.domain.rows import ScoredRows, top_k
from bot.search.domain.tables import ArticleTable, PassageTable, article_text, latest_per_id
from bot.search.domain.text import MAX_QUERY_CHARS, AnalyzerConfig, TextAnalyzer
from bot.search.domain.vectors import FitStats, QueryVector, TermWeights, document_text

__all__ = [
    "Answer",
    "ArticleHit",
    "IndexFormatError",
    "PassageHit",
    "SearchIndex",
    "highlight_spans",
]

# /search ranks an article by its own score plus this share of its best passage's score
# (SciFact's tuning half: 0.3-0.6 gained 0.001-0.003 nDCG@10, within noise, for a second
# sparse product per query; so off).
SEARCH_PASSAGE_WEIGHT = 0.0
SUGGESTIONS = 3
# When the statistics go stale (needs_refit): fitted on fewer articles than this, grown by
# this share since the fit, or this share of the vocabulary unseen at fit time.
TINY_FIT = 50
GROWTH_REFIT = 0.2
NEW_TERMS_REFIT = 0.2

NO_WORDS_REASON = (
    "Ask a question with words, for example: How many people in North Korea can use the internet?"
)
NO_MATCH_REASON = (
    "Nothing in the archive answers that well. Try other words, or look at these articles."
)
NO_MATCH_NO_SUGGESTIONS_REASON = (
    "Nothing in the archive matches those words. Try asking with other words."
)


class SearchIndex:
    """Passages and articles weighted with TF-IDF; answers questions and searches titles/bodies."""

    def __init__(
        self,
        weights: TermWeights,
        articles: ArticleTable,
        article_rows: ScoredRows,
        passages: PassageTable,
        passage_rows: ScoredRows,
        alive_articles: NDArray[np.bool_] | None = None,
        alive_passages: NDArray[np.bool_] | None = None,
        vectors: NDArray[np.float16] | None = None,
        term_tokens: sp.csr_matrix | None = None,
    ) -> None:
        self._weights = weights
        self._articles = articles
        self._positions = {article_id: i for i, article_id in enumerate(articles.ids)}
        self._article_rows = article_rows
        self._passages = passages
        self._passage_rows = passage_rows
        self._alive_articles = (
            alive_articles if alive_articles is not None else np.ones(len(articles), dtype=bool)
        )
        self._alive_passages = (
            alive_passages if alive_passages is not None else np.ones(len(passages), dtype=bool)
        )
        self._term_list: list[str] | None = None
        # One unit-length embedding per article row, and the token counts of each term's word
        # that they are made of (None when no embedder is installed).
        self._vectors = vectors if term_tokens is not None else None
        self._term_tokens = term_tokens if vectors is not None else None

    # -- building --------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        articles: Sequence[Article],
        passages: Sequence[Passage],
        config: AnalyzerConfig | None = None,
    ) -> SearchIndex:
        """Fit the vocabulary on the articles and index them and their passages."""
        unique = latest_per_id(articles)
        positions = {a.id: i for i, a in enumerate(unique)}
        kept = [p for p in passages if p.article_id in positions]
        owners = [positions[p.article_id] for p in kept]
        analyzer = TextAnalyzer(config)
        # Each article is analysed once for itself and its passages (search_counts).
        counts = count_corpus(analyzer, unique, kept, owners)
        weights, article_matrix, passage_matrix = TermWeights.fit_counts(
            analyzer, counts.terms, counts.articles, counts.passages
        )
        n_terms = len(weights.vocabulary)
        tokens = dense.term_tokens(counts.words)
        return cls(
            weights,
            ArticleTable.of(unique),
            ScoredRows.from_matrix(article_matrix, n_terms),
            PassageTable.of(kept, owners),
            ScoredRows.from_matrix(passage_matrix, n_terms),
            vectors=_vectors(counts.articles, weights, tokens),
            term_tokens=tokens,
        )

    def with_added(self, articles: Sequence[Article], passages: Sequence[Passage]) -> SearchIndex:
        """A new index that also holds ``articles`` and ``passages``, weighted without a refit.

        An article whose id is already indexed replaces the old one (and its passages).
        """
        new = latest_per_id(articles)
        if not new:
            return self
        alive_articles = self._alive_articles.copy()
        alive_passages = self._alive_passages.copy()
        for article in new:
            old = self._positions.get(article.id)
            if old is not None:
                alive_articles[old] = False
                alive_passages[self._passages.article == old] = False
        start = len(self._articles)
        positions = {a.id: start + i for i, a in enumerate(new)}
        kept = [p for p in passages if p.article_id in positions]
        titles = {a.id: a.title for a in new}
        article_docs = [document_text(a.title, a.body) for a in new]
        weights = self._weights.extended(article_docs)
        n_terms = len(weights.vocabulary)
        tokens, vectors = self._term_tokens, None
        if tokens is not None:
            # Words first seen now are embedded by their index term (a refit finds the word).
            new_terms = sorted(weights.vocabulary.items(), key=lambda item: item[1])
            added = dense.term_tokens([t for t, i in new_terms[tokens.shape[0] :]])
            if added is not None:
                tokens = sp.csr_matrix(sp.vstack([tokens, added], format="csr"))
                vectors = _vectors(weights.count(article_docs), weights, tokens)
        article_rows = weights.transform(article_docs, passage=False)
        passage_rows = weights.transform(
            [document_text(titles[p.article_id], p.text) for p in kept], passage=True
        )
        return SearchIndex(
            weights,
            self._articles.extended(ArticleTable.of(new)),
            self._article_rows.widened(n_terms).appended(article_rows),
            self._passages.extended(PassageTable.of(kept, [positions[p.article_id] for p in kept])),
            self._passage_rows.widened(n_terms).appended(passage_rows),
            np.concatenate([alive_articles, np.ones(len(new), dtype=bool)]),
            np.concatenate([alive_passages, np.ones(len(kept), dtype=bool)]),
            _stack_vectors(self._vectors, vectors, start),
            tokens if vectors is not None else None,
        )

    def without(self, article_ids: Iterable[str]) -> SearchIndex:
        """A new index in which the given articles (and their passages) are no longer found."""
        rows = [self._positions[i] for i in set(article_ids) if i in self._positions]
        if not rows:
            return self
        alive_articles = self._alive_articles.copy()
        alive_articles[rows] = False
        alive_passages = self._alive_passages & ~np.isin(self._passages.article, rows)
        return SearchIndex(
            self._weights,
            self._articles,
            self._article_rows,
            self._passages,
            self._passage_rows,
            alive_articles,
            alive_passages,
            self._vectors,
            self._term_tokens,
        )

    # -- facts -----------------------------------------------------------------------------

    @property
    def stats(self) -> FitStats:
        """What the weights were fitted on and what was added since."""
        return self._weights.stats

    @property
    def article_count(self) -> int:
        """Number of searchable articles."""
        return int(self._alive_articles.sum())

    @property
    def passage_count(self) -> int:
        """Number of searchable passages."""
        return int(self._alive_passages.sum())

    def article_ids(self) -> list[str]:
        """Ids of the searchable articles, in index order."""
        return [
            article_id
            for article_id, alive in zip(self._articles.ids, self._alive_articles, strict=True)
            if alive
        ]

    # -- querying --------------------------------------------------------------------------

    def ask(self, question: str, k: int = 5) -> Answer:
        """The passages that best answer ``question``, best first; none below the confidence bar."""
        # Questions no news archive answers by their kind (answerability.py) keep only the
        # excerpts that kind allows; about the bot or a request to it: none, whatever the words.
        kind = answerability.kind_of(question) if isinstance(question, str) else None
        query = self._query(question)
        if kind in answerability.NO_EXCERPT or query is None:
            return Answer(question, [], [], answerability.refusal(kind) or NO_WORDS_REASON, kind)
        vector = query.vector
        hits: list[PassageHit] = []
        if not vector.is_empty:
            passage_scores = self._passage_rows.scores(vector)
            corpus = Corpus(
                self._weights,
                self._articles,
                self._passages,
                self._alive_passages,
                self._terms_by_id,
                dense.default_embedder() if self._vectors is not None else None,
                self.article_count,
                self._article_rows,
                self._alive_articles,
            )
            hits = passage_hits(
                corpus, query, passage_scores, self._article_scores(vector), max(1, k)
            )
        hits = [h for h in hits if answerability.keeps(kind, question, h.excerpt)]
        if hits:
            return Answer(question, hits, [], None, kind, answerability.notice(kind))
        refusal = answerability.refusal(kind)
        if kind == "allowed":
            page = article_text(self._articles, self._passages, COMMUNITY_ARTICLE_ID)
            return Answer(question, [], [], answerability.allowed_reason(question, page), kind)
        suggestions = self._article_hits(query, SUGGESTIONS) if not vector.is_empty else []
        reason = refusal or (NO_MATCH_REASON if suggestions else NO_MATCH_NO_SUGGESTIONS_REASON)
        return Answer(question, [], suggestions, reason, kind)

    def search(self, query: str, k: int = 10) -> list[ArticleHit]:
        """Articles matching ``query`` (one entry each), best first; [] when nothing matches."""
        question = self._query(query)
        if question is None or question.vector.is_empty:
            return []
        # No article states the community's procedures, is about the bot or does what a
        # request asks (answerability.py): a search box is not a chat.
        if answerability.kind_of(query) in answerability.NO_SEARCH:
            return []
        return self._article_hits(once_per_word(question), max(1, k))

    def _query(self, text: str) -> Question | None:
        """The question's vector, or None when the text has no words at all."""
        if not isinstance(text, str):
            return None
        clipped = text[:MAX_QUERY_CHARS]
        if not self._weights.analyzer.words(clipped):
            return None
        return build_question(self._weights, clipped)

    def _article_scores(self, query: QueryVector) -> NDArray[np.float32]:
        scores = self._article_rows.scores(query)
        if SEARCH_PASSAGE_WEIGHT:
            best = np.zeros_like(scores)
            np.maximum.at(best, self._passages.article, self._passage_rows.scores(query))
            scores += SEARCH_PASSAGE_WEIGHT * best
        scores[~self._alive_articles] = 0.0
        return scores

    def _article_hits(self, question: Question, k: int) -> list[ArticleHit]:
        scores = self._article_scores(question.vector)
        vectors, tokens = self._vectors, self._term_tokens
        if vectors is not None and tokens is not None and dense.SEARCH_WEIGHT > 0:
            # Re-rank the lexical top RERANK with the embeddings: same order of cost.
            top = np.asarray(top_k(scores, max(dense.RERANK, k)), dtype=np.int64)
            query = self._query_embedding(question.vector, tokens)
            cosines = vectors[top].astype(np.float32) @ query
            mixed = dense.mix(scores[top], cosines, dense.SEARCH_WEIGHT)
            scores = np.zeros_like(scores)
            # Still positive, so top_k keeps every re-ranked article.
            scores[top] = np.maximum(mixed, 1e-6)
        table = self._articles
        return [
            ArticleHit(
                table.ids[i],
                table.titles[i],
                table.urls[i],
                float(scores[i]),
                table.published[i],
                table.sources[i],
                table.authors[i],
            )
            for i in top_k(scores, k)
        ]

    def _query_embedding(self, vector: QueryVector, tokens: sp.csr_matrix) -> NDArray[np.float32]:
        """The question as articles are embedded: its terms' words weighted by idf."""
        n_terms = tokens.shape[0]
        keep = vector.term_ids < n_terms
        row = sp.csr_matrix(
            (vector.weights[keep], vector.term_ids[keep], [0, int(keep.sum())]),
            shape=(1, n_terms),
        )
        embedded = dense.weighted_vectors(row, self._weights.idf[:n_terms], tokens)
        return embedded[0] if embedded is not None else np.zeros(dense.DIMENSIONS, np.float32)

    def _terms_by_id(self) -> list[str]:
        # Built lazily: only answers need term strings, and only for the query's few ids.
        cached = self._term_list
        if cached is None:
            cached = [""] * len(self._weights.vocabulary)
            for term, i in self._weights.vocabulary.items():
                cached[i] = term
            self._term_list = cached
        return cached

    # -- persistence -----------------------------------------------------------------------

    def to_arrays(self) -> dict[str, NDArray[Any]]:
        """The index as plain numpy arrays (vocabulary, idf, CSC matrices, columns); no pickles.

        Replaced articles are dropped, so a reloaded index holds only what is searchable.
        """
        return persist.to_arrays(self.parts(), self._terms_by_id())

    @classmethod
    def from_arrays(cls, arrays: Any) -> SearchIndex:
        """Rebuild an index from :meth:`to_arrays` output; IndexFormatError on any mismatch."""
        return cls(*persist.from_arrays(arrays))

    def parts(self) -> IndexParts:
        """What the index is made of (for persistence)."""
        return IndexParts(
            self._weights,
            self._articles,
            self._article_rows,
            self._passages,
            self._passage_rows,
            self._alive_articles,
            self._alive_passages,
            self._vectors,
            self._term_tokens,
        )


def _vectors(
    counts: sp.csr_matrix, weights: TermWeights, tokens: sp.csr_matrix | None
) -> NDArray[np.float16] | None:
    if tokens is None:
        return None
    vectors = dense.weighted_vectors(counts, weights.idf, tokens)
    return vectors.astype(np.float16) if vectors is not None else None


def _stack_vectors(
    old: NDArray[np.float16] | None, new: NDArray[np.float16] | None, n_old: int
) -> NDArray[np.float16] | None:
    if old is None or new is None or old.shape[0] != n_old:
        return None
    return np.concatenate([old, new])


def needs_refit(stats: FitStats) -> bool:
    """Whether an index's fitted statistics no longer describe what it holds.

    True after additions to an empty or tiny fit, after growth by ``GROWTH_REFIT`` of the fitted
    articles, or when the words unseen at fit time reach ``NEW_TERMS_REFIT`` of the vocabulary.
    """
    if stats.added_articles == 0:
        return False
    if stats.articles < TINY_FIT:
        return True
    if stats.added_articles >= GROWTH_REFIT * stats.articles:
        return True
    return stats.added_terms >= NEW_TERMS_REFIT * max(stats.vocabulary, 1)
