"""Rule 3's trained model: the weights format, the net after the patterns, and its exemptions."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_model import THRESHOLD, VETO_BELOW, model_hit
from bot.moderation.domain.detectors_denial import DENIAL_FILTER_NAME, DenialDetector
from bot.moderation.domain.model import (
    RULE3_MODEL_FILE,
    LinearTextModel,
    load_model,
    statement_features,
)
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

# A model that reads every message as denial: what is left allowed is the exemptions' doing.
ALWAYS = LinearTextModel(intercept=50.0, weights={"_": 0.0}, features="statement")
NEVER = LinearTextModel(intercept=-50.0, weights={}, features="statement")
LIKELY = LinearTextModel(intercept=2.2, weights={"_": 0.0}, features="statement")  # p = 0.90
LIKELY_NOT = LinearTextModel(intercept=-0.6, weights={"_": 0.0}, features="statement")  # 0.35


def test_statement_features_keep_quotes_questions_and_stems() -> None:
    features = statement_features(normalize('They starved 2 kids? Is the "famine" real?'))
    assert {"famine", "the famine", "~starv", "_quote", "_question"} <= set(features)
    assert "2" not in features  # numbers carry no meaning for the model
    assert "_quote" not in statement_features(normalize("the famine killed many"))


def test_probability_is_a_logistic_of_the_present_features() -> None:
    model = LinearTextModel(
        intercept=-1.0, weights={"hoax": 2.0, "~hoax": 0.5}, features="statement"
    )
    assert model.probability_of(normalize("hoax hoax hoax")) == pytest.approx(
        1 / (1 + 2.718281828459045**-1.5)
    )
    assert model.contributions(normalize("total hoax")) == ["hoax"]  # stems are not shown
    assert model.trained and not LinearTextModel(0.0, {}).trained


def test_shipped_weights_are_plain_json_with_their_featurizer() -> None:
    path = resources.files("bot.moderation").joinpath("data", RULE3_MODEL_FILE)
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["featurizer"] == "statement+stance+scope"
    assert all(isinstance(w, float) for w in payload["weights"].values())
    model = load_model(RULE3_MODEL_FILE)
    assert model.features == "statement+stance+scope" and len(model.weights) > 1000
    # negated and reported words were learnt apart (denial_marks)
    assert sum(feature.startswith(("!", "^")) for feature in model.weights) >= 100
    # the stance features were learnt (training/train_rule3.py reads rule3_stance.yaml)
    assert sum(feature.startswith("_s:") for feature in model.weights) >= 5


@pytest.mark.parametrize(
    "text",
    [
        "People who call the famine a hoax ignore the census data.",  # rebuttal
        "KCNA called the UN report a fabrication again.",  # the regime's claim, reported
        "Is that 3 million famine figure from a census or a guess?",  # source question
        "I used to think the camps were made up until I read the COI report.",
        "ok",  # too short to read
    ],
)
def test_model_hits_respect_the_exemptions(text: str) -> None:
    # A model short of sure (SURE): every discussion signal holds.
    assert model_hit(DENIAL_FILTER_NAME, normalize(text), LIKELY) is None


@pytest.mark.parametrize(
    "text",
    [
        "KCNA called the UN report a fabrication again.",  # the regime's claim, reported
        "Is that 3 million famine figure from a census or a guess?",  # source question
        "I used to think the camps were made up until I read the COI report.",
        "the starvation during the 90s was not exaggerated at all",  # dismissal negated
    ],
)
def test_strong_signals_hold_against_a_sure_model(text: str) -> None:
    assert model_hit(DENIAL_FILTER_NAME, normalize(text), ALWAYS) is None


def test_scare_quotes_do_not_hold_against_a_sure_model() -> None:
    # Deniers quote too: 'those "camp survivor" testimonies describe places that don't exist'.
    text = normalize("they keep saying people starve there but its simply not true")
    assert model_hit(DENIAL_FILTER_NAME, text, LIKELY) is None
    assert model_hit(DENIAL_FILTER_NAME, text, ALWAYS) is not None


def test_model_hit_is_a_flag_naming_the_rule() -> None:
    hit = model_hit(DENIAL_FILTER_NAME, normalize("the famine was nothing, stop crying"), ALWAYS)
    assert hit is not None
    assert (hit.rule, hit.action, hit.shadow) == (3, Action.FLAG, False)
    assert "model" in hit.reason
    assert model_hit(DENIAL_FILTER_NAME, normalize("the famine was nothing"), NEVER) is None


def test_a_confident_model_overrules_a_pattern_hit_only_with_a_signal() -> None:
    untrained = LinearTextModel(intercept=-50.0, weights={})  # no opinion: patterns stand
    sure_not = LinearTextModel(intercept=-50.0, weights={"_": 0.0}, features="statement")
    reported = normalize("Mods, the guy above saying the camps are CIA lies is breaking rule 3.")
    if not DenialDetector(model=untrained).detect(reported):
        pytest.skip("the patterns no longer read this sentence as denial")
    assert sure_not.probability_of(reported) < VETO_BELOW
    assert DenialDetector(model=sure_not).detect(reported) == []
    # Issue 14: the score alone does not overrule a blatant denial.
    blatant = normalize("Gulags in the DPRK do not exist, stop spreading lies about them.")
    assert DenialDetector(model=sure_not).detect(blatant)


def test_a_pattern_removes_only_when_the_model_agrees() -> None:
    text = normalize("The famine never happened.")
    agreeing = DenialDetector(model=ALWAYS).detect(text)
    doubting = DenialDetector(model=LIKELY_NOT).detect(text)
    assert [h.action for h in agreeing] == [Action.REMOVE]
    assert [h.action for h in doubting] == [Action.FLAG]


# The shipped model on phrasings no pattern covers (written for this test, not training data).
@pytest.mark.parametrize(
    "text",
    [
        "a few people went hungry in the 90s, big whoop",
        "honestly those prison stories are just cold war fairy tales",
        "boo hoo, the border jumpers got sent home, cry me a river",
    ],
)
def test_shipped_model_catches_unpatterned_denial(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert 3 in {hit.rule for hit in verdict.hits}, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "the DPRK team beat the US 2-0 lol",
        "lol the dprk tourism ad is hilarious",
        "Kim Jong Un visited a fertilizer factory today",
        "The famine of the 1990s killed hundreds of thousands of people.",
        "Satellite photos show Camp 16 is still growing, which is grim.",
    ],
)
def test_shipped_model_allows_ordinary_talk(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert 3 not in {hit.rule for hit in verdict.hits}, verdict.reason


def test_threshold_leaves_room_for_the_veto() -> None:
    assert 0.0 < VETO_BELOW < THRESHOLD < 1.0


def test_the_score_bound_never_skips_a_message_the_model_would_flag() -> None:
    from bot.moderation.domain.denial_bound import ScoreBound
    from bot.moderation.domain.denial_model import THRESHOLD, read
    from bot.moderation.domain.model import RULE3_MODEL_FILE, load_model
    from bot.moderation.domain.normalize import normalize

    model = load_model(RULE3_MODEL_FILE)
    bound = ScoreBound(model)
    texts = [
        "The famine never happened, it's all CIA propaganda from 1997.",
        "Defectors are paid liars, every single one of them.",
        "Nice weather in Seoul today, going hiking with 3 friends.",
        "lol free diet camp, they should be grateful for the 2 meals",
        "KCNA reports the harvest of 2024 was a great success.",
    ]
    skipped = 0
    for text in texts:
        normalized = normalize(text)
        if bound.below(normalized, THRESHOLD):
            skipped += 1
            assert read(model, normalized).probability < THRESHOLD, text
    assert skipped >= 1  # the bound does spare some messages the model


def test_the_score_bound_holds_with_repeated_words_stems_and_pairs() -> None:
    """Words and stems are summed exactly once each (the model reads them as a set), negative
    weights included; repeats, shared stems and pairs must not push it below the score."""
    from bot.moderation.domain.denial_bound import ScoreBound
    from bot.moderation.domain.denial_model import read
    from bot.moderation.domain.model import RULE3_MODEL_FILE, load_model
    from bot.moderation.domain.normalize import normalize

    model = load_model(RULE3_MODEL_FILE)
    bound = ScoreBound(model)
    texts = [
        "starving starved starvation starving, the famine famine famine is made up made up",
        "Sanctions, sanctions: the camps are not real, not real, NOT REAL?",
        '"defectors" lie lie lie and "witnesses" lie too, paid liars paid liars',
        "we went camping and i was starving, camp food is the best food",
    ]
    for text in texts:
        normalized = normalize(text)
        probability = read(model, normalized).probability
        for bar in (0.05, 0.25, 0.55, 0.85, 0.95, 0.999):
            if bound.below(normalized, bar):
                assert probability < bar, (text, bar, probability)
