"""Laughter or a shrug at the victims' fate (denial_plight): the examples of
data/rule3_plight.json and cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_plight import plight_hit
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action


def _examples(key: str) -> list[str]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_plight.json")
    examples: list[str] = json.loads(data.read_text(encoding="utf-8"))["examples"][key]
    return examples


@pytest.mark.parametrize("text", _examples("flag"))
def test_the_data_files_flag_examples_are_flagged(text: str) -> None:
    hit = plight_hit("denial", normalize(text))
    assert hit is not None
    assert hit.action is Action.FLAG
    assert hit.rule == 3


@pytest.mark.parametrize("text", _examples("allow"))
def test_the_data_files_allow_examples_are_not(text: str) -> None:
    assert plight_hit("denial", normalize(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "the escapees who drowned off the coast, total darwin award lol",
        "starving peasants eating grass again 😂",
        "nobody cares about the detainees, next",
        "another defector boat sank lmao",
    ],
)
def test_laughter_or_a_shrug_at_the_victims_is_flagged(text: str) -> None:
    assert plight_hit("denial", normalize(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "lol the party newspaper says nobody is starving",  # at the regime
        "who cares what kcna says about the drowned fishermen",  # at the regime
        "lmao no, the famine was real, read the survivors",  # laugh then rebuttal
        "it is not funny that the refugees drowned",  # negated
        "nobody cares enough about the prisoners, and that is the scandal",  # a lament
        "my dog died last week lol",  # no victim of the crisis
        "the guy died in the movie lmao",  # everyday death, no North Korea
        "i was starving after the hike lol",  # the speaker's own life
        'someone wrote "lol drowned defectors" under the memorial post',  # quoted
        '"a rest cure" lmao. the detainees in that camp die of beatings',  # at a quoted claim
    ],
)
def test_what_is_not_aimed_at_the_victims_is_not_flagged(text: str) -> None:
    assert plight_hit("denial", normalize(text)) is None


def test_a_near_word_needs_north_korea_named_in_the_message() -> None:
    assert plight_hit("denial", normalize("lmao they all died trying")) is None
    account = normalize("three soldiers were shot crossing the north korean border")
    assert plight_hit("denial", normalize("lmao they all died trying"), account) is None
    assert plight_hit("denial", normalize("lmao half of north korea died trying")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "another one drowned halfway lmao",
        "the corpses on the beach again 💀 free fertiliser",
        "imagine floating on a fridge door and still drowning 🤣",
    ],
)
def test_the_engine_flags_what_no_other_reading_of_rule_3_caught(text: str) -> None:
    # The engine before this reading allowed all three (no crisis word, low model score).
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert verdict.outcome == "flag"
    assert verdict.rule == 3
