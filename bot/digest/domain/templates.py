"""Feature formulas learnt from the archive: headlines such as "KCNA Commentary on {…}",
"{…}: KCNA Commentary" or "Rodong Sinmun Calls for {…}" that the agency uses every week for
commentaries, editorials and features, which report no event.

Two of the week's stories whose headlines share such a formula are one recurring line, however
unlike their subjects: a reader counts "two KCNA commentaries" once. The formula is learnt, not
listed: it is the opening up to a function word ("KCNA Commentary on") or the part
after a colon or semicolon that the two headlines share, and it must appear in earlier weeks'
headlines often (TEMPLATE_WEEKS) with leads that mostly say no date (at most
TEMPLATE_DATED_SHARE): news formulas ("Kim Jong Un Inspects {…}", "Press Statement of {…}")
recur as often, but their leads say when it happened, and each of them is news of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from bot.digest.domain.lexicon import FUNCTION_WORDS, fold, is_dated, newsroom, stem, words

# Chosen leave one week out on the development weeks (training/tune_digest.py).
TEMPLATE_WEEKS = 2  # earlier weeks whose headlines use the formula
TEMPLATE_DATED_SHARE = 0.5  # at most this share of those earlier leads says when
MIN_HEAD = 2  # words of a shared opening (it must reach a verb or function word)
MAX_HEAD = 6
FAMILY = 1.0  # the similarity of two stories of one formula (folded whatever their kind)
_SEPARATOR = re.compile(r"[:;]\s+")

FloatArray = np.ndarray


@dataclass(frozen=True)
class TemplatePair:
    """Two of the week's stories whose headlines share a formula, and how the archive used it."""

    first: int
    second: int
    formula: str  # "kcna commentari on …" (stemmed) or "… kcna commentari"
    weeks: int  # earlier weeks whose headlines use it
    dated_share: float  # share of those earlier reports (with text) whose lead says when


def _head(title: str) -> list[str]:
    return [stem(w) for w in words(title)]


def _tail(title: str) -> tuple[str, ...] | None:
    """The stemmed words after the last colon or semicolon ("…: KCNA Commentary"), if any."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2 or not words(parts[-1]) or not words(" ".join(parts[:-1])):
        return None
    return tuple(stem(w) for w in words(parts[-1]))


class FormulaHistory:
    """Earlier headlines indexed by their openings and their tails after a separator, each
    with its ISO week and whether its lead says when (None for a title-only report)."""

    def __init__(self, reports: Sequence[tuple[str, date, str | None]]) -> None:
        self._heads: defaultdict[tuple[str, ...], list[tuple[tuple[int, int], bool | None]]]
        self._heads = defaultdict(list)
        self._tails: defaultdict[tuple[str, ...], list[tuple[tuple[int, int], bool | None]]]
        self._tails = defaultdict(list)
        for title, day, body in reports:
            iso = day.isocalendar()
            entry = ((iso.year, iso.week), None if body is None else is_dated(body))
            head = _head(title)
            for size in range(MIN_HEAD, min(MAX_HEAD, len(head) - 1) + 1):
                self._heads[tuple(head[:size])].append(entry)
            tail = _tail(title)
            if tail is not None:
                self._tails[tail].append(entry)

    def usage(self, formula: tuple[str, ...], *, tail: bool) -> tuple[int, float]:
        """(earlier weeks using the formula, share of its dated leads among those with text)."""
        entries = (self._tails if tail else self._heads).get(formula, [])
        weeks = {week for week, _ in entries}
        dated = [d for _, d in entries if d is not None]
        share = sum(dated) / len(dated) if dated else 1.0
        return len(weeks), share


def template_pairs(titles: Sequence[str], history: FormulaHistory) -> list[TemplatePair]:
    """Pairs of the week's story headlines that share an opening formula or a tail after a
    separator, with the archive's use of that formula (to be judged by ``join_templates``)."""
    room = newsroom()
    tokens = [words(t) for t in titles]
    heads = [[stem(w) for w in t] for t in tokens]
    tails = [_tail(t) for t in titles]
    pairs: list[TemplatePair] = []
    for i in range(len(titles)):
        for j in range(i + 1, len(titles)):
            if heads[i] == heads[j]:
                continue  # one headline twice: only the texts can tell (other statements)
            size = 0
            limit = min(len(heads[i]), len(heads[j]), MAX_HEAD + 1) - 1
            while size < limit and heads[i][size] == heads[j][size]:
                size += 1
            # The opening must end in a function word ("Commentary on {…}"): not inside a
            # name ("Kim Jong"), nor at a verb, whose object is the story ("Visits {…}").
            while size >= MIN_HEAD and (
                room.is_verb(tokens[i][size - 1]) or fold(tokens[i][size - 1]) not in FUNCTION_WORDS
            ):
                size -= 1
            if size >= MIN_HEAD:
                formula = tuple(heads[i][:size])
                weeks, share = history.usage(formula, tail=False)
                pairs.append(TemplatePair(i, j, " ".join(formula) + " …", weeks, share))
            elif (tail := _shared_tail(tails[i], heads[i], tails[j], heads[j])) is not None:
                weeks, share = history.usage(tail, tail=True)
                pairs.append(TemplatePair(i, j, "… " + " ".join(tail), weeks, share))
    return pairs


def _shared_tail(
    tail_a: tuple[str, ...] | None,
    head_a: Sequence[str],
    tail_b: tuple[str, ...] | None,
    head_b: Sequence[str],
) -> tuple[str, ...] | None:
    """The tail two headlines share ("…: KCNA Commentary" twice), or the tail of one that
    opens the other ("…; Rodong Sinmun" and "Rodong Sinmun Calls Upon …"): one source's
    feature formula either way."""
    if tail_a is not None and tail_a == tail_b:
        return tail_a
    for tail, head in ((tail_a, head_b), (tail_b, head_a)):
        if tail is not None and len(head) > len(tail) and tuple(head[: len(tail)]) == tail:
            return tail
    return None


def join_templates(
    alike: FloatArray,
    pairs: Sequence[TemplatePair],
    min_weeks: int | None = None,
    max_dated: float | None = None,
) -> FloatArray:
    """``alike`` with the stories of every feature formula set to FAMILY (see the module)."""
    weeks = TEMPLATE_WEEKS if min_weeks is None else min_weeks
    dated = TEMPLATE_DATED_SHARE if max_dated is None else max_dated
    result = np.array(alike, dtype=np.float64, copy=True)
    for pair in pairs:
        if pair.weeks >= weeks and pair.dated_share <= dated:
            result[pair.first, pair.second] = result[pair.second, pair.first] = FAMILY
    return result
