"""Importance: signals, routine factors, reasons, and the order and folding of highlights."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

import bot.digest.domain.rank as rank
from bot.digest.domain.rank import (
    EventSignals,
    engagement_percentiles,
    order_highlights,
    score_event,
)

NEWS = EventSignals(
    reports=6,
    items=3,
    featured=2,
    novelty=0.9,
    recurring_weeks=0,
    recurring_example=None,
    named=("Pak Thae Song", "Amnok River"),
    words=400,
    engagement=None,
    kind="event",
)


def test_more_reports_and_roundup_mentions_rank_higher() -> None:
    lone = replace(NEWS, reports=1, items=1, featured=0)
    assert score_event(NEWS).score > score_event(lone).score
    assert score_event(replace(NEWS, featured=3)).score > score_event(NEWS).score


def test_what_recurs_every_week_ranks_low(monkeypatch: pytest.MonkeyPatch) -> None:
    recurring = replace(NEWS, recurring_weeks=5, recurring_example="New Houses Built in X")
    routine = replace(NEWS, novelty=0.2)
    assert score_event(recurring).score < score_event(NEWS).score
    # Wording much like earlier weeks' is routine only where the threshold is on (the shipped
    # one is off: statements read like earlier statements and are still news).
    assert not score_event(routine).factors
    monkeypatch.setattr(rank, "ROUTINE_NOVELTY", 0.4)
    assert [text for text, _ in score_event(routine).factors] == [
        "routine: much like earlier weeks' reports"
    ]
    assert score_event(routine).score < score_event(NEWS).score
    texts = [text for text, _ in score_event(recurring).factors]
    assert texts == ["recurs: seen in 5 earlier weeks"]


def test_series_and_roundups_are_discounted() -> None:
    series = score_event(replace(NEWS, kind="series"))
    roundup = score_event(replace(NEWS, kind="roundup"))
    assert roundup.score < series.score < score_event(NEWS).score
    assert any("never leads" in text for text, _ in roundup.factors)


def test_reasons_explain_the_score() -> None:
    importance = score_event(NEWS)
    signals = [reason.signal for reason in importance.reasons]
    assert signals == ["reports", "featured", "novelty", "named", "substance", "dated", "actor"]
    without_engagement = sum(reason.points for reason in importance.reasons) / 0.9
    assert abs(importance.score - without_engagement) < 1e-9
    assert importance.reasons[0].text == "6 reports (3 distinct)"
    assert "Pak Thae Song" in importance.reasons[3].text


def test_engagement_counts_when_a_feed_gives_scores() -> None:
    liked = score_event(replace(NEWS, engagement=1.0))
    ignored = score_event(replace(NEWS, engagement=0.0))
    assert liked.score > ignored.score
    assert [r.signal for r in liked.reasons][-1] == "engagement"


def test_engagement_percentiles_share_ties_and_skip_unscored() -> None:
    assert engagement_percentiles([1, None, 1, 50]) == [0.25, None, 0.25, 1.0]
    assert engagement_percentiles([None, None]) == [None, None]
    assert engagement_percentiles([None, 7]) == [None, 1.0]


def test_roundups_come_last_and_only_when_room_is_left() -> None:
    kinds = ["roundup", "event", "series", "event"]
    scores = [0.9, 0.5, 0.7, 0.3]
    assert order_highlights(kinds, scores, 3) == [[2], [1], [3]]
    assert order_highlights(kinds, scores, 4) == [[2], [1], [3], [0]]


def test_a_story_much_like_a_chosen_one_is_folded_into_it() -> None:
    kinds = ["event", "event", "event", "series"]
    scores = [0.9, 0.8, 0.7, 0.6]
    similar = np.eye(4)
    similar[0, 2] = similar[2, 0] = 0.6  # stories 0 and 2 tell one event
    similar[1, 3] = similar[3, 1] = 0.9  # a series is never folded into an event
    assert order_highlights(kinds, scores, 3, similar) == [[0, 2], [1], [3]]


def test_a_part_of_an_occasion_joins_the_highlight_holding_any_of_its_parts() -> None:
    kinds = ["event", "event", "event", "event", "series"]
    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    similar = np.eye(5)
    similar[0, 1] = similar[1, 0] = 0.6  # story 1 is folded under story 0
    linked = np.zeros((5, 5), dtype=bool)
    linked[1, 3] = linked[3, 1] = True  # story 3 is a part of story 1's occasion
    linked[2, 4] = linked[4, 2] = True  # a series never joins an event
    assert order_highlights(kinds, scores, 4, similar) == [[0, 1], [2], [3], [4]]
    assert order_highlights(kinds, scores, 4, similar, linked=linked) == [[0, 1, 3], [2], [4]]
