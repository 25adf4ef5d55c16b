"""Rule 3, round 14: the stance reading (denial_reading). A message that only affirms the crisis,
accuses a state of abuses or reports figures and sources is not flagged on the model's word
alone; its twin with a denial clause still is. Cases written for these tests, not taken from the
training or development files."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_reading import sides_with_victims
from bot.moderation.domain.detectors_denial import DenialDetector
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize

SIDES = [
    # accusations of a state
    "The Chinese government is complicit in the forced return of escapees.",
    "Moscow is responsible for the labour camps its logging firms run with Korean workers.",
    "The party leadership has been starving the northern provinces for decades.",
    "The Kims turned the whole border region into a prison yard.",
    "Their trauma was inflicted by the state security police.",
    # reports: figures and sources
    "A 2019 survey counted roughly 40,000 North Koreans held in detention centres.",
    "Amnesty documented forced repatriations from three Chinese provinces last year.",
    "The rapporteur says 2,000 prisoners died in a single camp over a decade.",
    # affirmations and solidarity
    "The executions are well documented and ongoing.",
    "Refugee rights in East Asia matter.",
    "We should care about the prisoners in those camps.",
    "Survivor here, fled in 2015 through Dandong.",
    "I stand with the families of the abductees.",
]
DENIES = [
    # the same subjects with a denial, minimising, justifying or mocking clause
    "The Chinese government is right to return escapees, they broke the law.",
    "Moscow is responsible for nothing, the camps are a fairy tale.",
    "The party leadership starved a few farmers, big deal.",
    "A 2019 survey counted 40,000 in detention, a number invented by activists.",
    "Amnesty documented forced repatriations lol, as if anyone believes Amnesty.",
    "The rapporteur says 2,000 prisoners died? Sure.",
    "The executions are well documented, and they deserved every one of them.",
    "Refugee rights matter, but these ones chose to leave, so not our problem.",
    "Survivor here, fled in 2015 🙄",
    "Camp 22 holds farmers. That's it.",
    # a long post with one denying sentence
    "The state police detained 300 people in Hoeryong last spring. "
    "Most of them were smugglers who got what was coming to them.",
]


def sure_model(probability: float = 0.9) -> LinearTextModel:
    """A model that reads every message at ``probability`` (under SURE)."""
    return LinearTextModel(
        intercept=math.log(probability / (1 - probability)),
        weights={"_": 0.0},
        features="statement",
    )


@pytest.mark.parametrize("text", SIDES)
def test_an_affirmation_accusation_or_report_sides_with_the_victims(text: str) -> None:
    assert sides_with_victims(normalize(text))


@pytest.mark.parametrize("text", DENIES)
def test_a_denial_clause_keeps_the_models_reading(text: str) -> None:
    assert not sides_with_victims(normalize(text))


@pytest.mark.parametrize("text", SIDES)
def test_the_model_alone_does_not_flag_a_message_that_sides_with_the_victims(text: str) -> None:
    assert DenialDetector(model=sure_model()).detect(normalize(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Moscow is responsible for nothing, the camps are a fairy tale.",
        "The party leadership starved a few farmers, big deal.",
        "A 2019 survey counted 40,000 in detention, a number invented by activists.",
    ],
)
def test_their_denying_twins_are_still_flagged(text: str) -> None:
    assert DenialDetector(model=sure_model()).detect(normalize(text)) != []
