"""Rule 3's stance features (who is called a liar, what is called fake, sarcasm) and what the
detector does with them. Cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_context import near_topic
from bot.moderation.domain.denial_features import (
    blames_the_regime,
    stance_features,
    stance_records,
    told_to_dismiss,
)
from bot.moderation.domain.denial_model import (
    THRESHOLD_NEAR_TOPIC,
    THRESHOLD_OFF_TOPIC,
    model_hit,
    read,
    strong_signal,
)
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.names import DENIAL_FILTER_NAME
from bot.moderation.domain.normalize import normalize
from tests.moderation.bounds import assert_bound_is_sound

RECORDS = stance_records()


@pytest.mark.parametrize(
    ("feature", "text", "expected"),
    [(r.feature, e, True) for r in RECORDS for e in r.must_match]
    + [(r.feature, e, False) for r in RECORDS for e in r.must_not_match],
)
def test_stance_record_examples(feature: str, text: str, expected: bool) -> None:
    assert (feature in stance_features(normalize(text))) is expected


def test_every_stance_record_has_examples_both_ways() -> None:
    assert len(RECORDS) >= 8
    for record in RECORDS:
        assert record.must_match and record.must_not_match, record.id


@pytest.mark.parametrize(
    "text",
    [
        "the regime's news agency is lying about the rice harvest again",
        "Pyongyang's censors hide every bad number, they always have",
    ],
)
def test_the_regime_called_a_liar_is_criticism(text: str) -> None:
    assert blames_the_regime(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        # the witnesses are the liars here, or the crisis is called fake
        "the regime is lying? no, the escapees are the liars, every one of them",
        "state media lies sometimes but the drought photos are obviously staged",
        "the soldiers are not hungry at all",
    ],
)
def test_the_regime_as_liar_does_not_cover_calling_the_crisis_false(text: str) -> None:
    assert not blames_the_regime(normalize(text))


def test_a_model_only_flag_spares_criticism_of_the_regime() -> None:
    sure = LinearTextModel(intercept=3.0, weights={"_": 0.0}, features="statement+stance")
    message = normalize("the regime's news agency is lying about the rice harvest again")
    assert model_hit(DENIAL_FILTER_NAME, message, sure) is None
    smear = normalize("the escapees on those talk shows are paid actors, every single one")
    assert model_hit(DENIAL_FILTER_NAME, smear, sure) is not None


@pytest.mark.parametrize(
    "text",
    [
        "oh sure, they all get tortured for sneezing during a speech /s",
        "400 were sent back last month. good, they knew the risks",
        "only a few hundred farmers died back then, and they call it a catastrophe",
    ],
)
def test_a_sarcastic_or_approving_telling_is_no_report_of_an_account(text: str) -> None:
    message = normalize(text)
    assert told_to_dismiss(message)
    assert strong_signal(message) != "reports an account of abuses"


def test_a_plain_report_of_an_account_still_counts() -> None:
    message = normalize("Former prisoners described being tortured during interrogation.")
    assert not told_to_dismiss(message)
    assert strong_signal(message) == "reports an account of abuses"


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("the folks there are doing great, idk what you read", True),
        ("hospitals in Hamhung have everything they need", True),
        ("my cat is doing great, she loves the new sofa", False),
        ("this football season is doing great for my team", False),
    ],
)
def test_near_topic_reads_what_the_crisis_is_about_without_crisis_words(
    text: str, near: bool
) -> None:
    assert near_topic(normalize(text)) is near


def test_near_topic_messages_need_less_certainty_than_off_topic_ones() -> None:
    assert THRESHOLD_NEAR_TOPIC <= THRESHOLD_OFF_TOPIC
    # A model that reads everything at a P between the two bars (when they differ).
    middle = (THRESHOLD_NEAR_TOPIC + THRESHOLD_OFF_TOPIC) / 2
    model = LinearTextModel(
        intercept=math.log(middle / (1 - middle)), weights={"_": 0.0}, features="statement"
    )
    near = normalize("the folks there are doing great, idk what you read")
    far = normalize("my cat is doing great, she loves the new sofa")
    assert read(model, near).near_topic and not read(model, far).near_topic
    assert model_hit(DENIAL_FILTER_NAME, far, model) is None
    flagged = model_hit(DENIAL_FILTER_NAME, near, model) is not None
    assert flagged is (THRESHOLD_NEAR_TOPIC < THRESHOLD_OFF_TOPIC)


def test_the_score_bound_holds_with_stance_features() -> None:
    """Stance features are bounded by their positive weights and read exactly near the bar;
    the bound must never say 'below' for a message the model scores above."""
    weights = {
        "_s:witness_liar": 2.5,
        "_s:sarcasm_marker": 1.5,
        "_s:regime_lies": -2.0,
        "_s:scare_quote": 0.7,
        "escapees": 0.4,
        "liars": 0.3,
        "~regim": 0.2,
    }
    model = LinearTextModel(intercept=-3.0, weights=weights, features="statement+stance")
    bound = ScoreBound(model)
    texts = [
        "the escapees are liars, all of them /s",
        "the regime is lying about the 'escapees' again",
        "nice weather, going hiking",
        "escapees escapees liars 'liars'",
    ]
    assert_bound_is_sound(model, bound, texts)


def test_doubting_one_source_keeps_a_pattern_from_removing() -> None:
    from bot.moderation.domain import MessageInput, ModerationEngine

    engine = ModerationEngine()
    text = (
        "I'd wait for a second source on this particular tabloid headline, they ran fake "
        "execution stories about a singer before"
    )
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome != "remove", verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        # written for this test: denial and mockery without crisis words, in words the
        # stance features read (witnesses as liars, sarcasm, a conspiracy)
        "every escapee on those talk shows is a paid actor reading a script, wake up",
        "oh sure, the folks there have no food at all, that is why they look so well fed /s",
        "the whole hospital horror story was cooked up by a think tank on the state department"
        " payroll",
    ],
)
def test_the_shipped_model_flags_stance_denial_without_crisis_words(text: str) -> None:
    from bot.moderation.domain import MessageInput, ModerationEngine

    verdict = ModerationEngine().check(MessageInput(text=text))
    assert 3 in {hit.rule for hit in verdict.hits}, text


@pytest.mark.parametrize(
    "text",
    [
        "the regime's news agency is lying about the rice harvest again, as every autumn",
        "the folks there deserve better than a government that hoards the food",
    ],
)
def test_the_shipped_model_allows_criticism_of_the_regime(text: str) -> None:
    from bot.moderation.domain import MessageInput, ModerationEngine

    verdict = ModerationEngine().check(MessageInput(text=text))
    assert 3 not in {hit.rule for hit in verdict.hits}, verdict.reason


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # written for this test: 'nobody deserves ...' stands with the victims; the same
        # verb with a real subject justifies the abuse
        ("nobody deserves to be beaten in a cell for singing a k-pop song", True),
        ("no one should have to starve because their parents were called hostile", True),
        ("No one deserves to be sent back to a labour camp for crossing the Tumen.", True),
        ("the escapees deserve to be sent back to a labour camp", False),
        ("nobody cares about them, they deserved to be sent back", False),
    ],
)
def test_no_one_deserves_it_is_sympathy_not_justification(text: str, allowed: bool) -> None:
    from bot.moderation.domain import MessageInput, ModerationEngine

    verdict = ModerationEngine().check(MessageInput(text=text))
    assert (verdict.outcome == "allow") is allowed, verdict.reason
