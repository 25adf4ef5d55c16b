"""The asked fact: a candidate of the asked type near the question's subject (asked_fact.py)."""

from __future__ import annotations

import pytest

from bot.search.domain.asked_fact import FactHeld, asked_fact, fact_held, fact_types
from bot.search.domain.gate import GateFeatures, GateWeights, answerability_of

# A story of our own, not of the seed page or any development set.
HARBOUR = (
    "The city of Rason opened a new fish market on the harbour front last spring. "
    "Mayor Pak Chol-su said the market would sell crab and squid to Chinese buyers. "
    "The market hall is 120 metres long and cost about 4 million yuan to build. "
    "A ferry route to Vladivostok, some 180 km away, is planned. "
    "Local traders told reporters that prices had doubled."
)


def test_every_type_of_the_data_file_is_read() -> None:
    names = [t.name for t in fact_types()]
    assert len(names) == len(set(names)) >= 8


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what was the name of the man who found the boat", "person"),
        ("Who is the mayor of Rason?", "person"),
        ("how much did the fish market cost", "money"),
        ("what's the budget of the ferry route?", "money"),
        ("How long is the market hall?", "size"),
        ("how far is Rason from Vladivostok", "distance"),
        ("how many stalls does the market have", "count"),
        ("When did the market open?", "date"),
        ("in which city is the new market", "place"),
        ("what was the outcome of the traders' complaint", "outcome"),
        ("how old is the mayor", "age"),
        ("how long has the market been open for", "duration"),
        # A fragment that names its measure asks it as "how long" / "how far" would.
        ("rason market hall length", "size"),
        ("fish market distance to the port", "distance"),
        ("harbour to rason, distance?", "distance"),
    ],
)
def test_a_question_names_the_fact_it_asks(question: str, kind: str) -> None:
    found = asked_fact(question).kind
    assert found is not None and found.name == kind


@pytest.mark.parametrize(
    "question", ["Why did prices double?", "does the market sell crab", "tell me about Rason"]
)
def test_a_question_without_a_fact_type_reads_nothing(question: str) -> None:
    assert asked_fact(question).kind is None
    assert fact_held(asked_fact(question), HARBOUR) == FactHeld()


@pytest.mark.parametrize(
    "question",
    [
        "How long is the market hall in Rason?",
        "How much did the market hall cost to build?",
        "Who is the mayor of Rason?",
        "How far is the ferry route to Vladivostok?",
        "When did Rason open the fish market?",
    ],
)
def test_the_asked_fact_beside_the_subject_is_held(question: str) -> None:
    held = fact_held(asked_fact(question), HARBOUR)
    assert held.missing == 0 and held.unmet <= 0.34


@pytest.mark.parametrize(
    "question",
    [
        # The story's own subject, a fact the text does not give.
        "How much does a crab cost at the Rason fish market?",
        "what was the name of the captain of the Vladivostok ferry",
        "What was the outcome of the traders' protest over prices?",
        "How old is the mayor of Rason?",
        "How many squid boats use the harbour?",
    ],
)
def test_a_near_miss_lacks_the_asked_fact(question: str) -> None:
    held = fact_held(asked_fact(question), HARBOUR)
    assert held.unmet >= 0.5


def test_a_fact_of_the_type_about_another_subject_is_not_near() -> None:
    # The text's one length is the hall's: the ferry's length is not given.
    hall = fact_held(asked_fact("How long is the market hall?"), HARBOUR)
    ferry = fact_held(asked_fact("How long is the Rason ferry boat?"), HARBOUR)
    assert hall.unmet < ferry.unmet


def test_a_distance_from_a_place_is_not_the_length_asked() -> None:
    text = "The depot stands 30 km from the Tumen border crossing."
    assert fact_held(asked_fact("How long is the Tumen border?"), text).missing == 1
    assert fact_held(asked_fact("How far is the depot from the Tumen border?"), text).missing == 0


def test_a_name_must_be_new_and_not_a_place() -> None:
    text = "Officials in Rason County confirmed the fire at the Rason Fish Market."
    assert fact_held(asked_fact("Who started the fire at the Rason fish market?"), text).missing
    named = "Fire chief Ri Yong-ho confirmed the fire at the Rason fish market."
    assert not fact_held(
        asked_fact("Who confirmed the fire at the Rason fish market?"), named
    ).missing


def test_the_gate_reads_the_asked_fact() -> None:
    features = answerability_of(
        GateFeatures(1.0, 0.5, 3, 0, 0, 0), "How old is the mayor?", HARBOUR
    )
    assert features.fact_missing == 1 and features.fact_unmet == 1.0
    gate = GateWeights((("fact_unmet", -2.0),), 0.0, 0.0, 0.0)
    answered = answerability_of(GateFeatures(1.0, 0.5, 3, 0, 0, 0), "Who is the mayor?", HARBOUR)
    assert gate.score(answered) > gate.score(features)
