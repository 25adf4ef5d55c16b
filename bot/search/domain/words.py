"""Word ids for a whole corpus, numbered in C, and the index terms they stem to, resolved once.

The corpus analysis (counts.py) hands over its tokens in pieces. Each token is numbered by a
C-level dict lookup (a ``defaultdict`` whose factory is its own length: a new word takes the
next id, with no Python code per token), and each piece carries its *batch key*: the order in
which the per-article analysis would have met it (article, then body, title, lone passages).
Each distinct word is then stop-listed and stemmed once, and each stem's word (what its
embedding is made of) is the shortest, then alphabetical, of the words of the first batch that
gave the stem: the same choice as learning the words batch by batch, whatever order the pieces
came in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bot.search.domain.text import STOP_WORDS, TextAnalyzer

# A batch key is article * PARTS + part; the parts of one article, in the order they are met.
PARTS = 1 << 20
BODY, TITLE, LONE_PASSAGE, WHOLE_ARTICLE = 0, 1, 2, PARTS - 1
_NO_KEY = np.iinfo(np.int64).max


def batch_key(article: int, part: int) -> int:
    """The key of one part of one article: all of an article's parts come before the next's."""
    return article * PARTS + min(part, WHOLE_ARTICLE)


@dataclass(frozen=True)
class Terms:
    """Word ids resolved: each word's provisional term id (-1 for a stop word), each term's
    stem and its word."""

    of_word: NDArray[np.int32]
    terms: list[str]
    words: list[str]


class WordIds:
    """Numbers every token of the corpus and remembers the first batch each word was met in."""

    def __init__(self) -> None:
        ids: defaultdict[str, int] = defaultdict()
        ids.default_factory = ids.__len__  # a new word gets the next id, in C
        self._ids = ids
        # Every id, in flat order: grown in place (realloc moves pages, not bytes), so the
        # largest array of the build is never held twice.
        self._flat = np.zeros(1 << 16, dtype=np.int32)
        self._first = np.full(1024, _NO_KEY, dtype=np.int64)
        self.size = 0  # tokens numbered so far: the flat position of the next one

    def extend(self, words: list[str], key: int) -> tuple[int, int]:
        """Number ``words`` (one batch); their range of flat positions."""
        ids = self._number(words)
        if ids.size:
            self._grow()
            np.minimum.at(self._first, ids, key)
        return self._append(ids)

    def extend_keyed(self, words: list[str], keys: NDArray[np.int64]) -> tuple[int, int]:
        """Number ``words``, each with its own batch key (several batches in one call)."""
        ids = self._number(words)
        if ids.size:
            self._grow()
            np.minimum.at(self._first, ids, keys)
        return self._append(ids)

    def flat(self) -> NDArray[np.int32]:
        """Every word id numbered so far, in flat order (handed over: call once, at the end)."""
        flat, self._flat = self._flat, np.zeros(0, dtype=np.int32)
        flat.resize(self.size, refcheck=False)  # in place
        return flat

    def terms(self, analyzer: TextAnalyzer) -> Terms:
        """Stop-list and stem every distinct word once, and pick each stem's word."""
        words = list(self._ids)  # in id order
        first = self._first[: len(words)]
        stems = analyzer.stem_words(words)
        stop = analyzer.config.stop_words
        # Batch by batch, shortest then alphabetical within one: the order words were learnt in.
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        rank = np.empty(len(words), dtype=np.int64)
        rank[sorted(range(len(words)), key=words.__getitem__)] = np.arange(len(words))
        order = np.lexsort((rank, lengths, first))
        of_word = np.full(len(words), -1, dtype=np.int32)
        by_stem: dict[str, int] = {}
        terms: list[str] = []
        chosen: list[str] = []
        for i in order.tolist():
            word = words[i]
            if stop and word in STOP_WORDS:
                continue
            stem = stems[i]
            term = by_stem.get(stem)
            if term is None:
                term = by_stem[stem] = len(terms)
                terms.append(stem)
                chosen.append(word.replace(".", "") if "." in word else word)
            of_word[i] = term
        return Terms(of_word, terms, chosen)

    def _number(self, words: list[str]) -> NDArray[np.int32]:
        return np.fromiter(map(self._ids.__getitem__, words), dtype=np.int32, count=len(words))

    def _grow(self) -> None:
        size = len(self._ids)
        if size > self._first.size:
            grown = np.full(max(size, 2 * self._first.size), _NO_KEY, dtype=np.int64)
            grown[: self._first.size] = self._first
            self._first = grown

    def _append(self, ids: NDArray[np.int32]) -> tuple[int, int]:
        start, end = self.size, self.size + ids.size
        if end > self._flat.size:
            self._flat.resize(max(end, self._flat.size + self._flat.size // 2), refcheck=False)
        self._flat[start:end] = ids
        self.size = end
        return start, end
