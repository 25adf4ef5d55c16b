"""A third passage of one article keeps its place when other articles' passages are far weaker."""

from __future__ import annotations

import dataclasses

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.diversity import far_ahead
from bot.search.domain.index import SearchIndex

OWNERS = [0, 0, 0, 1, 2]


def test_a_passage_far_ahead_of_every_other_article_keeps_its_place() -> None:
    scores = {0: 10.0, 1: 9.0, 2: 8.0, 3: 3.0, 4: 2.0}
    assert far_ahead([0, 1, 2, 3, 4], 2, OWNERS, scores, 0.5)


def test_a_near_rival_of_another_article_takes_the_place() -> None:
    scores = {0: 10.0, 1: 9.0, 2: 8.0, 3: 7.0, 4: 2.0}
    assert not far_ahead([0, 1, 2, 3, 4], 2, OWNERS, scores, 0.5)
    # A stricter margin: the rival must be weaker still.
    scores[3] = 3.0
    assert not far_ahead([0, 1, 2, 3, 4], 2, OWNERS, scores, 0.3)


def test_only_later_candidates_of_other_articles_are_rivals() -> None:
    scores = {0: 10.0, 1: 9.0, 2: 8.0, 3: 1.0, 4: 1.0}
    # Candidate 0 (another article's) ranks before: no rival. Later same-article ones: none.
    assert far_ahead([3, 0, 1, 2], 3, OWNERS, scores, 0.5)
    assert far_ahead([0, 1, 2], 2, OWNERS, scores, 0.5)


def _ask(body_a: str, body_b: str, question: str, margin: float) -> list[str]:
    articles = [
        Article(id="long", source="s", title="Lake notes", body=body_a),
        Article(id="other", source="s", title="Market notes", body=body_b),
    ]
    index = SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
    shipped = answers.SETTINGS
    answers.SETTINGS = dataclasses.replace(
        shipped, min_gate=-1e9, gate_per_decade=0.0, cap_margin=margin
    )
    try:
        return [h.article_id for h in index.ask(question, k=3).hits]
    finally:
        answers.SETTINGS = shipped


LAKE = " ".join(
    f"The heron colony at Lake Ostra counted {n} nests this spring. "
    f"Rangers ringed {n} heron chicks at Lake Ostra. Weather item {n} followed."
    for n in (11, 12, 13, 14, 15, 16)
)
MARKET = "The market sold apples. Lake views were painted on the stalls. Bread was cheap."


def test_a_weak_other_article_does_not_push_out_the_third_strong_passage() -> None:
    question = "how many heron nests at lake ostra"
    assert _ask(LAKE, MARKET, question, 0.0)[:3] == ["long", "long", "other"]
    assert _ask(LAKE, MARKET, question, 0.8)[:3] == ["long", "long", "long"]
