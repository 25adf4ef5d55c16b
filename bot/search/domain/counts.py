"""Term counts of a whole corpus, with each article analysed once for itself and its passages.

A passage is a window of its article's body, so its words are the body's words between its
offsets: the body is normalised and tokenised once, cut at every passage boundary, and each
distinct word is stop-listed and stemmed once per build (not once per occurrence). The counts
equal those of analysing every document separately (``TextAnalyzer.analyze`` on
``document_text``), which stays the path for any document where that cannot be shown cheaply:
a passage whose text is not its article's body slice, or text whose normalisation does not
commute with cutting it (some non-ASCII input). Bigram analysers take that path throughout.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.search.domain.text import STOP_WORDS, TextAnalyzer, normalize_text, tokenize
from bot.search.domain.vectors import document_text

# Rows counted per numpy pass: bounds the temporary token arrays (and so peak memory).
_CHUNK_TOKENS = 200_000


@dataclass(frozen=True)
class CorpusCounts:
    """Raw term counts (float32 CSR, sorted indices) over a sorted vocabulary of article terms,
    and for each term the first word that gave it (what its embedding is made of)."""

    terms: list[str]
    articles: sp.csr_matrix
    passages: sp.csr_matrix
    words: list[str]


class _TermIds:
    """Word -> provisional term id (-1 for stop words); each distinct word is stemmed once."""

    def __init__(self, analyzer: TextAnalyzer) -> None:
        self._analyzer = analyzer
        self._stop = analyzer.config.stop_words
        self._by_word: dict[str, int] = {}
        self._by_term: dict[str, int] = {}
        self.terms: list[str] = []
        self.words: list[str] = []  # the first word of each term

    def ids(self, words: list[str]) -> list[int]:
        """Term id of each word, in order (a C-level map; new words are learnt in one batch)."""
        by_word = self._by_word
        try:
            return list(map(by_word.__getitem__, words))
        except KeyError:  # rarer as the build goes on: most words have been seen
            self._learn(list(set(words).difference(by_word)))
            return list(map(by_word.__getitem__, words))

    def of_terms(self, terms: list[str]) -> list[int]:
        """Term id of each already analysed term (stems, bigrams), in order."""
        by_term, known = self._by_term, self.terms
        out = []
        for term in terms:
            term_id = by_term.get(term)
            if term_id is None:
                term_id = by_term[term] = len(known)
                known.append(term)
                self.words.append(term)
            out.append(term_id)
        return out

    def _learn(self, words: list[str]) -> None:
        stems = self._analyzer.stem_words(words)
        by_term, terms = self._by_term, self.terms
        for word, stem in zip(words, stems, strict=True):
            if self._stop and word in STOP_WORDS:
                self._by_word[word] = -1
                continue
            term_id = by_term.get(stem)
            if term_id is None:
                term_id = by_term[stem] = len(terms)
                terms.append(stem)
                self.words.append(word.replace(".", "") if "." in word else word)
            self._by_word[word] = term_id


class _RowCounter:
    """Collects the term ids of rows, then counts them into a CSR matrix chunk by chunk.

    With ``rank`` set, columns are renumbered by first appearance over all rows (the order in
    which scikit-learn's CountVectorizer numbers terms before sorting them), and each row keeps
    its terms in that order: the order in which the reference path sums a row's norm.
    """

    def __init__(self, rank: bool = False) -> None:
        self._rank = rank
        self._ids: list[int] = []
        self._lengths: list[int] = []
        # The counted entries so far: entries per row, and column and count of each entry.
        # The entry arrays grow in place (realloc), so the whole matrix is never held twice.
        self._row_nnz: list[NDArray[np.int64]] = []
        self._cols = np.zeros(0, dtype=np.int32)
        self._counts = np.zeros(0, dtype=np.float32)
        self._nnz = 0
        self._rank_of = np.zeros(0, dtype=np.int64)
        self.n_ranked = 0

    def add(self, *parts: list[int]) -> None:
        """Add one row: the concatenation of ``parts``."""
        before = len(self._ids)
        for part in parts:
            self._ids.extend(part)
        self._lengths.append(len(self._ids) - before)
        if len(self._ids) >= _CHUNK_TOKENS:
            self._flush()

    def ranked(self) -> NDArray[np.int64]:
        """Provisional ids in rank order (only with ``rank``)."""
        self._flush()
        out = np.zeros(self.n_ranked, dtype=np.int64)
        seen = np.flatnonzero(self._rank_of >= 0)
        out[self._rank_of[seen]] = seen
        return out

    def _flush(self) -> None:
        if not self._lengths:
            return
        n_rows = len(self._lengths)
        ids = np.asarray(self._ids, dtype=np.int64)
        self._ids = []
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), self._lengths)
        keep = ids >= 0  # stop words
        ids, rows = ids[keep], rows[keep]
        if self._rank:
            ids = self._ranks(ids)
        # One sort gives each row's distinct terms in order, with their counts.
        width = int(ids.max(initial=0)) + 1
        rows *= width
        rows += ids
        del ids
        keys, counts = np.unique(rows, return_counts=True)
        del rows
        row_of, col_of = np.divmod(keys, width)
        self._row_nnz.append(np.bincount(row_of, minlength=n_rows))
        end = self._nnz + keys.size
        if end > self._cols.size:
            capacity = max(end, 2 * self._cols.size)
            self._cols.resize(capacity, refcheck=False)
            self._counts.resize(capacity, refcheck=False)
        self._cols[self._nnz : end] = col_of
        self._counts[self._nnz : end] = counts
        self._nnz = end
        self._lengths = []

    def _ranks(self, ids: NDArray[np.int64]) -> NDArray[np.int64]:
        size = int(ids.max(initial=-1)) + 1
        if size > self._rank_of.size:
            grown = np.full(size, -1, dtype=np.int64)
            grown[: self._rank_of.size] = self._rank_of
            self._rank_of = grown
        distinct, first = np.unique(ids, return_index=True)
        new = self._rank_of[distinct] < 0
        by_first = distinct[new][np.argsort(first[new])]
        self._rank_of[by_first] = np.arange(self.n_ranked, self.n_ranked + by_first.size)
        self.n_ranked += by_first.size
        return self._rank_of[ids]

    def matrix(self, n_terms: int = 0) -> sp.csr_matrix:
        """Every row added so far as float32 counts, over ``n_terms`` provisional terms (or over
        the ranked terms, with ``rank``)."""
        self._flush()
        if self._rank:
            n_terms = self.n_ranked
        row_nnz = np.concatenate([np.zeros(0, dtype=np.int64), *self._row_nnz])
        indptr = np.zeros(row_nnz.size + 1, dtype=np.int64)
        np.cumsum(row_nnz, out=indptr[1:])
        cols, counts = self._cols, self._counts
        cols.resize(self._nnz, refcheck=False)  # in place: gives the spare capacity back
        counts.resize(self._nnz, refcheck=False)
        self._row_nnz, self._nnz = [], 0
        self._cols = np.zeros(0, dtype=np.int32)
        self._counts = np.zeros(0, dtype=np.float32)
        return sp.csr_matrix((counts, cols, indptr), shape=(row_nnz.size, n_terms))


def count_corpus(
    analyzer: TextAnalyzer,
    articles: Sequence[Article],
    passages: Sequence[Passage],
    owners: Sequence[int],
) -> CorpusCounts:
    """Counts of every article's and passage's ``document_text`` (passage ``i`` belongs to
    ``articles[owners[i]]`` and carries its title); the vocabulary is the articles' terms only."""
    term_ids = _TermIds(analyzer)
    by_article: list[list[int]] = [[] for _ in articles]
    for row, owner in enumerate(owners):
        by_article[owner].append(row)
    article_rows, passage_rows = _RowCounter(rank=True), _RowCounter()
    for article, rows in zip(articles, by_article, strict=True):
        article_parts, passage_parts = _analyse(
            analyzer, term_ids, article, [passages[r] for r in rows]
        )
        article_rows.add(*article_parts)
        for parts in passage_parts:
            passage_rows.add(*parts)
    n_provisional = len(term_ids.terms)
    article_counts = article_rows.matrix()
    passage_counts = passage_rows.matrix(n_provisional)
    order = np.fromiter((r for rows in by_article for r in rows), np.int64, len(owners))
    if not np.array_equal(order, np.arange(order.size)):
        # Rows were counted article by article; put them back in the caller's order.
        passage_counts = sp.csr_matrix(passage_counts[np.argsort(order, kind="stable")])
    ranked = article_rows.ranked()
    terms = [term_ids.terms[i] for i in ranked.tolist()]
    # scikit-learn numbers the vocabulary in sorted order.
    alphabetical = sorted(range(len(terms)), key=terms.__getitem__)
    final_of_rank = np.zeros(len(terms), dtype=np.int32)
    final_of_rank[np.asarray(alphabetical, dtype=np.int64)] = np.arange(len(terms))
    final = np.full(n_provisional, -1, dtype=np.int32)
    final[ranked] = final_of_rank
    articles_out = sp.csr_matrix(
        (
            article_counts.data,
            final_of_rank[article_counts.indices],
            article_counts.indptr,
        ),
        shape=article_counts.shape,
    )
    words = [term_ids.words[i] for i in ranked.tolist()]
    return CorpusCounts(
        [terms[i] for i in alphabetical],
        articles_out,
        _renumber(passage_counts, final),
        [words[i] for i in alphabetical],
    )


# A document as the pieces of its term ids, concatenated when counted (no copies before).
_Parts = list[list[int]]


def _analyse(
    analyzer: TextAnalyzer, term_ids: _TermIds, article: Article, passages: list[Passage]
) -> tuple[_Parts, list[_Parts]]:
    """Term ids of the article's document and of each of its passages' documents."""
    title, body = article.title, article.body
    if analyzer.config.bigrams:
        return _separately(analyzer, term_ids, title, body, passages)
    plain = title.isascii() and body.isascii()
    # On ASCII, normalize_text is lower(): it maps each character alone, so it commutes with
    # slicing and joining. Otherwise each document's normalised form is checked against the
    # normalised pieces it is assembled from, and a document that differs is analysed alone.
    norm_title = title.lower() if plain else normalize_text(title)
    norm_body = body.lower() if plain else normalize_text(body)
    windows: list[tuple[int, int] | None] = []
    for p in passages:
        start, end = p.start, p.end
        inside = 0 <= start <= end <= len(body) and p.text == body[start:end]
        if inside and not plain:
            inside = normalize_text(document_text(title, p.text)) == document_text(
                norm_title, norm_body[start:end]
            )
        windows.append((start, end) if inside else None)
    bounds = sorted({0, len(norm_body)} | {x for w in windows if w for x in w})
    segments = [
        term_ids.ids(tokenize(norm_body, a, b, ascii_text=plain))
        for a, b in itertools.pairwise(bounds)
    ]
    where = {x: i for i, x in enumerate(bounds)}
    title_ids = term_ids.ids(tokenize(norm_title, ascii_text=plain))
    passage_parts: list[_Parts] = []
    for p, window in zip(passages, windows, strict=True):
        if window is None:
            words = analyzer.words(document_text(title, p.text))
            passage_parts.append([term_ids.ids(words)])
        else:
            window_segments = segments[where[window[0]] : where[window[1]]]
            passage_parts.append([title_ids, title_ids, *window_segments])
    if not plain and normalize_text(document_text(title, body)) != document_text(
        norm_title, norm_body
    ):
        article_parts = [term_ids.ids(analyzer.words(document_text(title, body)))]
    elif any(_joined(norm_body[b - 1], norm_body[b]) for b in bounds[1:-1]):
        # A word cut by a passage boundary (a hard cut in a very long word or acronym) is whole
        # here. (Token characters are the alphanumeric ones, [^\W_], and an acronym's dots.)
        body_ids = term_ids.ids(tokenize(norm_body, ascii_text=plain))
        article_parts = [title_ids, title_ids, body_ids]
    else:
        article_parts = [title_ids, title_ids, *segments]
    return article_parts, passage_parts


def _joined(before: str, after: str) -> bool:
    """Whether a cut between these two characters may split a token."""
    return (before.isalnum() or before == ".") and (after.isalnum() or after == ".")


def _separately(
    analyzer: TextAnalyzer, term_ids: _TermIds, title: str, body: str, passages: list[Passage]
) -> tuple[_Parts, list[_Parts]]:
    """The reference path: every document analysed on its own (also handles bigrams)."""
    article_ids = term_ids.of_terms(analyzer.analyze(document_text(title, body)))
    return [article_ids], [
        [term_ids.of_terms(analyzer.analyze(document_text(title, p.text)))] for p in passages
    ]


def _renumber(counts: sp.csr_matrix, final: NDArray[np.int32]) -> sp.csr_matrix:
    """Counts over final term ids: columns without one are dropped, indices sorted per row."""
    n_terms = int(final.max(initial=-1)) + 1
    cols = final[counts.indices]
    keep = cols >= 0
    if keep.all():
        out = sp.csr_matrix((counts.data, cols, counts.indptr), shape=(counts.shape[0], n_terms))
    else:
        kept_before = np.zeros(keep.size + 1, dtype=np.int64)
        np.cumsum(keep, out=kept_before[1:])
        out = sp.csr_matrix(
            (counts.data[keep], cols[keep], kept_before[counts.indptr]),
            shape=(counts.shape[0], n_terms),
        )
    out.sort_indices()
    return out
