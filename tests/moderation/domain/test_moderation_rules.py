"""Rules as data: every pattern record's own examples, and how the rulebook reports a bad file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_rules import MACROS, RECORDS
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.hate_rules import HIT_FAMILIES, counter_patterns
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.phrases import sentences
from bot.moderation.domain.rulebook import PatternRecord, RulebookError, compile_records

EXAMPLES = [
    pytest.param(record, text, expected, id=f"{record.id}-{'match' if expected else 'miss'}-{i}")
    for record in RECORDS
    for expected, texts in ((True, record.must_match), (False, record.must_not_match))
    for i, text in enumerate(texts)
]
_HATE = HateDetector()
_COUNTER = counter_patterns()
RULE1_HITS = [r for family in _HATE.families for r in family.records]
RULE1_COUNTER = [*_COUNTER.counter, *_COUNTER.reporting, *_COUNTER.condemnation]
RULE1_EXAMPLES = [
    pytest.param(record, text, expected, id=f"{record.id}-{'match' if expected else 'miss'}-{i}")
    for record in RULE1_HITS + RULE1_COUNTER
    for expected, texts in ((True, record.must_match), (False, record.must_not_match))
    for i, text in enumerate(texts)
]


def matches(record: PatternRecord, text: str) -> bool:
    """Whether the record's pattern matches a sentence of ``text`` (as the detector reads it)."""
    return any(record.regex.search(words) for _, words in sentences(normalize(text)))


@pytest.mark.parametrize(("record", "text", "expected"), EXAMPLES)
def test_record_examples(record: PatternRecord, text: str, expected: bool) -> None:
    assert matches(record, text) is expected, f"{record.id}: {text}"


@pytest.mark.parametrize(("record", "text", "expected"), RULE1_EXAMPLES)
def test_rule1_record_examples(record: PatternRecord, text: str, expected: bool) -> None:
    """Hit records read tagged clauses ('qqg are vermin'); counter records the plain text."""
    if record.family in HIT_FAMILIES:
        found = any(record.regex.search(clause) for clause in _HATE.tagged_clauses(text))
    else:
        found = record.regex.search(normalize(text).plain) is not None
    assert found is expected, f"{record.id}: {text}"


def test_rule1_records_have_examples_and_hits_name_them() -> None:
    for record in RULE1_HITS + RULE1_COUNTER:
        assert record.must_match, record.id
    assert {r.family for r in RULE1_HITS} <= set(HIT_FAMILIES)
    hit = ModerationEngine().check(MessageInput(text="Muslims are vermin.")).hits_for_rule(1)[0]
    assert hit.record.startswith("dehumanise-"), hit


def test_every_hit_record_has_examples_both_ways() -> None:
    for record in RECORDS:
        assert record.must_match, record.id
        if record.family in ("denial", "mockery", "smear"):
            assert record.must_not_match, record.id


def test_a_hit_names_its_record() -> None:
    engine = ModerationEngine()
    verdict = engine.check(MessageInput(text="The camps are not real."))
    hit = verdict.hits_for_rule(3)[0]
    assert hit.record == "denial-03"
    assert hit.matched in hit.reason and len(hit.matched) <= 80


def test_evidence_is_a_phrase_not_a_word() -> None:
    engine = ModerationEngine()
    text = "Gulags in the DPRK do not exist, stop spreading lies about them."
    hit = engine.check(MessageInput(text=text)).hits_for_rule(3)[0]
    assert len(hit.matched.split()) >= 4, hit.matched


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"records": [{"id": "a", "rule": 3, "family": "denial", "action": "flag",
                       "pattern": "{NOPE}"}]}, "unknown macro"),
        ({"records": [{"id": "a", "rule": 3, "family": "x", "action": "flag", "pattern": "a"},
                      {"id": "a", "rule": 3, "family": "x", "action": "flag", "pattern": "b"}]},
         "duplicate id"),
        ({"records": [{"id": "a", "rule": 3, "family": "x", "action": "zap", "pattern": "a"}]},
         "zap"),
        ({"records": [{"id": "a", "rule": 3, "family": "x", "action": "flag", "pattern": "("}]},
         "record a"),
    ],
)  # fmt: skip
def test_a_bad_record_is_refused_by_name(payload: dict[str, object], message: str) -> None:
    with pytest.raises(RulebookError, match=message):
        compile_records(payload, MACROS)


def test_macros_and_quantifiers_coexist() -> None:
    (record,) = compile_records(
        {"records": [{"id": "q", "rule": 3, "family": "denial", "action": "flag",
                      "pattern": r"\b{CAMP}(?: \S+){0,2} (?P<p>fake)\b"}]},
        MACROS,
    )  # fmt: skip
    assert record.regex.search("the camps are all fake")
    assert not record.needs_topic
