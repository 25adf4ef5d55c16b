"""Misspelt question words are respelled as the archive's word one edit away (/ask only)."""

from __future__ import annotations

import dataclasses

import pytest

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain import dense
from bot.search.domain.index import SearchIndex
from bot.search.domain.spelling import one_edit, respelled

VOCABULARY = {"facil": 0, "satellit": 1, "peac": 2, "border": 3}
IDF = {"facil": 1.0, "satellit": 2.0, "peac": 3.0, "border": 1.5}


def _stem(words: list[str]) -> list[str]:
    # A toy stemmer: enough to tell known words from unknown ones.
    table = {"facility": "facil", "satellite": "satellit", "peace": "peac", "border": "border"}
    return [table.get(w, w) for w in words]


def _respell(words: list[str], common: set[str] | None = None, min_letters: int = 5) -> list[str]:
    known = common or set()
    return respelled(
        words, _stem, VOCABULARY, lambda s: IDF.get(s, 9.0), min_letters, known.__contains__
    )


def test_one_edit_covers_drops_swaps_changes_and_inserts() -> None:
    near = one_edit("facilty")
    assert "facility" in near  # an inserted letter
    assert "facilt" in near  # a dropped one
    assert "faiclty" in near  # two swapped
    assert "fabilty" in near  # one changed
    assert "facilty" not in near


def test_an_unknown_word_one_edit_from_a_known_one_is_respelled() -> None:
    assert _respell(["facilty", "satelite", "border"]) == ["facility", "satellite", "border"]


def test_short_words_common_words_and_words_far_from_any_known_one_stay() -> None:
    assert _respell(["plce"]) == ["plce"]  # under five letters
    assert _respell(["pleace"], common={"pleace"}) == ["pleace"]  # a common word as typed
    assert _respell(["scaring"], common={"scar"}) == ["scaring"]  # its base is common
    assert _respell(["kangaroo"]) == ["kangaroo"]  # nothing known one edit away
    assert _respell(["facilty"], min_letters=8) == ["facilty"]


BODIES = {
    "helong": "Satellite images show new structures at the Helong facility near the border.",
    "market": "Traders in Sinuiju sold rice and fuel at the market all winter.",
}


@pytest.mark.skipif(dense.default_embedder() is None, reason="needs the shipped embeddings")
def test_ask_finds_the_passage_of_a_misspelt_name() -> None:
    articles = [Article(id=k, source=k, title="Notes", body=v) for k, v in BODIES.items()]
    index = SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
    shipped = answers.SETTINGS
    gate_off = dataclasses.replace(shipped, min_gate=-1e9, gate_per_decade=0.0)
    try:
        answers.SETTINGS = dataclasses.replace(gate_off, respell_min=5)
        respelled_hits = index.ask("what did the satelite pictures show at heelong", k=1).hits
        answers.SETTINGS = dataclasses.replace(gate_off, respell_min=0)
        typed_hits = index.ask("what did the satelite pictures show at heelong", k=1).hits
    finally:
        answers.SETTINGS = shipped
    assert respelled_hits and respelled_hits[0].article_id == "helong"
    assert "Satellite" in respelled_hits[0].matched_terms
    assert not typed_hits or "Satellite" not in typed_hits[0].matched_terms
