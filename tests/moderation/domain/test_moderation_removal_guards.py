"""Removals only where the message is near-certain: a slur said of the speaker's own group and
'deserve to' followed by no harm are not removed (cases written for these tests, not from any
data file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


def removed(engine: ModerationEngine, text: str) -> bool:
    return engine.check(MessageInput(text)).outcome == "remove"


@pytest.mark.parametrize(
    "text",
    [
        "me and my sisters are a bunch of bad bitches, we crushed the bar exam",
        "Me and my girls are such bad bitches tonight, karaoke was unreal",
    ],
)
def test_a_slur_said_of_the_speakers_own_group_is_not_removed(
    engine: ModerationEngine, text: str
) -> None:
    assert not removed(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "those women are a bunch of bitches",
        "women are all worthless bitches",
    ],
)
def test_the_same_slur_said_of_others_still_is(engine: ModerationEngine, text: str) -> None:
    assert removed(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Escapees from North Korea deserve to be heard, not laughed at.",
        "The families who lived through the famine deserve to be taken seriously.",
        "People in the NK camps deserve to be free and we should say so.",
    ],
)
def test_deserve_to_without_a_harm_is_not_removed(engine: ModerationEngine, text: str) -> None:
    assert not removed(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "the prisoners in those NK camps deserve to be in them",
    ],
)
def test_deserve_to_with_a_harm_still_removes(engine: ModerationEngine, text: str) -> None:
    assert removed(engine, text)


def test_deserve_to_be_sent_back_is_flagged_when_the_model_is_unsure(
    engine: ModerationEngine,
) -> None:
    # Precision first: a removal needs the model's agreement (P >= 0.8). Rule 3's 56-writer
    # model reads this at 0.69, so mockery-22 flags it for a moderator. The record does not
    # remove alone: its hits over the rule-3 train and dev files are 33 denials of 34 (0.971,
    # below the 0.98 bar; moderation56 in bench/RESULTS.md).
    outcome = engine.check(MessageInput("the traitors who deserve to be sent back to the camps"))
    assert outcome.outcome == "flag"
