"""Literal-word gates derived from the rule records' regexes: which patterns get one, and that
a gate never rules out a text its pattern matches (so skipping a search changes no verdict)."""

from __future__ import annotations

import random
import re

import pytest

from bot.moderation.domain import literal_gate
from bot.moderation.domain.denial_patterns import TOPIC_RE
from bot.moderation.domain.denial_rules import RECORDS
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.hate_rules import HIT_FAMILIES, counter_patterns, frame_patterns
from bot.moderation.domain.literal_gate import derive_gate, derive_gates, union_gate, word_runs
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.phrases import sentences
from bot.moderation.domain.rulebook import PatternRecord, passing, triggered_records

_HATE = HateDetector()
_COUNTER = counter_patterns()
RULE1 = [r for family in _HATE.families for r in family.records]
COUNTER = [*_COUNTER.counter, *_COUNTER.reporting, *_COUNTER.condemnation]
FRAMES = list(frame_patterns().records)
ALL_RECORDS = [*RECORDS, *RULE1, *COUNTER, *FRAMES]


def readings(record: PatternRecord, text: str) -> list[str]:
    """The strings a detector searches with this record for a message: rule 3's sentence
    words, rule 1's tagged clauses, the plain text for counter-speech and frames."""
    if record.rule == 3:
        return [words for _, words in sentences(normalize(text))]
    if record.family in HIT_FAMILIES:
        return list(_HATE.tagged_clauses(text))
    return [normalize(text).plain]


def variants(text: str) -> list[str]:
    """The text, and the text with one word left out or said twice: near misses and near
    hits of the pattern."""
    words = text.split(" ")
    out = [text]
    for i in range(len(words)):
        out.append(" ".join(words[:i] + words[i + 1 :]))
        out.append(" ".join(words[: i + 1] + words[i:]))
    return out


def test_a_bounded_literal_word_is_a_gate() -> None:
    assert derive_gate(r"\bthe camps\b") == frozenset({"camps"})
    assert frozenset({"happened"}) in derive_gates(
        r"\b(?:famine|camps) (?:never|did not) happened\b"
    )
    # An alternation's gate is the union of its branches' gates.
    assert derive_gate(r"\b(?:labour camps|gulags|prison)\b") == frozenset(
        {"labour", "gulags", "prison"}
    )
    # A word bounded by an apostrophe is a word run of its own ('didn' of "didn't").
    assert derive_gate(r"\bdidn't\b") == frozenset({"didn"})
    assert derive_gate(r"^lol\b") == frozenset({"lol"})
    # Small optional parts and classes are enumerated.
    assert derive_gate(r"\bcamps?\b") == frozenset({"camp", "camps"})
    assert derive_gate(r"\blabou?r[ ,]camp\b") == frozenset({"camp"})  # shared by both
    # A lookahead or lookbehind that must match gives its words; a negative one gives none.
    assert derive_gates(r"^(?=.*\b(?:lol|lmao)\b).*\bdumb") == (frozenset({"lol", "lmao"}),)
    assert derive_gates(r"(?<=\bthe )camps") == (frozenset({"the"}),)
    assert derive_gates(r"^(?!.*\bnot\b).*\bcamps\b") == (frozenset({"camps"}),)


@pytest.mark.parametrize(
    "pattern",
    [
        r"camp",  # no boundary: 'encampment' matches
        r"\bcamp\w*\b",  # 'camp', 'camps', 'campaign', ...
        r"(?:x|\bfoo\b)",  # one branch has no word
        r"\b(?:famine)?\s*\w+ happened",  # optional part; 'happened' not bounded on the right
        r"(?i)\bfamine\b",  # 'Famine' matches too
        r"(?a)\bfamine\b",  # ASCII \b: 'famineé' matches
        r"\b(?:(?i:Famine)|camps)\b",
    ],
)
def test_patterns_without_a_gate(pattern: str) -> None:
    assert derive_gates(pattern) == ()
    assert derive_gate(re.compile(pattern)) is None


def test_the_records_mostly_get_gates_and_the_gate_rules_texts_out() -> None:
    gated = [r for r in ALL_RECORDS if r.gates]
    assert len(gated) >= 0.7 * len(ALL_RECORDS), (len(gated), len(ALL_RECORDS))
    record = next(r for r in RECORDS if r.id == "denial-03")
    assert record.gates
    assert not record.passes(word_runs("the weather is nice today"))
    assert record.passes(word_runs("the camps are not real"))
    topic = derive_gate(TOPIC_RE)
    assert topic is not None and "famine" in topic and "the" not in topic


def test_shipped_gates_are_what_the_derivation_gives() -> None:
    """data/record_gates.json (training/record_gates.py) spares start-up the derivation: each
    record's gates, shipped or not, are what deriving its pattern today gives."""
    shipped = literal_gate.shipped_gates()
    listed = 0
    for record in ALL_RECORDS:
        source, flags = record.regex.pattern, record.regex.flags
        assert record.gates == derive_gates(record.regex, shipped=False), record.id
        listed += literal_gate.gate_key(source, flags) in shipped
    assert listed, "no record's gates are shipped"


def test_union_gate() -> None:
    assert union_gate([frozenset({"a"}), frozenset({"b", "c"})]) == frozenset({"a", "b", "c"})
    assert union_gate([frozenset({"a"}), None]) is None


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_a_gate_never_skips_what_its_record_matches(record: PatternRecord) -> None:
    """Over the record's own examples (and each with a word dropped or repeated), in the form
    its detector reads them: whenever the pattern matches, the gate lets the text through."""
    matched = 0
    for example in (*record.must_match, *record.must_not_match):
        for text in variants(example):
            for reading in readings(record, text):
                if record.regex.search(reading) is not None:
                    matched += 1
                    assert record.passes(word_runs(reading)), (record.id, reading, record.gates)
    assert matched or not record.must_match, record.id  # the examples do exercise the pattern


_ATOMS = [
    "camp",
    "camps",
    "never",
    "did",
    "not",
    "happen",
    "it",
    " ",
    r"\b",
    r"\b",
    "'",
    r"\w+",
    r"\S+",
    ".",
    "[ ,]",
    "^",
    "$",
    r"\bcamps\b",
    r"\bnever ",
    " happen",
    r"\bit\b",
    "did ",
]


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.15 and depth < 2:
            branches = [_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3))]
            group = "(?:" + "|".join(branches) + ")"
            # Bounded repeats only: nested unbounded ones backtrack for ever on a miss.
            parts.append(group + rng.choice(["", "", "?", "{1,2}", "{2}"]))
        elif roll < 0.22 and depth < 2:
            # Lookarounds, positive and negative (a lookbehind of no fixed width is no
            # pattern: the test skips it).
            opening = rng.choice(["(?=", "(?=.*", "(?!", "(?!.*", "(?<=", "(?<!"])
            parts.append(opening + _random_pattern(rng, depth + 1) + ")")
        else:
            parts.append(rng.choice(_ATOMS))
    return "".join(parts)


def test_random_patterns_never_skip_a_match() -> None:
    """A property test of the derivation itself: random patterns over a few words, random
    texts of those words with spaces, apostrophes and punctuation."""
    rng = random.Random(14)
    vocab = ["camp", "camps", "never", "did", "not", "happen", "it", "encamp", "didn't", "x"]
    seps = [" ", " ", " ", ", ", "'", ".", ""]
    checked = gated_matches = 0
    for _ in range(3_000):
        pattern = _random_pattern(rng)
        try:
            regex = re.compile(pattern)
        except re.error:
            continue
        gates = derive_gates(regex)
        for _ in range(30):
            text = "".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(1, 6)))
            if regex.search(text) is None:
                continue
            checked += 1
            runs = word_runs(text)
            assert all(not gate.isdisjoint(runs) for gate in gates), (pattern, text, gates)
            gated_matches += bool(gates)
    assert checked > 2_000 and gated_matches > 500, (checked, gated_matches)


def test_word_runs_are_the_regex_runs_for_ascii_and_other_text() -> None:
    rng = random.Random(7)
    alphabet = [*map(chr, range(128)), "é", "ß", "\u00a0", "\u2014", "٣"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert word_runs(text) == frozenset(re.findall(r"\w+", text)), repr(text)


def test_passing_is_the_records_whose_gates_pass_in_order() -> None:
    records = tuple(ALL_RECORDS)
    texts = [e for r in ALL_RECORDS for e in (*r.must_match, *r.must_not_match)]
    rng = random.Random(3)
    words = sorted({w for t in texts for w in word_runs(t.lower())})
    texts += [" ".join(rng.sample(words, rng.randint(1, 12))) for _ in range(500)]
    some = 0
    for text in texts:
        runs = word_runs(normalize(text).plain)
        expected = [r for r in records if r.passes(runs)]
        assert passing(records, runs) == expected
        some += bool(expected)
    assert some > len(texts) // 2  # the test is not vacuous
    assert passing((), frozenset({"camps"})) == []


def test_triggered_records_are_the_records_a_word_set_triggers_in_order() -> None:
    # Every record tuple the detectors index by trigger words, and all records together.
    tuples = [
        tuple(ALL_RECORDS),
        frame_patterns().multiple,
        *(tuple(r for r in RECORDS if r.family == f) for f in {r.family for r in RECORDS}),
    ]
    texts = [e for r in ALL_RECORDS for e in (*r.must_match, *r.must_not_match)]
    rng = random.Random(5)
    vocabulary = sorted({w for r in ALL_RECORDS for t in r.triggers for w in t})
    texts += [" ".join(rng.sample(vocabulary, rng.randint(1, 6))) for _ in range(500)]
    some = 0
    for records in tuples:
        for text in texts:
            words = frozenset(normalize(text).tokens)
            expected = [r for r in records if r.triggered(words)]
            assert triggered_records(records, words) == expected
            some += any(r.triggers for r in expected)
    assert some > len(texts) // 2  # triggered records with trigger lists: not vacuous
    assert triggered_records((), frozenset({"camps"})) == []
