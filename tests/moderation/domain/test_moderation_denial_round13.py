"""Rule 3, round 13: a denial reported of others and then answered ('some people claim the camps
are fake; the satellite images prove them wrong') is a rebuttal even when the model is sure, as
its words are the denial's words. Cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_acknowledge import acknowledges
from bot.moderation.domain.denial_against import rebuts
from bot.moderation.domain.denial_context import near_topic
from bot.moderation.domain.denial_model import strong_signal
from bot.moderation.domain.denial_questions import asks_for_sources
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


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("nobody over there really wants to go anywhere else", True),
        ("the ones who escaped were paid to say it", True),
        ("if you cross illegally you cannot complain when they send you back", True),
        ("border guards only fire a few warning shots a year", True),
        ("the view over the bay was lovely this morning", False),
        ("she sends her regards from the office", False),
    ],
)
def test_where_and_to_whom_is_near_the_crisis(text: str, near: bool) -> None:
    assert near_topic(normalize(text)) is near


@pytest.mark.parametrize(
    ("text", "rebuttal"),
    [
        ("if the prison camps were real, surely one guard would have talked by now", False),
        ("supposedly the camps are real but nobody ever filmed one", False),
        ("the camps are real, the satellite record shows them growing", True),
    ],
)
def test_a_conditional_real_grants_nothing(text: str, rebuttal: bool) -> None:
    assert rebuts(" ".join(normalize(text).tokens)) is rebuttal


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("imagine believing a man who says he was tortured in a camp for a decade", False),
        ("former prisoners described being tortured, people will say anything for a visa", False),
        ("former prisoners described being tortured during interrogation", True),
    ],
)
def test_an_account_told_to_be_mocked_is_no_report(text: str, report: bool) -> None:
    said = strong_signal(normalize(text)) == "reports an account of abuses"
    assert said is report


@pytest.mark.parametrize(
    ("text", "granted"),
    [
        ("everyone keeps crying about the camps like they're hell on earth, relax", False),
        ("the camps are hell on earth and the world should act", True),
    ],
)
def test_an_acknowledgement_in_a_mocking_clause_is_not_the_speakers(
    text: str, granted: bool
) -> None:
    assert acknowledges(normalize(text)) is granted


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("the famine may have killed up to a tenth of the population", True),
        ("the famine killed five percent of the population, some estimates say more", True),
        ("the famine killed maybe two percent of the population. hardly a tragedy", False),
        ("some of you will believe anything except the survivors who described the camps", True),
    ],
)
def test_a_share_of_the_population_killed_is_an_account(text: str, report: bool) -> None:
    said = strong_signal(normalize(text)) == "reports an account of abuses"
    assert said is report


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("why do we treat escapees paid per interview as credible witnesses at all?", False),
        ("a columnist called the camp estimates 'total fiction'. does anyone have the link?", True),
        ("how do researchers estimate famine deaths without census data?", True),
    ],
)
def test_a_question_that_only_dismisses_asks_for_nothing(text: str, asks: bool) -> None:
    assert asks_for_sources(normalize(text)) is asks
