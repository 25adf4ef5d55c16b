"""Round 21's readings of asked_beyond.json (branch search38): a nationality after "identified
as" is no name, and a question asking which operator or carrier runs a service asks a firm (a
story of our own about a lake ferry, not of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.asked_beyond import asked_attributes, beyond

FOUND = (
    "Fishermen found a small boat drifting off Chodo last week. "
    "The man aboard was identified as North Korean from his papers and a ration card."
)
NAMED = (
    "Fishermen found a small boat drifting off Chodo last week. "
    "The man aboard was identified as Pak Chol-su from his papers and a ration card."
)
FERRY = (
    "The lake ferry to Ryongmun now crosses twice a day. "
    "Tickets cost less than last year and the boats are newer."
)
RUN = (
    "The lake ferry to Ryongmun now crosses twice a day. "
    "The crossing is operated by Taedong Shipping, a firm from the city."
)


@pytest.mark.parametrize(
    ("excerpt", "missing"),
    [(FOUND, 1), (NAMED, 0)],
)
def test_a_nationality_after_identified_as_is_no_name(excerpt: str, missing: int) -> None:
    question = "what was the name of the man found in the boat off Chodo"
    assert beyond(question, excerpt).ask_missing == missing


@pytest.mark.parametrize(
    "question",
    [
        "which ferry operator runs the crossing to Ryongmun",
        "what mobile carrier do the Ryongmun ferry passengers use",
    ],
)
def test_an_operator_or_carrier_is_asked_as_a_firm(question: str) -> None:
    assert "builder" in asked_attributes(question)


def test_the_operator_is_said_when_the_excerpt_names_who_runs_it() -> None:
    question = "which ferry operator runs the crossing to Ryongmun"
    assert beyond(question, FERRY).ask_missing == 1
    assert beyond(question, RUN).ask_missing == 0


def test_a_question_of_the_ferry_itself_asks_no_firm() -> None:
    assert "builder" not in asked_attributes("how often does the ferry to Ryongmun cross the lake")
