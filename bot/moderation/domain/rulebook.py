"""Declarative pattern records (bot/moderation/rules/*.yaml), compiled for the detectors.

A record says what it catches and how to act on it: ``id`` (named by every hit it causes),
``rule``, ``family``, ``action``, ``reason``, ``pattern`` (a regular expression in which
``{NAME}`` is a macro), optional ``triggers`` (word lists a sentence must touch before the
pattern runs: a set test, where the regex embeds long alternations) and ``must_match`` /
``must_not_match`` examples that one parametrised test runs. Code supplies the macros it shares
with other patterns (rule 3's TOPIC); the file may define more under ``macros``.

Each compiled record also carries ``gates``, derived from its compiled pattern (see
literal_gate.py): word sets the text must touch for the pattern to match, checked with
:meth:`PatternRecord.passes` before a search. Unlike ``triggers`` they are never written by hand
and never change a verdict, only skip searches that cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from bot.moderation.domain.literal_gate import derive_gates, word_runs
from bot.moderation.domain.prefilter import prefiltered
from bot.moderation.domain.verdict import Action

__all__ = [
    "PatternRecord",
    "RulebookError",
    "compile_records",
    "expand",
    "load_records",
    "passing",
    "triggered_records",
    "union",
    "word_runs",
]

_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")


@dataclass(frozen=True, slots=True)
class PatternRecord:
    """One compiled record."""

    id: str
    rule: int
    family: str
    action: Action
    reason: str
    regex: re.Pattern[str]
    triggers: tuple[frozenset[str], ...]
    needs_topic: bool
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    #: Derived from ``regex``: word sets that every text it matches touches (its word runs).
    gates: tuple[frozenset[str], ...] = ()
    #: The record reads a sarcastic frame around words that rebut ('next you'll tell me the
    #: camps are real'): a rebuttal or report in its sentence, or the message's discussion
    #: signal, does not exempt its hit (detectors_denial).
    sarcastic: bool = False

    def passes(self, runs: frozenset[str]) -> bool:
        """Whether a text with these word runs (literal_gate.word_runs) may match ``regex``:
        False only when it cannot."""
        for gate in self.gates:  # noqa: SIM110 (a generator in all() costs more, per record)
            if gate.isdisjoint(runs):
                return False
        return True

    def triggered(self, words: frozenset[str]) -> bool:
        """Whether a sentence with these words may match (every trigger list is touched)."""
        for trigger in self.triggers:  # noqa: SIM110 (as in passes: no generator frame)
            if trigger.isdisjoint(words):
                return False
        return True


def read_in_code(record_id: str, rule: int, family: str, reason: str) -> PatternRecord:
    """A flag-only record whose reading is code, not a regex (hate_members.py): it names the
    hit and its reason; its regex never matches, so the record runner never fires it."""
    return PatternRecord(
        id=record_id,
        rule=rule,
        family=family,
        action=Action.FLAG,
        reason=reason,
        regex=re.compile(r"(?!)"),
        triggers=(),
        needs_topic=False,
        must_match=(),
        must_not_match=(),
    )


class _WordIndex:
    """The records of a tuple by the words of their first word list (``gates`` or
    ``triggers``), so that the records a text's words may pass are found by one set
    intersection, not a call per record; the records' own test then runs on those only."""

    __slots__ = ("_always", "_by_word", "_records", "_test", "_words")

    def __init__(self, records: tuple[PatternRecord, ...], lists: str, test: str) -> None:
        self._records = records  # kept: its id keys this index (the tuple outlives no entry)
        self._test = test
        firsts = [getattr(record, lists) for record in records]
        self._always = frozenset(i for i, first in enumerate(firsts) if not first)
        self._by_word: dict[str, list[int]] = {}
        for i, first in enumerate(firsts):
            for word in first[0] if first else ():
                self._by_word.setdefault(word, []).append(i)
        self._words = frozenset(self._by_word)

    def select(self, words: frozenset[str]) -> list[PatternRecord]:
        touched = self._words.intersection(words)
        if not touched and not self._always:
            return []  # most clauses and sentences
        chosen = set(self._always)
        for word in touched:
            chosen.update(self._by_word[word])
        records, test = self._records, self._test
        return [records[i] for i in sorted(chosen) if getattr(records[i], test)(words)]


_INDEXES: dict[tuple[int, str], _WordIndex] = {}


def _selected(
    records: tuple[PatternRecord, ...], words: frozenset[str], lists: str, test: str
) -> list[PatternRecord]:
    index = _INDEXES.get((id(records), lists))
    if index is None:
        if len(_INDEXES) >= 1_024:
            _INDEXES.clear()  # bounded memory (tests build many detectors); rebuilt on use
        index = _INDEXES[(id(records), lists)] = _WordIndex(records, lists, test)
    return index.select(words)


def triggered_records(
    records: tuple[PatternRecord, ...], words: frozenset[str]
) -> list[PatternRecord]:
    """``[r for r in records if r.triggered(words)]``, in the same order, from an index of the
    records' first trigger lists built once per tuple (as :func:`passing` is)."""
    return _selected(records, words, "triggers", "triggered")


def passing(records: tuple[PatternRecord, ...], runs: frozenset[str]) -> list[PatternRecord]:
    """``[r for r in records if r.passes(runs)]``, in the same order, from an index of the
    records' gates built once per tuple (the detectors' record tuples live as long as the
    process): a loop over 60 records cost a call each on every clause."""
    return _selected(records, runs, "gates", "passes")


class RulebookError(ValueError):
    """A rules file that cannot be used: says which record and why."""


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """``pattern`` with every ``{NAME}`` replaced by its macro (regex quantifiers such as
    ``{0,4}`` are left alone: macro names are upper case)."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise RulebookError(f"unknown macro {{{name}}}")
        return macros[name]

    return _MACRO.sub(substitute, pattern)


def load_records(
    name: str, macros: Mapping[str, str] | None = None, topic_macro: str = "TOPIC"
) -> tuple[PatternRecord, ...]:
    """Compile every record of ``bot/moderation/rules/<name>`` (package data)."""
    resource = resources.files("bot.moderation").joinpath("rules", name)
    payload = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return compile_records(payload, macros or {}, topic_macro, source=name)


def compile_records(
    payload: Mapping[str, object],
    macros: Mapping[str, str],
    topic_macro: str = "TOPIC",
    source: str = "rules",
) -> tuple[PatternRecord, ...]:
    """Compile a parsed rules file; errors name the record."""
    table = dict(macros)
    own = payload.get("macros") or {}
    if not isinstance(own, dict):
        raise RulebookError(f"{source}: 'macros' must be a mapping")
    table.update({str(k): str(v) for k, v in own.items()})
    raw_records = payload.get("records")
    if not isinstance(raw_records, list):
        raise RulebookError(f"{source}: 'records' must be a list")
    records: list[PatternRecord] = []
    seen: set[str] = set()
    for raw in raw_records:
        record_id = str(raw.get("id", "?"))
        try:
            if record_id in seen:
                raise RulebookError("duplicate id")
            seen.add(record_id)
            pattern = str(raw["pattern"])
            regex = re.compile(expand(pattern, table))
            gates = derive_gates(regex)
            records.append(
                PatternRecord(
                    id=record_id,
                    rule=int(raw["rule"]),
                    family=str(raw["family"]),
                    action=Action(str(raw["action"])),
                    reason=str(raw.get("reason", "")),
                    # Searched on every message when no gate can be derived: an RE2 twin
                    # rules most of them out first (prefilter.py; the same matches).
                    regex=prefiltered(regex, counted=_opens_with_words(regex.pattern)),
                    triggers=tuple(frozenset(str(t).split()) for t in raw.get("triggers", ())),
                    needs_topic=f"{{{topic_macro}}}" in pattern,
                    must_match=tuple(str(e) for e in raw.get("must_match", ())),
                    must_not_match=tuple(str(e) for e in raw.get("must_not_match", ())),
                    gates=gates,
                    sarcastic=bool(raw.get("sarcastic", False)),
                )
            )
        except (KeyError, ValueError, re.error) as exc:
            raise RulebookError(f"{source}: record {record_id}: {exc}") from exc
    return tuple(records)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _opens_with_words(pattern: str) -> bool:
    """Whether a record opens with a list of words (``\\b(?:...)``) or with lookaheads over
    the whole text (``^(?=``, ``^(?!``): Python's re tries those at every position, and
    their RE2 twin pays even with counted repetitions (measured on the bench's messages:
    -3.4 us a message over the records); records that open with a tag ('qqg') or an
    anchored phrase are searched on short clauses, where the twin costs more than it saves."""
    return pattern.startswith(("\\b", "^(?=", "^(?!"))


def union(patterns: list[re.Pattern[str]] | tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One regex that matches where any of ``patterns`` does (named groups dropped): a single
    search tells whether any pattern needs running, instead of one search per pattern. Its
    RE2 twin keeps counted repetitions: on every union of the rules, measured, Python's re
    took 11-44 us a search and the twin 2-3 us."""
    return prefiltered(
        re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', p.pattern)})" for p in patterns)),
        counted=True,
    )
