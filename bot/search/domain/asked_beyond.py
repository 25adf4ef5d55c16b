"""Whether an excerpt says what a question asks BEYOND its story: the asked attribute and scope.

A near miss names a story the page tells and asks a detail it does not give: the drowned man's
NAME, the summit's CITY, the contract's VALUE, Kim Yo-jong's AGE, wheat in TONS, a count
"right now" or "exactly". The excerpt about that story matches the question's story words, so
what it matches of them says yes; what it lacks is the ASK: the word that names the asked
attribute or a value of its type ("aged 63", "$4 million", "12,000 tons"), near the story, and
the scope the question sets ("right now": the excerpt says "currently" or "as of"; "exactly":
a number that is not hedged as "about" or "tens of thousands").

The attributes and scopes are data (``bot/search/data/asked_beyond.json``). The gate (gate.py)
reads ``ask_missing`` (1 when the question asks an attribute no sentence of the excerpt, with
the sentence before and after it holding a story word, says) and ``scope_unmet`` (1 when a
scope of the question is unmet: no present cue for "now" anywhere in the excerpt, no number
without a hedge in a sentence of the story for "exactly"); both 0 for a question that asks none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from bot.search.domain.asked_fact import sentences_of
from bot.search.domain.asks import common_words, data, stems

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class _Attribute:
    name: str
    asks: re.Pattern[str]
    said: re.Pattern[str]
    new_name: bool = False


@dataclass(frozen=True)
class _Scope:
    name: str
    asks: re.Pattern[str]
    met: re.Pattern[str]
    hedged: re.Pattern[str] | None


@dataclass(frozen=True)
class Beyond:
    """What an excerpt says of a question's ask: the gate's two features."""

    ask_missing: int = 0
    scope_unmet: int = 0


@cache
def _raw() -> dict[str, Any]:
    """``bot/search/data/asked_beyond.json``, read once."""
    text = resources.files("bot.search").joinpath("data", "asked_beyond.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


@cache
def _data() -> tuple[tuple[_Attribute, ...], tuple[_Scope, ...]]:
    raw = _raw()
    flags = re.IGNORECASE
    attributes = tuple(
        _Attribute(
            a["name"],
            re.compile(a["asks"], flags),
            re.compile(a["said"], flags),
            bool(a.get("new_name")),
        )
        for a in raw["attributes"]
    )
    scopes = tuple(
        _Scope(
            s["name"],
            re.compile(s["asks"], flags),
            re.compile(s["met"], flags),
            re.compile(s["hedged"], flags) if s.get("hedged") else None,
        )
        for s in raw["scopes"]
    )
    return attributes, scopes


@cache
def _attribution() -> tuple[re.Pattern[str], ...]:
    """The cues before and after a name that make it a speaker or a place, and the question
    words that ask for a speaker (then a speaker is the answer)."""
    cue = _raw()["attribution"]
    keys = ("before", "after", "place", "unless")
    return tuple(re.compile(cue[k], re.IGNORECASE) for k in keys)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z'-]+(?:[\s-][A-Z][a-z'-]+)*")


@cache
def _not_names() -> frozenset[str]:
    """asked_facts.json's words that are no person's name (places, institutions, months)."""
    return frozenset(w.lower() for w in data("fact")["not_names"])


def _new_name(question: str, sentence: str) -> bool:
    """Whether ``sentence`` holds a capitalised name (not its first word) with a word the
    question lacks, outside an attribution cue (a speaker is not the name asked)."""
    known = set(_WORD.findall(question.lower())) | common_words() | _not_names()
    before, after, place, unless = _attribution()
    speakers = not unless.search(question)  # whether a speaker is no answer
    for m in _NAME.finditer(sentence):
        words = _WORD.findall(m.group().lower())
        if all(w in known for w in words) or (len(words) == 1 and len(words[0]) < 4):
            continue
        ahead = sentence[max(m.start() - 60, 0) : m.start()]
        if place.search(ahead):
            continue
        if speakers and (before.search(ahead) or after.search(sentence[m.end() : m.end() + 40])):
            continue
        return True
    return False


def _says(attribute: _Attribute, question: str, sentence: str) -> bool:
    if attribute.said.search(sentence):
        return True
    return attribute.new_name and _new_name(question, sentence)


def asked_attributes(question: str) -> tuple[str, ...]:
    """The names of the attributes ``question`` asks (asked_beyond.json's order)."""
    return tuple(a.name for a in _data()[0] if a.asks.search(question))


def asked_scopes(question: str) -> tuple[str, ...]:
    """The names of the scopes ``question`` sets."""
    return tuple(s.name for s in _data()[1] if s.asks.search(question))


@lru_cache(maxsize=1024)
def _story(question: str) -> frozenset[str]:
    """The question's story words: its own words of four letters or more, not frame words,
    nor the attribute and scope words themselves, as Snowball stems."""
    lowered = question.lower()
    for pattern in (*(a.asks for a in _data()[0]), *(s.asks for s in _data()[1])):
        lowered = pattern.sub(" ", lowered)
    common = common_words()
    words = [w for w in _WORD.findall(lowered) if len(w) >= 4 and w not in common]
    return frozenset(stems(words))


def _stems_of(sentence: str) -> frozenset[str]:
    return frozenset(stems(_WORD.findall(sentence.lower())))


def _unhedged_number(text: str, hedged: re.Pattern[str]) -> bool:
    """Whether ``text`` gives a number no hedge ("about", "tens of") stands right before."""
    covered = [m.span() for m in hedged.finditer(text)]
    for m in _NUMBER.finditer(text):
        if not any(start <= m.start() < end for start, end in covered):
            return True
    return False


def beyond(question: str, excerpt: str) -> Beyond:
    """Whether ``excerpt`` says the attribute and meets the scope ``question`` asks."""
    attributes, scopes = _data()
    asked = [a for a in attributes if a.asks.search(question)]
    scoped = [s for s in scopes if s.asks.search(question)]
    if not asked and not scoped:  # most questions: nothing to read in the excerpt
        return Beyond()
    sentences = sentences_of(excerpt) or [excerpt]
    story = _story(question)
    held = [bool(story & _stems_of(s)) if story else True for s in sentences]
    missing = 0
    if asked:
        # The sentence of a story word with the one before and after, read together.
        windows = [" ".join(sentences[max(i - 1, 0) : i + 2]) for i, h in enumerate(held) if h]
        missing = int(not any(_says(a, question, w) for a in asked for w in windows))
    unmet = 0
    for scope in scoped:
        if scope.hedged is not None:  # a number of the story's own sentences
            told = [s for s, h in zip(sentences, held, strict=True) if h]
            unmet |= not any(_unhedged_number(s, scope.hedged) for s in told)
        else:
            unmet |= not scope.met.search(excerpt)
    return Beyond(missing, int(unmet))
