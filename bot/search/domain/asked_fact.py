"""Whether an excerpt holds the fact a question asks, near the question's own subject words.

A near miss names the page's own story and asks a fact the page does not give: "what was the
name of the man whose body washed up near Ganghwa Island?", "what's the budget for the trade
park?", "how long is the border between North Korea and China?". The excerpt about that story
matches the question's subject, so what it matches of the question's words says yes. What it
lacks is an answer of the asked type (a name, a sum of money, a length with its unit) in the
sentences that speak of that subject: the page's one length of a border is Russia's ("a 10-mile
(17-km) border with North Korea"), its one name beside the drowned man is the spokesperson's.

The answer type is read from the question's form by asks.py (its "fact" reading of
``bot/search/data/asked_facts.json``, the first type whose pattern matches); a candidate of that type is a span of the excerpt (regular
expressions; names are the excerpt's own capitalised words that the question does not hold);
a candidate is near the subject when its sentence, with the one before and the one after, holds
the question's anchors (its own words of three letters or more that are not question-frame,
topic or asking words, compared by their Snowball stems). The gate (gate.py) reads
``fact_unmet``, 1 minus the best share of anchors around a candidate (1 without a candidate,
0 for a question without a type), and ``fact_missing``, 1 when no candidate has half of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from bot.search.domain.asks import (
    AskedFact,
    AskKind,
    asked_fact,
    common_words,
    data,
    kinds,
    stem_each,
    stems,
)

__all__ = [
    "AskedFact",
    "FactHeld",
    "FactType",
    "asked_fact",
    "common_words",
    "fact_held",
    "fact_types",
]

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_CAPITAL_WORD = re.compile(r"[A-Za-z][\w.'-]*")


# The fact reading of what a question asks (asks.py), under its older names.
FactType = AskKind
_stems = stems


def fact_types() -> tuple[FactType, ...]:
    """The types of asked_facts.json, in order."""
    return kinds("fact")


@cache
def _sentence() -> re.Pattern[str]:
    return re.compile(data("fact")["sentence"])


@cache
def _not_names() -> frozenset[str]:
    return frozenset(data("fact")["not_names"])


@dataclass(frozen=True)
class FactHeld:
    """What an excerpt holds of the asked fact (0 and 0 for a question without a type)."""

    unmet: float = 0.0  # 1 - the best share of anchors around a candidate (1: no candidate)
    missing: int = 0  # 1 when no candidate has half of the anchors around it
    # 1 when no candidate's own sentence (not the one before or after) has half of them.
    apart: int = 0
    # 1 when every candidate with half of them around it stands in a cue of another relation.
    role: int = 0
    # 1 when a count question's counted noun stands near no candidate ("how many workers").
    noun: int = 0


def _matches(anchor: str, stems: frozenset[str]) -> bool:
    if anchor in stems:
        return True
    # A stem of five letters or more also matches the stems it begins ("detent" / "detention").
    return len(anchor) >= 5 and any(s.startswith(anchor) for s in stems if len(s) > len(anchor))


def _is_candidate(kind: FactType, span: str, own: frozenset[str]) -> bool:
    """Whether a matched span answers: with ``new``, a word that is not the question's own
    and not a place or institution name of ``not_names``."""
    if not kind.new:
        return True
    names = [w.strip(".'-") for w in _CAPITAL_WORD.findall(span) if w[:1].isupper()]
    return any(n and n not in _not_names() and n.lower() not in own for n in names)


def _candidates(kind: FactType, sentence: str, own: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``sentence`` that can answer (offsets into ``sentence``)."""
    text = sentence if kind.as_written else sentence.lower()
    if kind.exclude is not None:
        text = kind.exclude.sub(lambda m: " " * len(m.group()), text)
    return [m.span() for m in kind.candidate.finditer(text) if _is_candidate(kind, m.group(), own)]


def candidate_spans(kind: FactType, sentence: str, own: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``sentence`` that can answer a question of ``kind`` whose own words are
    ``own`` (asked_subject.py reads which clause holds one)."""
    return _candidates(kind, sentence, own)


@dataclass(frozen=True)
class _Role:
    """A cue that a candidate of some types answers another relation than the asked one."""

    types: frozenset[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    unless: re.Pattern[str]


@cache
def _roles() -> tuple[_Role, ...]:
    return tuple(
        _Role(
            frozenset(item["types"]),
            re.compile(item["before"], re.IGNORECASE),
            re.compile(item["after"], re.IGNORECASE),
            re.compile(item["unless"], re.IGNORECASE),
        )
        for item in data("fact").get("roles", ())
    )


def _other_role(question: str, kind: FactType, sentence: str, span: tuple[int, int]) -> bool:
    """Whether the candidate at ``span`` stands in a cue of another relation than the one
    ``question`` asks ("said spokesperson X" for "what was the man's name?")."""
    before, after = sentence[max(span[0] - 40, 0) : span[0]], sentence[span[1] : span[1] + 40]
    return any(
        kind.name in r.types
        and not r.unless.search(question)
        and bool(r.before.search(before) or r.after.search(after))
        for r in _roles()
    )


def sentences_of(excerpt: str) -> list[str]:
    """The sentences of ``excerpt`` (asked_facts.json's "sentence" splits them)."""
    return [s for s in _sentence().split(excerpt) if s and s.strip()]


def fact_held(
    asked: AskedFact, excerpt: str, also: dict[str, frozenset[str]] | None = None
) -> FactHeld:
    """Whether ``excerpt`` holds a candidate of the asked type near the question's anchors;
    ``also``: per anchor, other stems that say it (soft_match.py: a paraphrase, a neighbour)."""
    kind = asked.kind
    if kind is None:
        return FactHeld()
    sentences = sentences_of(excerpt)
    spans = [_candidates(kind, s, asked.words) for s in sentences]
    holding = [i for i, found in enumerate(spans) if found]
    if not holding:
        return FactHeld(1.0, 1, 1, 0)
    if not asked.anchors:
        return FactHeld(0.0, 0, 0, 0)
    stems = [frozenset(_stems(_WORD.findall(s.lower()))) for s in sentences]

    def share(said: frozenset[str]) -> float:
        return sum(
            _matches(a, said) or bool(also and not also.get(a, frozenset()).isdisjoint(said))
            for a in asked.anchors
        ) / len(asked.anchors)

    best, own, near_roles = 0.0, 0.0, []
    for i in holding:
        around = share(frozenset().union(*stems[max(i - 1, 0) : i + 2]))
        best = max(best, around)
        own = max(own, share(stems[i]))
        if around >= 0.5:
            near_roles += [_other_role(asked.text, kind, sentences[i], sp) for sp in spans[i]]
    role = int(bool(near_roles) and all(near_roles))
    noun = int(bool(asked.noun)) and int(
        not any(_counts_noun(asked, sentences[i], spans[i], also) for i in holding)
    )
    return FactHeld(round(1.0 - best, 4), int(best < 0.5), int(own < 0.5), role, noun)


_NOUN_WINDOW = 6  # words between a count and what it counts ("27 North Koreans who were held")


def _counts_noun(
    asked: AskedFact,
    sentence: str,
    spans: list[tuple[int, int]],
    also: dict[str, frozenset[str]] | None,
) -> bool:
    """Whether a candidate of ``spans`` stands within a few words of the noun the question
    counts (or a word that says it) in ``sentence``."""
    tokens = list(_WORD.finditer(sentence.lower()))
    said = also.get(asked.noun, frozenset()) if also else frozenset()
    places = [
        i
        for i, word in enumerate(stem_each([m.group() for m in tokens]))
        if word and (_matches(asked.noun, frozenset((word,))) or word in said)
    ]
    if not places:
        return False
    starts = [m.start() for m in tokens]
    return any(abs(bisect_left(starts, a) - p) <= _NOUN_WINDOW for a, _ in spans for p in places)
