"""Round 20: statements under their topic where the week's first five stay (genrejoin.py), and
the headline that names an event's news (newsweight.news_lead)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.archive.domain.articles import Article
from bot.digest.domain import genrejoin, leftovers, newsweight
from bot.digest.domain.genrejoin import join_topics, reading_order
from bot.digest.domain.leftovers import ARTICLES, STATEMENTS, rider_home
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsweight import news_lead
from bot.digest.domain.sections import OTHER
from tests.digest.support import digest_item

ROK = "South Korea and the US"


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="h")


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


# A week like W31: a commentary on the ROK reads first; the ROK's own news is a rally.
HIGHLIGHTS = {
    1: _item(1, "KCNA Commentary", "The U.S. and the ROK held drills against the DPRK."),
    2: _item(2, "100th Candlelight Rally for Impeachment of Puppet Yoon"),
    3: _item(3, "Kim Jong Un Inspects Flood-hit Areas"),
    4: _item(4, "Plenary Meeting Held"),
    5: _item(5, "Kim Jong Un Oversees Drill"),
    6: _item(6, "Farm Machines Conveyed"),
    7: _item(7, "Youth Day Celebrated"),
}
PLACE = {1: 1.8, 2: 0.3, 3: 1.5, 4: 1.4, 5: 1.3, 6: 1.2, 7: 0.1}
SECTIONS = {
    STATEMENTS: [1],
    "Floods and recovery": [3],
    "Party and state meetings": [4],
    "Military tests and drills": [5],
    "Economy and construction": [6],
    ROK: [2],
    "Anniversaries": [7],
}


def _home(i: int, names: Sequence[str]) -> str:
    return rider_home(HIGHLIGHTS[i], names, False)


def _first_five(sections: dict[str, list[int]], demoted: set[int]) -> set[int]:
    return set(reading_order(sections, HIGHLIGHTS.__contains__, PLACE.__getitem__, demoted)[:5])


def test_a_leading_statement_joins_its_topic_and_the_rider_moves_to_its_own_theme() -> None:
    got, demoted = join_topics(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, _home, 10)
    assert STATEMENTS not in got
    assert got[ROK] == [1]  # the commentary leads "South Korea and the US"
    assert got["Protests in South Korea"] == [2]  # the rally does not ride up with it
    assert not demoted
    assert _first_five(got, demoted) == _first_five(SECTIONS, set()) == {1, 3, 4, 5, 6}


def test_without_a_home_for_the_rider_the_statement_keeps_the_genre_heading() -> None:
    got, _ = join_topics(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, lambda i, names: OTHER, 10)
    assert got == SECTIONS  # joining would push the farm machines out of the first five


def test_no_new_heading_past_the_cap() -> None:
    got, _ = join_topics(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, _home, 6)
    assert got == SECTIONS


def test_a_statement_below_the_first_five_reads_below_its_topics_news() -> None:
    highlights = {**HIGHLIGHTS, 8: _item(8, "Football Team Qualified")}
    place = {**PLACE, 1: 0.5, 8: 1.1}  # the commentary 6th, above the rally
    sections = {**SECTIONS, "Culture and sports": [8]}
    got, demoted = join_topics(sections, highlights, place.__getitem__, _home, 10)
    assert got[ROK] == [2, 1] and demoted == {1}
    order = reading_order(got, highlights.__contains__, place.__getitem__, demoted)
    assert order[5:] == [2, 1, 7]  # the rally, then the commentary: the section keeps its place
    assert reading_order(got, highlights.__contains__, place.__getitem__)[5:] == [1, 2, 7]


def test_statements_naming_no_shown_topic_stay_and_the_switch_turns_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sections = {**SECTIONS, ROK: [], STATEMENTS: [1]}
    got, _ = join_topics(sections, HIGHLIGHTS, PLACE.__getitem__, _home, 10)
    assert got[STATEMENTS] == [1]
    monkeypatch.setattr(genrejoin, "JOIN_TOPICS", False)
    assert join_topics(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, _home, 10)[0] == SECTIONS


def test_a_rider_goes_under_a_shown_section_a_theme_or_the_articles() -> None:
    names = ["Diplomacy and greetings", ARTICLES]
    assert (
        rider_home(_item(8, "Kim Jong Un Sends Reply Message to Russian President"), names, False)
        == "Diplomacy and greetings"
    )
    assert (
        rider_home(
            _item(9, "Struggle Staged in Puppet ROK to Demand Resignation of Yoon"), names, False
        )
        == "Protests in South Korea"
    )
    assert (
        rider_home(_item(10, "Mass Rally Held in Pyongyang"), names, False) == OTHER
    )  # not the ROK
    assert rider_home(_item(11, "Present Situation of Alliance"), names, True) == ARTICLES
    assert rider_home(_item(11, "Present Situation of Alliance"), names[:1], True) == OTHER


def _report(i: int, title: str, body: str) -> Article:
    return Article(id=f"a{i}", source="KCNA", title=title, body=body)


TRIP = [
    _report(1, "Tablet Displayed in Russia", "x" * 900),
    *[_report(i, "DPRK Foreign Minister Leaves for Russia", "y" * 300) for i in (2, 3, 4, 5)],
    *[
        _report(i, "Press Statement on Strategic Dialogue between FMs", "z" * 500)
        for i in (6, 7, 8, 9)
    ],
    _report(10, "Tablet Displayed in Russia", "x" * 100),
]


def _title(a: Article) -> str:
    return a.title


def test_an_event_shows_the_headline_that_names_its_news() -> None:
    lead, told = news_lead(TRIP, TRIP[0], _title)
    # the minister's trip, weighty, holds 4 of 10 reports against the tablet's 2; its statement
    # (as many reports, the longer) names it without making the highlight weighty
    assert lead.title == "Press Statement on Strategic Dialogue between FMs"
    assert {a.title for a in told} == {lead.title, "DPRK Foreign Minister Leaves for Russia"}


def test_the_longest_report_leads_when_it_names_news_or_the_others_are_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weighty = TRIP[1]
    assert news_lead(TRIP, weighty, _title) == (weighty, TRIP)
    few = [
        TRIP[0],
        TRIP[-1],
        TRIP[1],
        *[_report(i, "Exhibition Opens", "e") for i in range(20, 26)],
    ]
    assert news_lead(few, TRIP[0], _title) == (TRIP[0], few)  # 1 of 9: under a third
    monkeypatch.setattr(newsweight, "SAID_HEADS", False)
    assert news_lead(TRIP, TRIP[0], _title)[0].title == "DPRK Foreign Minister Leaves for Russia"
    monkeypatch.setattr(newsweight, "LEAD_NAMES_NEWS", False)
    assert news_lead(TRIP, TRIP[0], _title) == (TRIP[0], TRIP)
