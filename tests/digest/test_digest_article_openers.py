"""Round 21b: an article opens a heading only by a name; a leader's story stays with the
editorials unless a leaders' subject takes it (articlehomes.py, sections.yaml article_openers,
leader_stories)."""

from __future__ import annotations

import pytest

from bot.digest.domain import articlehomes, leftovers
from bot.digest.domain.articlehomes import (
    file_articles,
    is_leader_story,
    parse_openers,
    shipped_openers,
)
from bot.digest.domain.leftovers import ARTICLES
from bot.digest.domain.model import DigestArticle
from tests.digest.support import digest_item


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="o")


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


NEWS = {
    1: _item(1, "Kim Jong Un Oversees Test-fire"),
    2: _item(2, "Plenary Meeting Held"),
    3: _item(3, "Kim Jong Un Inspects Flood-hit Areas"),
    4: _item(4, "Farm Machines Conveyed"),
    5: _item(5, "Youth Day Celebrated"),
}
SECTIONS = {
    "Military tests and drills": [1],
    "Party and state meetings": [2],
    "Floods and recovery": [3],
    "Economy and construction": [4],
    "Anniversaries": [5],
}
PLACE = {1: 2.0, 2: 1.8, 3: 1.6, 4: 1.4, 5: 1.2, 6: 0.3, 7: 0.2, 8: 0.1, 9: 0.0}


def _file(articles: dict[int, DigestArticle], extra: dict[str, list[int]] | None = None):
    highlights = {**NEWS, **articles}
    sections = {**SECTIONS, **(extra or {}), ARTICLES: sorted(articles)}
    return file_articles(sections, highlights, PLACE.__getitem__, set(), 10)


@pytest.mark.parametrize(
    ("title", "summary", "story"),
    [
        ("Site for School Chosen Personally by President Kim Il Sung", "", True),
        (
            "Firm Faith in War Victory",
            "One day in January Juche 41 (1952), PresidentKim Il Sunginstructed an official.",
            True,
        ),
        (
            "Line of Independently Building New Country",
            "President Kim Il Sung made a historic speech on August 20, Juche 34 (1945).",
            True,
        ),
        # an editorial naming the leader in this year's terms tells no story of him
        (
            "Rodong Sinmun Calls for Ushering in New Era of Powerful Nation",
            "Rodong Sinmun says the people rally behind Kim Jong Un in 2024.",
            False,
        ),
        ("History of Great Change", "", False),
        ("Munsu Water Park", "Many people spend a good time at the water park.", False),
    ],
)
def test_a_leader_story_is_told_by_its_headline_or_its_lead(
    title: str, summary: str, story: bool
) -> None:
    assert is_leader_story(_item(6, title, summary)) is story


def test_an_abstract_word_opens_no_heading() -> None:
    got, _ = _file({6: _item(6, "History of Great Change")})
    assert "Korean history" not in got and got[ARTICLES] == [6]
    got, _ = _file({6: _item(6, "Education in Law Observance Intensified in DPRK")})
    assert "Science and education" not in got and got[ARTICLES] == [6]


def test_an_abstract_word_still_joins_a_shown_heading() -> None:
    news = {9: _item(9, "New School Built in Pyongyang")}
    got, demoted = file_articles(
        {**SECTIONS, "Science and education": [9], ARTICLES: [6]},
        {**NEWS, **news, 6: _item(6, "Education in Law Observance Intensified in DPRK")},
        PLACE.__getitem__,
        set(),
        10,
    )
    assert got["Science and education"] == [9, 6] and demoted == {6}


def test_a_name_opens_its_heading() -> None:
    got, _ = _file(
        {
            6: _item(6, "Rodong Sinmun Calls for Ushering in New Era of Powerful Nation"),
            7: _item(7, 'Waters of Red Sea, "Maze" of Armed Interventionists'),
            8: _item(8, "Munsu Water Park"),
            9: _item(9, "President Kim Il Sung's Benevolence for Workers"),
        }
    )
    assert got["Party ideology"] == [6] and got["The Middle East"] == [7]
    assert got["Travel and scenery"] == [8] and got["Tributes to the leaders"] == [9]
    assert ARTICLES not in got


def test_a_leader_story_stays_with_the_editorials_or_goes_under_the_leaders() -> None:
    faith = _item(6, "Firm Faith in War Victory", "One day in 1952, Kim Il Sung told an official.")
    school = _item(7, "Site for School Chosen Personally by President Kim Il Sung")
    got, _ = _file({6: faith, 7: school})
    assert got[ARTICLES] == [6]  # its lead names the leader, its headline no subject of his
    assert got["Tributes to the leaders"] == [7]  # its headline names him: he is its subject
    assert "Party ideology" not in got and "Science and education" not in got


def test_a_party_essay_opens_by_its_doctrine_not_by_faith() -> None:
    essay = _item(6, "Officials Should Become Communist Revolutionaries of the Party")
    got, _ = _file({6: essay})
    assert got["Party ideology"] == [6]
    got, _ = _file({7: _item(7, "Firm Faith in Hard Times")})
    assert "Party ideology" not in got and got[ARTICLES] == [7]


def test_off_files_as_round_21(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articlehomes, "OPEN_BY_NAME", False)
    got, _ = _file({6: _item(6, "History of Great Change")})
    assert got["Korean history"] == [6]


def test_the_openers_are_data_and_checked() -> None:
    rules = shipped_openers()
    assert "rodong sinmun" in (rules.names["Party ideology"] or ())
    assert "faith" not in (rules.names["Party ideology"] or ())
    assert rules.names["Japan"] is None and "Korean history" not in rules.names
    assert rules.leader_subjects == ("Tributes to the leaders",)
    with pytest.raises(ValueError):
        parse_openers("article_openers:\n  Japan: 3\n")
