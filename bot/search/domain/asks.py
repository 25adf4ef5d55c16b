"""What a question asks: one reader of a question's kind (how many, who, where, when...).

A question is read three ways, each an ordered list of kinds in its data file, the first kind
whose ``question`` pattern matches (case-insensitively) winning:

- ``ranking`` (``answer_types.json``): the kind the ranking boosts (a number with its unit, a
  date, a spelled-out acronym, the community page); its asking words leave the query;
- ``focus`` (``focus.json``): the asked-for noun an excerpt says (a wage, a population) and the
  filler that gives it (a sum of money, a number of people, a name the question does not hold);
- ``fact`` (``asked_facts.json``): the answer type whose candidate must stand near the
  question's own subject words (its anchors).

Every kind has one shape (``AskKind``): its question pattern, its asking words, the pattern of
what in an excerpt can answer it, and the options one reading uses. The excerpt side (whether
an excerpt holds the focus or the fact) is focus.py's and asked_fact.py's; query.py keeps the
ranking's names (``AnswerType``, ``answer_types``, ``answer_type_of``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

import Stemmer

Reading = Literal["ranking", "focus", "fact"]

_NEVER = re.compile(r"(?!)")
_WORD = re.compile(r"[a-z0-9]+")
_FACT_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


@dataclass(frozen=True)
class AskKind:
    """One kind of fact a question can ask for, and what in an excerpt can give it."""

    name: str
    question: re.Pattern[str]
    # The words that ask for the kind rather than say what the question is about ("how many").
    asking: frozenset[str]
    # What in an excerpt can answer it (a number with its unit, a sum of money, a name).
    answer: re.Pattern[str]
    # The asked-for noun or a synonym of it (the focus reading: "population", "wage").
    says: re.Pattern[str] = _NEVER
    answer_words: re.Pattern[str] | None = None
    # Text ignored when looking for an answer (dates, for a count).
    exclude: re.Pattern[str] | None = None
    # The answer is read on the excerpt as written (names), not lower-cased.
    as_written: bool = False
    # An answer counts only when it holds a word the question does not (the name that answers).
    new: bool = False
    # The ranking's: replaces the default boost of a passage holding the answer (None: default).
    boost: float | None = None
    # The ranking's: a passage holding this kind of answer answers the question.
    sure: bool = False
    # The ranking's: passages of this source are always candidates.
    source: str | None = None

    @property
    def drop(self) -> frozenset[str]:
        """The ranking's name of ``asking``."""
        return self.asking

    @property
    def filler(self) -> re.Pattern[str]:
        """The focus reading's name of ``answer``."""
        return self.answer

    @property
    def candidate(self) -> re.Pattern[str]:
        """The fact reading's name of ``answer``."""
        return self.answer

    @property
    def words(self) -> re.Pattern[str]:
        """The focus reading's name of ``says``."""
        return self.says

    def matches_answer(self, text: str) -> bool:
        """Whether ``text`` holds something of this kind (a number with its unit, a date)."""
        if self.exclude is not None:
            text = self.exclude.sub(" ", text)
        if self.answer.search(text):
            return True
        return bool(self.answer_words and self.answer_words.search(text))


@dataclass(frozen=True)
class _Layout:
    """Where a reading's kinds stand in its data file and how their patterns are read."""

    file: str
    kinds: str
    asking: str | None
    answer: str
    says: str | None
    # Answer patterns compiled case-insensitively (the ranking's); otherwise as written.
    fold: bool


_LAYOUTS: dict[str, _Layout] = {
    "ranking": _Layout("answer_types.json", "types", "drop", "answer", None, True),
    "focus": _Layout("focus.json", "foci", None, "filler", "words", False),
    "fact": _Layout("asked_facts.json", "types", "asking", "candidate", None, False),
}


@cache
def data(reading: Reading) -> Any:
    """The data file of ``reading``, parsed."""
    name = _LAYOUTS[reading].file
    return json.loads(resources.files("bot.search").joinpath("data", name).read_text("utf-8"))


def _compiled(pattern: str | None, fold: bool) -> re.Pattern[str] | None:
    if not pattern:
        return None
    return re.compile(pattern, re.IGNORECASE) if fold else re.compile(pattern)


@cache
def kinds(reading: Reading) -> tuple[AskKind, ...]:
    """The kinds of ``reading``'s data file, in order."""
    layout = _LAYOUTS[reading]
    out = []
    for item in data(reading)[layout.kinds]:
        answer = _compiled(item[layout.answer], layout.fold)
        assert answer is not None
        says = _compiled(item[layout.says], False) if layout.says else None
        new = bool(item.get("new", False))
        as_written = item.get("case", "lower") == "as_written" if reading == "fact" else new
        out.append(
            AskKind(
                item["name"],
                re.compile(item["question"], re.IGNORECASE),
                frozenset(item.get(layout.asking, ())) if layout.asking else frozenset(),
                answer,
                says or _NEVER,
                _compiled(item.get("answer_words"), layout.fold),
                _compiled(item.get("exclude"), layout.fold),
                as_written,
                new,
                item.get("boost"),
                bool(item.get("sure", False)),
                item.get("source"),
            )
        )
    return tuple(out)


def first_kind(reading: Reading, question: str) -> AskKind | None:
    """The first kind of ``reading`` whose question pattern matches ``question``."""
    return next((k for k in kinds(reading) if k.question.search(question)), None)


# The ranking reading: an acronym slot in the answer pattern is filled with the question's own.
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b|\b(?:[A-Z]\.){2,}")
_ACRONYM_SLOT = "{acronym}"


def ranking_kind(plain: str) -> AskKind | None:
    """The ranking's kind of the plain question ``plain`` (a kind whose answer names an
    acronym applies only to a question that holds one, filled in with it)."""
    for kind in kinds("ranking"):
        if not kind.question.search(plain):
            continue
        if _ACRONYM_SLOT not in kind.answer.pattern:
            return kind
        acronyms = [a for a in _ACRONYM.findall(plain) if a.upper() == a or "." in a]
        if acronyms:
            return _with_acronym(kind, acronyms[-1])
    return None


@cache
def _with_acronym(kind: AskKind, acronym: str) -> AskKind:
    """``kind`` with its answer pattern filled in with ``acronym`` (dots optional)."""
    letters = [re.escape(c) for c in acronym if c != "."]
    spelled = r"\.?".join(letters) + r"\.?"
    answer = kind.answer.pattern.replace(_ACRONYM_SLOT, spelled)
    return replace(kind, answer=re.compile(answer, re.IGNORECASE))


# The focus reading.
@cache
def _focus_common() -> frozenset[str]:
    """Question words too common to place a filler by (question and function words)."""
    return frozenset(data("focus")["common"])


@cache
def _cited() -> re.Pattern[str]:
    """Questions whose answer is the post's submitter, shown in the citation, not the text."""
    return re.compile(data("focus")["cited"], re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """A question's focus, its words (lower-case) and those a filler is placed by."""

    focus: AskKind | None
    words: frozenset[str]
    anchors: frozenset[str]


# Bounded: the bot runs for weeks and every distinct question would otherwise stay cached;
# the cache only serves the few passages one question's gate reads.
@lru_cache(maxsize=1024)
def asked(question: str) -> Asked:
    """The focus of ``question`` (the first of focus.json whose pattern matches; None when
    none does; None too when it asks who posted a post or thread: the citation answers) and
    its words."""
    found = first_kind("focus", question)
    if found is not None and _cited().search(question):
        found = None
    words = frozenset(_WORD.findall(question.lower()))
    anchors = frozenset(w for w in words if len(w) > 2 and w not in _focus_common())
    return Asked(found, words, anchors)


# The fact reading.
@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stems(words: list[str]) -> list[str]:
    """The Snowball stems of ``words`` (edge quotes and hyphens dropped; empty ones left out)."""
    return [s for s in stem_each(words) if s]


def stem_each(words: list[str]) -> list[str]:
    """The Snowball stem of each of ``words`` (edge quotes and hyphens dropped), in order."""
    return list(_stemmer().stemWords([w.strip("'-") for w in words]))


def fact_words(text: str) -> list[str]:
    """The lower-cased words the fact reading reads of ``text``."""
    return _FACT_WORD.findall(text.lower())


@cache
def _untyped() -> re.Pattern[str]:
    """Questions that ask why, or yes or no: no fact type."""
    return re.compile(data("fact")["untyped"], re.IGNORECASE)


@cache
def common_words() -> frozenset[str]:
    """The question words too common to be a subject (asked_facts.json's "common")."""
    return frozenset(data("fact")["common"])


@cache
def _skipped() -> frozenset[str]:
    return common_words() | frozenset(data("fact")["topic"])


@dataclass(frozen=True)
class AskedFact:
    """A question's answer type (None: none read), its anchors (stems) and its own words."""

    kind: AskKind | None
    anchors: frozenset[str]
    words: frozenset[str]
    text: str = ""
    # The stem of what a count question counts ("workers" of "how many workers are..."): "".
    noun: str = ""


@lru_cache(maxsize=1024)  # the passages of one question repeat it; bounded for a long-running bot
def asked_fact(question: str) -> AskedFact:
    """The answer type of ``question`` and the subject words an answer should stand by."""
    kind = None
    if not _untyped().search(question):
        kind = first_kind("fact", question)
    words = fact_words(question)
    skipped = _skipped() | (kind.asking if kind else frozenset())
    anchors = frozenset(stems([w for w in words if len(w) > 2 and w not in skipped]))
    own = frozenset(w.strip("'-") for w in words)
    return AskedFact(kind, anchors, own, question, _counted(kind, question, skipped))


def _counted(kind: AskKind | None, question: str, skipped: frozenset[str]) -> str:
    """The stem of the noun ``question`` counts (its kind's "noun" pattern), or ""."""
    pattern = _nouns().get(kind.name) if kind else None
    found = pattern.search(question) if pattern else None
    phrase = found.group(1).lower().split() if found else []
    # The counted noun is the phrase's first plural ("workers" of "north korean workers",
    # "fishermen" of "fishermen drowned"), or its last word ("hour" of "how many hour").
    plural = [w for w in phrase if w.endswith(("s", "men", "people", "children"))]
    word = (plural or phrase or [""])[0 if plural else -1].strip("'-")
    return stems([word])[0] if len(word) > 2 and word not in skipped else ""


@cache
def _nouns() -> dict[str, re.Pattern[str]]:
    """Per fact type, the pattern whose first group is what a question of it counts."""
    types = data("fact")["types"]
    return {t["name"]: re.compile(t["noun"], re.IGNORECASE) for t in types if "noun" in t}
