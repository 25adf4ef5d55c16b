"""Rule 1's statement model: negation marks, the flag it adds and the veto it holds."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_hate import (
    MODEL_FILTER_NAME,
    SLUR_FILTER_NAME,
    HateDetector,
)
from bot.moderation.domain.hate_lexicon import load_lexicon
from bot.moderation.domain.model import (
    RULE1_STATEMENTS_MODEL_FILE,
    LinearTextModel,
    load_model,
    negated_statement_features,
)
from bot.moderation.domain.normalize import normalize, squeeze
from bot.moderation.domain.verdict import Action

SURE_HATE = LinearTextModel(intercept=50.0, weights={"_": 0.0}, features="statement+negation")
SURE_NOT = LinearTextModel(intercept=-50.0, weights={"_": 0.0}, features="statement+negation")


@pytest.fixture(scope="module")
def lexicon_detector() -> HateDetector:
    return HateDetector(statements=LinearTextModel(-50.0, {}))  # the rules alone


def test_negation_marks_the_words_in_reach() -> None:
    features = negated_statement_features(normalize("Mexicans aren't lazy at all, honestly"))
    assert {"!lazy", "!at", "!all", "~!lazi"} <= set(features)
    assert "lazy" not in features and "honestly" in features
    plain = negated_statement_features(normalize("Mexicans are lazy"))
    assert {"lazy", "are lazy", "~lazi"} <= set(plain)


def test_shipped_statement_model_loads_with_its_featurizer() -> None:
    model = load_model(RULE1_STATEMENTS_MODEL_FILE)
    assert model.features == "masked+negation" and len(model.weights) > 1000
    # Group names are masked: the model cannot learn that naming a group is hateful.
    assert not any(w in model.weights for w in ("muslims", "jews", "women"))


def test_statement_model_flags_what_the_rules_miss(lexicon_detector: HateDetector) -> None:
    # (moving away when a group moves in is a rule since round 8: implicit-05)
    text = normalize("Honestly I would keep my distance if a Roma family lived on my street.")
    assert lexicon_detector.detect(text) == []
    hits = HateDetector(lexicon=lexicon_detector.lexicon, statements=SURE_HATE).detect(text)
    assert [(h.filter_name, h.rule, h.action) for h in hits] == [
        (MODEL_FILTER_NAME, 1, Action.FLAG)
    ]
    assert "model" in hits[0].reason


def test_statement_model_needs_a_protected_group(lexicon_detector: HateDetector) -> None:
    detector = HateDetector(lexicon=lexicon_detector.lexicon, statements=SURE_HATE)
    assert detector.detect(normalize("politicians should all be thrown out of office")) == []


def test_a_sure_model_overrules_the_rules_only_with_a_counter_speech_signal(
    lexicon_detector: HateDetector,
) -> None:
    vetoing = HateDetector(lexicon=lexicon_detector.lexicon, statements=SURE_NOT)
    statement = normalize("Jews are vermin")
    assert lexicon_detector.detect(statement)  # the rules read it as hate
    # Issue 14: a low score alone never vetoes a pattern hit ...
    assert vetoing.detect(statement)
    # ... a quote, report or denunciation that the model is sure about does.
    assert vetoing.detect(normalize('He wrote "Jews are vermin" and got banned, rightly.')) == []
    slur = normalize("shut up you kike")
    hits = vetoing.detect(slur)
    assert [h.filter_name for h in hits] == [SLUR_FILTER_NAME]  # no innocent meaning: kept


def test_slur_plurals_are_known() -> None:
    lexicon = load_lexicon()
    for word in ("zipperheads", "gyppos", "pajeets"):
        assert squeeze(word)[0] in lexicon.slurs, word  # keys are squeezed ('ziperheads')


@pytest.mark.parametrize(
    "text",
    [
        "I'd never let a Muslim teach my kids.",
        "Someone should run those refugees out of town.",
        "Why are women always so emotional and useless?",
    ],
)
def test_shipped_engine_catches_statements(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert 1 in {hit.rule for hit in verdict.hits}, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "I don't hate gay people, I just disagree with you about the law.",
        "Mexicans aren't lazy, that stereotype is nonsense.",
        "My Muslim coworker brought baklava for everyone today.",
        "Saying 'Jews are vermin' is exactly the propaganda the Nazis used.",
    ],
)
def test_shipped_engine_allows_non_hateful(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert 1 not in {hit.rule for hit in verdict.hits}, verdict.reason
