"""A headline formula whose slot names the party that acted joins no series (round 16, W35)."""

from __future__ import annotations

import numpy as np
import pytest

from bot.digest.domain import series
from bot.digest.domain.series import (
    find_series,
    match_titles,
    names_party,
    parties_apart,
    party_pairs,
    title_words,
)

TWO_DELEGATIONS = [
    "Russian Delegation of Experts Returns Home",
    "Russian Delegation of Education Officials Returns Home",
]
TWO_MINISTRIES = [
    "DPRK Civil Aviation Delegation Returns",
    "DPRK Foreign Ministry Delegation Returns",
]
NATIONS = ["Mongolian Delegation Returns Home", "Russian Delegation Returns Home"]
GREETINGS = [
    "Kim Jong Un Receives Greetings from Egyptian President",
    "Kim Jong Un Receives Greetings from Lao President",
]
HOUSES = ["New Houses Built in Sariwon City", "New Houses Built in Tanchon City"]


def words_of(titles: list[str]) -> list[list[str]]:
    return [title_words(t) for t in titles]


@pytest.mark.parametrize("titles", [TWO_DELEGATIONS, TWO_MINISTRIES, NATIONS])
def test_two_parties_of_one_formula_are_no_series(titles: list[str]) -> None:
    a, b = words_of(titles)
    match = match_titles(a, b)
    assert match is not None  # one formula ...
    assert names_party(match)  # ... whose slot says which delegation
    assert find_series([a, b]) == []
    assert party_pairs([a, b]) == [(0, 1)]


@pytest.mark.parametrize("titles", [GREETINGS, HOUSES])
def test_a_slot_after_the_verb_still_makes_a_series(titles: list[str]) -> None:
    a, b = words_of(titles)
    match = match_titles(a, b)
    assert match is not None and not names_party(match)
    assert find_series([a, b]) == [[0, 1]]
    assert party_pairs([a, b]) == []


def test_the_switch_restores_round_15s_join(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(series, "SPLIT_PARTY_SLOTS", False)
    assert find_series(words_of(TWO_DELEGATIONS)) == [[0, 1]]
    assert party_pairs(words_of(TWO_DELEGATIONS)) == []


def test_stories_of_two_parties_lose_their_tie() -> None:
    titles = [
        "Russian Delegation of Experts Arrives in Pyongyang",
        "Russian Delegation of Experts Returns Home",
        "Russian Delegation of Education Officials Arrives Here",
        "Russian Delegation of Education Officials Returns Home",
        "Mongolian Delegation Tours Factory",
    ]
    items = [[0, 1], [2, 3], [4]]
    alike = np.full((3, 3), 0.4)
    np.fill_diagonal(alike, 1.0)
    apart = parties_apart(alike, items, titles)
    assert apart[0, 1] == apart[1, 0] == 0.0
    assert apart[0, 2] == pytest.approx(0.4)  # no formula shared: left as it was
    assert alike[0, 1] == pytest.approx(0.4)  # the input is not changed
