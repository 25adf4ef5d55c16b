"""Whether the excerpt's value of the asked kind belongs to the question's SUBJECT.

A near miss often finds a sentence holding a value of the right kind that belongs to another
subject or event than the one asked about: "what year was the railroad bridge over the
Tumangang built?" gets the paragraph that names the bridge in one sentence and says "In April"
of the governor's plea in another; "when is the trade park supposed to open?" gets a photo
caption's date beside two officials' names. What the excerpt matches of the question's words,
and a value near half of them (asked_fact.py reads the sentence with its neighbours), say yes;
what it lacks is one clause that holds both the value and the subject it belongs to.

The subject is read from the question's form (``bot/search/data/asked_subject.json``: the
bridge of "who built the bridge", the park of "when did the park open", the man of "the name
of the man who drowned"); a value of the asked type is asks.py's fact reading's candidate (a
name, a date, a sum, a count). The gate (gate.py) reads ``subject_apart``: 1 when a question
of an asked type with a subject has clauses holding a value of that type but none holding both
a value and the subject (its head and half of its other words, of a subject of up to three), each said
by its stem, a longer stem it begins, or a word soft_match.py says it with; 0 otherwise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from bot.search.domain.asked_fact import asked_fact, candidate_spans, sentences_of
from bot.search.domain.asks import common_words, stems

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_SHORT = 3  # a subject of up to this many words is read whole; a longer one by its head


@dataclass(frozen=True)
class Subject:
    """The subject's words (as written, lower-cased), its head last: a clause says the subject
    when it says the head and half of the others."""

    words: tuple[str, ...]


@cache
def _data() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    raw = _raw()
    flags = re.IGNORECASE
    return (
        tuple(re.compile(p, flags) for p in raw["patterns"]),
        re.compile(raw["ends"], flags),
        frozenset(raw["vague"]),
        re.compile(raw["clause"]),
    )


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("bot.search").joinpath("data", "asked_subject.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


@cache
def _joins() -> re.Pattern[str]:
    """A sentence end that is an abbreviation ("Nov.", "U.N."): the next piece continues it."""
    return re.compile(_raw()["sentence_joins"], re.IGNORECASE)


@lru_cache(maxsize=1024)
def subject_of(question: str) -> Subject | None:
    """The subject whose attribute ``question`` asks, or None when its form names none."""
    patterns, ends, vague, _ = _data()
    lowered = question.lower().replace("\u2019", "'")
    for pattern in patterns:
        found = pattern.search(lowered)
        if found is None:
            continue
        phrase = found.group("s")
        first = _WORD.search(phrase)
        stop = ends.search(phrase, first.end()) if first else None
        phrase = phrase[: stop.start()] if stop else phrase
        skipped = common_words() | vague
        words = [
            w.removesuffix("'s").strip("'-") for w in _WORD.findall(phrase) if w not in skipped
        ]
        words = [w for w in words if len(w) >= 3 and w not in skipped]
        if words:
            return Subject(tuple(words) if len(words) <= _SHORT else (words[-1],))
        return None
    return None


def _said(word: str, said: frozenset[str], also: frozenset[str]) -> bool:
    s = stems([word])
    if not s:
        return True
    stem = s[0]
    if stem in said or not also.isdisjoint(said):
        return True
    return len(stem) >= 5 and any(t.startswith(stem) for t in said if len(t) > len(stem))


def joined_sentences(excerpt: str) -> list[str]:
    """The sentences of ``excerpt``, one across an abbreviation's full stop ("Nov. 26")."""
    sentences: list[str] = []
    for s in sentences_of(excerpt) or [excerpt]:
        if sentences and _joins().search(sentences[-1].rstrip()):
            sentences[-1] = f"{sentences[-1].rstrip()} {s.lstrip()}"
        else:
            sentences.append(s)
    return sentences


def clauses_of(excerpt: str) -> list[str]:
    """The clauses of ``excerpt``: its sentences (one across an abbreviation's full stop) cut at
    a bar, a semicolon, a colon or a dash."""
    cut = _data()[3]
    return [c for s in joined_sentences(excerpt) for c in cut.split(s) if c.strip()]


def subject_apart(question: str, excerpt: str) -> int:
    """1 when ``question`` asks a value of a type for a subject and ``excerpt`` gives values of
    that type, none in a clause with the subject; 0 otherwise (or nothing to read)."""
    asked = asked_fact(question)
    subject = subject_of(question) if asked.kind is not None else None
    if asked.kind is None or subject is None:
        return 0
    clauses = clauses_of(excerpt)
    valued = [c for c in clauses if candidate_spans(asked.kind, c, asked.words)]
    if not valued:  # no value of the type at all: type_missing's and fact_soft's reading
        return 0
    said = [frozenset(stems(_WORD.findall(c.lower()))) for c in valued]
    everywhere = frozenset().union(*said)
    others = _others(question, subject, excerpt, everywhere)
    *rest, head = subject.words

    def says(s: frozenset[str]) -> bool:
        if not _said(head, s, others.get(head, frozenset())):
            return False
        return 2 * sum(_said(w, s, others.get(w, frozenset())) for w in rest) >= len(rest) - 1

    return int(not any(says(s) for s in said))


def _others(
    question: str, subject: Subject, excerpt: str, present: frozenset[str]
) -> dict[str, frozenset[str]]:
    """The excerpt's stems that say a subject word its clauses with a value do not hold as
    written (soft_match.py: an alias, a synonym group, an embedding neighbour)."""
    unsaid = [w for w in subject.words if not _said(w, present, frozenset())]
    if not unsaid:
        return {}
    from bot.search.domain.soft_match import said  # the embeddings load only when needed

    return dict(said(question, unsaid, excerpt).by)
