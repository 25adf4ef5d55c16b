"""/search counts a word a query repeats once (round 21, search39); /ask keeps the sums.

Long natural-language claims repeat their subject ("cells ... cell"); on SciFact's tuning half
capping each term's query weight at 1 ranked articles +0.003 nDCG@10 (bench/RESULTS.md).
"""

from __future__ import annotations

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question, once_per_word

ARTICLES = [
    Article(
        id="cells",
        source="test",
        title="Cell division in the embryo",
        body="Cells divide. Each cell copies its genome before the cell splits in two. "
        "Cell cycle checkpoints stop a damaged cell.",
    ),
    Article(
        id="mito",
        source="test",
        title="Mitochondria and energy",
        body="Mitochondria make energy for the cell. Damaged mitochondria are removed.",
    ),
    Article(
        id="rice",
        source="test",
        title="Rice harvest",
        body="Farmers brought in the rice harvest early this year after a dry summer.",
    ),
]


def _index() -> SearchIndex:
    return SearchIndex.build(ARTICLES, [p for a in ARTICLES for p in split_passages(a)])


def _ranked(index: SearchIndex, query: str) -> list[tuple[str, float]]:
    return [(h.article_id, round(h.score, 6)) for h in index.search(query, k=3)]


def test_a_repeated_word_does_not_change_the_search() -> None:
    index = _index()
    once = _ranked(index, "damaged cell mitochondria")
    assert once  # the query matches
    assert _ranked(index, "damaged cell cells cell mitochondria") == once


def test_the_cap_changes_only_weights_above_one() -> None:
    index = _index()
    question = build_question(index.parts().weights, "cell cells mitochondria energy")
    weights = dict(zip(question.vector.term_ids, question.vector.weights, strict=True))
    assert max(weights.values()) == 2.0  # "cell" and "cells" stem alike: /ask sums them
    capped = once_per_word(question)
    after = dict(zip(capped.vector.term_ids, capped.vector.weights, strict=True))
    assert after.keys() == weights.keys()
    assert all(after[t] == min(w, 1.0) for t, w in weights.items())
    assert capped.words == question.words and capped.answer_type == question.answer_type


def test_a_question_without_repeats_is_left_as_it_is() -> None:
    index = _index()
    question = build_question(index.parts().weights, "mitochondria energy")
    assert once_per_word(question) is question
