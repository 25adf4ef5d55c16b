"""Rule 3, round 13: a denial reported of others and then answered ('some people claim the camps
are fake; the satellite images prove them wrong') is a rebuttal even when the model is sure, as
its words are the denial's words. Cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_model import strong_signal
from bot.moderation.domain.detectors_denial import DenialDetector
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize

REPORTED_AND_ANSWERED = [
    "Some people claim the camps are fake; the satellite images prove them wrong.",
    "Folks online keep saying the famine was exaggerated. They are flat out wrong.",
    "my uncle says the executions were staged, which is just a lie",
    "Tankies insist the defectors are paid actors; the testimony proves otherwise.",
]
REPORTED_NOT_ANSWERED = [
    # the claim reported, then endorsed or left standing: still the speaker's denial
    "Some people claim the camps are fake and honestly they are not wrong.",
    "people say the camps are fake. makes sense to me",
    # the reported claim affirms the crisis and is 'proved wrong': denial
    "Some people claim the famine killed millions; the census proves them wrong.",
    "whatever they say about hunger is lies",
]


def sure_model(probability: float = 0.99) -> LinearTextModel:
    """A model that reads every message at ``probability``."""
    return LinearTextModel(
        intercept=math.log(probability / (1 - probability)),
        weights={"_": 0.0},
        features="statement",
    )


@pytest.mark.parametrize("text", REPORTED_AND_ANSWERED)
def test_a_reported_denial_answered_is_a_strong_rebuttal(text: str) -> None:
    assert strong_signal(normalize(text)) == "rebuts denial"
    assert DenialDetector(model=sure_model()).detect(normalize(text)) == []


@pytest.mark.parametrize("text", REPORTED_NOT_ANSWERED)
def test_a_reported_denial_left_standing_is_no_strong_rebuttal(text: str) -> None:
    assert strong_signal(normalize(text)) == ""
    assert DenialDetector(model=sure_model()).detect(normalize(text)) != []
