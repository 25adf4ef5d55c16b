"""Round 19b: a genre heading named by the subject its statements share (genrenames.py)."""

from __future__ import annotations

import pytest

from bot.digest.domain import genrenames, leftovers
from bot.digest.domain.genrenames import name_genres, parse_subjects, shared_subject
from bot.digest.domain.leftovers import ARTICLES, STATEMENTS
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER
from tests.digest.support import digest_item


def _item(i: int, title: str, summary: str = "") -> DigestArticle:
    return digest_item(i, title, summary, prefix="s")


ON_ROK = _item(1, "Press Statement of Defence Spokesman", "The ROK military flew drones again.")
ON_SEOUL = _item(2, "KCNA Report", "Roads to the ROK were blocked by the army.")
ON_RUSSIA = _item(
    3, "Press Statement of Foreign Ministry", "Kyiv attacked the territory of Russia."
)
ON_NOTHING = _item(
    4, "Press Statement of Spokesperson", "The transparency of the state was proved."
)


@pytest.fixture(autouse=True)
def _genres_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)


def test_a_statements_section_sharing_one_subject_is_named_by_it() -> None:
    highlights = {1: ON_ROK, 2: ON_SEOUL, 3: ON_NOTHING}
    sections = {"Party and state meetings": [0], STATEMENTS: [1, 2, 3], "Culture and sports": [5]}
    got = name_genres(sections, highlights)
    # two of three name the ROK: named, in its place, with every item kept
    assert list(got) == [
        "Party and state meetings",
        "Statements on South Korea and the US",
        "Culture and sports",
    ]
    assert got["Statements on South Korea and the US"] == [1, 2, 3]
    assert sections[STATEMENTS] == [1, 2, 3]  # the input is left alone


def test_statements_sharing_nothing_keep_the_genre_name() -> None:
    assert shared_subject([ON_ROK, ON_RUSSIA]) == OTHER  # one each: under 2/3
    assert shared_subject([ON_NOTHING]) == OTHER
    assert shared_subject([]) == OTHER
    got = name_genres({STATEMENTS: [1, 3]}, {1: ON_ROK, 3: ON_RUSSIA})
    assert list(got) == [STATEMENTS]


def test_the_subject_is_in_a_readers_words() -> None:
    got = name_genres({STATEMENTS: [3]}, {3: ON_RUSSIA})
    assert list(got) == ["Statements on Russia"]  # not "Statements on Relations with Russia"
    assert parse_subjects("genre_subjects:\n  Japan: Japan\n") == {"Japan": "Japan"}
    with pytest.raises(ValueError):
        parse_subjects("genre_subjects:\n  - Japan\n")


def test_a_shown_topic_heading_keeps_the_genre_name_or_joins_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sections = {STATEMENTS: [1], "South Korea and the US": [7]}
    highlights = {1: ON_ROK}
    assert list(name_genres(sections, highlights)) == [STATEMENTS, "South Korea and the US"]
    monkeypatch.setattr(genrenames, "JOIN_SHOWN", True)
    assert name_genres(sections, highlights) == {"South Korea and the US": [7, 1]}


def test_articles_keep_their_name_and_the_switches_turn_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    essay = _item(9, "Schoolchildren of Japanese Society, Tundra of Human Rights", "A paper said.")
    assert list(name_genres({ARTICLES: [9]}, {9: essay})) == [ARTICLES]
    monkeypatch.setattr(genrenames, "NAME_GENRES", False)
    assert list(name_genres({STATEMENTS: [1]}, {1: ON_ROK})) == [STATEMENTS]
    monkeypatch.setattr(genrenames, "NAME_GENRES", True)
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", False)
    assert list(name_genres({STATEMENTS: [1]}, {1: ON_ROK})) == [STATEMENTS]
