"""Rule 3's stance features for the trained model: who is called a liar, what is called fake.

A bag of words reads 'defectors lie about everything' and 'the regime lies about everything'
alike, and 'the famine photos are staged' like any message with 'famine' and 'photos'. The
records of bot/moderation/rules/rule3_stance.yaml name such relations (the witnesses or the
regime as liars, the crisis as the object of a dismissal, a dismissal negated, sarcasm, scare
quotes, numbers played down, punishment approved, conspiracy framing); each record that matches
a message adds the feature '_s:<id>', whose weight the model learns (training/train_rule3.py).
They are features, not hits: nothing here decides a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.prefilter import prefiltered
from bot.moderation.domain.rulebook import expand

STANCE_FILE = "rule3_stance.yaml"
PREFIX = "_s:"


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """One stance feature: its id, where it reads (words or the original text), the words or
    strings one of which a message must hold before the regex is tried, and the regex."""

    id: str
    on_original: bool
    triggers: frozenset[str]
    keywords: tuple[str, ...]
    regex: re.Pattern[str]
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]

    @property
    def feature(self) -> str:
        """The model's name for it."""
        return PREFIX + self.id


@lru_cache(maxsize=1)
def stance_records() -> tuple[StanceRecord, ...]:
    """The compiled records of rule3_stance.yaml (package data, read once)."""
    resource = resources.files("bot.moderation").joinpath("rules", STANCE_FILE)
    payload = yaml.safe_load(resource.read_text(encoding="utf-8"))
    macros = {str(k): str(v) for k, v in (payload.get("macros") or {}).items()}
    records = []
    for raw in payload["records"]:
        records.append(
            StanceRecord(
                id=str(raw["id"]),
                on_original=raw.get("read") == "original",
                triggers=frozenset(str(raw.get("triggers") or "").split()),
                keywords=tuple(str(k) for k in raw.get("keywords") or ()),
                # An RE2 twin first (the same matches): -4 us a message on the bench.
                regex=prefiltered(re.compile(expand(str(raw["pattern"]), macros)), counted=True),
                must_match=tuple(str(e) for e in raw.get("must_match", ())),
                must_not_match=tuple(str(e) for e in raw.get("must_not_match", ())),
            )
        )
    return tuple(records)


def stance_features(text: NormalizedText) -> list[str]:
    """The '_s:<id>' features of every stance record the message matches (remembered for
    the last text: the score bound, the model and the readings ask about one text in turn)."""
    global _last_stance
    last = _last_stance
    if last[0] is text:
        return list(last[1])
    words = " ".join(text.tokens)
    original = text.original.lower()
    found = [
        record.feature
        for record in candidates(text)
        if record.regex.search(original if record.on_original else words)
    ]
    _last_stance = (text, tuple(found))  # one tuple, replaced whole: safe from any thread
    return found


_last_stance: tuple[NormalizedText | None, tuple[str, ...]] = (None, ())


def candidates(text: NormalizedText) -> list[StanceRecord]:
    """The records whose trigger words or strings the message holds: only these can match
    (set and substring tests, no regex: the score bound reads this on every message near
    the flag threshold)."""
    # The records whose triggers the tokens touch, and those without triggers, in file order:
    # by one set intersection, not a set test per record.
    untriggered, by_trigger, trigger_words = _trigger_index()
    chosen = set(untriggered)
    for word in trigger_words.intersection(text.tokens):
        chosen.update(by_trigger[word])
    records = stance_records()
    found = []
    original = ""
    for record in map(records.__getitem__, sorted(chosen)):
        if record.keywords:
            original = original or text.original.lower()
            for keyword in record.keywords:  # any(...) without a generator frame
                if keyword in original:
                    break
            else:
                continue
        found.append(record)
    return found


@lru_cache(maxsize=1)
def _trigger_index() -> tuple[frozenset[int], dict[str, list[int]], frozenset[str]]:
    """(the stance records without triggers, the records by trigger word, every trigger
    word), as indexes into stance_records()."""
    by_trigger: dict[str, list[int]] = {}
    for index, record in enumerate(stance_records()):
        for word in record.triggers:
            by_trigger.setdefault(word, []).append(index)
    untriggered = frozenset(i for i, r in enumerate(stance_records()) if not r.triggers)
    return untriggered, by_trigger, frozenset(by_trigger)


def stance_feature_names() -> frozenset[str]:
    """Every feature stance_features can return (the score bound needs them)."""
    return frozenset(record.feature for record in stance_records())


# Stance features that turn a told account into its dismissal: 'gets executed
# for sneezing, we know 🙄', '... sent back. good, they knew the rules', 'a couple thousand
# people got sent back, out of 25 million'.
_DISMISSING_STANCE = frozenset(["_s:sarcasm_marker", "_s:approves_punishment", "_s:playing_down"])


def told_to_dismiss(text: NormalizedText) -> bool:
    """Whether a message that tells of abuses marks the telling as sarcasm, approves of the
    punishment or plays the numbers down (then it is no report of an account)."""
    return not _DISMISSING_STANCE.isdisjoint(stance_features(text))


# The stance that calls the regime the liar, and those that call the crisis or its witnesses
# false, or belittle it (then the regime being called a liar does not settle it, nor does a
# request for sources: denial_questions).
_REGIME_LIES = "_s:regime_lies"
AGAINST_CRISIS = frozenset(
    [
        "_s:witness_liar",
        "_s:crisis_dismissed",
        "_s:conspiracy",
        "_s:approves_punishment",
        "_s:playing_down",
        "_s:sarcasm_marker",
    ]
)


def blames_the_regime(text: NormalizedText) -> bool:
    """Whether a message calls the regime, its media or officials the liars ('state media is
    lying again') and nothing in it calls the crisis or its witnesses false: criticism of the
    regime, which the model's words ('lies', 'propaganda') read as denial."""
    stance = stance_features(text)
    return _REGIME_LIES in stance and AGAINST_CRISIS.isdisjoint(stance)
