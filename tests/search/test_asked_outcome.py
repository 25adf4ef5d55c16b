"""Whether the excerpt's sentence about the question's subject says what happened, or only
asks, plans or calls for it (asked_outcome.py), on a harbour-and-festival story written here."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import bot.search.domain.gate as gate
from bot.search.domain.asked_outcome import outcome, subject_sentences
from bot.search.domain.gate import GateFeatures, answerability_of

# A member's own post that asks the question a later member asks again.
ASKED = (
    "Been away for a while. I hear the harbour master is retiring. "
    "Is his deputy, Mara Quist, ready to run the harbour? What do you all think?"
)
# A report of plans, calls and a hearing still to come.
PLANNED = (
    "The council plans to open a summer festival on the quay. "
    "Residents called on the council to fund a lifeboat station at the harbour. "
    "Dr. Ines Vale will speak before the regional assembly on Monday about the ferry cuts."
)
# The same story once things happened.
HAPPENED = (
    "The council opened the summer festival on the quay in June. "
    "The council funded a lifeboat station at the harbour after the residents' petition. "
    "After Dr. Ines Vale spoke, the regional assembly restored two ferry crossings."
)


def _examples() -> list[dict[str, object]]:
    text = resources.files("bot.search").joinpath("data", "asked_outcome.json").read_text("utf-8")
    examples: list[dict[str, object]] = json.loads(text)["examples"]
    return examples


@pytest.mark.parametrize("example", _examples(), ids=lambda e: str(e["question"]))
def test_the_data_files_examples(example: dict[str, object]) -> None:
    read = outcome(str(example["question"]), str(example["excerpt"]))
    assert (read.echo, read.unsaid) == (example["echo"], example["outcome_unsaid"])


@pytest.mark.parametrize(
    "question",
    [
        "did Mara Quist end up running the harbour?",
        "is the deputy going to take over the harbour",
        "will mara quist run the harbour",
    ],
)
def test_a_question_answered_by_the_same_question_is_an_echo(question: str) -> None:
    assert outcome(question, ASKED).echo == 1


@pytest.mark.parametrize(
    "question",
    [
        "what's the name of the harbour master's deputy?",  # a value the question sentence holds
        "why is everyone asking whether the deputy will run the harbour",  # the cause is beside it
        "what did the poster ask about the harbour master's deputy?",  # asks about the asking
        "has anyone here asked whether Mara Quist could run the harbour?",
    ],
)
def test_no_echo_where_the_question_sentence_may_answer(question: str) -> None:
    assert outcome(question, ASKED).echo == 0


@pytest.mark.parametrize(
    "question",
    [
        "did the summer festival on the quay ever open?",
        "was a lifeboat station at the harbour funded in the end?",
        "what did the regional assembly do after Ines Vale spoke about the ferry cuts?",
        "did the regional assembly end up restoring the ferry crossings",
    ],
)
def test_an_asked_outcome_only_planned_or_called_for_is_unsaid(question: str) -> None:
    assert outcome(question, PLANNED).unsaid == 1
    assert outcome(question, HAPPENED).unsaid == 0


@pytest.mark.parametrize(
    "question",
    [
        "what did residents call on the council to fund?",  # asks about the call itself
        "when will Ines Vale speak before the assembly?",  # asks about what is to come
        "what does the council plan to open on the quay?",
    ],
)
def test_a_question_about_the_plan_itself_is_not_unsaid(question: str) -> None:
    assert outcome(question, PLANNED).unsaid == 0


def test_the_subject_sentences_are_those_saying_most_of_the_question() -> None:
    sentences = subject_sentences("did the council fund the lifeboat station?", PLANNED)
    assert sentences == [
        "Residents called on the council to fund a lifeboat station at the harbour."
    ]
    assert subject_sentences("what about the weather?", PLANNED) == []


def test_the_gate_reads_both_features() -> None:
    base = GateFeatures(0.9, 0.6, 3, 0, 0, 0)
    before = gate.SOFT_ALWAYS
    gate.SOFT_ALWAYS = True
    try:
        echoed = answerability_of(base, "did Mara Quist end up running the harbour?", ASKED)
        planned = answerability_of(base, "did the summer festival ever open?", PLANNED)
        happened = answerability_of(base, "did the summer festival ever open?", HAPPENED)
    finally:
        gate.SOFT_ALWAYS = before
    assert (echoed.echo, echoed.outcome_unsaid) == (1, 1)
    assert (planned.echo, planned.outcome_unsaid) == (0, 1)
    assert (happened.echo, happened.outcome_unsaid) == (0, 0)
