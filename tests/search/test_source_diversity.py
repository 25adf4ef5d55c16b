"""One prolific source must not fill the first three answers while another source answers."""

from __future__ import annotations

import dataclasses

import pytest

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.diversity import diversify
from bot.search.domain.index import SearchIndex


def test_diversify_moves_the_best_other_source_into_the_third_place() -> None:
    hits = [("a", 1), ("a", 2), ("a", 3), ("a", 4), ("b", 5), ("b", 6)]
    out = diversify(hits, lambda h: h[0], window=3, per_source=2)
    assert out == [("a", 1), ("a", 2), ("b", 5), ("a", 3), ("a", 4), ("b", 6)]


def test_diversify_leaves_mixed_or_single_source_lists_alone() -> None:
    mixed = [("a", 1), ("b", 2), ("a", 3), ("a", 4)]
    single = [("a", 1), ("a", 2), ("a", 3), ("a", 4)]
    assert diversify(mixed, lambda h: h[0], 3, 2) == mixed
    assert diversify(single, lambda h: h[0], 3, 2) == single
    late = [*single, ("b", 5)]
    assert diversify(late, lambda h: h[0], 3, 3) == late


def _agency_report(i: int) -> Article:
    body = (
        f"The special envoy on human rights said in Seoul that report {i} was wrong. "
        "The special envoy on human rights repeated it in Seoul."
    )
    title = f"Special envoy on human rights in Seoul {i}"
    return Article(id=f"agency-{i}", source="agency", title=title, body=body)


@pytest.mark.parametrize("per_source", [2, 3])
def test_a_post_that_answers_is_not_crowded_out_of_the_first_three(
    monkeypatch: pytest.MonkeyPatch, per_source: int
) -> None:
    agency = [_agency_report(i) for i in range(12)]
    post = Article(
        id="post",
        source="community",
        title="Envoy visit",
        body="Visiting Seoul on Monday, the special envoy on human rights said that 600 people "
        "sent back from China in October face torture, and that the camps must be opened to "
        "monitors. The visit lasted three days and included meetings with defectors.",
    )
    filler = [
        Article(id=f"f{i}", source="community", title=f"Harvest {i}", body=f"Rice rose {i}%.")
        for i in range(5)
    ]
    articles = [*agency, post, *filler]
    index = SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
    # The gate is lowered so that every candidate passes: the rule orders what passes.
    settings = dataclasses.replace(
        answers.SETTINGS, min_gate=-1e9, gate_per_decade=0.0, per_source=per_source
    )
    monkeypatch.setattr(answers, "SETTINGS", settings)
    hits = index.ask("What did the special envoy on human rights say in Seoul?", k=5).hits
    sources = [h.source for h in hits]
    assert len(hits) == 5
    if per_source == 2:
        assert sources[:3].count("agency") == 2 and "community" in sources[:3]
    else:  # the rule off: the agency's many similar reports take every place
        assert sources == ["agency"] * 5
