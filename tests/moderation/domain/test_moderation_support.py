"""Statements for a group's rights or inclusion are not flagged under rule 1 by the trained
model alone, while the same words negated, contrasted or turned into exclusion still are (cases
written for this test, not taken from any training or evaluation file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_context import supports
from bot.moderation.domain.normalize import normalize_plain


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


def rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


@pytest.mark.parametrize(
    "text",
    [
        "Gay couples should be able to adopt",
        "We should hire more disabled people.",
        "Immigrants belong in this country.",
        "Women belong in science",
    ],
)
def test_support_is_not_flagged_under_rule_1(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants don't belong in this country.",
        "Women belong in the kitchen",
        "Gays should not be able to adopt",
        "they don't really belong here, those Vietnamese guys at the plant",
    ],
)
def test_negated_or_excluding_words_still_flag(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text)


def test_a_contrast_or_negation_turns_support_around() -> None:
    assert supports(normalize_plain("We should hire more women engineers"))
    assert not supports(normalize_plain("I hire more of them than anyone, but they are lazy"))
    assert not supports(normalize_plain("no, women do not belong in science"))
