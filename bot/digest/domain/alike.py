"""Whether two of the week's stories tell one event: the test that keeps repeats out of the
highlights.

Readers group every report of one event as one story: the agency's several sections, follow-up
statements, reactions, a visit and its return. Two stories are taken for one when

- their texts are alike (the mean TF-IDF rows of their reports, damped by the days between them),
- their first sentences are alike (who did what: "Choe Son Hui left Pyongyang for Moscow"),
- their first sentences name the same uncommon people, places or bodies and their texts are
  somewhat alike already, or
- they celebrate the same occasion ("the 79th founding anniversary of ...", "Youth Day"), unless
  one of them is a named person's own activity, which is news of its own.

bot.digest.domain.rank.order_highlights folds a lesser story into a highlight this alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from bot.archive.domain.articles import Article
from bot.digest.domain.copies import Copies, is_title_only
from bot.digest.domain.events import (
    FloatArray,
    NameCommonness,
    WeekText,
    centroid_rows,
    day_damping,
    lede_of,
)
from bot.digest.domain.lexicon import fold, newsroom
from bot.digest.domain.phrases import names

# Tuned on the development weeks (training/tune_digest.py).
LEDE_WEIGHT = 0.8  # first sentences are short: their cosine runs higher than whole texts'
SHARED_NAMES = 2  # uncommon names both stories' leads use
SHARED_NAMES_FLOOR = 0.08  # ... when their texts are at least this alike
SHARED_NAMES_SIMILARITY = 0.5
OCCASION_SIMILARITY = 0.5
LEAD_CHARS = 1500
NAMED_ITEMS = 4

_ORDINAL_ANNIVERSARY = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th))\s+(?:[\w'’-]+\s+){0,2}?(?:anniversary|birthday)\b", re.I
)
_NAMED_DAY = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,2})(?:Day|Birthday)\b")


def occasions(text: str) -> frozenset[str]:
    """The occasions ``text`` names: "79th anniversary", "youth day" (folded keys)."""
    keys = {f"{m.group(1).casefold()} anniversary" for m in _ORDINAL_ANNIVERSARY.finditer(text)}
    for match in _NAMED_DAY.finditer(text):
        head = [fold(w) for w in match.group(1).split()]
        if head and head[0] not in ("the", "a", "this", "that"):
            keys.add(" ".join(head) + " day")
    return frozenset(keys)


def actor(title: str, lede: str) -> str | None:
    """The person or body a headline opens with when the lede names it too ("Kim Jong Un
    Visits ...", "Choe Son Hui ..."): the story is that actor's own activity."""
    room = newsroom()
    head: list[str] = []
    for word in title.split():
        if room.is_verb(word) or not word[:1].isupper():
            break
        head.append(word)
    if len(head) < 2:
        return None
    opening = " ".join(head).casefold()
    found = [n for n in names(lede) if len(n.split()) >= 2 and opening.startswith(n.casefold())]
    return found[0].casefold() if found else None


def story_alike(
    items: Sequence[Sequence[int]],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    text: WeekText,
    is_common_name: NameCommonness,
) -> FloatArray:
    """stories x stories: how likely two stories (each a list of Copies indices) tell one event,
    in [0, 1] (1 on the diagonal)."""
    count = len(items)
    if not count:
        return np.zeros((0, 0), dtype=np.float64)
    body = _cosines(text.body, items)
    ledes = _cosines(text.ledes, items) if text.ledes is not None else np.zeros_like(body)
    days = [np.array([copies[c].day.toordinal() for c in group]) for group in items]
    gap = np.array(
        [[float(np.min(np.abs(a[:, None] - b[None, :]))) for b in days] for a in days],
        dtype=np.float64,
    )
    damping = day_damping(gap)
    combined = np.maximum(body, LEDE_WEIGHT * ledes) * damping
    named = [_uncommon_names(group, copies, articles, is_common_name) for group in items]
    said = [_said(group, copies, articles) for group in items]
    marks = [occasions(title + "\n" + lede) for title, lede in said]
    actors = [actor(title, lede) for title, lede in said]
    for i in range(count):
        for j in range(i + 1, count):
            value = combined[i, j]
            if len(named[i] & named[j]) >= SHARED_NAMES and body[i, j] >= SHARED_NAMES_FLOOR:
                value = max(value, SHARED_NAMES_SIMILARITY * damping[i, j])
            if marks[i] & marks[j] and actors[i] == actors[j]:
                value = max(value, OCCASION_SIMILARITY)
            combined[i, j] = combined[j, i] = value
    np.fill_diagonal(combined, 1.0)
    return np.clip(combined, 0.0, 1.0)


def _cosines(matrix: csr_matrix, items: Sequence[Sequence[int]]) -> FloatArray:
    rows = centroid_rows(matrix, items)
    return np.asarray((rows @ rows.T).toarray(), dtype=np.float64)


def _said(
    group: Sequence[int], copies: Sequence[Copies], articles: Sequence[Article]
) -> tuple[str, str]:
    """The story's first title and the first sentence of its first item."""
    return copies[group[0]].title, lede_of(articles, copies[group[0]])


def _uncommon_names(
    group: Sequence[int],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    is_common_name: NameCommonness,
) -> set[str]:
    """Names of two words or more in the leads of the story's first items that few texts use."""
    found: set[str] = set()
    for c in group[:NAMED_ITEMS]:
        report = max((articles[i] for i in copies[c].members), key=lambda a: len(a.body))
        if not is_title_only(report):
            found.update(
                name.casefold()
                for name in names(report.body[:LEAD_CHARS])
                if len(name.split()) >= 2 and not is_common_name(name)
            )
    return found
