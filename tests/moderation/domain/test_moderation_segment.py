"""Rule 1's repair of run-together and split words, and its misspelt group names."""

from __future__ import annotations

import pytest

from bot.moderation.domain import normalize
from bot.moderation.domain.detectors_hate import HateDetector


@pytest.fixture(scope="module")
def detector() -> HateDetector:
    return HateDetector()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ihate women", "i hate women"),
        ("I h a t e muslims", "i hate muslims"),
        ("killallgays now", "kill all gays now"),
        ("mus lims are vermin", "muslims are vermin"),
    ],
)
def test_repairs_words(detector: HateDetector, text: str, expected: str) -> None:
    assert detector._repair.repair(normalize(text)).text == expected


@pytest.mark.parametrize(
    "text",
    ["My therapist is great", "The island is lovely", "Always use weapons safely", "idiots"],
)
def test_leaves_ordinary_words_alone(detector: HateDetector, text: str) -> None:
    normalized = normalize(text)
    assert detector._repair.repair(normalized) is normalized


def test_repair_keeps_sentences_and_questions(detector: HateDetector) -> None:
    repaired = detector._repair.repair(normalize("Ihate them. Why are muslims here?"))
    assert [s.plain for s in repaired.sentences] == ["i hate them.", "why are muslims here?"]


def test_misspelt_group_names_are_groups_but_chat_words_are_not(detector: HateDetector) -> None:
    groups = detector.lexicon.groups
    assert "jwes" in groups
    assert "wmen" in groups
    assert "blck" in detector.lexicon.adjectives
    assert "back" not in detector.lexicon.adjectives
    assert "bits" not in groups
