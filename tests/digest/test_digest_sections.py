"""News sections that head the digest's topics (bot/digest/domain/sections.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.digest.domain.catchall import HONEST, is_catchall
from bot.digest.domain.leftovers import shipped_leftovers
from bot.digest.domain.sections import (
    OTHER,
    parse_sections,
    section_leads,
    section_of,
    shipped_sections,
)

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "sections.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["headline"][:40] for c in CASES])
def test_each_case_gets_its_section(case: dict[str, Any]) -> None:
    assert section_of(case["headline"], case.get("summary", "")) == case["section"]


def test_every_section_has_a_case_and_names_are_distinct() -> None:
    names = [s.name for s in shipped_sections()]
    assert len(names) == len(set(names))
    assert OTHER not in names
    assert set(names) <= {c["section"] for c in CASES}


def test_headline_outweighs_summary_and_order_breaks_ties() -> None:
    table = parse_sections("sections:\n- {name: A, words: [alpha]}\n- {name: B, words: [beta*]}\n")
    assert section_of("Betas here", "alpha there", table) == "B"
    assert section_of("alpha and betas", "", table) == "A"
    assert section_of("nothing", "", table) == OTHER


def test_needs_must_be_met() -> None:
    table = parse_sections("sections:\n- {name: L, needs: [leader], words: [visits]}\n")
    assert section_of("Minister visits plant", "", table) == OTHER
    assert section_of("Leader visits plant", "", table) == "L"


@pytest.mark.parametrize(
    "text",
    ["sections: 3\n", "sections:\n- {words: [a]}\n", "sections:\n- {name: X, words: []}\n"],
)
def test_malformed_taxonomy_fails_fast(text: str) -> None:
    with pytest.raises(ValueError):
        parse_sections(text)


def test_a_full_week_is_headed_by_sections_other_news_last_among_the_news() -> None:
    from bot.digest.domain.build import build_digest
    from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week

    articles = example_week()
    digest = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    labels = [t.label for t in digest.topics]
    news = [label for label in labels if not label.startswith("Series:")]
    assert len(news) >= 2
    themes = {s.name for s in shipped_leftovers()}
    assert {n for n in news if not is_catchall(n)} <= {s.name for s in shipped_sections()} | themes
    # Routine lines stay last; the catch-all closes the news.
    assert labels[: len(news)] == news
    assert OTHER not in news
    assert [n for n in news if is_catchall(n)] == news[-1:]
    # Round 18: the science exhibition has its theme's heading; the catch-all keeps the rest.
    assert "Science and education" in news
    # Round 18b: never named by one of its items' headlines (readers 9, 11, 12, 13).
    assert news[-1] == HONEST
    for topic in digest.topics:
        if topic.label in {s.name for s in shipped_sections()} | themes:
            for highlight in topic.highlighted:
                # Filed by its headline, or a leftover filed by its theme or its summary.
                assert section_of(highlight.title, highlight.summary) in (topic.label, OTHER)


def test_unless_words_in_the_headline_rule_a_section_out() -> None:
    table = parse_sections(
        "sections:\n- {name: T, words: [missile*], unless: [inspect*]}\n"
        "- {name: V, words: [inspect*]}\n"
    )
    assert section_of("Missile Test Held", "", table) == "T"
    assert section_of("Leader Inspects Missile Base", "", table) == "V"
    # A word of the summary files nothing.
    assert section_of("Report Released", "a missile test", table) == OTHER


def test_every_shipped_section_has_a_lead_and_other_news_one_too() -> None:
    leads = section_leads()
    assert set(leads) == {s.name for s in shipped_sections()} | {OTHER}
    # Fitted: the catch-all reads after the week's tests (training/tune_digest_order.py).
    assert leads[OTHER] < leads["Military tests and drills"]


def test_a_lead_must_be_a_number() -> None:
    with pytest.raises(ValueError, match="lead"):
        parse_sections("sections:\n- {name: A, words: [a], lead: high}\n")
