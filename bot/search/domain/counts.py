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
from typing import Any, cast

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.search.domain.ranges import RangeDocuments, without_last_column
from bot.search.domain.text import (
    STOP_WORDS,
    TextAnalyzer,
    may_have_acronym,
    normalize_text,
    normalizes_char_by_char,
    token_spaces,
    tokenize,
)
from bot.search.domain.vectors import TITLE_REPEAT, document_text


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
        self.analyzer = analyzer
        self._stop = analyzer.config.stop_words
        self._by_word: dict[str, int] = {}
        self._by_term: dict[str, int] = {}
        self.terms: list[str] = []
        # The word of each term: the shortest of the words of the article that first gave it.
        self.words: list[str] = []

    def extend(self, flat: array[int], words: list[str]) -> tuple[int, int]:
        """Append the term id of each word to ``flat`` (a C-level map straight into the array;
        new words are learnt in one batch); their range."""
        by_word, start = self._by_word, len(flat)
        try:
            flat.extend(map(by_word.__getitem__, words))
        except KeyError:  # rarer as the build goes on: most words have been seen
            # The ids before the unknown word (if any were appended) stay; the rest holds every
            # unknown word. Shortest first (then alphabetical): a term's word is the shortest of
            # those that first gave it ("study", not "studies"), whatever the hash seed.
            rest = words[len(flat) - start :]
            self._learn(sorted(set(rest).difference(by_word), key=_shortest))
            flat.extend(map(by_word.__getitem__, rest))
        return start, len(flat)

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
        stems = self.analyzer.stem_words(words)
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
    article_docs, passage_docs = RangeDocuments(), RangeDocuments()
    for article, rows in zip(articles, by_article, strict=True):
        analyse = _separately if analyzer.config.bigrams else _analyse
        analyse(term_ids, flat, article, [passages[r] for r in rows], article_docs, passage_docs)
    ids = np.frombuffer(flat, dtype=np.intc).astype(np.int32, copy=False)
    keep = ids >= 0  # stop words are -1
    # Positions fit in int32 below 2**31 words: half the memory of int64.
    width = np.int32 if ids.size < 2**31 else np.int64
    kept_before: NDArray[np.signedinteger[Any]] = np.zeros(ids.size + 1, dtype=width)
    np.cumsum(keep, out=kept_before[1:])
    ids = ids[keep]
    del keep, flat
    n_provisional = len(term_ids.terms)
    # The vocabulary: terms of the articles, numbered in sorted order as scikit-learn does. The
    # ids take their final numbers before counting, so each row's columns are sorted once.
    present = np.flatnonzero(article_docs.terms_present(ids, kept_before, n_provisional))
    alphabetical = sorted(present.tolist(), key=term_ids.terms.__getitem__)
    n_terms = len(alphabetical)
    # Terms that only a passage analysed alone holds go to one more column, dropped after.
    final = np.full(n_provisional, n_terms, dtype=np.int32)
    final[np.asarray(alphabetical, dtype=np.int64)] = np.arange(n_terms, dtype=np.int32)
    ids = final[ids]
    article_counts = article_docs.matrix(ids, kept_before, n_terms)
    passage_counts = without_last_column(passage_docs.matrix(ids, kept_before, n_terms + 1))
    del ids, kept_before
    order = np.fromiter((r for rows in by_article for r in rows), np.int64, len(owners))
    if not np.array_equal(order, np.arange(order.size)):
        # Rows were counted article by article; put them back in the caller's order.
        passage_counts = sp.csr_matrix(passage_counts[np.argsort(order, kind="stable")])
    return CorpusCounts(
        [term_ids.terms[i] for i in alphabetical],
        article_counts,
        passage_counts,
        [term_ids.words[i] for i in alphabetical],
    )


def _extend(flat: array[int], ids: list[int]) -> tuple[int, int]:
    """Append ``ids`` to ``flat``; their range."""
    start = len(flat)
    flat.extend(ids)
    return start, len(flat)


_NONE = (0, 0, 0)  # an empty first range


def _analyse(
    term_ids: _TermIds,
    flat: array[int],
    article: Article,
    passages: list[Passage],
    article_docs: RangeDocuments,
    passage_docs: RangeDocuments,
) -> None:
    """Add the article's document and each of its passages' documents."""
    analyzer = term_ids.analyzer
    title, body = article.title, article.body
    plain = title.isascii() and body.isascii()
    # On ASCII, normalize_text is lower(). Either way, where it maps each character alone (to
    # one character), it commutes with slicing and joining; otherwise each document's
    # normalised form is checked against the pieces it is assembled from, and a document that
    # differs is analysed alone.
    norm_title = title.lower() if plain else normalize_text(title)
    norm_body = body.lower() if plain else normalize_text(body)
    aligned = plain or (normalizes_char_by_char(title) and normalizes_char_by_char(body))
    size = len(body)
    windows: list[tuple[int, int] | None] = [
        (p.start, p.end)
        if 0 <= p.start <= p.end <= size
        and p.end - p.start == len(p.text)
        and body.startswith(p.text, p.start)
        else None
        for p in passages
    ]
    if not aligned:
        windows = [
            w
            if w is not None
            and normalize_text(document_text(title, p.text))
            == document_text(norm_title, norm_body[w[0] : w[1]])
            else None
            for p, w in zip(passages, windows, strict=True)
        ]
    bounds = sorted({0, len(norm_body)} | {x for w in windows if w for x in w})
    # The body's words segment by segment, looked up in one call; where[x]: the flat position
    # of the first word at or after character bound x. Separators as spaces once for the whole
    # body; the pattern only in segments that may hold a dotted acronym.
    spaced = token_spaces(norm_body, ascii_text=plain)
    acronyms = may_have_acronym(norm_body, ascii_text=plain)
    if acronyms:
        segments = [
            tokenize(norm_body, a, b, ascii_text=plain)
            if may_have_acronym(norm_body, a, b, ascii_text=plain)
            else spaced[a:b].split()
            for a, b in itertools.pairwise(bounds)
        ]
    else:
        segments = [spaced[a:b].split() for a, b in itertools.pairwise(bounds)]
    body_start, body_end = term_ids.extend(flat, list(itertools.chain.from_iterable(segments)))
    where = dict(
        zip(bounds, itertools.accumulate(map(len, segments), initial=body_start), strict=True)
    )
    titled = (*term_ids.extend(flat, tokenize(norm_title, ascii_text=plain)), TITLE_REPEAT)
    if None in windows:
        for p, window in zip(passages, windows, strict=True):
            if window is None:
                alone = term_ids.extend(flat, analyzer.words(document_text(title, p.text)))
                passage_docs.add(_NONE, alone)
            else:
                passage_docs.add(titled, (where[window[0]], where[window[1]]))
    else:
        spans = cast(list[tuple[int, int]], windows)
        passage_docs.add_windows(titled, [where[a] for a, _ in spans], [where[b] for _, b in spans])
    if not aligned and normalize_text(document_text(title, body)) != document_text(
        norm_title, norm_body
    ):
        alone = term_ids.extend(flat, analyzer.words(document_text(title, body)))
        article_docs.add(_NONE, alone)
    elif _cuts_a_word(norm_body, spaced, bounds, acronyms):
        # A word cut by a passage boundary (a hard cut in a very long word or acronym) is whole
        # here.
        article_docs.add(titled, term_ids.extend(flat, tokenize(norm_body, ascii_text=plain)))
    else:
        article_docs.add(titled, (body_start, body_end))


def _cuts_a_word(norm_body: str, spaced: str, bounds: list[int], acronyms: bool) -> bool:
    """Whether a cut at one of the inner ``bounds`` may split a token of ``norm_body``.

    Token characters are the alphanumeric ones, [^\\W_] (not spaces in ``spaced``), and an
    acronym's dots (only where one may be).
    """
    if acronyms:
        return any(_joined(norm_body[b - 1], norm_body[b]) for b in bounds[1:-1])
    return any(spaced[b - 1] != " " != spaced[b] for b in bounds[1:-1])


def _joined(before: str, after: str) -> bool:
    """Whether a cut between these two characters may split a token."""
    return (before.isalnum() or before == ".") and (after.isalnum() or after == ".")


def _separately(
    term_ids: _TermIds,
    flat: array[int],
    article: Article,
    passages: list[Passage],
    article_docs: RangeDocuments,
    passage_docs: RangeDocuments,
) -> None:
    """The reference path: every document analysed on its own (also handles bigrams)."""
    analyze, title = term_ids.analyzer.analyze, article.title
    article_docs.add(
        _NONE, _extend(flat, term_ids.of_terms(analyze(document_text(title, article.body))))
    )
    for p in passages:
        passage_docs.add(
            _NONE, _extend(flat, term_ids.of_terms(analyze(document_text(title, p.text))))
        )
