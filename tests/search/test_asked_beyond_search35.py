"""Round 20's readings of asked_beyond.json (branch search35): a capacity, a firm named with a
word before 'company', a health question, and the 'now' scope met by a recent count (a
story of our own about a mountain hostel, not of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.asked_beyond import asked_attributes, beyond

HOSTEL = (
    "The mountain hostel at Ryongmun was enlarged last year with a new wing. "
    "Hikers who stay there are mostly students from the city."
)
SIZED = (
    "The mountain hostel at Ryongmun was enlarged last year with a new wing. "
    "It can now house up to 120 hikers in 40 beds."
)


@pytest.mark.parametrize(
    ("question", "attribute"),
    [
        ("what is the capacity of the Ryongmun hostel", "capacity"),
        ("how many hikers can the new wing hold", "capacity"),
        ("which ferry company runs the lake crossing", "builder"),
        ("what exactly is wrong with the warden's health", "illness"),
    ],
)
def test_a_question_asks_the_attribute(question: str, attribute: str) -> None:
    assert attribute in asked_attributes(question)


@pytest.mark.parametrize(
    "question",
    [
        "what's wrong with the ferry",  # a fault, not an illness
        "how many hikers stay at the hostel",  # a count, not a capacity
        "which hostel did the students pick",
    ],
)
def test_what_asks_no_such_attribute(question: str) -> None:
    assert not {"capacity", "illness", "builder"} & set(asked_attributes(question))


def test_a_capacity_needs_a_count_it_can_hold() -> None:
    question = "what is the capacity of the Ryongmun hostel after the new wing"
    assert beyond(question, HOSTEL).ask_missing == 1
    assert beyond(question, SIZED).ask_missing == 0


def test_a_firm_needs_its_name() -> None:
    question = "which ferry company runs the Ryongmun lake crossing"
    told = "The Ryongmun lake crossing is run by Kumgang Ferry Company since 2015."
    untold = "A local ferry company runs the Ryongmun lake crossing twice a day."
    assert beyond(question, untold).ask_missing == 1
    assert beyond(question, told).ask_missing == 0


def test_a_health_question_needs_an_illness() -> None:
    question = "what exactly is wrong with the Ryongmun warden's health"
    assert beyond(question, "The Ryongmun warden's health is being questioned.").ask_missing == 1
    told = "The Ryongmun warden's health is poor: he suffers from diabetes."
    assert beyond(question, told).ask_missing == 0


@pytest.mark.parametrize(
    ("excerpt", "unmet"),
    [
        ("In a recent count, 300 hikers were sheltering at Ryongmun.", 0),
        ("The latest figures show 300 hikers sheltering at Ryongmun.", 0),
        ("A survey in 2019 found that 300 hikers sheltered at Ryongmun.", 1),
        # A present progressive, or years called recent, date no count.
        ("A survey last year found that 300 hikers are sheltering at Ryongmun.", 1),
        ("The Ryongmun shelter expanded in recent years and took 300 hikers.", 1),
    ],
)
def test_now_is_met_by_a_recent_count(excerpt: str, unmet: int) -> None:
    question = "how many hikers are sheltering at Ryongmun right now"
    assert beyond(question, excerpt).scope_unmet == unmet


def test_in_charge_asks_a_person_not_a_price() -> None:
    from bot.search.domain.focus import asked, holds

    question = "who is in charge of the mountain province around Ryongmun"
    reading = asked(question)
    assert reading.focus is not None and reading.focus.name == "person"
    told = "Governor Pak Sung-il, who runs the province, opened the Ryongmun hostel."
    assert holds(reading, told).filler_missing == 0
    assert asked("what are the charges for a night at the hostel").focus.name == "money"
