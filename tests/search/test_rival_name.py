"""Whether the excerpt writes a rival where the question's name would stand (rival_name.py), on
an election-and-census story written here."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import bot.search.domain.gate as gate
from bot.search.domain.gate import GateFeatures, answerability_of
from bot.search.domain.rival_name import rival_name

CENSUS = (
    "The census counted 2.1 million people in West Varnia, up 3% since 2015. "
    "Mayor Tomas Brel-Ost said the count was fair."
)
VOTES = "Tomas Brel-Ost won 41,000 votes, and his rival Tomas Kell won 38,000."


def _examples() -> list[dict[str, object]]:
    text = resources.files("bot.search").joinpath("data", "rival_name.json").read_text("utf-8")
    examples: list[dict[str, object]] = json.loads(text)["examples"]
    return examples


@pytest.mark.parametrize("example", _examples(), ids=lambda e: str(e["question"]))
def test_the_data_files_examples(example: dict[str, object]) -> None:
    assert rival_name(str(example["question"]), str(example["excerpt"])) == example["rival_name"]


@pytest.mark.parametrize(
    "question",
    [
        "how many people live in east varnia?",  # another side of a contrast before Varnia
        "How many people live in Eastern Varnia?",
        "what did Mayor Tomas Vinter say about the count?",  # another Tomas, capitalised
        "how many votes did tomas lund-eri get",  # a hyphenated name is a name in lower case
    ],
)
def test_a_rival_in_place_of_the_asked_name(question: str) -> None:
    assert rival_name(question, CENSUS) == 1


@pytest.mark.parametrize(
    "question",
    [
        "how many people live in west varnia?",
        "How many people live in Western Varnia?",  # a form of the same side
        "what did mayor tomas brel ost say about the count",  # the hyphen written as a space
        "What did Tomas Brel-Oste say?",  # a spelling close enough
        "how many West Varnians were counted?",  # a word that begins another
        "what did the mayor say about the census?",  # no name asked
    ],
)
def test_the_asked_name_said(question: str) -> None:
    assert rival_name(question, CENSUS) == 0


def test_a_name_across_a_full_stop_or_a_comma_is_no_rival() -> None:
    # "Varnia. Mayor" and "Brel-Ost won" are two names' ends, not one name.
    assert rival_name("how many votes did Tomas Kell get?", VOTES) == 0
    assert rival_name("how many votes did Tomas Moor get?", VOTES) == 1
    assert rival_name("what happened to the 2015 Varnia count", CENSUS) == 0


def test_the_gate_reads_it() -> None:
    base = GateFeatures(0.9, 0.6, 3, 0, 0, 0)
    before = gate.SOFT_ALWAYS
    gate.SOFT_ALWAYS = True
    try:
        rival = answerability_of(base, "how many people live in east varnia?", CENSUS)
        same = answerability_of(base, "how many people live in west varnia?", CENSUS)
    finally:
        gate.SOFT_ALWAYS = before
    assert (rival.rival_name, same.rival_name) == (1, 0)
