"""Which relation a candidate answers: fact_apart, fact_role, fact_noun (asked_fact.py) and the
one question reader (asks.py)."""

from __future__ import annotations

import pytest

from bot.search.domain import asks
from bot.search.domain.asked_fact import FactType, asked_fact, fact_held, fact_types
from bot.search.domain.focus import Focus, foci
from bot.search.domain.gate import GateFeatures, answerability_of
from bot.search.domain.query import AnswerType, answer_type_of, answer_types
from bot.search.domain.soft_match import soft_features

# A story of our own, not of the seed page or any development set.
FERRY = (
    "A ferry carrying 40 fishermen sank off Sinpo harbour in March. "
    "Rescuers pulled 12 survivors from the water, the coast guard said. "
    "The port authority runs three rescue boats. "
    "Officials said the ferry had been built in 1998 by a shipyard in Nampo. "
    "The drowned captain was named by relatives as Ri Song-chol. "
    "Nothing was said about the cause, according to spokesman Kang Myong-ho."
)


def test_the_three_readings_share_one_shape() -> None:
    assert AnswerType is Focus is FactType is asks.AskKind
    assert answer_types() == asks.kinds("ranking")
    assert foci() == asks.kinds("focus")
    assert fact_types() == asks.kinds("fact")


@pytest.mark.parametrize(
    ("question", "ranking", "focus", "fact"),
    [
        ("how many survivors were pulled out", "count", None, "count"),
        ("who was the drowned captain", None, "person", "person"),
        ("when did the ferry sink", "date", None, "date"),
        ("How long is the ferry?", "size", "length", "size"),
        ("why did the ferry sink", None, None, None),
    ],
)
def test_one_reader_reads_each_kind(
    question: str, ranking: str | None, focus: str | None, fact: str | None
) -> None:
    def name(kind: asks.AskKind | None) -> str | None:
        return kind.name if kind else None

    assert name(answer_type_of(question)) == ranking
    assert name(asks.asked(question).focus) == focus
    assert name(asked_fact(question).kind) == fact


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("how many survivors were pulled from the water", "survivor"),
        ("How many rescue boats does the port authority run?", "boat"),
        ("how many fishermen drowned", "fishermen"),
        ("how many was it", ""),
        ("when did the ferry sink", ""),
    ],
)
def test_a_count_question_names_what_it_counts(question: str, noun: str) -> None:
    assert asked_fact(question).noun == noun


def test_a_count_beside_the_counted_noun_is_not_flagged() -> None:
    held = fact_held(asked_fact("how many survivors were pulled from the water"), FERRY)
    assert held.missing == 0 and held.noun == 0


def test_a_count_of_another_noun_is_flagged() -> None:
    # The story counts fishermen, survivors and boats, never the passengers asked about.
    held = fact_held(asked_fact("how many passengers did the sinpo ferry carry"), FERRY)
    assert held.noun == 1


def test_a_count_of_the_noun_said_in_other_words_is_not_flagged() -> None:
    # "rescued" is a neighbour the soft reading may find; the stem "boat" is there literally.
    assert soft_features("how many rescue boats does the port authority run", FERRY)[4] == 0


def test_a_candidate_in_the_subjects_own_sentence_is_not_apart() -> None:
    held = fact_held(asked_fact("when was the ferry built"), FERRY)
    assert held.apart == 0


def test_a_candidate_only_beside_the_subjects_sentence_is_apart() -> None:
    text = "The shipyard in Nampo built the ferry. It was 1998. Nobody recalls more."
    held = fact_held(asked_fact("when did the shipyard build the ferry"), text)
    assert held.missing == 0 and held.apart == 1


def test_a_speakers_name_answers_who_spoke_not_who_drowned() -> None:
    only_speaker = "The captain drowned off Sinpo, according to spokesman Kang Myong-ho."
    held = fact_held(
        asked_fact("what was the name of the captain who drowned off sinpo"), only_speaker
    )
    assert held.missing == 0 and held.role == 1
    named = fact_held(asked_fact("what was the name of the captain who drowned off sinpo"), FERRY)
    assert named.role == 0  # Ri Song-chol is named beside the drowned captain


def test_who_said_questions_keep_the_speaker() -> None:
    text = "The captain drowned off Sinpo, according to spokesman Kang Myong-ho."
    assert fact_held(asked_fact("who said the captain drowned off sinpo"), text).role == 0


def test_the_gate_reads_the_new_features() -> None:
    empty = GateFeatures(0.0, 0.0, 0, 0, 0, 0)
    read = answerability_of(empty, "how many passengers did the sinpo ferry carry", FERRY)
    assert read.fact_noun == 1 and read.fact_unquoted == 1
    speaker = "The captain drowned off Sinpo, according to spokesman Kang Myong-ho."
    quoted = answerability_of(
        empty, "what was the name of the captain who drowned off sinpo", speaker
    )
    assert quoted.fact_unquoted == 0
