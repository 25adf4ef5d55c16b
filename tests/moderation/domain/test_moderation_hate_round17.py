"""Rule 1, round 17 (moderation35): a slur written with letters starred out. The star list
holds group names and strong slurs as people write them, never a squeezed key or a derived
misspelling ('g**ks' was 'gooks' or the squeezed 'greks'), and a starred slur that is also an
ordinary word ('ch*nk', 'tr*nny') is always the slur: nobody stars out 'a chink of light'.
Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.normalize import normalize


@pytest.fixture(scope="module")
def detector() -> HateDetector:
    return HateDetector()


@pytest.mark.parametrize(
    ("token", "word"),
    [("g**ks", "gooks"), ("g**k", "gook"), ("ch*nk", "chink"), ("tr*nnies", "trannies")],
)
def test_a_starred_slur_spells_the_one_word_as_written(
    detector: HateDetector, token: str, word: str
) -> None:
    assert detector._repair.starred.unmask(token) == word


def test_only_starred_slurs_are_reported_as_starred(detector: HateDetector) -> None:
    starred = detector._repair.starred
    assert starred.slurs(normalize("ch*nk cops and a chink of light")) == {"chink"}
    assert starred.slurs(normalize("what the f*ck, the k*reans again")) == frozenset()
    assert starred.slurs(normalize("no stars here")) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        # Each of these was allowed before round 17.
        "cops out hunting g**ks again lol",
        "chinese and ch*nk cops all over the border",
        "pure tr*nny behaviour from that columnist",
    ],
)
def test_a_starred_slur_at_people_is_flagged(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome in ("flag", "remove"), (text, verdict.reason)
    assert verdict.rule == 1


@pytest.mark.parametrize(
    "text",
    [
        "found a chink in the armour of their argument",
        "someone called me a 'ch*nk' in voice chat, reported",
        "what the f*ck is going on in Pyongyang",
        "the greeks beat korea at football",
        'mods, someone keeps posting "g**ks" in #general',
    ],
)
def test_unstarred_senses_mentions_and_reports_pass(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert not [h for h in verdict.hits if h.rule == 1], (text, verdict.reason)
