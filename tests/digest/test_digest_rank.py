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


def test_a_story_joins_the_highlight_it_is_most_alike_to() -> None:
    # Story 2 (a decision) is a little like story 0 (an inspection) and much like story 1 (the
    # meeting that made it): it joins the meeting, not the first highlight it passes the bar of.
    kinds = ["event", "event", "event"]
    scores = [0.9, 0.8, 0.7]
    similar = np.eye(3)
    similar[0, 2] = similar[2, 0] = 0.3
    similar[1, 2] = similar[2, 1] = 0.5
    assert order_highlights(kinds, scores, 3, similar) == [[0], [1, 2]]


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


def test_features_take_at_most_their_cap_and_the_rest_of_the_room_goes_to_news() -> None:
    kinds = ["event"] * 5
    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    features = [True, True, True, False, False]
    assert order_highlights(kinds, scores, 3, features=features) == [[0], [1], [2]]
    capped = order_highlights(kinds, scores, 3, features=features, feature_cap=1)
    assert capped == [[0], [3], [4]]
    # A week with too little else gives the left-out features their lines after all.
    assert order_highlights(kinds, scores, 4, features=features, feature_cap=1) == [
        [0],
        [3],
        [4],
        [1],
    ]


def test_a_story_like_a_left_out_feature_stays_out_with_it() -> None:
    kinds = ["event"] * 4
    scores = [0.9, 0.8, 0.7, 0.6]
    features = [True, True, False, False]
    similar = np.eye(4)
    similar[1, 2] = similar[2, 1] = 0.6  # story 2 retells feature 1, which the cap leaves out
    chosen = order_highlights(kinds, scores, 2, similar, features=features, feature_cap=1)
    assert chosen == [[0], [3]]


def test_a_statements_recurring_headline_is_routine_only_where_the_setting_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statement = replace(NEWS, recurring_weeks=4, statement=True)
    assert not score_event(statement).factors  # shipped: who spoke recurs, not what was said
    monkeypatch.setattr(rank, "STATEMENT_RECURS", True)
    assert score_event(statement).factors
    monkeypatch.setattr(rank, "STATEMENT_RECURS", False)
    assert not score_event(statement).factors
    assert score_event(replace(statement, statement=False)).factors


def test_military_news_gains_only_where_the_weighty_signal_has_a_weight() -> None:
    weighty = replace(NEWS, weighty=True)
    assert "weighty" not in {r.signal for r in score_event(weighty).reasons}
    weights = {**rank.WEIGHTS, "weighty": 0.1}
    assert score_event(weighty, weights).score > score_event(NEWS, weights).score
    (reason,) = [r for r in score_event(weighty, weights).reasons if r.signal == "weighty"]
    assert reason.value == 1.0 and "military" in reason.text


def test_a_story_near_a_highlight_gives_its_line_to_the_next_distinct_one() -> None:
    kinds = ["event"] * 4
    scores = [0.9, 0.8, 0.7, 0.6]
    near = np.zeros((4, 4), dtype=bool)
    near[0, 1] = near[1, 0] = True  # story 1 answers what highlight 0 told, in other words
    assert order_highlights(kinds, scores, 2) == [[0], [1]]
    assert order_highlights(kinds, scores, 2, near=near) == [[0], [2]]
    # Attached, it is cited as a further report of the highlight it is near.
    assert order_highlights(kinds, scores, 2, near=near, attach_near=True) == [[0, 1], [2]]
    # A roundup is never near anything: it keeps its place after the events.
    roundup = ["event", "roundup", "event", "event"]
    assert order_highlights(roundup, scores, 4, near=near) == [[0], [2], [3], [1]]


def test_statements_lead_at_most_their_cap_unless_the_week_has_too_little_else() -> None:
    kinds = ["event"] * 5
    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    said = [True, True, True, True, False]
    assert order_highlights(kinds, scores, 4, statements=said, statement_cap=99) == [
        [0],
        [1],
        [2],
        [3],
    ]
    assert order_highlights(kinds, scores, 3, statements=said, statement_cap=2) == [
        [0],
        [1],
        [4],
    ]
    # Five lines for five stories: the capped statements fill them after all.
    assert order_highlights(kinds, scores, 5, statements=said, statement_cap=2) == [
        [0],
        [1],
        [4],
        [2],
        [3],
    ]
    assert replace(NEWS, statement=True).is_statement
    assert not replace(NEWS, statement=True, kind="series").is_statement


def test_a_story_alike_to_a_part_of_the_leads_occasion_joins_its_highlight() -> None:
    # 0 leads; 1 is a part of its occasion (linked); 2 is one event with 1 (0.5) but unlike the
    # lead; 3 is 0.5 like 4, which joined the lead by text alone: a chain, so 3 keeps its line.
    alike = np.eye(5)
    for a, b, value in ((0, 1, 0.5), (1, 2, 0.5), (0, 4, 0.3), (4, 3, 0.5)):
        alike[a, b] = alike[b, a] = value
    linked = np.zeros((5, 5), dtype=np.bool_)
    linked[0, 1] = linked[1, 0] = True
    scores = [0.9, 0.8, 0.7, 0.6, 0.65]
    groups = order_highlights(["event"] * 5, scores, 5, alike, linked=linked)
    assert groups == [[0, 1, 2, 4], [3]]
    rank.MEMBER_JOIN, shipped = None, rank.MEMBER_JOIN
    try:
        assert order_highlights(["event"] * 5, scores, 5, alike, linked=linked) == [
            [0, 1, 4],
            [2],
            [3],
        ]
    finally:
        rank.MEMBER_JOIN = shipped
