"""RE2 twins (prefilter.py): a twin never rules out a text its pattern matches, so searching
through one returns exactly what Python's re returns."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bot.moderation.domain.denial_acknowledge import ACKNOWLEDGES
from bot.moderation.domain.denial_features import stance_records
from bot.moderation.domain.denial_patterns import TOPIC_RE
from bot.moderation.domain.denial_rules import AFFIRMS, COUNTER_DENIAL, RECORDS
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.hate_rules import counter_patterns, frame_patterns
from bot.moderation.domain.literal_gate import derive_gates
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.prefilter import Prefiltered, prefiltered, twin_of, without_lookarounds
from bot.moderation.domain.rulebook import PatternRecord

CASES = Path(__file__).resolve().parents[1] / "cases"


def _record_objects() -> list[PatternRecord]:
    counter = counter_patterns()
    hate = HateDetector()
    return [
        *RECORDS,
        *(r for family in hate.families for r in family.records),
        *counter.counter,
        *counter.reporting,
        *counter.condemnation,
        *counter.hedges,
        *frame_patterns().records,
    ]


def _records() -> list[re.Pattern[str]]:
    """Every shipped record's pattern, the stance records' and the unions', as shipped."""
    counter = counter_patterns()
    unions = [counter.any_counter, counter.any_reporting, counter.any_condemnation]
    unions += [AFFIRMS, COUNTER_DENIAL, ACKNOWLEDGES]
    if counter.any_support is not None:
        unions.append(counter.any_support)
    return [
        *(r.regex for r in _record_objects()),
        *(r.regex for r in stance_records()),
        *unions,
    ]


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CASES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    # Every record's own examples, those it must match first: a twin that ruled one out
    # would show here even if no case text reached that record.
    for record in [*_record_objects(), *stance_records()]:
        texts += [*record.must_match, *record.must_not_match]
    views = []
    for text in texts:
        normalized = normalize(text)
        views += [text, text.lower(), normalized.plain, " ".join(normalized.tokens)]
    rng = random.Random(14)
    # Controls that Python's \s holds and RE2's does not, and non-ASCII text: never ruled out.
    views += [
        v.replace(" ", rng.choice(["\x0b", "\x1c", "\x1f", "\u00a0"]), 2) for v in views[:400]
    ]
    views += [v + "\n" for v in views[:200]]  # Python's $ also matches before a final newline
    return views


TEXTS = _texts()


@pytest.mark.parametrize(
    ("pattern", "relaxed"),
    [
        (r"a(?=b)c", "ac"),
        (r"(?<!no )way\b", r"way\b"),
        (r"^(?!.*\bnot\b)(?=.*(?:x|y)).*z", "^.*z"),
        (r"[(?=]x(?!\))", "[(?=]x"),
        (r"\(?!x", r"\(?!x"),
        (r"a(?=b)*", None),  # a quantified lookaround: not sure, no twin
    ],
)
def test_without_lookarounds(pattern: str, relaxed: str | None) -> None:
    assert without_lookarounds(pattern) == relaxed


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\S+ ){0,3}x",  # counted: RE2's automaton outgrows its memory
        r"(a)\1",  # a back-reference
        r"(?=x)",  # matches the empty text: rules nothing out
        r"a(?=b)?",
    ],
)
def test_no_twin(pattern: str) -> None:
    assert twin_of(re.compile(pattern)) is None
    assert prefiltered(re.compile(pattern)).__class__ is re.Pattern


def test_dollar_before_a_final_newline() -> None:
    fast = Prefiltered(re.compile(r"\byour mom$"))
    assert fast._twin is not None
    assert fast.search("your mom\n") is not None
    assert fast.search("your mom\nis here") is None
    assert fast.search("your mom") is not None


def test_no_twin_for_verbose_or_ascii_flags() -> None:
    assert twin_of(re.compile(r"a b", re.VERBOSE)) is None
    assert twin_of(re.compile(r"\bcafe\b", re.ASCII)) is None


def test_gates_read_the_wrapped_pattern() -> None:
    regex = re.compile(r"\b(?:famine|gulags?) (?:is|are) (?:fake|a hoax)\b")
    assert derive_gates(Prefiltered(regex), shipped=False) == derive_gates(regex, shipped=False)


def test_twins_exist_for_the_hot_unions() -> None:
    assert twin_of(TOPIC_RE) is not None
    twins = [twin_of(p if type(p) is re.Pattern else p.regex) for p in _records()]  # type: ignore[attr-defined]
    assert sum(t is not None for t in twins) >= 50  # 82 of 267 when written


@pytest.mark.parametrize("index", range(8))
def test_every_record_searches_as_python_does(index: int) -> None:
    """Each shipped record, through its twin, against every case text and its views."""
    patterns = [TOPIC_RE, *_records()][index::8]
    for pattern in patterns:
        raw = pattern if type(pattern) is re.Pattern else pattern.regex  # type: ignore[attr-defined]
        # The shipped object, and a twin with counted repetitions wherever one can be had.
        for fast in (pattern, Prefiltered(raw, counted=True)):
            for text in TEXTS:
                ours, theirs = fast.search(text), raw.search(text)
                assert (ours and ours.span()) == (theirs and theirs.span()), (raw.pattern, text)
                assert fast.findall(text) == raw.findall(text)
                assert fast.sub("#", text) == raw.sub("#", text)


def test_the_hot_unions_and_stance_records_have_twins() -> None:
    counter = counter_patterns()
    for union in (counter.any_counter, counter.any_support, AFFIRMS, COUNTER_DENIAL):
        assert isinstance(union, Prefiltered), union.pattern[:60]
    for record in stance_records():  # each one that can have a twin has it
        assert isinstance(record.regex, Prefiltered) or twin_of(record.regex, True) is None


def test_a_pattern_opening_with_lookarounds_gets_the_lookahead_body_as_twin() -> None:
    regex = re.compile(r"^(?!.*\bmy kitchen)(?=.*?\b(?:back to the kitchen|rainbow mob)\b)")
    fast = Prefiltered(regex)
    assert fast._twin is not None
    for text in ("back to the kitchen with her", "in my kitchen, back to the kitchen", "a mob"):
        assert (fast.search(text) is None) == (regex.search(text) is None), text
    assert fast.search("no kitchen talk here") is None
    # A branch outside the lookahead matches without it: no twin from the lookahead there.
    branched = re.compile(r"^(?=.*kitchen)x|y")
    assert Prefiltered(branched).search("y") is not None


def _wrapped_constants() -> list[tuple[str, Prefiltered]]:
    from bot.moderation.domain import (
        attribution,
        denial_patterns,
        detectors_harassment,
        detectors_spam,
    )

    names = [
        (detectors_harassment, "_ANY"),
        (detectors_spam, "_URL"),
        (detectors_spam, "_INVITE"),
        (attribution, "_REPORT"),
        (attribution, "_NARRATION"),
        (attribution, "_DENOUNCE"),
        (denial_patterns, "CORE_TOPIC_RE"),
        (denial_patterns, "LAUGH"),
        (denial_patterns, "REBUTTAL"),
        (denial_patterns, "SAD"),
    ]
    return [(f"{m.__name__}.{n}", getattr(m, n)) for m, n in names]


@pytest.mark.parametrize(("name", "fast"), _wrapped_constants())
def test_module_patterns_search_as_python_does(name: str, fast: Prefiltered) -> None:
    assert isinstance(fast, Prefiltered) and fast._twin is not None, name
    raw = fast.regex
    for text in TEXTS:
        ours, theirs = fast.search(text), raw.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), (name, text)
        assert fast.findall(text) == raw.findall(text)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in raw.finditer(text)]


def test_copies_search_as_the_original() -> None:
    import copy

    fast = Prefiltered(re.compile(r"\b(?:famine|gulags?)\b"))
    assert fast.scanner("a famine").search() is not None  # other methods: the pattern's own
    twin = copy.copy(fast)
    assert twin.search("the gulag") is not None and twin.search("the camp") is None
