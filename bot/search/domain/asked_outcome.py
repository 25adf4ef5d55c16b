"""Whether the excerpt's sentence about the question's subject says what happened.

A near miss often asks what came of a story the page tells: "did Kim's sister end up taking
over?", "what did the commission do after the hearing?", "did the ICRC ever get access?". The
excerpt it finds names the same story, so what it matches of the question's words says yes;
but its sentence about it only asks it ("Is his sister ready to take over?"), plans it ("Russia
plans to build a park"), calls for it ("we call upon China to grant access") or puts it in the
future ("will testify on Tuesday"). That sentence is about the same thing; it does not answer.

The excerpt's subject sentences are those that say the most of the question's content words
(asks.py's fact words that are not its common words, compared by their Snowball stems). The
gate (gate.py) reads two features, their patterns data (``bot/search/data/asked_outcome.json``):

- ``echo``: 1 when a yes-or-no or will-question finds every subject sentence itself a question
  (a question asking a value may find it in one: "Is his sister, Kim Yo-jong, ready ...?"; nor
  when it asks what a poster asks, or asks why: the cause may stand in another sentence);
- ``outcome_unsaid``: 1 when the question asks what came of something ("did ...", "ever",
  "end up", "what happened after") and every subject sentence is a question or says it
  unrealized (will, plans to, calls on, could), unless the question names that cue itself
  (neither reads a question about what a poster asks).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from bot.search.domain.asked_subject import joined_sentences
from bot.search.domain.asks import common_words, fact_words, stems

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_PREFIX = 5  # a stem this long also matches the longer stems it begins ("detent" / "detention")


@dataclass(frozen=True)
class _Patterns:
    outcome: re.Pattern[str]
    yes_no: re.Pattern[str]
    about_asking: re.Pattern[str]
    why: re.Pattern[str]
    asking: re.Pattern[str]
    unrealized: re.Pattern[str]


@dataclass(frozen=True)
class Outcome:
    """What the excerpt's subject sentences say of what is asked (0 and 0: nothing to read)."""

    echo: int = 0  # every subject sentence is a question
    unsaid: int = 0  # an asked outcome only asked, planned, called for or put in the future


@cache
def _patterns() -> _Patterns:
    text = resources.files("bot.search").joinpath("data", "asked_outcome.json").read_text("utf-8")
    raw = json.loads(text)
    keys = ("outcome", "yes_no", "about_asking", "why", "asking", "unrealized")
    return _Patterns(*(re.compile(raw[k], re.IGNORECASE) for k in keys))


@lru_cache(maxsize=1024)
def _content(question: str) -> frozenset[str]:
    """The stems of the question's content words."""
    common = common_words()
    return frozenset(stems([w for w in fact_words(question) if w not in common and len(w) >= 3]))


def _says(stem: str, said: frozenset[str]) -> bool:
    if stem in said:
        return True
    return len(stem) >= _PREFIX and any(s.startswith(stem) for s in said if len(s) > len(stem))


def subject_sentences(question: str, excerpt: str) -> list[str]:
    """The sentences of ``excerpt`` that say the most of ``question``'s content words (none
    when no sentence says any)."""
    content = _content(question)
    if not content:
        return []
    scored = []
    for sentence in joined_sentences(excerpt):
        said = frozenset(stems(_WORD.findall(sentence.lower())))
        scored.append((sum(_says(c, said) for c in content), sentence))
    best = max((n for n, _ in scored), default=0)
    return [s for n, s in scored if n == best] if best > 0 else []


def outcome(question: str, excerpt: str) -> Outcome:
    """Whether ``excerpt``'s subject sentences only ask, plan or call for what ``question``
    asks (``Outcome``)."""
    p = _patterns()
    if p.about_asking.search(question):
        return Outcome()
    asks_outcome = bool(p.outcome.search(question))
    may_echo = bool(p.yes_no.search(question)) and not p.why.search(question)
    if not (asks_outcome or may_echo):
        return Outcome()
    sentences = subject_sentences(question, excerpt)
    if not sentences:
        return Outcome()
    asking = [bool(p.asking.search(s.strip())) for s in sentences]
    echo = int(may_echo and all(asking))
    if not asks_outcome:
        return Outcome(echo, 0)
    cued = p.unrealized.search(question) is not None
    unrealized = [
        a or (not cued and p.unrealized.search(s) is not None)
        for a, s in zip(asking, sentences, strict=True)
    ]
    return Outcome(echo, int(all(unrealized)))
