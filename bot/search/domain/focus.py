"""What a question asks for (its focus) and whether an excerpt holds it: answerability.

A question about the page's own people and places can match a passage well and still ask a
fact the passage does not give ("what is the population of Pyongyang?" against a passage about
Pyongyang's markets). The focus is read from the question's form (a wage, a population, a
length, an age, a company, a title, a nationality, a place, a person), as data in
``bot/search/data/focus.json``; an excerpt holds it when it says the asked-for noun or a
synonym of it, and holds a filler when it holds something of the asked-for kind (a sum of
money, a number of people, a length with its unit, an age, a name that is not the question's
own). The gate reads three features of them (gate.py): ``focus_missing``, ``filler_missing``
and ``filler_gap`` (how far the filler stands from the question's own words).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
# The capitalised names of a filler (and a "by" of "posted by"): a name filler answers only
# with a word the question does not hold, not with "near" of "near Ganghwa".
_NAME = re.compile(r"\b[A-Z][\w'-]*|\bu/[\w-]+|\bby\b")


@dataclass(frozen=True)
class Focus:
    """One kind of fact a question can ask for, and what an excerpt holding it says."""

    name: str
    question: re.Pattern[str]
    words: re.Pattern[str]
    filler: re.Pattern[str]
    # A filler counts only when it holds a word the question does not (a name that answers).
    new: bool = False


@cache
def _data() -> Any:
    text = resources.files("bot.search").joinpath("data", "focus.json").read_text("utf-8")
    return json.loads(text)


@cache
def _common() -> frozenset[str]:
    """Question words too common to place a filler by (question and function words)."""
    return frozenset(_data()["common"])


@cache
def foci() -> tuple[Focus, ...]:
    """The foci of ``focus.json``, in order."""
    return tuple(
        Focus(
            item["name"],
            re.compile(item["question"], re.IGNORECASE),
            # Read on the lower-cased excerpt (case-folding in the pattern is several times
            # slower); names are capitalised, so the name fillers read the excerpt as written.
            re.compile(item["words"]),
            re.compile(item["filler"]),
            bool(item.get("new", False)),
        )
        for item in _data()["foci"]
    )


@cache
def _cited() -> re.Pattern[str]:
    """Questions whose answer is the post's submitter, shown in the citation, not the text."""
    return re.compile(_data()["cited"], re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """A question's focus, its words (lower-case) and those a filler is placed by."""

    focus: Focus | None
    words: frozenset[str]
    anchors: frozenset[str]


# Bounded: the bot runs for weeks and every distinct question would otherwise stay cached;
# the cache only serves the few passages one question's gate reads.
@lru_cache(maxsize=1024)
def asked(question: str) -> Asked:
    """The focus of ``question`` (the first of focus.json whose pattern matches; None when
    none does; None too when it asks who posted a post or thread: the citation answers) and
    its words."""
    found = next((f for f in foci() if f.question.search(question)), None)
    if found is not None and _cited().search(question):
        found = None
    words = frozenset(_WORD.findall(question.lower()))
    anchors = frozenset(w for w in words if len(w) > 2 and w not in _common())
    return Asked(found, words, anchors)


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
    return Holds(0, 0, min(gap / float(_data()["gap_scale"]), 1.0))


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
