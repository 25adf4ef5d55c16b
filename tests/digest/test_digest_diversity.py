"""Diversity at selection time: two statements answering one incident take one line; statements
on other subjects, or days apart, and news that is no statement keep theirs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

import bot.digest.domain.diversity as diversity
from bot.archive.domain.articles import Article
from bot.digest.domain.build import WeekStories, analyse_week, build_digest
from bot.digest.domain.diversity import day_gaps, near_matrix, near_stories, shared_rare_terms
from bot.digest.domain.weeks import iso_week_bounds
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 10, 11, 3, tzinfo=UTC)  # a Friday of 2024-W41
WEEK = "2024-W41"


def _week() -> list[Article]:
    history = [
        make_article(
            f"h{n}",
            f"Pyongyang, August {n % 28 + 1} (KCNA) -- A spokesman of the ministry released a "
            "press statement on the enemy military of the puppets, the capital, the sovereign "
            f"state and the report to the general assembly. Farmers of county {n} harvested rice "
            "at night and warned of the drought.",
            DAY - timedelta(days=30 + n),
            title=f"Farmers of County {n} Harvest Rice",
        )
        for n in range(60)
    ]
    return [
        *history,
        make_article(
            "ministry",
            "Pyongyang, October 11 (KCNA) -- The Foreign Ministry issued a crucial statement: "
            "unmanned aerial vehicles intruded into the capital at night and scattered "
            "propaganda leaflets. The ministry warned of retaliation for the intrusion.",
            DAY,
            title="Crucial Statement of Foreign Ministry",
        ),
        make_article(
            "sister",
            "Pyongyang, October 12 (KCNA) -- Kim Yo Jong released a press statement saying "
            "that the puppets' military dispatched the unmanned aerial vehicles, whose "
            "propaganda leaflets insult the sovereign state, and must answer for it.",
            DAY + timedelta(days=1),
            title="Kim Yo Jong Issues Press Statement",
        ),
        make_article(
            "defence",
            "Pyongyang, October 7 (KCNA) -- The defence ministry spokesman said in a press "
            "statement that unmanned aerial vehicles and propaganda leaflets of the enemy "
            "would be shot down.",
            DAY - timedelta(days=4),
            title="Defence Ministry Spokesman Warns Enemy",
        ),
        make_article(
            "rights",
            "Pyongyang, October 11 (KCNA) -- A spokesperson for the association for human rights "
            "studies released a press statement rejecting the special rapporteur's report at the "
            "general assembly.",
            DAY,
            title="Human Rights Studies Association Releases Statement",
        ),
        make_article(
            "show",
            "Pyongyang, October 12 (KCNA) -- An exhibition of unmanned aerial vehicles opened in "
            "the capital, showing propaganda leaflets collected from the intrusion.",
            DAY + timedelta(days=1),
            title="Exhibition Opens in Capital",
        ),
    ]


def _analysed() -> tuple[dict[str, int], WeekStories]:
    articles = _week()
    start, end = iso_week_bounds(WEEK, SEOUL)
    selected = [a for a in articles if a.published is not None and start <= a.published < end]
    selected.sort(key=lambda a: (a.published, a.id))
    week = analyse_week(selected, articles, start, SEOUL)
    story_of = {
        selected[week.copies[s.items[0]].members[0]].id: n for n, s in enumerate(week.stories)
    }
    return story_of, week


def test_statements_on_one_incident_within_two_days_are_near() -> None:
    story_of, week = _analysed()
    items = [s.items for s in week.stories]
    shared = shared_rare_terms(items, week.text)
    gaps = day_gaps(items, week.copies)
    ministry, sister, defence = story_of["ministry"], story_of["sister"], story_of["defence"]
    rights, show = story_of["rights"], story_of["show"]
    assert shared[ministry, sister] >= 3
    assert gaps[ministry, sister] == 1 and gaps[ministry, defence] == 4
    # Two reports of one day share "october 11": a date ties nothing.
    assert shared[ministry, rights] == 0
    kinds = [s.kind for s in week.stories]
    said = [s.statement for s in week.signals]
    assert said[ministry] and said[sister] and not said[show]
    near = near_matrix(shared, gaps, kinds, said, (3, 2, "statements"))
    assert near is not None
    assert near[ministry, sister] and near[sister, ministry]
    assert not near[ministry, defence]  # four days earlier
    assert not near[ministry, rights] and not near[ministry, show]
    events = near_matrix(shared, gaps, kinds, said, (3, 2, "events"))
    assert events is not None and events[ministry, show]
    assert near_matrix(shared, gaps, kinds, said, (0, 2, "statements")) is None
    with pytest.raises(ValueError, match="scope"):
        near_matrix(shared, gaps, kinds, said, (3, 2, "everything"))


def test_the_lesser_statement_takes_no_highlight_when_the_step_is_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(diversity, "NEAR_TERMS", 3)  # shipped off: the dev weeks chose the cap
    articles = _week()
    story_of, week = _analysed()
    ministry, sister = story_of["ministry"], story_of["sister"]
    assert week.alike[ministry, sister] < 0.2  # grouping keeps them apart
    digest = build_digest(articles, WEEK, SEOUL, history=articles)
    shown = {h.article_id for h in digest.highlighted}
    assert len(shown & {"ministry", "sister"}) == 1
    left = [r for r in digest.ranking if not r.highlighted]
    assert {i for r in left for i in r.article_ids} & {"ministry", "sister"}
    assert {"rights", "defence", "show"} <= shown
    monkeypatch.setattr(diversity, "NEAR_TERMS", 0)
    assert near_stories(week.stories, week.signals, week.copies, week.text) is None
    off = build_digest(articles, WEEK, SEOUL, history=articles)
    assert {"ministry", "sister"} <= {h.article_id for h in off.highlighted}
