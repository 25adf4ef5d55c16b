"""Example filters: catch messages close to an example a moderator gave, by TF-IDF cosine.

Features are content words (stemmed) and character 3- to 5-grams inside content words, so
'starving', 'starved' and 'starvation' share most of their weight and a reworded sentence still
lands near its example. Function words are dropped: they make unrelated sentences look alike.
The threshold was chosen by measurement (bench/bench_moderation.py, section 'example filters').
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.moderation.domain.filters import KeywordTerm
from bot.moderation.domain.keywords import is_allowed
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.stems import stem_word

#: Cosine similarity at or above which a message counts as a rewording of an example.
EXAMPLE_THRESHOLD = 0.5

_STOPWORD_TEXT = """
    a about above after again all am an and any are aren't as at be because been before being
    below between both but by can could did do does doing don't down during each few for from
    further had has have having he her here hers herself him himself his how i i'm if in into is
    isn't it it's its itself just me more most my myself nor of off on once only or other our ours
    ourselves out over own same she should so some such than that that's the their theirs them
    themselves then there these they they're this those through to too under until up very was we
    were what when where which while who whom why will with would you you're your yours yourself
    yourselves im ive dont thats theyre youre also really just get got"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_FIRST_FOUR = operator.itemgetter(slice(0, 4))


def _content_words(text: NormalizedText) -> list[str]:
    return [t for t in text.tokens if len(t) > 1 and t not in STOPWORDS]


def features(text: NormalizedText) -> Counter[str]:
    """The sparse feature counts of a text (words and character n-grams of content words)."""
    counts: Counter[str] = Counter()
    for word in _content_words(text):
        counts.update(_word_features(word))
    return counts


@lru_cache(maxsize=65_536)
def _word_features(word: str) -> tuple[str, ...]:
    """A word's features: its stem (twice: a whole shared word outweighs its pieces) and its
    character 3- to 5-grams with word boundaries (cached: chat vocabulary is small)."""
    stem = "w:" + stem_word(word)
    padded = f" {word} "
    grams = [padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    return (stem, stem, *grams)


@dataclass(frozen=True, slots=True)
class ExampleGroup:
    """One owner's example messages and its allow list."""

    owner: int
    examples: tuple[str, ...]
    allow: tuple[KeywordTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class ExampleMatch:
    """An owner whose example is close to the message; ``matched`` is that example."""

    owner: int
    matched: str
    similarity: float


class ExampleMatcher:
    """Cosine similarity between a message and every example, through an inverted index."""

    def __init__(self, groups: Sequence[ExampleGroup], threshold: float = EXAMPLE_THRESHOLD):
        self.threshold = threshold
        self._groups = tuple(groups)
        docs: list[tuple[ExampleGroup, str, Counter[str]]] = []
        for group in self._groups:
            for example in group.examples:
                docs.append((group, example, features(normalize(example))))
        df: Counter[str] = Counter()
        for _, _, counts in docs:
            df.update(counts.keys())
        n_docs = len(docs)
        # Smoothed idf over the examples: n-grams every example shares weigh less.
        self._idf = {term: math.log((1 + n_docs) / (1 + d)) + 1.0 for term, d in df.items()}
        self._unseen_idf = math.log(1 + n_docs) + 1.0
        self._docs = [(group, example) for group, example, _ in docs]
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._prefixes: dict[str, list[int]] = {}
        self._needed: list[int] = []
        for index, (_, example, counts) in enumerate(docs):
            vector = self._weigh(counts)
            for term, weight in vector.items():
                self._postings.setdefault(term, []).append((index, weight))
            prefixes = {w[:4] for w in _content_words(normalize(example))}
            for prefix in prefixes:
                self._prefixes.setdefault(prefix, []).append(index)
            # A rewording keeps most content words; under 40% shared it scores far below the
            # threshold (bench: 'example filters'), so the n-gram work is skipped.
            self._needed.append(min(len(prefixes), max(2, math.ceil(0.4 * len(prefixes)))))
        self._keys = frozenset(self._prefixes)

    def __len__(self) -> int:
        return len(self._docs)

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        vector = {
            term: (1.0 + math.log(count)) * self._idf.get(term, self._unseen_idf)
            for term, count in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {term: w / norm for term, w in vector.items()}

    def similarities(self, text: NormalizedText) -> list[tuple[int, float]]:
        """(example index, cosine) for every example sharing a feature with the text."""
        if not self._docs:
            return []
        # Cheap gate: only examples sharing enough word starts with the message can come near
        # the threshold, so most messages skip the n-gram work.
        # The counting runs in C (a Counter over the chained postings): this is on every
        # message's path.
        # The starts of the content words, taken in C: a one-letter word's start is no key
        # (each key starts a content word of two letters or more), so only stop words go.
        # Only the starts some example has, by one set intersection in C; then each
        # example's count of shared starts, counted in C into a plain dict (what Counter does,
        # without its Python frames), and the first example with enough ends the test.
        prefixes = self._keys.intersection(map(_FIRST_FOUR, set(text.tokens).difference(STOPWORDS)))
        if not prefixes:
            return []
        shared: dict[int, int] = {}
        _count_elements(
            shared, itertools.chain.from_iterable(map(self._prefixes.__getitem__, prefixes))
        )
        needed = self._needed
        for index, count in shared.items():  # any(...) without a generator frame
            if count >= needed[index]:
                break
        else:
            return []
        # Same cosine as _weigh() on both sides, without building the message's vector: only
        # features the examples share need a weight; the rest only add to the norm.
        idf = self._idf
        unseen = self._unseen_idf
        postings = self._postings
        sum_squares = 0.0
        scores: dict[int, float] = {}
        for term, count in features(text).items():
            weight = (
                (1.0 + math.log(count)) * idf.get(term, unseen)
                if count > 1
                else (idf.get(term, unseen))
            )
            sum_squares += weight * weight
            for index, doc_weight in postings.get(term, ()):
                scores[index] = scores.get(index, 0.0) + weight * doc_weight
        norm = math.sqrt(sum_squares) or 1.0
        return [(index, score / norm) for index, score in scores.items()]

    def find(self, text: NormalizedText) -> list[ExampleMatch]:
        """The owners with an example at or above the threshold (best example per owner)."""
        best: dict[int, ExampleMatch] = {}
        for index, score in self.similarities(text):
            if score < self.threshold:
                continue
            group, example = self._docs[index]
            if is_allowed(group.allow, text.text) or any(
                is_allowed(group.allow, token) for token in text.tokens
            ):
                continue
            current = best.get(group.owner)
            if current is None or score > current.similarity:
                best[group.owner] = ExampleMatch(group.owner, example, score)
        return list(best.values())
