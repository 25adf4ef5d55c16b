"""Round 20b (digest25): the articles heading named by what its items share, and an editorial
under the topic its headline names, below that topic's news, where the first five stay (round
21c: genrejoin.join_articles folded into articlehomes.file_articles, which these cases run)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest.domain import articlehomes, genrenames, leftovers
from bot.digest.domain.articlehomes import file_articles
from bot.digest.domain.genrejoin import reading_order
from bot.digest.domain.genrenames import article_subject, name_genres
from bot.digest.domain.leftovers import ARTICLES
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER
from tests.digest.support import digest_item

ROK = "South Korea and the US"


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="a", published=datetime(2024, 9, 20, tzinfo=UTC))


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


SPRING = _item(1, "Talchon Hot Spring in DPRK", "The spring is famous for its water.")
RESERVE = _item(2, "Mt Myohyang Area, World Network of Biosphere Reserves")
ESSAY = _item(3, "History of Great Change", "Rodong Sinmun says the country has changed.")
CARE = _item(4, "Kim Jong Un's Loving Care for Orphans")
LAUDS = _item(5, "Rodong Sinmun Lauds Kim Jong Un as Outstanding Leader")


def test_articles_sharing_a_subject_are_named_by_it() -> None:
    assert list(name_genres({ARTICLES: [1, 2]}, {1: SPRING, 2: RESERVE})) == ["Travel and scenery"]
    assert list(name_genres({ARTICLES: [4, 5]}, {4: CARE, 5: LAUDS})) == ["Tributes to the leaders"]


def test_articles_sharing_nothing_keep_the_genre_name() -> None:
    items = {1: SPRING, 3: ESSAY, 4: CARE}
    assert article_subject(list(items.values())) == OTHER
    assert list(name_genres({ARTICLES: [1, 3, 4]}, items)) == [ARTICLES]


def test_only_the_headline_names_an_articles_subject() -> None:
    # An editorial's summary carries its argument's words (W40: "human rights").
    argued = _item(6, "Line of Independently Building New Country", "a tourist resort and spa")
    assert article_subject([argued]) == OTHER


def test_the_switch_keeps_the_genre_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(genrenames, "NAME_ARTICLES", False)
    assert list(name_genres({ARTICLES: [1, 2]}, {1: SPRING, 2: RESERVE})) == [ARTICLES]


# A week where "South Korea and the US" reads third with two news items; an editorial on the
# alliance reads sixth under the articles heading.
COST = _item(10, "Present Situation of U.S.-ROK Alliance on Defence Cost Sharing Negotiations")
HIGHLIGHTS = {
    11: _item(11, "Missile Launched"),
    12: _item(12, "Plenary Meeting Held"),
    13: _item(13, "Kim Yo Jong Slams ROK Drones"),
    14: _item(14, "Puppet ROK Military Drills Denounced"),
    15: _item(15, "Kim Jong Un Inspects Factory"),
    16: _item(16, "Youth Day Celebrated"),
    10: COST,
    17: ESSAY,
    18: _item(18, "Cabinet Meeting Held"),
}
PLACE = {11: 2.0, 12: 1.9, 18: 1.85, 13: 1.8, 14: 1.7, 15: 1.0, 16: 0.9, 10: 0.96, 17: -0.3}
SECTIONS = {
    "Military tests and drills": [11],
    "Party and state meetings": [12, 18],
    ROK: [13, 14],
    "Kim Jong Un's inspections and visits": [15],
    "Anniversaries": [16],
    ARTICLES: [10, 17],
}


CAP = 10


def test_an_editorial_joins_its_topic_below_the_news_when_the_first_five_stay() -> None:
    out, demoted = file_articles(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, set(), CAP)
    assert out[ROK] == [13, 14, 10] and out[ARTICLES] == [17]
    assert demoted == {10}
    order = reading_order(out, HIGHLIGHTS.__contains__, PLACE.__getitem__, demoted)
    assert order[:5] == [11, 12, 18, 13, 14]
    assert order.index(10) == 5  # last in its section, right after the first five


def test_an_editorial_that_would_enter_the_first_five_stays() -> None:
    # With one news item under the topic, the section (read whole) would bring the editorial
    # into the first five: the join is refused (W41).
    sections = {**SECTIONS, ROK: [13], "Kim Jong Un's inspections and visits": [15, 14]}
    out, demoted = file_articles(sections, HIGHLIGHTS, PLACE.__getitem__, set(), CAP)
    assert out[ARTICLES] == [10, 17] and not demoted


def test_an_editorial_naming_no_shown_topic_stays_when_the_cap_is_reached() -> None:
    # digest25's join_articles never opened a heading. file_articles (digest26) opens the
    # topic's heading when the headline names the country and the cap leaves room; at the cap
    # the editorial stays with the articles, as it did.
    sections = {n: m for n, m in SECTIONS.items() if n != ROK}
    sections["Kim Jong Un's inspections and visits"] = [15, 13, 14]
    headings = len(sections)  # five shown: no room for a sixth
    out, demoted = file_articles(sections, HIGHLIGHTS, PLACE.__getitem__, set(), headings)
    assert out[ARTICLES] == [10, 17] and not demoted
    out, demoted = file_articles(sections, HIGHLIGHTS, PLACE.__getitem__, set(), CAP)
    assert out[ROK] == [10] and out[ARTICLES] == [17] and not demoted


def test_the_switch_keeps_the_editorial_with_the_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articlehomes, "FILE_ARTICLES", False)
    out, demoted = file_articles(SECTIONS, HIGHLIGHTS, PLACE.__getitem__, set(), CAP)
    assert out[ARTICLES] == [10, 17] and not demoted


@pytest.mark.parametrize(
    ("title", "visitor"),
    [
        (
            "Respected Comrade Kim Jong Un Receives Sergei Shoigu, Secretary of Security Council",
            True,
        ),
        ("Respected Comrade Kim Jong Un Receives Military Delegation of Russian Federation", True),
        ("Kim Jong Un Receives Greetings from President of Laos", False),
        ("Kim Jong Un Receives Floral Basket from Chinese Ambassador", False),
        ("Respected Comrade Kim Jong Un Meets Players and Coaches", False),
        ("Chinese Ambassador Receives Delegation", False),
    ],
)
def test_the_leader_receiving_a_visitor(title: str, visitor: bool) -> None:
    from bot.digest.domain.newsweight import receives_visitor

    assert receives_visitor(title) is visitor
