"""The rule-3 model alone flags no message that says nothing rule 3 forbids (own cases)."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_content import content_words, says_something
from bot.moderation.domain.detectors_denial import DenialDetector
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize

BLAND = [
    "a perfectly normal message",
    "just a normal day at work",
    "everything is fine on my end, thanks",
    "totally ordinary tuesday honestly, nothing special",
    "ok sounds good, see you then",
]
SAYING = [
    "they are doing perfectly fine, stop worrying",
    "the whole thing is a hoax, next",
    "daily life in pyongyang is boring and normal",
    "those defectors are paid to say it",
]


def sure_model(probability: float = 0.99) -> LinearTextModel:
    """A model that reads every message at ``probability``, as a model fond of everyday words
    may read bland text."""
    return LinearTextModel(
        intercept=math.log(probability / (1 - probability)),
        weights={"_": 0.0},
        features="statement",
    )


@pytest.mark.parametrize("text", BLAND)
def test_bland_text_says_nothing_rule_3_forbids(text: str) -> None:
    message = normalize(text)
    assert not says_something(message, message)


@pytest.mark.parametrize("text", SAYING)
def test_a_subject_a_denial_word_or_north_korea_is_content(text: str) -> None:
    message = normalize(text)
    assert says_something(message, message)


@pytest.mark.parametrize("text", BLAND)
def test_the_model_alone_never_flags_bland_text_however_high_it_reads(text: str) -> None:
    assert DenialDetector(model=sure_model()).detect(normalize(text)) == []


@pytest.mark.parametrize("text", SAYING)
def test_the_same_model_still_flags_what_says_something(text: str) -> None:
    hits = DenialDetector(model=sure_model()).detect(normalize(text))
    assert hits and hits[0].rule == 3


@pytest.mark.parametrize("text", BLAND)
def test_the_shipped_model_lets_bland_text_through(text: str) -> None:
    assert DenialDetector().detect(normalize(text)) == []


def test_a_quoted_north_korea_line_puts_a_reply_on_the_country() -> None:
    whole = normalize("> north korea opened a new ski resort\nperfectly normal, nothing special")
    own = normalize("perfectly normal, nothing special")
    assert not says_something(own, own)
    assert says_something(own, whole)


def test_content_words_are_data_and_include_an_accounts_words() -> None:
    words = content_words()
    assert {"people", "they", "hoax", "proof"} <= words
    assert "died" in words  # from rule3_replies.json
    assert "normal" not in words and "message" not in words
