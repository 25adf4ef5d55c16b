"""Whether the excerpt's value of the asked kind belongs to the question's subject
(asked_subject.py), on a ferry-and-pier story written here."""

from __future__ import annotations

import pytest

import bot.search.domain.gate as gate
from bot.search.domain.asked_subject import clauses_of, subject_apart, subject_of
from bot.search.domain.gate import GateFeatures, answerability_of

# The pier's builder and the ferry's launch date are given, each in the subject's own clause.
TOLD = (
    "The new pier at Lorne Harbour was built by Castell Marine in 2019. "
    "The island ferry was launched on March 3, 2021, and carries 400 passengers. "
    "Mayor Ilse Brandt praised the service."
)
# The same story where every name and date belongs to another subject than the pier or ferry:
# the mayor's visit has the date, the harbour master the name.
ELSEWHERE = (
    "Mayor Ilse Brandt visited Lorne Harbour on March 3, 2021. "
    "The new pier stands beside the island ferry's slipway. "
    "Harbour master Owen Reyes said the ferry is popular."
)
CAPTION = "Mayor Ilse Brandt and Owen Reyes, March 3, 2021 | The town plans a new pier."


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Who built the new pier at Lorne Harbour?", ("pier",)),
        ("which company built the pier", ("pier",)),
        ("When was the island ferry launched?", ("island", "ferry")),
        ("when did the ferry start running", ("ferry",)),
        ("what is the name of the harbour master", ("harbour", "master")),
        ("what year was the stone pier over the bay built", ("stone", "pier")),
        ("when is the Lorne Harbour ferry and pier project supposed to open?", ("project",)),
        ("how many passengers does the island ferry carry", ("island", "ferry")),
    ],
)
def test_the_subject_is_read_from_the_question_form(question: str, words: tuple[str, ...]) -> None:
    subject = subject_of(question)
    assert subject is not None and subject.words == words


@pytest.mark.parametrize(
    "question",
    [
        "why do people like the ferry",  # no asked value
        "who built the numbers",  # a vague head names no subject
        "tell me about the pier",
    ],
)
def test_no_subject_where_the_form_names_none(question: str) -> None:
    assert subject_of(question) is None
    assert subject_apart(question, ELSEWHERE) == 0


@pytest.mark.parametrize(
    "question",
    [
        "When was the island ferry launched?",
        "Who built the new pier at Lorne Harbour?",
        "which company built the pier",
    ],
)
def test_a_value_in_the_subjects_clause_answers(question: str) -> None:
    assert subject_apart(question, TOLD) == 0


@pytest.mark.parametrize(
    "question",
    [
        "When was the island ferry launched?",  # the date is the mayor's visit
        "Who built the new pier at Lorne Harbour?",  # the names are the mayor's and the master's
    ],
)
def test_a_value_of_another_subject_is_apart(question: str) -> None:
    assert subject_apart(question, ELSEWHERE) == 1


def test_a_caption_date_is_not_the_pier_s_in_the_next_clause() -> None:
    assert clauses_of(CAPTION)[-1].startswith("The town plans")
    assert subject_apart("when will the new pier open", CAPTION) == 1


def test_a_question_without_an_asked_type_reads_nothing() -> None:
    assert subject_apart("why is the ferry popular", ELSEWHERE) == 0


def test_the_gate_feature_reads_it_when_training() -> None:
    before = gate.SOFT_ALWAYS
    gate.SOFT_ALWAYS = True
    try:
        base = GateFeatures(0.5, 0.5, 2, 0, 0, 0)
        apart = answerability_of(base, "When was the island ferry launched?", ELSEWHERE)
        told = answerability_of(base, "When was the island ferry launched?", TOLD)
    finally:
        gate.SOFT_ALWAYS = before
    assert (apart.subject_apart, told.subject_apart) == (1, 0)


def test_an_excerpt_without_any_value_of_the_type_is_not_apart() -> None:
    # type_missing and fact_soft read a missing value; this feature reads whose value it is.
    assert subject_apart("When was the island ferry launched?", "The island ferry is new.") == 0
