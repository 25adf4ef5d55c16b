"""Profiles of one day (short headlines with no verb and no actor, undated ledes) are paired
and, with a day window, fold into one highlight; news and profiles of other days stay apart.
The shipped window is off (bot/digest/domain/features.py), so the joins are asked for here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.domain.build import analyse_week
from bot.digest.domain.features import FEATURE_SIMILARITY, is_profile, join_features
from bot.digest.domain.weeks import iso_week_bounds
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 9, 24, 3, tzinfo=UTC)  # a Tuesday of 2024-W39


def _week() -> list:  # type: ignore[type-arg]
    history = [
        make_article(
            f"h{n}",
            f"Pyongyang, August {n % 28 + 1} (KCNA) -- Farmers of county {n} harvested rice and "
            "maize early on Monday.",
            DAY - timedelta(days=30 + n),
            title=f"Farmers of County {n} Harvest Rice",
        )
        for n in range(60)
    ]
    return [
        *history,
        make_article(
            "tour",
            "Pyongyang, September 27 (KCNA) -- Tourism has entered a stage of new development. "
            "Ski resorts, beaches and parks welcome visitors from many countries.",
            DAY + timedelta(days=3),
            title="Tourism in DPRK",
        ),
        make_article(
            "troupe",
            "Pyongyang, September 27 (KCNA) -- Fifty-five years have passed since the art "
            "troupe was organized. Its singers and dancers created many masterpieces.",
            DAY + timedelta(days=3),
            title="Mansudae Art Troupe",
        ),
        make_article(
            "lake",
            "Pyongyang, September 24 (KCNA) -- The lake is famous for its scenery. Boats and "
            "pavilions line its shores, and cranes nest on its islands.",
            DAY,
            title="Lake Samil",
        ),
        make_article(
            "test",
            "Pyongyang, September 27 (KCNA) -- The Academy of Defence Science test-fired a new "
            "rocket launcher on September 26, the academy said.",
            DAY + timedelta(days=3),
            title="Academy Test-fires New Rocket Launcher",
        ),
    ]


def test_a_profile_is_a_short_undated_headline_without_verb_or_actor() -> None:
    assert is_profile("Mansudae Art Troupe", dated=False, actor=None)
    assert not is_profile("Mansudae Art Troupe", dated=True, actor=None)
    assert not is_profile("Kim Jong Un Inspects Factory", dated=False, actor="Kim Jong Un")
    assert not is_profile("Academy Test-fires New Rocket Launcher Held", dated=False, actor=None)


def test_profiles_of_one_day_fold_and_other_stories_stay_apart() -> None:
    articles = _week()
    start, end = iso_week_bounds("2024-W39", SEOUL)
    selected = [a for a in articles if a.published is not None and start <= a.published < end]
    selected.sort(key=lambda a: (a.published, a.id))
    week = analyse_week(selected, articles, start, SEOUL)
    story_of = {
        selected[week.copies[s.items[0]].members[0]].id: n for n, s in enumerate(week.stories)
    }
    tour, troupe, lake = story_of["tour"], story_of["troupe"], story_of["lake"]
    pairs = {(p.first, p.second): p for p in week.features}
    same_day = pairs[(min(tour, troupe), max(tour, troupe))]
    assert same_day.gap == 0 and same_day.words == 3
    assert all(story_of["test"] not in key for key in pairs)
    one_day = join_features(week.plain_alike, week.features, 3, 0)
    assert one_day[tour, troupe] >= FEATURE_SIMILARITY
    # The lake's profile is three days earlier: paired for tuning, not joined within a day.
    assert one_day[tour, lake] < FEATURE_SIMILARITY
    # No window (-1, as shipped) joins nothing; a wider one joins the lake too.
    assert join_features(week.plain_alike, week.features, 3, -1)[tour, troupe] < 0.5
    assert week.alike[tour, troupe] < FEATURE_SIMILARITY
    assert join_features(week.plain_alike, week.features, 3, 3)[tour, lake] >= 0.5
