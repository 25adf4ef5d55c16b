"""Whether two of the week's stories tell one event: the test that keeps repeats out of the
highlights.

Readers group every report of one event as one story: the agency's several sections, follow-up
statements, reactions, a visit and its return. Two stories are taken for one when

- their texts are alike (the mean TF-IDF rows of their reports, damped by the days between them),
- their first sentences are alike (who did what: "Choe Son Hui left Pyongyang for Moscow"),
- their first sentences name the same uncommon people, places or bodies and their texts are
  somewhat alike already, or
- one is a departure or a return (newsroom.yaml ``travel``) whose texts are alike, however
  many days lie between it and the trip,
- they celebrate the same occasion ("the 79th founding anniversary of ...", "Youth Day"), unless
  one of them is a named person's own activity, which is news of its own;

and never when their headlines tell two different activities of one frequent newsmaker
(bot.digest.domain.activities), nor by a shared name or occasion alone when one headline is a
routine line earlier weeks keep using (untie_recurring). bot.digest.domain.build adds three more ties: statements that
repeat one subject's rare words (bot.digest.domain.subjects), features of one headline formula
learnt from the archive (bot.digest.domain.templates), and events whose bodies name one
anniversary or one visit abroad (bot.digest.domain.occasions).

bot.digest.domain.rank.order_highlights folds a lesser story into a highlight this alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from bot.archive.domain.articles import Article
from bot.digest.domain.activities import activity, distinct_activities
from bot.digest.domain.copies import Copies, is_title_only
from bot.digest.domain.events import (
    SAME_TEXT,
    FloatArray,
    NameCommonness,
    WeekText,
    centroid_rows,
    day_damping,
    lede_of,
)
from bot.digest.domain.lexicon import FUNCTION_WORDS, fold, newsroom, stem, words
from bot.digest.domain.phrases import names

# Tuned on the development weeks (training/tune_digest.py).
LEDE_WEIGHT = 0.8  # first sentences are short: their cosine runs higher than whole texts'
SHARED_NAMES = 2  # uncommon names both stories' leads use
SHARED_NAMES_FLOOR = 0.08  # ... when their texts are at least this alike
SHARED_NAMES_SIMILARITY = 0.5
OCCASION_SIMILARITY = 0.5
# Chosen leave one week out (training/tune_digest_recurring.py; every fold chose 2).
UNTIE_RECURRING_WEEKS = 2
LEAD_CHARS = 1500
NAMED_ITEMS = 4
# Routine formulas: protocol notes whose headlines open alike are one line.
ROUTINE_WORDS = 100
ROUTINE_HEAD = 2
TRAVEL_DAMPING = 1.0  # the least day factor when one of two stories is a departure or return
FAMILY = 1.0  # the similarity of two stories of one routine family (folded whatever their kind)

_ORDINAL_ANNIVERSARY = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th))\s+(?:[\w'’-]+\s+){0,2}?(?:anniversary|birthday)\b", re.I
)
# Round 17: a named holiday is "<Name> Day", "<Name> Birthday" or "<Name> Year" ("New Year",
# "Lunar New Year"; W01's greetings, flag-hoisting, performance and banquets are one occasion to
# readers e, f and h); NAMED_YEAR False keeps days and birthdays only.
NAMED_YEAR = True
_NAMED_DAY = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,2})(Day|Birthday|Year)\b")
# Words that make "<word> Year" a span of time, not a holiday's name.
_NOT_NAMES = frozenset({"the", "a", "this", "that", "last", "next", "every", "each", "per", "one"})


def occasions(text: str) -> frozenset[str]:
    """The occasions ``text`` names: "79th anniversary", "youth day", "new year" (folded)."""
    keys = {f"{m.group(1).casefold()} anniversary" for m in _ORDINAL_ANNIVERSARY.finditer(text)}
    for match in _NAMED_DAY.finditer(text):
        head = [fold(w) for w in match.group(1).split()]
        kind = "year" if match.group(2) == "Year" else "day"
        if kind == "year":
            if not NAMED_YEAR:
                continue
            head = head[-1:]  # "Sends New Year" and "Lunar New Year": "new year"
        if head and head[0] not in _NOT_NAMES:
            keys.add(" ".join(head) + " " + kind)
    return frozenset(keys)


def shared_occasion(titles: Sequence[str]) -> str | None:
    """The holiday or anniversary most of ``titles`` name (two and more than a third of them), as
    the first of them writes it ("New Year", "Youth Day"), or None (round 17: a short week's
    one topic is named by it)."""
    found: dict[str, str] = {}
    counts: dict[str, int] = {}
    for title in titles:
        for key in occasions(title):
            counts[key] = counts.get(key, 0) + 1
        for match in _NAMED_DAY.finditer(title):
            words = (
                match.group(1).split()[-1:] if match.group(2) == "Year" else match.group(1).split()
            )
            found.setdefault(
                " ".join(fold(w) for w in words) + " " + match.group(2).casefold(),
                " ".join([*words, match.group(2)]),
            )
    best = max(counts, key=lambda k: (counts[k], k), default=None)
    if best is None or counts[best] < 2 or 3 * counts[best] <= len(titles) or best not in found:
        return None
    return found[best]


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
    room = newsroom()
    said = [_said(group, copies, articles) for group in items]
    travel = np.array([room.tells_travel(title) for title, _ in said], dtype=bool)
    # A departure or a return is told days from the trip it frames: damped less.
    damping = np.where(
        travel[:, None] | travel[None, :], np.maximum(damping, TRAVEL_DAMPING), damping
    )
    combined = np.maximum(body, LEDE_WEIGHT * ledes) * damping
    named = [_uncommon_names(group, copies, articles, is_common_name) for group in items]
    marks = [occasions(title + "\n" + lede) for title, lede in said]
    acts = [activity(title, lede) for title, lede in said]
    actors = [act.actor if act else None for act in acts]
    for i in range(count):
        for j in range(i + 1, count):
            value = combined[i, j]
            if len(named[i] & named[j]) >= SHARED_NAMES and body[i, j] >= SHARED_NAMES_FLOOR:
                value = max(value, SHARED_NAMES_SIMILARITY * damping[i, j])
            if marks[i] & marks[j] and actors[i] == actors[j]:
                value = max(value, OCCASION_SIMILARITY)
            if body[i, j] < SAME_TEXT and distinct_activities(acts[i], acts[j], is_common_name):
                value = 0.0
            combined[i, j] = combined[j, i] = value
    np.fill_diagonal(combined, 1.0)
    return np.clip(combined, 0.0, 1.0)


def join_routine_families(
    alike: FloatArray,
    titles: Sequence[str],
    lengths: Sequence[int],
) -> FloatArray:
    """``alike`` with every two short stories of one headline formula set to FAMILY: both are
    protocol notes (at most ROUTINE_WORDS words) whose headlines open with the same
    ROUTINE_HEAD words or more ("Greetings to ...", "Kim Jong Un Receives ..."). Such notes are
    one routine line however unlike their senders; longer items of one formula ("Press
    Statement of ...") carry news of their own."""
    result = np.array(alike, dtype=np.float64, copy=True)
    tokens = [words(title) for title in titles]
    heads = [[stem(w) for w in t] for t in tokens]
    routine = [n <= ROUTINE_WORDS for n in lengths]
    room = newsroom()
    for i in range(len(titles)):
        for j in range(i + 1, len(titles)):
            if not (routine[i] and routine[j]):
                continue
            size = _shared_head(heads[i], heads[j])
            # The shared opening must reach the formula (a verb or a function word: "Greetings
            # to", "Kim Jong Un Receives"), not stop inside a name ("Kim Jong").
            formula = any(room.is_verb(w) or fold(w) in FUNCTION_WORDS for w in tokens[i][:size])
            if size >= ROUTINE_HEAD and formula:
                result[i, j] = result[j, i] = FAMILY
    return result


def untie_recurring(alike: FloatArray, recurring_weeks: Sequence[int]) -> FloatArray:
    """``alike`` without the shared-names and occasion-mark ties (set at SHARED_NAMES_SIMILARITY
    and OCCASION_SIMILARITY, undamped) of a story whose headline (pattern) earlier weeks used
    UNTIE_RECURRING_WEEKS times or more: an anniversary's routine lines ("Floral Baskets to
    Statues of Great Leaders from Abroad", "Celebrations Held Abroad") name its occasion and
    its people but are lines of their own, not parts of the celebration."""
    result = np.array(alike, dtype=np.float64, copy=True)
    routine = np.array([n >= UNTIE_RECURRING_WEEKS for n in recurring_weeks], dtype=bool)
    tied = np.isclose(result, SHARED_NAMES_SIMILARITY) | np.isclose(result, OCCASION_SIMILARITY)
    result[tied & (routine[:, None] | routine[None, :])] = 0.0
    return result


def _shared_head(a: Sequence[str], b: Sequence[str]) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


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
