"""Diversity at selection time: a story close to a chosen highlight takes no line of its own.

Grouping (bot.digest.domain.alike) joins two stories only when their texts say they tell one
event; a join that is wrong mixes two stories in one highlight. This step is milder and comes
later, while the highlights are picked in rank order (bot.digest.domain.rank.order_highlights,
maximal marginal relevance): a candidate *near* a highlight already chosen is skipped, so the
next distinct story takes the line, and nothing is merged. Two stories are near when

- their texts (headline and lead, the TF-IDF rows of bot.digest.domain.events) share at least
  NEAR_TERMS terms that at most RARE_HISTORY earlier texts use (no date or number: "october
  14" ties every report of a day), and
- they appear at most NEAR_DAYS days apart, and
- both are of NEAR_SCOPE: "statements" (headlines naming who spoke), "events" (any two events)
  or "all" (series too).

NEAR_TERMS = 0 turns the step off. Tuned leave one week out (training/tune_digest_near.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from bot.digest.domain.copies import Copies
from bot.digest.domain.events import WeekText
from bot.digest.domain.lexicon import CALENDAR_WORDS
from bot.digest.domain.rank import EventSignals
from bot.digest.domain.stories import Story

# Off, as the development weeks chose (training/tune_digest_near.py, leave one week out). Alone,
# two statements sharing three terms no earlier text uses, at most two days apart, won held out
# narrowly (one repeat fewer, 2024-W41, one main story fewer, 2024-W42); with the statements'
# cap (rank.STATEMENT_HIGHLIGHTS) it adds nothing held out. The setting it would take:
NEAR_TERMS = 0  # 3 to turn it on
NEAR_DAYS = 2
NEAR_SCOPE = "statements"
RARE_HISTORY = 0  # a term this few earlier texts use (of HISTORY_TEXTS) is rare
SCOPES = ("statements", "events", "all")

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


def shared_rare_terms(
    items: Sequence[Sequence[int]], text: WeekText, rare_history: int | None = None
) -> IntArray:
    """stories x stories: how many rare terms (see the module) both stories' texts use."""
    limit = RARE_HISTORY if rare_history is None else rare_history
    count = len(items)
    if not count:
        return np.zeros((0, 0), dtype=np.int64)
    rare = text.history_frequency <= limit
    for term, column in text.vocabulary.items():
        if rare[column] and _dated(term):
            rare[column] = False
    rows = [row for group in items for row in group]
    owners = [number for number, group in enumerate(items) for _ in group]
    used = np.zeros((count, text.body.shape[1]), dtype=bool)
    body = text.body[rows].tocoo()
    used[np.asarray(owners)[body.row], body.col] = True
    used &= rare[None, :]
    as_int = used.astype(np.int64)
    shared: IntArray = as_int @ as_int.T
    return shared


def day_gaps(items: Sequence[Sequence[int]], copies: Sequence[Copies]) -> IntArray:
    """stories x stories: the fewest days between a report of one and a report of the other."""
    days = [np.array([copies[c].day.toordinal() for c in group]) for group in items]
    return np.array(
        [[int(np.min(np.abs(a[:, None] - b[None, :]))) for b in days] for a in days],
        dtype=np.int64,
    ).reshape(len(items), len(items))


def near_matrix(
    shared: IntArray,
    gaps: IntArray,
    kinds: Sequence[str],
    statements: Sequence[bool],
    setting: tuple[int, int, str] | None = None,
) -> BoolArray | None:
    """Which stories are near each other (see the module); None when the step is off.
    ``setting`` (terms, days, scope) overrides NEAR_TERMS, NEAR_DAYS and NEAR_SCOPE."""
    terms, days, scope = setting or (NEAR_TERMS, NEAR_DAYS, NEAR_SCOPE)
    if terms <= 0:
        return None
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
    if scope == "statements":
        member = np.array(statements, dtype=bool)
    elif scope == "events":
        member = np.array([kind == "event" for kind in kinds], dtype=bool)
    else:
        member = np.array([kind != "roundup" for kind in kinds], dtype=bool)
    near = (shared >= terms) & (gaps <= days) & member[:, None] & member[None, :]
    np.fill_diagonal(near, False)
    return np.asarray(near, dtype=bool)


def near_stories(
    stories: Sequence[Story],
    signals: Sequence[EventSignals],
    copies: Sequence[Copies],
    text: WeekText,
) -> BoolArray | None:
    """near_matrix of the week's stories with the shipped setting (None when it is off)."""
    if NEAR_TERMS <= 0:
        return None
    items = [s.items for s in stories]
    return near_matrix(
        shared_rare_terms(items, text),
        day_gaps(items, copies),
        [s.kind for s in stories],
        [s.statement for s in signals],
    )


def _dated(term: str) -> bool:
    """A term naming a date or a number ("october 14", "79th"): every report of a day uses it."""
    return any(ch.isdigit() for ch in term) or any(w in CALENDAR_WORDS for w in term.split())
