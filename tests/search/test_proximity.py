"""Passages that name the question's words together outrank ones that scatter or repeat them."""

from __future__ import annotations

import dataclasses

import pytest

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question, coverage, proximity

FILLER = (
    "The weather stayed mild. Markets opened late. A choir sang in the square. "
    "Buses ran on time. The library lent many books. Gardens were watered at dawn. "
    "Painters restored an old mural. Schools held their exams. Fishermen mended nets. "
)


def _index(bodies: dict[str, str]) -> SearchIndex:
    articles = [Article(id=k, source=k, title="Notes", body=v) for k, v in bodies.items()]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


def test_proximity_is_the_best_window_coverage() -> None:
    index = _index({"a": "Tigers crossed the frozen river near the village. " + FILLER})
    question = build_question(index.parts().weights, "tigers frozen river").vector
    analyzer = index.parts().weights.analyzer
    together = analyzer.analyze("tigers crossed the frozen river")
    apart = analyzer.analyze("tigers " + FILLER + " frozen river")
    assert proximity(question, together, 10) == pytest.approx(coverage(question, set(together)))
    assert proximity(question, apart, 10) < coverage(question, set(apart))
    assert proximity(question, [], 10) == 0.0


def test_the_passage_naming_every_word_together_ranks_first() -> None:
    crowd = (
        "Buses, trams, ferries, taxis, bicycles, scooters and carts filled the streets, "
        "markets, squares, bridges, harbours, parks, gardens, schools, libraries, museums, "
        "theatres, stadiums, temples, shops, cafes, bakeries, factories, offices and hotels."
    )
    bodies = {
        # One passage each: this one repeats a word and has the others far apart.
        "scattered": f"Cranes nested there, cranes fed and cranes circled above. {crowd} "
        "The wetland was empty by winter.",
        "together": f"{crowd} Cranes left the wetland early in winter for the south.",
    }
    index = _index(bodies)
    question = "why were cranes at the wetland in winter"
    assert _first(index, question) == "together"
    # Without the proximity term the repeated word wins: the term is what decides it.
    assert _first(index, question, proximity_weight=0.0) == "scattered"


def _first(index: SearchIndex, question: str, **settings: float) -> str:
    """The article of the first passage /ask ranks, gate off (ranking alone)."""
    shipped = answers.SETTINGS
    answers.SETTINGS = dataclasses.replace(shipped, min_gate=-1e9, gate_per_decade=0.0, **settings)
    try:
        hits = index.ask(question, k=2).hits
    finally:
        answers.SETTINGS = shipped
    assert hits
    return hits[0].article_id
