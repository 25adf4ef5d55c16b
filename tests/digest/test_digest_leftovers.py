"""Round 18: where a highlight no section takes by its headline goes (leftovers.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.digest.domain import leftovers
from bot.digest.domain.alike import occasions, shared_occasion
from bot.digest.domain.leftovers import (
    ARTICLES,
    STATEMENTS,
    keep_order,
    leftover_home,
    leftover_homes,
    nearest_shown,
    parse_leftovers,
    statement_home,
)
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "leftovers.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["headline"][:40] for c in CASES])
def test_each_leftover_gets_its_heading(case: dict[str, Any]) -> None:
    got = leftover_home(case["headline"], case.get("summary", ""), False)
    assert got == case["section"]


def test_a_feature_is_left_to_the_articles_fold_and_the_switch_turns_it_all_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert leftover_home("Teaching Design Contest Held", "", True) == OTHER
    monkeypatch.setattr(leftovers, "FILE_LEFTOVERS", False)
    assert leftover_home("Teaching Design Contest Held", "", False) == OTHER


def test_themes_are_read_from_their_own_list() -> None:
    text = "sections:\n- {name: A, words: [alpha]}\nleftovers:\n- {name: T, words: [theme*]}\n"
    assert [s.name for s in parse_leftovers(text)] == ["T"]
    assert parse_leftovers("sections:\n- {name: A, words: [alpha]}\n") == ()


def test_a_capped_single_joins_only_a_shown_section_its_words_name() -> None:
    thanks = DigestArticle(
        article_id="a1",
        title="Message of Thanks Sent to Miners",
        url="https://news.example/1",
        source="Example Wire",
        published=datetime(2024, 10, 10, tzinfo=UTC),
        summary="The complex finished a project.",
        score=1.0,
        topic=0,
    )
    assert nearest_shown(thanks, ["Economy and construction"]) == "Economy and construction"
    assert nearest_shown(thanks, ["Culture and sports"]) == OTHER
    assert nearest_shown(thanks, []) == OTHER
    # An article's summary files nothing.
    assert nearest_shown(thanks, ["Economy and construction"], "Editorials and articles") == OTHER


def test_a_named_year_is_an_occasion_a_span_of_time_is_not() -> None:
    assert occasions("National Flag Hoisted on New Year") == {"new year"}
    assert occasions("Leader Sends New Year Cards") == {"new year"}
    assert occasions("Grain Harvest This Year") == frozenset()
    assert occasions("Youth Day Celebrated") == {"youth day"}


def test_a_short_weeks_topic_is_named_by_the_holiday_most_of_it_names() -> None:
    titles = ["Flag Hoisted on New Year", "New Year Greeted", "Volleyball Game Held"]
    assert shared_occasion(titles) == "New Year"
    assert shared_occasion(["Flag Hoisted on New Year", "Game Held", "Talks Held"]) is None
    assert shared_occasion([]) is None


STATEMENT_CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "statements.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", STATEMENT_CASES, ids=[c["summary"][:40] for c in STATEMENT_CASES])
def test_a_statement_goes_under_the_topic_it_addresses(
    case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)
    assert statement_home(case["headline"], case["summary"]) == case["section"]


def test_genres_go_under_their_topic_by_default() -> None:
    # Round 18b: sections.yaml ``genres_by_topic`` ships true (blind readers 12-14).
    assert leftovers.FILE_STATEMENTS is None
    assert leftovers.files_genres()


def test_genres_stay_under_their_headings_with_the_option_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", False)
    assert not leftovers.files_genres()
    summary = "The U.S. and the ROK staged large-scale joint drills near the border."
    assert statement_home("Press Statement of Defence Ministry Spokesman", summary) == STATEMENTS
    assert statement_home("Rodong Sinmun Article", summary, genre=ARTICLES) == ARTICLES


def test_an_editorial_goes_under_its_topic_with_the_option_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)
    editorial = DigestArticle(
        article_id="e1",
        title="Japan's Militarist Ambition Exposed: Rodong Sinmun",
        url="https://news.example/e1",
        source="Example Wire",
        published=datetime(2024, 10, 10, tzinfo=UTC),
        summary="Kishida's cabinet keeps increasing its military spending.",
        score=1.0,
        topic=0,
    )
    plain = replace(editorial, title="Let Us Work Harder: Rodong Sinmun", summary="Work hard.")
    homes = leftover_homes({0: editorial, 1: plain}, {0: ARTICLES, 1: ARTICLES}, lambda i: True)
    assert homes == {0: "Japan", 1: ARTICLES}


def test_statement_filing_can_be_turned_off_and_leaves_other_highlights_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = DigestArticle(
        article_id="s1",
        title="Press Statement of Defence Ministry Spokesman",
        url="https://news.example/s1",
        source="Example Wire",
        published=datetime(2024, 10, 10, tzinfo=UTC),
        summary="The U.S. and the ROK staged joint drills.",
        score=1.0,
        topic=0,
    )
    parade = DigestArticle(
        article_id="s2",
        title="Military Parade Held",
        url="https://news.example/s2",
        source="Example Wire",
        published=datetime(2024, 10, 10, tzinfo=UTC),
        summary="The U.S. was named in a speech.",
        score=1.0,
        topic=0,
    )
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", True)
    filed = {0: STATEMENTS, 1: "Military tests and drills"}
    homes = leftover_homes({0: article, 1: parade}, filed, lambda i: False)
    assert homes == {0: "South Korea and the US", 1: "Military tests and drills"}
    monkeypatch.setattr(leftovers, "FILE_STATEMENTS", False)
    assert leftover_homes({0: article}, {0: STATEMENTS}, lambda i: False) == {0: STATEMENTS}


def test_a_statement_that_would_lift_its_topic_keeps_the_statements_heading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    us = "South Korea and the US"
    home = {0: us, 1: us, 2: us}
    filed = {0: STATEMENTS, 1: us, 2: STATEMENTS}
    places = {0: 2.0, 1: 1.0, 2: 0.5}
    # 0 reads above the topic's own highlight: it stays apart; 2 reads below it: it joins.
    assert keep_order(home, filed, places.__getitem__) == {0: STATEMENTS, 1: us, 2: us}
    # A topic of statements alone lifts nothing.
    assert keep_order({0: us}, {0: STATEMENTS}, places.__getitem__) == {0: us}
    monkeypatch.setattr(leftovers, "KEEP_ORDER", False)
    assert keep_order(home, filed, places.__getitem__) == home


def test_an_article_headline_is_not_filed_by_its_summarys_words() -> None:
    # Round 18 (readers 9 and 10, W34): a 1945 speech recalled by an article is no meeting.
    summary = 'President Kim Il Sung made a historic speech "On Building the Party".'
    assert leftover_home("Line of Independently Building New Country", summary, False) == OTHER
    # A headline with a verb still is (the looser filing of round 18).
    assert leftover_home("Officials Hold Talks on New Country", summary, False) != OTHER


@pytest.mark.parametrize(
    ("headline", "section"),
    [
        ("Kim Jong Un Sends Congratulatory Message to Manpho Smeltery", "Economy and construction"),
        ("Int'l Affairs Analyst's Comment on Behavior of U.S. and West", ARTICLES),
        ("Schoolchildren of Japanese Society, Tundra of Human Rights", ARTICLES),
        (
            "Kim Jong Un Sends Congratulatory Message to Vietnamese President",
            "Diplomacy and greetings",
        ),
    ],
)
def test_headings_fit_their_items(headline: str, section: str) -> None:
    # Round 18: items readers 9 and 10 called misfits under their headings (W38, W40, W45).
    from bot.digest.domain.sections import section_of

    assert section_of(headline) == section


def test_volunteers_for_the_army_go_under_the_army() -> None:
    title = "Many Youth and Students in DPRK Volunteer to Join or Rejoin KPA"
    assert leftover_home(title, "", False) == "The army"
