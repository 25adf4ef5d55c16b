"""Answerability: what a question asks for, and whether an excerpt holds it (focus.py)."""

from __future__ import annotations

import pytest

from bot.search.domain.focus import Holds, asked, foci, holds
from bot.search.domain.gate import GateWeights, answerability_only_lowers, reads_answerability
from bot.search.domain.query import answer_type_of


def test_every_focus_of_the_data_file_is_read() -> None:
    names = [f.name for f in foci()]
    assert len(names) == len(set(names)) >= 5


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What is the population of Kaesong?", "population"),
        ("how many residents live in Sinuiju these days", "population"),
        ("What do miners in Mongolia earn in a year?", "money"),
        ("how much does a train ticket to Beijing cost", "money"),
        ("How long is the Yalu bridge?", "length"),
        ("which firm built the new hotel", "organisation"),
        ("Where did the delegation stay?", "place"),
        ("who signed the agreement for the Chinese side", "person"),
        ("What is the envoy's nationality?", "nationality"),
        ("how old is the foreign minister", "age"),
    ],
)
def test_a_question_names_what_it_asks_for(question: str, focus: str) -> None:
    found = asked(question).focus
    assert found is not None and found.name == focus


@pytest.mark.parametrize(
    "question",
    ["Why did the talks collapse?", "how long did the blockade last", "Is the border open?"],
)
def test_a_question_without_a_kind_of_fact_has_no_focus(question: str) -> None:
    assert asked(question).focus is None
    assert holds(asked(question), "Nothing here says anything.") == Holds()


@pytest.mark.parametrize(
    ("question", "excerpt"),
    [
        ("What is the population of Kaesong?", "Kaesong has some 300,000 inhabitants."),
        ("What do miners in Mongolia earn in a year?", "Miners in Mongolia make about $9,000."),
        ("How long is the Yalu bridge?", "The Yalu bridge runs for three kilometres."),
        ("which firm built the new hotel", "The hotel was built by Orient Building Company."),
        ("Where did the delegation stay?", "The delegation stayed at the Koryo Hotel."),
        ("who signed the agreement", "The agreement was signed by Li Wen-hao yesterday."),
    ],
)
def test_an_excerpt_that_gives_the_fact_holds_a_filler(question: str, excerpt: str) -> None:
    found = holds(asked(question), excerpt)
    assert (found.focus_missing, found.filler_missing) == (0, 0)
    assert found.filler_gap < 0.5


@pytest.mark.parametrize(
    ("question", "excerpt"),
    [
        ("What is the population of Kaesong?", "Kaesong's factories reopened in spring."),
        ("What do miners in Mongolia earn in a year?", "Miners in Mongolia work long shifts."),
        ("which firm built the new hotel", "the new hotel opened with a party."),
        ("who signed the agreement", "the agreement was signed after long talks."),
    ],
)
def test_an_excerpt_about_the_subject_without_the_fact_misses_it(
    question: str, excerpt: str
) -> None:
    found = holds(asked(question), excerpt)
    assert (found.focus_missing, found.filler_missing, found.filler_gap) == (1, 1, 1.0)


def test_the_question_s_own_name_is_not_the_answer() -> None:
    question = asked("Who met Li Wen-hao in Dandong?")
    assert holds(question, "Li Wen-hao arrived in Dandong on Monday.").filler_missing == 1
    assert holds(question, "Li Wen-hao met Chang Sung-ho in Dandong.").filler_missing == 0


def test_a_filler_far_from_the_question_s_words_reads_far() -> None:
    question = asked("What do miners in Mongolia earn?")
    near = holds(question, "Miners in Mongolia earn $700 a month.")
    far = holds(
        question,
        "Miners in Mongolia went on strike. The talks dragged on for weeks while the owners "
        "sat in the capital and the papers wrote about other things, such as football, "
        "weather, elections and the price of a new car, which rose to $30,000.",
    )
    assert near.filler_gap < far.filler_gap


@pytest.mark.parametrize(
    "question",
    [
        "my bot for our server keeps crashing when two people use a command, how do I fix that",
        "is there a library to make a Discord bot that posts news to our channel",
    ],
)
def test_a_question_that_only_mentions_a_server_or_bot_is_not_about_the_community(
    question: str,
) -> None:
    kind = answer_type_of(question)
    assert kind is None or kind.name != "community"


@pytest.mark.parametrize(
    "question",
    ["what are the rules of our server", "who moderates our group?", "what is this sub for"],
)
def test_a_question_about_this_community_still_gets_its_type(question: str) -> None:
    kind = answer_type_of(question)
    assert kind is not None and kind.name == "community"


def _gate(weights: dict[str, float], growing: dict[str, float] | None = None) -> GateWeights:
    return GateWeights.from_json(
        {
            "weights": weights,
            "per_decade_weights": growing or {},
            "bias": 0.0,
            "min_gate": 0.0,
            "per_decade": 0.0,
        }
    )


def test_the_focus_is_read_only_when_a_gate_weighs_it() -> None:
    assert not reads_answerability(_gate({"coverage": 1.0}))
    assert reads_answerability(_gate({"coverage": 1.0, "filler_missing": -2.0}))


def test_a_passage_below_the_bar_is_skipped_only_when_the_focus_can_only_lower_it() -> None:
    assert answerability_only_lowers(_gate({"focus_missing": -1.0, "filler_missing": -2.0}))
    assert not answerability_only_lowers(_gate({"filler_missing": 0.5}))
    assert not answerability_only_lowers(_gate({"filler_missing": -0.5}, {"filler_missing": 1.0}))


def test_a_weight_that_grows_per_decade_only_lowers_where_it_stays_at_or_below_zero() -> None:
    # -2 + 0.5 x log10(articles): below 0 up to 10,000 articles, above past it.
    gate = _gate({"filler_missing": -2.0}, {"filler_missing": 0.5})
    assert answerability_only_lowers(gate, 100)
    assert not answerability_only_lowers(gate, 1_000_000)


@pytest.mark.parametrize(
    "question",
    [
        "who asked about the bus timetable in Wonsan?",
        "who started the thread about ferry tickets",
        "who made the post asking whether the museum reopened?",
    ],
)
def test_who_posted_questions_have_no_focus_the_citation_answers(question: str) -> None:
    # The submitter is shown in the citation ("posted by ..."), not in the excerpt's text.
    assert asked(question).focus is None
    assert asked("who runs the museum in Wonsan?").focus is not None
