"""One subject, several statements: the Foreign Ministry's, a vice department director's and
the Defence Ministry's statements on the same drone incursion, issued a day or two apart.

Statements are worded by their speakers, so their texts are not alike as a whole; what ties them
is their subject's own words, repeated in each: "drone", "drones", "border". Two statements
(headlines that say who spoke, newsroom.yaml ``statements``) at most SUBJECT_DAYS apart tell one
story when they share at least SUBJECT_TERMS such words: each used at least SUBJECT_REPEATS
times in both, rare in the archive (in at most SUBJECT_HISTORY_SHARE of earlier texts, or
SUBJECT_HISTORY_MIN) and particular in the week (in at most SUBJECT_WEEK_STORIES stories).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.archive.domain.articles import Article
from bot.digest.domain.copies import Copies
from bot.digest.domain.events import WeekText, tells_statement
from bot.digest.domain.pairs import raise_pairs

# Chosen leave one week out on the development weeks (training/tune_digest.py --subjects).
SUBJECT_TERMS = 3
SUBJECT_DAYS = 2
SUBJECT_REPEATS = 2
SUBJECT_HISTORY_SHARE = 0.01
SUBJECT_HISTORY_MIN = 2
SUBJECT_WEEK_STORIES = 6
SUBJECT_SIMILARITY = 0.5  # folded like reports of one event (above the folding threshold)
_TOKEN = re.compile(r"(?u)\b[^\W_][\w'’-]*[^\W_]\b")

FloatArray = np.ndarray


@dataclass(frozen=True)
class SubjectPair:
    """Two statements of the week and the subject words they share."""

    first: int
    second: int
    shared: tuple[str, ...]


def _counts(
    group: Sequence[int], copies: Sequence[Copies], articles: Sequence[Article]
) -> Counter[str]:
    """Each word's most uses in one report of the story (the longest report of each item)."""
    counts: Counter[str] = Counter()
    for c in group:
        report = max((articles[i] for i in copies[c].members), key=lambda a: len(a.body))
        for word, n in Counter(_TOKEN.findall(report.body.casefold())).items():
            counts[word] = max(counts[word], n)
    return counts


def _words(group: Sequence[int], copies: Sequence[Copies], articles: Sequence[Article]) -> set[str]:
    """The words of the story's reports (the longest report of each item)."""
    found: set[str] = set()
    for c in group:
        report = max((articles[i] for i in copies[c].members), key=lambda a: len(a.body))
        found.update(_TOKEN.findall(report.body.casefold()))
    return found


def subject_pairs(
    items: Sequence[Sequence[int]],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    text: WeekText,
) -> list[SubjectPair]:
    """Pairs of the week's statements (stories as lists of Copies indices) within SUBJECT_DAYS
    of each other, with the rare subject words both repeat (judged by ``join_subjects``)."""
    spoken = [i for i, group in enumerate(items) if tells_statement(copies[group[0]].title)]
    if len(spoken) < 2:
        return []
    counts = {i: _counts(items[i], copies, articles) for i in spoken}
    stories_using: Counter[str] = Counter()
    for i, group in enumerate(items):
        stories_using.update(set(counts[i]) if i in counts else _words(group, copies, articles))
    floor = max(SUBJECT_HISTORY_MIN, SUBJECT_HISTORY_SHARE * text.documents)

    def subject(i: int) -> set[str]:
        found = set()
        for word, n in counts[i].items():
            earlier = text.history_count(word)
            if (
                n >= SUBJECT_REPEATS
                and earlier is not None
                and earlier <= floor
                and stories_using[word] <= SUBJECT_WEEK_STORIES
            ):
                found.add(word)
        return found

    words = {i: subject(i) for i in spoken}
    days = {i: [copies[c].day.toordinal() for c in items[i]] for i in spoken}
    pairs = []
    for a, i in enumerate(spoken):
        for j in spoken[a + 1 :]:
            gap = min(abs(x - y) for x in days[i] for y in days[j])
            shared = words[i] & words[j]
            if gap <= SUBJECT_DAYS and shared:
                pairs.append(SubjectPair(i, j, tuple(sorted(shared))))
    return pairs


def join_subjects(
    alike: FloatArray, pairs: Sequence[SubjectPair], min_terms: int | None = None
) -> FloatArray:
    """``alike`` with every two statements of one subject at least SUBJECT_SIMILARITY."""
    least = SUBJECT_TERMS if min_terms is None else min_terms
    joined = ((pair.first, pair.second) for pair in pairs if len(pair.shared) >= least)
    return raise_pairs(alike, joined, SUBJECT_SIMILARITY)
