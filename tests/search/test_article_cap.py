"""A third passage of one article keeps its place when other articles' passages are far weaker."""

from __future__ import annotations

from bot.search.domain.diversity import far_ahead

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
