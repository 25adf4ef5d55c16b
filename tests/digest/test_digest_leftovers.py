"""Round 18: where a highlight no section takes by its headline goes (leftovers.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.digest.domain import leftovers
from bot.digest.domain.alike import occasions, shared_occasion
from bot.digest.domain.leftovers import leftover_home, nearest_shown, parse_leftovers
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
