"""The gate's query-performance signals: how the candidate list stands (gate.QueryContext)."""

from __future__ import annotations

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.gate import QueryContext, gate_features
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question


def test_a_standout_first_candidate_reads_apart_from_a_flat_list() -> None:
    standout = QueryContext.of([9.0, 3.0, 2.5, 2.0], [0.7, 0.2, 0.1, 0.1])
    flat = QueryContext.of([3.1, 3.0, 3.0, 2.9], [0.21, 0.2, 0.2, 0.19])
    assert standout.top_gap > flat.top_gap > 0.0
    assert standout.nqc > flat.nqc
    assert standout.dense_best > flat.dense_best
    assert standout.dense_gap > flat.dense_gap


def test_the_context_is_scale_free_and_empty_lists_read_as_zero() -> None:
    small = QueryContext.of([4.0, 2.0, 1.0], [0.5, 0.3, 0.1])
    large = QueryContext.of([40.0, 20.0, 10.0], [0.5, 0.3, 0.1])
    assert small.top_gap == large.top_gap
    assert abs(small.nqc - large.nqc) < 1e-9
    empty = QueryContext.of([], None)
    assert (empty.top_gap, empty.nqc, empty.dense_best, empty.dense_gap) == (0, 0, 0, 0)
    assert QueryContext.of([5.0], [0.4]).top_gap == 1.0


def test_the_passage_reads_its_lexical_score_against_the_best() -> None:
    articles = [Article(id="a", source="t", title="Dam", body="The reservoir rose.")]
    index = SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
    question = build_question(index.parts().weights, "reservoir")
    context = QueryContext.of([8.0, 2.0], [0.6, 0.1])
    assert gate_features(question, {"reservoir"}, "", 0.6, 1, None, context, 4.0).relative == 0.5
    assert gate_features(question, {"reservoir"}, "", 0.6, 1).relative == 0.0
