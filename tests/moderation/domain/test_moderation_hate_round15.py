"""Rule 1's round-15 readings: groups of origin found as targets (defectors, northerners, 'NK
workers'), '=' read as the copula it stands for, the statement model's valence features, and
the rule that a model score alone never removes. Cases written for these tests, not from any
data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_hate import MODEL_FILTER_NAME, HateDetector
from bot.moderation.domain.hate_features import valence_features
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

SURE_HATE = LinearTextModel(intercept=50.0, weights={"_": 0.0}, features="masked+negation")
RULES_ALONE = LinearTextModel(intercept=-50.0, weights={"_": 0.0}, features="masked+negation")


@pytest.fixture(scope="module")
def rules_alone() -> HateDetector:
    return HateDetector(statements=RULES_ALONE)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("defectors are all the same", "defectors"),
        ("those northerners never change", "northerners"),
        ("the NK workers in Vladivostok", "NK workers"),
        ("a defector youtuber said so", "defector youtuber"),
    ],
)
def test_groups_of_origin_are_targets(rules_alone: HateDetector, text: str, group: str) -> None:
    assert any("qqg" in clause for clause in rules_alone.tagged_clauses(text)), group


@pytest.mark.parametrize(
    "text",
    [
        "the North Korean defectors testified in Seoul",  # 'korean' modifies, 'defectors' named
        "defectors deserve support when they arrive",
        "northerners in Seoul often struggle with the accent at first",
    ],
)
def test_groups_of_origin_in_ordinary_talk_are_allowed(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text)).allowed


@pytest.mark.parametrize(
    "text",
    ["being gay = a disease", "trans = mentally ill", "gays = pedos, simple"],
)
def test_an_equals_sign_is_read_as_a_claim_and_only_flags(
    engine: ModerationEngine, text: str
) -> None:
    verdict = engine.check(MessageInput(text))
    assert verdict.outcome == "flag"
    assert [h.rule for h in verdict.hits] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "being gay ≠ a disease",
        "Mexican food plus Korean food = the best taco truck in LA",
        "no migrant workers = empty shelves. simple",
        "x == y when women vote, in the code",
    ],
)
def test_an_equals_sign_without_contempt_is_allowed(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text)).allowed


def test_an_equals_sign_keeps_a_removal_the_plain_text_makes(engine: ModerationEngine) -> None:
    # 'jews = rats' was removed before '=' was read (the words alone dehumanise): still removed.
    assert engine.check(MessageInput("jews = rats")).outcome == "remove"


@pytest.mark.parametrize(
    "text",
    [
        "women are terrible at everything, honestly",
        "defectors are ungrateful freeloaders",
        "northerners are brainwashed robots, every single one",
        "gay men should not be allowed near kids",
        "Choe Sun Hui should go back to making tea for the men in the room",
    ],
)
def test_a_model_score_alone_never_removes(rules_alone: HateDetector, text: str) -> None:
    """Round 14's retrain turned 11 hateful dev lines from flag to remove: a pattern's
    removal waits for the model's agreement (REMOVE_AGREEMENT), so a new model moves which
    pattern finding removes. With no pattern finding, a model sure of hate only flags."""
    sure = HateDetector(lexicon=rules_alone.lexicon, statements=SURE_HATE)
    plain = rules_alone.detect(normalize(text))
    hits = sure.detect(normalize(text))
    if not any(h.action is Action.REMOVE for h in plain):
        assert all(h.action is not Action.REMOVE for h in hits)
    model_hits = [h for h in hits if h.filter_name == MODEL_FILTER_NAME]
    assert all(h.action is Action.FLAG for h in model_hits)


def test_valence_features_say_what_kind_of_word_is_near_a_group() -> None:
    assert {"_q>N", "_cls:N"} <= set(valence_features(["qqg", "are", "ungrateful", "leeches"]))
    assert "_q>!N" in valence_features(["qqg", "aren't", "!lazy"])
    assert "_P>q" in valence_features(["i", "love", "qqg"])
    assert not any(f.startswith("_q") for f in valence_features(["i", "love", "dogs"]))


@pytest.mark.parametrize(
    "text",
    [
        "China's forced repatriation of defectors is a crime.",
        "The CCP forcibly repatriating defectors is a crime against humanity",
        "hating jews is disgusting",
    ],
)
def test_a_condemned_harm_done_to_a_group_is_allowed(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text)).allowed


@pytest.mark.parametrize(
    "text", ["being gay is a crime", "the existence of trans people is disgusting"]
)
def test_a_group_itself_condemned_is_still_flagged(engine: ModerationEngine, text: str) -> None:
    assert not engine.check(MessageInput(text)).allowed
