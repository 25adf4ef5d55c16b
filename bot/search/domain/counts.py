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
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.search.domain.text import (
    STOP_WORDS,
    TextAnalyzer,
    may_have_acronym,
    normalize_text,
    token_spaces,
    tokenize,
)
from bot.search.domain.vectors import TITLE_REPEAT, document_text

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


def _shortest(word: str) -> tuple[int, str]:
    return len(word), word


class _TermIds:
    """Word -> provisional term id (-1 for stop words); each distinct word is stemmed once."""

    def __init__(self, analyzer: TextAnalyzer) -> None:
        self._analyzer = analyzer
        self._stop = analyzer.config.stop_words
        self._by_word: dict[str, int] = {}
        self._by_term: dict[str, int] = {}
        self.terms: list[str] = []
        # The word of each term: the shortest of the words of the article that first gave it.
        self.words: list[str] = []

    def ids(self, words: list[str]) -> list[int]:
        """Term id of each word, in order (a C-level map; new words are learnt in one batch)."""
        by_word = self._by_word
        try:
            return list(map(by_word.__getitem__, words))
        except KeyError:  # rarer as the build goes on: most words have been seen
            # Shortest first (then alphabetical): a term's word is the shortest of those that
            # first gave it ("study", not "studies"), the same on every run whatever the hash seed.
            self._learn(sorted(set(words).difference(by_word), key=_shortest))
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


class _Documents:
    """Every document as ranges of one flat list of term ids, counted into CSR at the end.

    An article's title, body segments and passages' windows are ranges of the same ids, so each
    word is looked up once and a passage costs a few integers until counting. Documents are
    numbered in the order they are added; all ranges of one document are added together.
    """

    def __init__(self) -> None:
        self.doc: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.repeat: list[int] = []
        self.n_docs = 0

    def add(self, ranges: list[tuple[int, int, int]]) -> None:
        """One document: (start, end, repeat) ranges of the flat ids."""
        doc = self.n_docs
        for start, end, repeat in ranges:
            self.doc.append(doc)
            self.start.append(start)
            self.end.append(end)
            self.repeat.append(repeat)
        self.n_docs += 1

    def skip_stop_words(self, kept_before: NDArray[np.signedinteger[Any]]) -> None:
        """Move the ranges onto the ids without stop words: ``kept_before[i]`` is how many of
        the first ``i`` ids were kept."""
        start = kept_before[np.asarray(self.start, dtype=np.int64)].astype(np.int64)
        end = kept_before[np.asarray(self.end, dtype=np.int64)].astype(np.int64)
        self.start, self.end = start.tolist(), end.tolist()

    def matrix(self, flat: NDArray[np.int32], n_terms: int) -> sp.csr_matrix:
        """Float32 counts (documents x provisional terms, sorted indices) of ``flat``'s ids."""
        doc = np.asarray(self.doc, dtype=np.int64)
        start = np.asarray(self.start, dtype=np.int64)
        length = np.asarray(self.end, dtype=np.int64) - start
        repeat = np.asarray(self.repeat, dtype=np.float32)
        row_nnz: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
        total = np.cumsum(length)
        # A document has at most as many entries as words: room for all of them, filled in
        # place and then given back (untouched pages never become resident memory).
        capacity = int(total[-1]) if total.size else 0
        cols = np.empty(capacity, dtype=np.int32)
        counts = np.empty(capacity, dtype=np.float32)
        nnz = 0
        # Ranges per pass, cut at document boundaries: bounds the temporary arrays.
        first = 0
        while first < doc.size:
            limit = (int(total[first - 1]) if first else 0) + _CHUNK_TOKENS
            last = max(int(np.searchsorted(total, limit, side="right")), first + 1)
            last = int(np.searchsorted(doc, doc[last - 1], side="right"))
            part = slice(first, last)
            chunk = _count_ranges(flat, doc[part], start[part], length[part], repeat[part], n_terms)
            row_nnz.append(np.diff(chunk.indptr))
            cols[nnz : nnz + chunk.nnz] = chunk.indices
            counts[nnz : nnz + chunk.nnz] = chunk.data
            nnz += chunk.nnz
            first = last
        cols.resize(nnz, refcheck=False)  # in place
        counts.resize(nnz, refcheck=False)
        # Every document has at least one range, so the chunks' rows are all documents in order.
        indptr = np.zeros(self.n_docs + 1, dtype=np.int64)
        np.cumsum(np.concatenate(row_nnz), out=indptr[1:])
        return sp.csr_matrix((counts, cols, indptr), shape=(self.n_docs, n_terms))


def _count_ranges(
    flat: NDArray[np.int32],
    doc: NDArray[np.int64],
    start: NDArray[np.int64],
    length: NDArray[np.int64],
    repeat: NDArray[np.float32],
    n_terms: int,
) -> sp.csr_matrix:
    """Counts of the documents these ranges belong to (consecutive), one row each."""
    n_rows = int(doc[-1] - doc[0]) + 1
    rows = np.repeat((doc - doc[0]).astype(np.int32), length)
    offsets = np.cumsum(length) - length
    positions = np.arange(int(length.sum()), dtype=np.int64)
    positions += np.repeat(start - offsets, length)
    data = np.repeat(repeat, length)
    # COO to CSR sums the duplicates and sorts each row's columns.
    return sp.csr_matrix((data, (rows, flat[positions])), shape=(n_rows, n_terms))


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
    # C ints, not a list of references: half the memory, and numpy reads them without a copy.
    flat: array[int] = array("i")
    article_docs, passage_docs = _Documents(), _Documents()
    for article, rows in zip(articles, by_article, strict=True):
        article_ranges, passage_ranges = _analyse(
            analyzer, term_ids, flat, article, [passages[r] for r in rows]
        )
        article_docs.add(article_ranges)
        for ranges in passage_ranges:
            passage_docs.add(ranges)
    ids = np.frombuffer(flat, dtype=np.intc).astype(np.int32, copy=False)
    keep = ids >= 0  # stop words are -1
    # Positions fit in int32 below 2**31 words: half the memory of int64.
    width = np.int32 if ids.size < 2**31 else np.int64
    kept_before: NDArray[np.signedinteger[Any]] = np.zeros(ids.size + 1, dtype=width)
    np.cumsum(keep, out=kept_before[1:])
    ids = ids[keep]
    del keep, flat
    article_docs.skip_stop_words(kept_before)
    passage_docs.skip_stop_words(kept_before)
    del kept_before
    n_provisional = len(term_ids.terms)
    article_counts = article_docs.matrix(ids, n_provisional)
    passage_counts = passage_docs.matrix(ids, n_provisional)
    del ids
    order = np.fromiter((r for rows in by_article for r in rows), np.int64, len(owners))
    if not np.array_equal(order, np.arange(order.size)):
        # Rows were counted article by article; put them back in the caller's order.
        passage_counts = sp.csr_matrix(passage_counts[np.argsort(order, kind="stable")])
    # The vocabulary: terms of the articles, numbered in sorted order as scikit-learn does.
    present = np.flatnonzero(np.bincount(article_counts.indices, minlength=n_provisional))
    alphabetical = sorted(present.tolist(), key=term_ids.terms.__getitem__)
    final = np.full(n_provisional, -1, dtype=np.int32)
    final[np.asarray(alphabetical, dtype=np.int64)] = np.arange(len(alphabetical))
    return CorpusCounts(
        [term_ids.terms[i] for i in alphabetical],
        _renumber(article_counts, final),
        _renumber(passage_counts, final),
        [term_ids.words[i] for i in alphabetical],
    )


# A document as (start, end, repeat) ranges of the flat term ids.
_Ranges = list[tuple[int, int, int]]


def _extend(flat: array[int], ids: list[int]) -> tuple[int, int]:
    """Append ``ids`` to ``flat``; their range."""
    start = len(flat)
    flat.extend(ids)
    return start, len(flat)


def _analyse(
    analyzer: TextAnalyzer,
    term_ids: _TermIds,
    flat: array[int],
    article: Article,
    passages: list[Passage],
) -> tuple[_Ranges, list[_Ranges]]:
    """Ranges of the article's document and of each of its passages' documents."""
    title, body = article.title, article.body
    if analyzer.config.bigrams:
        return _separately(analyzer, term_ids, flat, title, body, passages)
    plain = title.isascii() and body.isascii()
    # On ASCII, normalize_text is lower(): it maps each character alone, so it commutes with
    # slicing and joining. Otherwise each document's normalised form is checked against the
    # normalised pieces it is assembled from, and a document that differs is analysed alone.
    norm_title = title.lower() if plain else normalize_text(title)
    norm_body = body.lower() if plain else normalize_text(body)
    windows: list[tuple[int, int] | None] = []
    for p in passages:
        start, end = p.start, p.end
        inside = (
            0 <= start <= end <= len(body)
            and end - start == len(p.text)
            and body.startswith(p.text, start)
        )
        if inside and not plain:
            inside = normalize_text(document_text(title, p.text)) == document_text(
                norm_title, norm_body[start:end]
            )
        windows.append((start, end) if inside else None)
    bounds = sorted({0, len(norm_body)} | {x for w in windows if w for x in w})
    # The body's words segment by segment, looked up in one call; where[x]: the flat position
    # of the first word at or after character bound x.
    words: list[str] = []
    at = []
    # Separators as spaces once for the whole body; the pattern only in segments that may hold
    # a dotted acronym.
    spaced = token_spaces(norm_body, ascii_text=plain)
    acronyms = may_have_acronym(norm_body, ascii_text=plain)
    for a, b in itertools.pairwise(bounds):
        at.append(len(words))
        if acronyms and may_have_acronym(norm_body, a, b, ascii_text=plain):
            words.extend(tokenize(norm_body, a, b, ascii_text=plain))
        else:
            words.extend(spaced[a:b].split())
    at.append(len(words))
    body_start, body_end = _extend(flat, term_ids.ids(words))
    where = {x: body_start + at[i] for i, x in enumerate(bounds)}
    title_range = _extend(flat, term_ids.ids(tokenize(norm_title, ascii_text=plain)))
    titled = (*title_range, TITLE_REPEAT)
    passage_ranges: list[_Ranges] = []
    for p, window in zip(passages, windows, strict=True):
        if window is None:
            alone = _extend(flat, term_ids.ids(analyzer.words(document_text(title, p.text))))
            passage_ranges.append([(*alone, 1)])
        else:
            passage_ranges.append([titled, (where[window[0]], where[window[1]], 1)])
    if not plain and normalize_text(document_text(title, body)) != document_text(
        norm_title, norm_body
    ):
        alone = _extend(flat, term_ids.ids(analyzer.words(document_text(title, body))))
        article_ranges = [(*alone, 1)]
    elif any(_joined(norm_body[b - 1], norm_body[b]) for b in bounds[1:-1]):
        # A word cut by a passage boundary (a hard cut in a very long word or acronym) is whole
        # here. (Token characters are the alphanumeric ones, [^\W_], and an acronym's dots.)
        whole = _extend(flat, term_ids.ids(tokenize(norm_body, ascii_text=plain)))
        article_ranges = [titled, (*whole, 1)]
    else:
        article_ranges = [titled, (body_start, body_end, 1)]
    return article_ranges, passage_ranges


def _joined(before: str, after: str) -> bool:
    """Whether a cut between these two characters may split a token."""
    return (before.isalnum() or before == ".") and (after.isalnum() or after == ".")


def _separately(
    analyzer: TextAnalyzer,
    term_ids: _TermIds,
    flat: array[int],
    title: str,
    body: str,
    passages: list[Passage],
) -> tuple[_Ranges, list[_Ranges]]:
    """The reference path: every document analysed on its own (also handles bigrams)."""
    article = _extend(flat, term_ids.of_terms(analyzer.analyze(document_text(title, body))))
    return [(*article, 1)], [
        [(*_extend(flat, term_ids.of_terms(analyzer.analyze(document_text(title, p.text)))), 1)]
        for p in passages
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
