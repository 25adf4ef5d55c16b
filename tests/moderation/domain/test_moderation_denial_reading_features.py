"""Rule 3's sentence readings as model features (denial_reading_features) and the score bound
that must hold with them. Cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import pytest

from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_reading_features import NAMES, reading_features
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize
from tests.moderation.bounds import assert_bound_is_sound


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("in the villages up north there is no rice and no medicine this winter", "_r:neg_need"),
        ("there was never any famine, the photos are from somewhere else", "_r:neg_crisis"),
        ("nobody there was tortured, stop it", "_r:neg_crisis"),
        ("Seoul should resume aid shipments before the lean season", "_r:policy"),
        ("the embargo never works, it just hits farmers", "_r:policy"),
        ("the Chinese police detained forty escapees near the river", "_r:accuse"),
        ("the sanctions are hurting ordinary families in Hamhung", "_r:accuse"),
        ("satellite images show the prison camp grew by a third", "_r:report"),
        ("the labour camps are well documented and ongoing", "_r:affirm"),
    ],
)
def test_a_sentence_reading_is_a_feature(text: str, feature: str) -> None:
    assert feature in reading_features(normalize(text))


def test_a_negator_reaching_neither_crisis_nor_need_is_elsewhere() -> None:
    features = reading_features(normalize("i have not seen the new episode yet"))
    assert features == ["_r:neg_elsewhere"]


def test_a_bare_crisis_claim_is_unsided_and_an_affirmed_one_is_not() -> None:
    assert "_r:unsided" in reading_features(normalize("the prison camps are a summer retreat"))
    assert "_r:unsided" not in reading_features(normalize("the prison camps are real"))


def test_taking_the_victims_side_holds_only_without_a_cue() -> None:
    assert "_r:sided" in reading_features(normalize("Beijing is complicit in repatriation."))
    assert "_r:sided" not in reading_features(
        normalize("Beijing is complicit in repatriation? lol no")
    )


def test_every_feature_is_named() -> None:
    texts = [
        "there is no food, and the camps are real. China repatriates 500 defectors a year.",
        "we should lift the sanctions; nobody was starved, it was not a crisis",
    ]
    for text in texts:
        assert set(reading_features(normalize(text))) <= NAMES


def test_the_score_bound_holds_with_reading_features() -> None:
    """Reading features are bounded by their positive weights and read exactly near the bar;
    the bound must never say 'below' for a message the model scores above."""
    weights = {
        "_r:neg_crisis": 2.0,
        "_r:unsided": 1.2,
        "_r:neg_need": -1.5,
        "_r:affirm": -2.0,
        "_s:witness_liar": 1.0,
        "famine": 0.5,
        "~camp": 0.4,
    }
    model = LinearTextModel(intercept=-3.0, weights=weights, features="statement+stance+reading")
    bound = ScoreBound(model)
    assert bound.usable
    texts = [
        "there was no famine",
        "there is no food, the famine is real",
        "the camps are a holiday camp",
        "nice weather, going hiking",
    ]
    assert_bound_is_sound(model, bound, texts)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Might the camp figures be inflated? I'd like to see the methods behind them.", True),
        ("i would like to see the data on the harvest", True),
        ("might the camps be fake? i'd like to see the sources lol", False),
        ("Might the camp figures be inflated? I'd like to see the data. all lies anyway", False),
        ("the camp estimates are invented, I'd like to see the methods", False),
    ],
)
def test_a_doubt_put_as_an_open_question_beside_a_request_asks(text: str, asks: bool) -> None:
    from bot.moderation.domain.denial_questions import asks_for_sources

    assert asks_for_sources(normalize(text)) is asks
