"""What a question asks for (its focus) and whether an excerpt holds it: answerability.

A question about the page's own people and places can match a passage well and still ask a
fact the passage does not give ("what is the population of Pyongyang?" against a passage about
Pyongyang's markets). The focus is read from the question's form (a wage, a population, a
length, an age, a company, a title, a nationality, a place, a person), as data in
``bot/search/data/focus.json``; an excerpt holds it when it says the asked-for noun or a
synonym of it, and holds a filler when it holds something of the asked-for kind (a sum of
money, a number of people, a length with its unit, an age, a name that is not the question's
own). The question side (which focus a question asks) is asks.py's reading; this module reads
the excerpt side. The gate reads three features of them (gate.py): ``focus_missing``, ``filler_missing``
and ``filler_gap`` (how far the filler stands from the question's own words).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from bot.search.domain.asks import Asked, AskKind, asked, data, kinds

__all__ = ["Asked", "Focus", "Holds", "asked", "filler_names", "foci", "has_filler", "holds"]

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
# The capitalised names of a filler (and a "by" of "posted by"): a name filler answers only
# with a word the question does not hold, not with "near" of "near Ganghwa".
_NAME = re.compile(r"\b[A-Z][\w'-]*|\bu/[\w-]+|\bby\b")


# The focus reading of what a question asks (asks.py), under its older names.
Focus = AskKind


def foci() -> tuple[Focus, ...]:
    """The foci of ``focus.json``, in order."""
    return kinds("focus")


@dataclass(frozen=True)
class Holds:
    """What an excerpt holds of a question's focus (all 0 for a question without one)."""

    focus_missing: int = 0  # neither the focus's words nor a filler
    filler_missing: int = 0  # no filler
    filler_gap: float = 0.0  # words from the filler to the nearest question word, scaled


def holds(asked: Asked, excerpt: str) -> Holds:
    """What ``excerpt`` holds of the focus of the question ``asked`` read."""
    focus = asked.focus
    if focus is None:
        return Holds()
    low = excerpt.lower()
    read = excerpt if focus.new else low
    fillers = _fillers(focus, read, asked.words)
    if not fillers:
        return Holds(int(not focus.words.search(low)), 1, 1.0)
    tokens = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(read)]
    starts = [s for s, _ in tokens]
    places = [i for i, (_, w) in enumerate(tokens) if w in asked.anchors]
    if not places:
        return Holds(0, 0, 1.0)
    gap = min(abs(bisect_left(starts, start) - p) for start in fillers for p in places)
    return Holds(0, 0, min(gap / float(data("focus")["gap_scale"]), 1.0))


def has_filler(asked: Asked, text: str) -> bool:
    """Whether ``text`` holds something of the kind the question asks for (a name that is not
    the question's own for "who ...?", a sum of money for "how much does ... earn?")."""
    focus = asked.focus
    if focus is None:
        return False
    return bool(_fillers(focus, text if focus.new else text.lower(), asked.words))


def filler_names(asked: Asked, text: str) -> list[str]:
    """The capitalised names of ``text``'s fillers of a name focus ("Elizabeth Salmon")."""
    focus = asked.focus
    if focus is None:
        return []
    return [n for m in focus.filler.finditer(text) for n in _NAME.findall(m.group())]


def _fillers(focus: Focus, excerpt: str, own: frozenset[str]) -> list[int]:
    """Where the excerpt's fillers start (character offsets)."""
    if not focus.new:
        return [m.start() for m in focus.filler.finditer(excerpt)]
    return [
        m.start()
        for m in focus.filler.finditer(excerpt)
        if any(w not in own for n in _NAME.findall(m.group()) for w in _WORD.findall(n.lower()))
    ]
