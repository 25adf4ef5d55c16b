"""Term counts of a whole corpus, with each article analysed once for itself and its passages.

A passage is a window of its article's body, so its words are the body's words between its
offsets: the body is normalised and tokenised once, and each passage takes the words inside its
window. Most articles are tokenised many at a time (bulk.py); the rest one by one here, cut at
every passage boundary. Every token is numbered in C and each distinct word stop-listed and
stemmed once per build (words.py). The counts equal those of analysing every document
separately (``TextAnalyzer.analyze`` on ``document_text``), which stays the path for any
document where that cannot be shown cheaply: a passage whose text is not its article's body
slice, or text whose normalisation does not commute with cutting it (some non-ASCII input).
Bigram analysers take that path throughout."""

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
from bot.search.domain.bulk import BulkArticles, Prepared, prepare
from bot.search.domain.ranges import RangeDocuments, without_last_column
from bot.search.domain.text import (
    TextAnalyzer,
    may_have_acronym,
    normalize_text,
    token_spaces,
    tokenize,
)
from bot.search.domain.vectors import TITLE_REPEAT, document_text
from bot.search.domain.words import BODY, LONE_PASSAGE, TITLE, WHOLE_ARTICLE, WordIds, batch_key


@dataclass(frozen=True)
class CorpusCounts:
    """Raw term counts (float32 CSR, sorted indices) over a sorted vocabulary of article terms,
    and for each term the first word that gave it (what its embedding is made of)."""

    terms: list[str]
    articles: sp.csr_matrix
    passages: sp.csr_matrix
    words: list[str]


def count_corpus(
    analyzer: TextAnalyzer,
    articles: Sequence[Article],
    passages: Sequence[Passage],
    owners: Sequence[int],
) -> CorpusCounts:
    """Counts of every article's and passage's ``document_text`` (passage ``i`` belongs to
    ``articles[owners[i]]`` and carries its title); the vocabulary is the articles' terms only."""
    by_article: list[list[int]] = [[] for _ in articles]
    for row, owner in enumerate(owners):
        by_article[owner].append(row)
    article_docs, passage_docs = RangeDocuments(), RangeDocuments()
    if analyzer.config.bigrams:
        ids, terms, words = _count_separately(
            analyzer, articles, passages, by_article, article_docs, passage_docs
        )
    else:
        ids, terms, words = _count_words(
            analyzer, articles, passages, by_article, article_docs, passage_docs
        )
    keep = ids >= 0  # stop words are -1
    # Positions fit in int32 below 2**31 words: half the memory of int64.
    width = np.int32 if ids.size < 2**31 else np.int64
    kept_before: NDArray[np.signedinteger[Any]] = np.zeros(ids.size + 1, dtype=width)
    np.cumsum(keep, out=kept_before[1:])
    ids = ids[keep]
    del keep
    n_provisional = len(terms)
    # The vocabulary: terms of the articles, numbered in sorted order as scikit-learn does. The
    # ids take their final numbers before counting, so each row's columns are sorted once.
    present = np.flatnonzero(article_docs.terms_present(ids, kept_before, n_provisional))
    alphabetical = sorted(present.tolist(), key=terms.__getitem__)
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
        [terms[i] for i in alphabetical],
        article_counts,
        passage_counts,
        [words[i] for i in alphabetical],
    )


def _count_words(
    analyzer: TextAnalyzer,
    articles: Sequence[Article],
    passages: Sequence[Passage],
    by_article: list[list[int]],
    article_docs: RangeDocuments,
    passage_docs: RangeDocuments,
) -> tuple[NDArray[np.int32], list[str], list[str]]:
    """Term ids of every token (flat; -1 for stop words), the terms and their words.

    Most articles are tokenised many at a time (bulk.py); the rest, one by one.
    """
    word_ids = WordIds()

    def one_by_one(index: int, prepared: Prepared) -> None:
        _analyse(analyzer, word_ids, index, prepared, article_docs, passage_docs)

    bulk = BulkArticles(word_ids, article_docs, passage_docs, one_by_one)
    for index, (article, rows) in enumerate(zip(articles, by_article, strict=True)):
        prepared = prepare(article, [passages[r] for r in rows])
        if prepared.simple:
            bulk.add(index, prepared)
        else:
            bulk.flush()  # documents are numbered in corpus order
            one_by_one(index, prepared)
    bulk.flush()
    flat = word_ids.flat()
    resolved = word_ids.terms(analyzer)
    np.take(resolved.of_word, flat, out=flat)  # in place: the largest array of the build
    return flat, resolved.terms, resolved.words


_NONE = (0, 0, 0)  # an empty first range


def _analyse(
    analyzer: TextAnalyzer,
    word_ids: WordIds,
    index: int,
    prepared: Prepared,
    article_docs: RangeDocuments,
    passage_docs: RangeDocuments,
) -> None:
    """Add one article's document and each of its passages' documents, the article alone."""
    title, norm_title, norm_body = prepared.article.title, prepared.norm_title, prepared.norm_body
    plain, windows, passages = prepared.plain, prepared.windows, prepared.passages
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
    body_start, body_end = word_ids.extend(
        list(itertools.chain.from_iterable(segments)), batch_key(index, BODY)
    )
    where = dict(
        zip(bounds, itertools.accumulate(map(len, segments), initial=body_start), strict=True)
    )
    titled = (
        *word_ids.extend(tokenize(norm_title, ascii_text=plain), batch_key(index, TITLE)),
        TITLE_REPEAT,
    )
    lone = 0
    for p, window in zip(passages, windows, strict=True):
        if window is None:
            key = batch_key(index, LONE_PASSAGE + lone)
            lone += 1
            passage_docs.add(
                _NONE, word_ids.extend(analyzer.words(document_text(title, p.text)), key)
            )
        else:
            passage_docs.add(titled, (where[window[0]], where[window[1]]))
    whole = batch_key(index, WHOLE_ARTICLE)
    if not prepared.aligned and normalize_text(document_text(title, prepared.article.body)) != (
        document_text(norm_title, norm_body)
    ):
        alone = word_ids.extend(analyzer.words(document_text(title, prepared.article.body)), whole)
        article_docs.add(_NONE, alone)
    elif _cuts_a_word(norm_body, spaced, bounds, acronyms):
        # A word cut by a passage boundary (a hard cut in a very long word or acronym) is whole
        # here.
        article_docs.add(titled, word_ids.extend(tokenize(norm_body, ascii_text=plain), whole))
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


def _count_separately(
    analyzer: TextAnalyzer,
    articles: Sequence[Article],
    passages: Sequence[Passage],
    by_article: list[list[int]],
    article_docs: RangeDocuments,
    passage_docs: RangeDocuments,
) -> tuple[NDArray[np.int32], list[str], list[str]]:
    """The reference path: every document analysed on its own (also handles bigrams); a
    term's word is the term itself."""
    by_term: dict[str, int] = {}
    ids: array[int] = array("i")

    def add(docs: RangeDocuments, text: str) -> None:
        start = len(ids)
        terms = analyzer.analyze(text)
        ids.extend(by_term.setdefault(term, len(by_term)) for term in terms)
        docs.add(_NONE, (start, len(ids)))

    for article, rows in zip(articles, by_article, strict=True):
        add(article_docs, document_text(article.title, article.body))
        for r in rows:
            add(passage_docs, document_text(article.title, passages[r].text))
    terms = list(by_term)
    return np.frombuffer(ids, dtype=np.intc).astype(np.int32), terms, list(terms)
