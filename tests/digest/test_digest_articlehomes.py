"""Round 21: features and editorials under the subject their headline names (articlehomes.py)."""

from __future__ import annotations

import pytest

from bot.digest.domain import articlehomes, leftovers
from bot.digest.domain.articlehomes import article_subject_of, file_articles
from bot.digest.domain.genrejoin import reading_order
from bot.digest.domain.genrenames import shipped_article_subjects
from bot.digest.domain.leftovers import ARTICLES
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER
from tests.digest.support import digest_item


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="a")


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


@pytest.mark.parametrize(
    ("title", "summary", "subject"),
    [
        (
            "Rodong Sinmun Calls for Becoming True Patriots in Era of State-First Principle",
            "",
            "Party ideology",
        ),
        ("Invincible Is Sacred Revolutionary Cause of WPK: Rodong Sinmun", "", "Party ideology"),
        ("Rodong Sinmun Lauds Kim Jong Un as Outstanding Leader", "", "Tributes to the leaders"),
        ("Talchon Hot Spring in DPRK", "", "Travel and scenery"),
        ("Great Achievements in Glorifying National History", "", "Korean history"),
        ('Waters of Red Sea, "Maze" of Armed Interventionists', "", "The Middle East"),
        ("Explosion of Ukishima-maru Shows Japan's Unethical Crime", "", "Japan"),
        ("Education in Law Observance Intensified in DPRK", "", "Science and education"),
        ("Efforts for Improving People's Living Standard", "", "Society and daily life"),
        # the lead's words are its argument's: no subject from them (LEAD_TOO off)
        ("Truth behind Murder of Empress Myongsong", "Japan killed the empress.", OTHER),
        ("New Ladders in Douche Place", "Human rights are respected.", OTHER),
    ],
)
def test_the_subject_a_headline_names(title: str, summary: str, subject: str) -> None:
    assert article_subject_of(_item(1, title, summary)) == subject


def test_the_lead_names_a_statement_topic_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    item = _item(1, "Truth behind Murder of Empress Myongsong", "Japan killed the empress.")
    monkeypatch.setattr(articlehomes, "LEAD_TOO", True)
    assert article_subject_of(item) == "Japan"


def test_the_new_subjects_are_data() -> None:
    names = [s.name for s in shipped_article_subjects()]
    assert {"Party ideology", "Korean history", "Tributes to the leaders"} <= set(names)


HIGHLIGHTS = {
    1: _item(1, "Kim Jong Un Oversees Test-fire"),
    2: _item(2, "Plenary Meeting Held"),
    3: _item(3, "Kim Jong Un Inspects Flood-hit Areas"),
    4: _item(4, "Farm Machines Conveyed"),
    5: _item(5, "Youth Day Celebrated"),
    6: _item(6, "Rodong Sinmun Calls for Ushering in New Era of Powerful Nation"),
    7: _item(7, "Explosion of Ukishima-maru Shows Japan's Unethical Crime"),
    8: _item(8, "New Ladders in Douche Place"),
    9: _item(9, "Japanese Prime Minister Kishida Criticised", "Japan's Kishida."),
}
PLACE = {1: 2.0, 2: 1.8, 3: 1.6, 4: 1.4, 5: 1.2, 6: 0.2, 7: 0.1, 8: 0.0, 9: 0.5}
SECTIONS = {
    "Military tests and drills": [1],
    "Party and state meetings": [2],
    "Floods and recovery": [3],
    "Economy and construction": [4],
    "Anniversaries": [5],
    ARTICLES: [6, 7, 8],
}


def _order(sections: dict[str, list[int]], demoted: set[int]) -> list[int]:
    return reading_order(sections, HIGHLIGHTS.__contains__, PLACE.__getitem__, demoted)


def test_each_article_goes_under_its_subject_and_the_rest_stays() -> None:
    got, demoted = file_articles(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, set(), 10)
    assert got["Party ideology"] == [6]
    assert got["Japan"] == [7]
    assert got[ARTICLES] == [8]  # names no subject: the genre heading stays for it alone
    assert not demoted
    assert _order(got, demoted)[:5] == _order(SECTIONS, set())[:5]


def test_a_shown_subject_takes_the_article_below_its_news() -> None:
    sections = {**SECTIONS, "Japan": [9]}
    got, demoted = file_articles(sections, HIGHLIGHTS, PLACE.__getitem__, set(), 10)
    assert got["Japan"] == [9, 7]
    assert demoted == {7}
    assert _order(got, demoted).index(7) == _order(got, demoted).index(9) + 1


def test_no_new_heading_past_the_cap() -> None:
    got, _ = file_articles(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, set(), 6)
    assert got == SECTIONS  # six headings shown already: none opens


def test_the_heading_goes_when_every_article_found_a_subject() -> None:
    sections = {**SECTIONS, ARTICLES: [6, 7]}
    got, _ = file_articles(sections, HIGHLIGHTS, PLACE.__getitem__, set(), 10)
    assert ARTICLES not in got
    assert got["Party ideology"] == [6] and got["Japan"] == [7]


def test_an_article_among_the_first_five_stays() -> None:
    place = {**PLACE, 6: 1.5}
    got, _ = file_articles(SECTIONS, HIGHLIGHTS, place.__getitem__, set(), 10)
    assert 6 in got[ARTICLES]


def test_off_keeps_the_genre_heading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articlehomes, "FILE_ARTICLES", False)
    got, _ = file_articles(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, set(), 10)
    assert got == SECTIONS


def test_an_essays_human_rights_is_its_argument_its_country_the_subject() -> None:
    item = _item(1, "Schoolchildren of Japanese Society, Tundra of Human Rights")
    assert article_subject_of(item) == "Japan"
    assert article_subject_of(_item(2, "Human Rights Abuses Condemned")) == (
        "Human rights and sanctions at the UN"
    )
