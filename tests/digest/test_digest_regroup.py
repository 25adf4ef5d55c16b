"""Round 21c: one-item headings regrouped so the cap's leftovers get a heading (regroup.py)."""

from __future__ import annotations

import pytest

from bot.digest.domain import leftovers, regroup
from bot.digest.domain.genrejoin import reading_order
from bot.digest.domain.leftovers import ARTICLES
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.regroup import leftover_home
from bot.digest.domain.sections import OTHER
from tests.digest.support import digest_item


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="g")


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


CAP = 10
HIGHLIGHTS = {
    1: _item(1, "Plenary Meeting Held"),
    2: _item(2, "Missile Test-fired"),
    3: _item(3, "ROK Drills Denounced"),
    4: _item(4, "Puppet ROK Border Closed"),
    5: _item(5, "Flood Damage Repaired"),
    6: _item(6, "Football Festival Opens"),
    7: _item(7, "Russian Ambassador Hosts Reception"),
    8: _item(8, "Sports Delegation Leaves for Russia"),
    9: _item(9, "Kim Jong Un Receives Message from Xi Jinping"),
    10: _item(10, "Koreans in China Hold Meeting"),
    11: _item(11, "Youth Volunteer to Join KPA"),
    12: _item(12, "Vietnamese Delegation Tours Pyongyang"),
    13: _item(13, "Thanks Conveyed to Employees of Steel Complex"),
    14: _item(14, "Sports Science Symposium Held"),
    15: _item(15, "Ambassador Presents Credentials"),
    16: _item(16, "Greetings to Foreign Minister of Laos"),
    17: _item(17, "Tourism in DPRK"),
    18: _item(18, "Great Achievements in Glorifying National History"),
}
PLACE = {1: 2.0, 2: 1.9, 3: 1.8, 4: 1.7, 5: 1.6, 6: 1.0, 7: 0.9, 8: 0.85, 9: 0.8, 10: 0.7}
PLACE |= {11: 0.75, 12: 0.5, 13: 0.4, 14: 0.65, 15: 0.95, 16: 0.6, 17: 0.3, 18: 0.2}
# Ten headings with the catch-all (a week like 2024-W42).
SECTIONS = {
    "Party and state meetings": [1],
    "Military tests and drills": [2],
    "South Korea and the US": [3, 4],
    "Floods and recovery": [5],
    "Culture and sports": [6],
    "Relations with Russia": [7, 8],
    "Relations with China": [9],
    "Koreans abroad": [10],
    "The army": [11],
    OTHER: [12, 13],
}


def _run(sections: dict[str, list[int]], place: dict[int, float] = PLACE, cap: int = CAP):
    return regroup.regroup(sections, HIGHLIGHTS, place.__getitem__, set(), cap)


def _first(sections: dict[str, list[int]], place: dict[int, float] = PLACE) -> list[int]:
    return reading_order(sections, HIGHLIGHTS.__contains__, place.__getitem__)[:5]


@pytest.mark.parametrize(
    ("i", "articles", "home"),
    [
        (12, False, "Diplomacy and greetings"),
        (13, False, "Economy and construction"),
        (17, True, "Travel and scenery"),  # a subject that opens by its own words
        (18, True, OTHER),  # "history" only joins a shown heading (article_openers)
    ],
)
def test_the_home_a_leftover_may_open(i: int, articles: bool, home: str) -> None:
    assert leftover_home(HIGHLIGHTS[i], articles) == home


def test_swap_a_single_its_home_names_too_goes_with_the_leftover() -> None:
    got = _run(SECTIONS)
    assert got["Diplomacy and greetings"] == [9, 12]  # Xi's message is a message too
    assert "Relations with China" not in got
    assert got[OTHER] == [13]  # no single is named by "Economy and construction"'s words
    assert _first(got) == _first(SECTIONS)
    assert sum(1 for m in got.values() if m) == CAP


def test_pair_two_singles_one_section_names_share_it() -> None:
    sections = {n: m for n, m in SECTIONS.items() if n != "Koreans abroad"}
    sections["Science and education"] = [14]
    got = _run(sections)
    assert got["Culture and sports"] == [6, 14]  # "Sports Science Symposium": sport*
    assert "Science and education" not in got
    assert got["Economy and construction"] == [13]
    assert OTHER not in got  # the catch-all is gone
    assert _first(got) == _first(sections)


def test_join_a_single_a_shown_heading_names() -> None:
    sections = {n: m for n, m in SECTIONS.items() if n not in ("Koreans abroad", "The army")}
    sections["Diplomacy and greetings"] = [15, 16]
    sections[OTHER] = [13]
    got = _run(sections)
    assert got["Diplomacy and greetings"] == [15, 16, 9]
    assert got["Economy and construction"] == [13]
    assert "Relations with China" not in got and OTHER not in got


def test_no_regroup_that_changes_the_first_five() -> None:
    # The leftover's new heading would read fifth, ahead of the floods.
    place = {**PLACE, 12: 1.65}
    got = _run(SECTIONS, place)
    assert got["Relations with China"] == [9] and 12 in got[OTHER]
    assert _first(got, place) == _first(SECTIONS, place)


def test_a_feature_left_with_the_articles_opens_its_subject() -> None:
    sections = {n: m for n, m in SECTIONS.items() if n not in (OTHER, "Koreans abroad")}
    sections["Science and education"] = [14]
    sections[ARTICLES] = [17, 18]
    got = _run(sections)
    assert got["Travel and scenery"] == [17]  # the pair Culture + Science made room
    assert got[ARTICLES] == [18]  # "history" opens nothing
    assert got["Culture and sports"] == [6, 14]
    assert sum(1 for m in got.values() if m) == CAP


def test_never_past_the_cap_and_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(SECTIONS, cap=0) == SECTIONS
    monkeypatch.setattr(regroup, "REGROUP", False)
    assert _run(SECTIONS) == SECTIONS
