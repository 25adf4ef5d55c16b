"""Which passages /ask re-ranks: copies take one place, a bulk archive counts a little less."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.candidates import (
    BULK_ARTICLES,
    admit_by_discount,
    bulk_factor,
    discount_bulk,
    unique_candidates,
)
from bot.search.domain.index import SearchIndex


def test_copies_of_one_text_take_one_place_and_the_next_texts_fill_the_rest() -> None:
    texts = ["copy", "copy", "copy", "other", "third", "fourth"]
    scores = np.asarray([9.0, 9.0, 9.0, 5.0, 4.0, 3.0], np.float32)
    assert unique_candidates(scores, texts, 3) == [0, 3, 4]


def test_without_copies_the_candidates_are_the_best_scores() -> None:
    texts = ["a", "b", "c", "d"]
    scores = np.asarray([1.0, 4.0, 0.0, 2.0], np.float32)
    assert unique_candidates(scores, texts, 2) == [1, 3]
    assert unique_candidates(scores, texts, 10) == [1, 3, 0]


def test_a_pool_of_copies_returns_what_it_has() -> None:
    texts = ["same"] * 50 + ["last"]
    scores = np.linspace(10.0, 1.0, 51).astype(np.float32)
    assert unique_candidates(scores, texts, 2) == [0]  # "last" lies past 8 x 2 places


def test_a_small_source_is_never_discounted_and_a_bigger_one_more() -> None:
    assert bulk_factor(BULK_ARTICLES, 0.2) == 1.0
    assert bulk_factor(5_000, 0.0) == 1.0
    assert 1.0 > bulk_factor(1_000, 0.2) > bulk_factor(10_000, 0.2) > 0.5


def test_the_discount_lowers_a_bulk_passage_whatever_its_sign() -> None:
    sources = ["agency"] * 200 + ["posts"] * 3
    alive = np.ones(len(sources), bool)
    values = np.asarray([2.0, -0.5, 2.0], np.float32)
    out = discount_bulk(values, [0, 1, 200], sources, alive, 0.2)
    assert out[0] < 2.0 and out[1] < -0.5 and out[2] == 2.0
    # Dead articles do not count: the agency has only 50 live reports left.
    alive[50:200] = False
    assert discount_bulk(values, [0, 1, 200], sources, alive, 0.2).tolist() == values.tolist()


def _archive() -> SearchIndex:
    # A bulk agency: 150 reports, and one report syndicated under 60 ids that repeats the
    # question's words; a community post that answers in other words.
    agency = [
        Article(id=f"a{i}", source="agency", title=f"Harvest {i}", body=f"Rice rose {i} tons.")
        for i in range(150)
    ]
    copy = "The envoy on refugees spoke of the envoy on refugees at the border crossing."
    agency += [
        Article(id=f"c{i}", source="agency", title="Envoy on refugees", body=copy)
        for i in range(60)
    ]
    post = Article(
        id="post",
        source="community",
        title="Refugees at the border",
        body="The UN envoy on refugees said 600 people were sent back at the border in October.",
    )
    articles = [*agency, post]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


@pytest.mark.parametrize("unique", [False, True])
def test_copies_no_longer_push_the_answer_out_of_the_candidates(
    monkeypatch: pytest.MonkeyPatch, unique: bool
) -> None:
    index = _archive()
    settings = dataclasses.replace(
        answers.SETTINGS,
        min_gate=-1e9,
        gate_per_decade=0.0,
        candidates=8,
        unique_candidates=unique,
        bulk_prior=0.0,
    )
    monkeypatch.setattr(answers, "SETTINGS", settings)
    hits = index.ask("what did the envoy on refugees say about the border?", k=2).hits
    ids = [h.article_id for h in hits]
    assert ("post" in ids) is unique


@pytest.mark.parametrize("weight", [0.0, 0.5])
def test_a_bulk_archive_passage_yields_to_an_equal_post(
    monkeypatch: pytest.MonkeyPatch, weight: float
) -> None:
    index = _archive()
    settings = dataclasses.replace(
        answers.SETTINGS,
        min_gate=-1e9,
        gate_per_decade=0.0,
        unique_candidates=True,
        bulk_prior=weight,
    )
    monkeypatch.setattr(answers, "SETTINGS", settings)
    hits = index.ask("what did the envoy on refugees say about the border?", k=2).hits
    assert (hits[0].article_id == "post") is (weight > 0)


def test_the_discount_admits_a_small_source_just_below_the_bulk_archive() -> None:
    sources = ["agency"] * 1_000 + ["posts"]
    owners = np.arange(len(sources))
    scores = np.zeros(len(sources), np.float32)
    scores[[0, 1, 1_000]] = [5.0, 4.9, 4.5]
    pool = [0, 1, 1_000]
    assert admit_by_discount(scores, pool, owners, sources, None, 0.0, 2) == [0, 1]
    assert admit_by_discount(scores, pool, owners, sources, None, 0.2, 2) == [1_000, 0]
