"""Round 21's readings (branch search37): a number written with thousands separators, a claim
checked with a number slightly wrong (the excerpt's sentence corrects it), a fact-checker's
frame words and romanised Korean words (texts of our own, about an invented fishing town, not
of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.asked_check import is_check, number_said, question_numbers
from bot.search.domain.gate import _number_missing
from bot.search.domain.soft_match import relation_words, said

PORT = (
    "The port of Sinpo handled 2,400 tonnes of squid in 2021, the harbour office said. "
    "A 6-km breakwater shelters the fleet, and 41% of the town's men work on the boats. "
    "The office closed the quay on Mar. 14 after a storm."
)


@pytest.mark.parametrize(
    "question",
    [
        "is it true the port handled 3000 tonnes of squid?",
        "did the quay really close on mar 3",
        "someone says the breakwater is 9 km long, fact check",
        "the breakwater is 9 km, right?",
        "is that the right date, march 20?",
        "a guy said half the men work on boats. what do the numbers actually say",
    ],
)
def test_check_questions_are_read(question: str) -> None:
    assert is_check(question)


@pytest.mark.parametrize(
    "question",
    ["how long is the breakwater", "when did the quay close", "what share of men fish"],
)
def test_plain_questions_are_no_checks(question: str) -> None:
    assert not is_check(question)


def test_a_number_without_separators_is_said() -> None:
    # Not a check: the same number, written "2,400" in the excerpt.
    assert number_said("how many tonnes, 2400?", "2400", PORT)
    assert not number_said("how many tonnes, 2500?", "2500", PORT)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("is it true the port handled 3000 tonnes of squid?", "3000"),  # tonnes / tonnes
        ("someone says the breakwater is a 9 km wall, fact check", "9"),  # km / 6-km
        ("is it true that 60% of the men work on the boats", "60"),  # % / 41%
        ("did the quay really close on mar 3", "3"),  # Mar. / Mar.
    ],
)
def test_a_check_is_answered_by_the_number_that_corrects_it(question: str, number: str) -> None:
    assert number_said(question, number, PORT)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        # Not a check: another number with the same unit does not say it.
        ("how many men work on the boats, 60%?", "60"),
        # A check whose number has another unit, or none, in the excerpt.
        ("is it true the fleet has 30 boats", "30"),
        ("did the quay really close in 2019", "2019"),
    ],
)
def test_a_number_the_excerpt_does_not_correct_stays_missing(question: str, number: str) -> None:
    assert not number_said(question, number, PORT)


def test_question_numbers_fold_separators() -> None:
    assert question_numbers("is it true 1,000 people or 26 boats, 7.5%?") == ["1000", "26"]


def test_number_missing_reads_the_check() -> None:
    assert (
        _number_missing("is it true the port handled 3000 tonnes?", [frozenset({"3000"})], PORT)
        == 0
    )
    assert _number_missing("how many tonnes, 3000?", [frozenset({"3000"})], PORT) == 1
    assert _number_missing("how many tonnes?", [], PORT) == 0


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("is it true the quay closed", "true"),
        ("did the quay really close", "really"),
        ("fact check: the breakwater is 6 km", "fact"),
        ("fact check: the breakwater is 6 km", "check"),
        ("somebody says the quay closed, is that correct", "somebody"),
        ("somebody says the quay closed, is that correct", "correct"),
        ("heard a rumour the quay closed", "rumour"),
        ("how many tonnes exactly", "exactly"),
    ],
)
def test_a_fact_checkers_frame_words_ask_nothing(question: str, word: str) -> None:
    assert word not in relation_words(question, PORT)


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("how many people in bukhan fish", "bukhan", "Fishing feeds many in North Korea."),
        ("where do talbukja go", "talbukja", "Defectors often go to Seoul."),
        ("is the harbour master sick", "sick", "The harbour master's health is poor."),
    ],
)
def test_round_21_groups_say_romanised_and_everyday_words(
    question: str, word: str, text: str
) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


def test_round_21_groups_need_a_phrase_of_theirs() -> None:
    assert not said("is the harbour master sick", ["sick"], PORT, threshold=2.0).by["sick"]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("does sinpo really land half a million tonnes", "half", "Sinpo lands 500,000 tonnes."),
        ("does sinpo really land half a million tonnes", "million", "Sinpo lands 500,000 tonnes."),
        ("only like a thousand dockers?", "thousand", "Fewer than 1,000 dockers work there."),
        ("are there 2 million boats", "million", "The coast holds 2 million boats."),
    ],
)
def test_a_value_written_in_words_is_said_in_digits(question: str, word: str, text: str) -> None:
    assert word in relation_words(question, text)
    assert said(question, [word], text, threshold=2.0).by[word]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("only like a thousand dockers?", "thousand", "Fewer than 2,000 dockers work there."),
        ("does sinpo land half a million tonnes", "half", "Sinpo lands 1,000,000 tonnes."),
        ("half the dockers left", "half", "Fewer than 1,000 dockers work there."),
    ],
)
def test_another_value_does_not_say_it(question: str, word: str, text: str) -> None:
    assert not said(question, [word], text, threshold=2.0).by[word]
