"""The weekly digest's domain: weeks and timezones, selection, undated posts, the whole build."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.archive.domain.articles import Article
from bot.digest.domain.build import (
    build_digest,
    current_iso_week,
    highlight_count,
    iso_week_bounds,
)
from tests.digest.support import (
    EXAMPLE_WEEK,
    SEOUL,
    UTC_TZ,
    busy_week,
    example_week,
    make_article,
    themed_body,
)

BERLIN = ZoneInfo("Europe/Berlin")

# --- ISO weeks -------------------------------------------------------------------------------


def test_week_bounds_are_local_midnights() -> None:
    start, end = iso_week_bounds("2024-W40", SEOUL)
    assert start == datetime(2024, 9, 30, tzinfo=SEOUL)
    assert end == datetime(2024, 10, 7, tzinfo=SEOUL)
    assert start.astimezone(UTC) == datetime(2024, 9, 29, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("week", "fragment"),
    [
        ("2024-W54", "2024 has weeks 01 to 52"),
        ("2021-W53", "2021 has weeks 01 to 52"),
        ("2024-W00", "weeks 01 to 52"),
        ("abc", "write it as YYYY-Www"),
        ("2024-40", "write it as YYYY-Www"),
        ("", "write it as YYYY-Www"),
    ],
)
def test_bad_week_strings_are_refused_with_a_sentence(week: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        iso_week_bounds(week, UTC_TZ)


def test_week_53_exists_in_long_years() -> None:
    start, end = iso_week_bounds("2020-W53", UTC_TZ)
    assert (start.date().isoformat(), end.date().isoformat()) == ("2020-12-28", "2021-01-04")


def test_current_week_depends_on_the_timezone() -> None:
    sunday_night_utc = datetime(2024, 10, 6, 20, 0, tzinfo=UTC)  # Monday 05:00 in Seoul
    assert current_iso_week(sunday_night_utc, UTC_TZ) == "2024-W40"
    assert current_iso_week(sunday_night_utc, SEOUL) == "2024-W41"
    with pytest.raises(ValueError, match="aware"):
        current_iso_week(datetime(2024, 10, 6, 20, 0), UTC_TZ)


def test_dst_week_in_berlin_lasts_169_hours() -> None:
    start, end = iso_week_bounds("2024-W43", BERLIN)  # clocks go back on Sun 27 Oct 2024
    assert end - start == timedelta(hours=7 * 24)  # wall-clock difference, same tzinfo
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=169)


# --- selection and dates in the guild's timezone ------------------------------------------------


def test_a_monday_morning_in_seoul_is_shown_and_cut_in_seoul() -> None:
    # The case: published 2024-10-07T08:00+09:00 is Monday 7 Oct in Seoul (week 41),
    # but Sunday 6 Oct 23:00 in UTC (week 40).
    when = datetime.fromisoformat("2024-10-07T08:00:00+09:00")
    article = make_article("monday", themed_body("flood", random.Random(1)), when)
    seoul = build_digest([article], "2024-W41", SEOUL)
    assert [a.article_id for a in seoul.highlighted] == ["monday"]
    shown = seoul.highlighted[0].published
    assert (shown.day, shown.utcoffset()) == (7, timedelta(hours=9))
    assert build_digest([article], "2024-W41", UTC_TZ).is_empty
    assert [a.article_id for a in build_digest([article], "2024-W40", UTC_TZ).highlighted] == [
        "monday"
    ]
    assert sum(seoul.per_day[when.date()].values()) == 1


def test_dst_change_week_selects_by_berlin_wall_clock() -> None:
    rng = random.Random(3)
    first_minute = make_article(
        "first", themed_body("harvest", rng), datetime(2024, 10, 20, 22, 30, tzinfo=UTC)
    )
    sunday_late = make_article(
        "sunday", themed_body("flood", rng), datetime(2024, 10, 27, 22, 30, tzinfo=UTC)
    )
    monday_early = make_article(
        "monday", themed_body("football", rng), datetime(2024, 10, 27, 23, 30, tzinfo=UTC)
    )
    articles = [first_minute, sunday_late, monday_early]
    berlin = build_digest(articles, "2024-W43", BERLIN)
    utc = build_digest(articles, "2024-W43", UTC_TZ)
    assert {a.article_id for a in berlin.highlighted} == {"first", "sunday"}
    assert {a.article_id for a in utc.highlighted} == {"sunday", "monday"}
    sunday = datetime(2024, 10, 27).date()
    assert sum(berlin.per_day[sunday].values()) == 1
    assert len(berlin.per_day) == 7


def test_ingestion_date_stands_in_and_articles_without_any_date_are_left_out() -> None:
    rng = random.Random(5)
    when = datetime(2024, 10, 2, 12, tzinfo=UTC)
    ingested_only = make_article("ingested", themed_body("flood", rng), None, ingested=when)
    undated = make_article("undated", themed_body("harvest", rng), None)
    digest = build_digest([ingested_only, undated], "2024-W40", UTC_TZ)
    assert [a.article_id for a in digest.highlighted] == ["ingested"]
    assert digest.total_articles == 1


def test_a_snapshot_post_without_an_age_is_never_this_weeks_news() -> None:
    rng = random.Random(8)
    ingested = datetime(2024, 10, 2, 12, tzinfo=UTC)
    post = make_article(
        "seed-post", themed_body("flood", rng), None, ingested=ingested, source="seed:Page"
    )
    digest = build_digest([post], "2024-W40", UTC_TZ)
    assert digest.is_empty and digest.undated == 1
    assert digest.empty_reason is not None
    assert "1 undated post of the community page" in digest.empty_reason


def test_a_snapshot_post_with_an_age_sits_in_its_approximate_week() -> None:
    rng = random.Random(9)
    year_ago = datetime(2023, 10, 2, 12, tzinfo=UTC)
    post = Article(
        id="aged",
        source="seed:Page",
        title="Aged post",
        body=themed_body("harvest", rng),
        published=year_ago,
        ingested=datetime(2024, 10, 2, 12, tzinfo=UTC),
    )
    assert build_digest([post], "2024-W40", UTC_TZ).is_empty
    then = build_digest([post], "2023-W40", UTC_TZ)
    assert [a.article_id for a in then.highlighted] == ["aged"]
    assert then.highlighted[0].approximate


def test_empty_week_says_why() -> None:
    digest = build_digest([], "2024-W40", SEOUL)
    assert digest.is_empty and not digest.is_short
    assert digest.topics == [] and digest.highlighted == []
    assert digest.empty_reason == (
        "No articles were published in 2024-W40 (Mon 30 Sep – Sun 6 Oct, Asia/Seoul)."
    )


@pytest.mark.parametrize("count", [1, 2])
def test_tiny_week_gets_a_short_digest(count: int) -> None:
    rng = random.Random(count)
    when = datetime(2024, 10, 1, 9, tzinfo=UTC)
    themes = ["football", "harvest"]
    articles = [
        make_article(f"t{i}", themed_body(themes[i], rng), when, title=f"{themes[i]} item")
        for i in range(count)
    ]
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert digest.is_short and not digest.is_empty
    assert len(digest.topics) == 1
    assert len(digest.highlighted) == count
    assert digest.topics[0].more == 0
    assert digest.empty_reason is None


# --- the whole build --------------------------------------------------------------------------


def test_busy_week_highlights_between_3_and_15_stories() -> None:
    articles = busy_week()
    digest = build_digest(articles, "2024-W40", UTC_TZ, history=busy_week(60, seed=3))
    assert digest.total_articles == 142
    assert 3 <= len(digest.highlighted) <= 15
    assert 1 <= len(digest.topics) <= 5
    assert sum(sum(day.values()) for day in digest.per_day.values()) == 142
    assert all(digest.start <= a.published < digest.end for a in digest.highlighted)
    assert all(0 < len(a.summary) <= 300 for a in digest.highlighted)
    cited = [r.article_id for a in digest.highlighted for r in a.reports]
    assert len(cited) == len(set(cited))  # no article is cited by two highlights


def test_digest_is_deterministic() -> None:
    articles = example_week()
    first = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    second = build_digest(list(reversed(articles)), EXAMPLE_WEEK, SEOUL, history=articles)
    assert first == second


def test_highlight_count_grows_slowly_and_is_capped() -> None:
    assert [highlight_count(n) for n in (0, 1, 2, 3, 8, 9, 20, 36, 142)] == [
        0,
        1,
        2,
        3,
        8,
        9,
        11,
        15,
        15,
    ]
    assert highlight_count(142, max_highlights=5) == 5
    with pytest.raises(ValueError, match="max_highlights"):
        build_digest([], "2024-W40", UTC_TZ, max_highlights=0)


def test_one_theme_told_four_times_is_one_highlight_citing_four_reports() -> None:
    rng = random.Random(2)
    when = datetime(2024, 10, 2, tzinfo=UTC)
    articles = [
        make_article(f"{theme}{i}", themed_body(theme, rng), when, title=f"{theme} report {i}")
        for theme in ("missile", "flood", "football")
        for i in range(4)
    ]
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert len(digest.highlighted) == 3
    for item in digest.highlighted:
        themes = {report.article_id.rstrip("0123456789") for report in item.reports}
        assert len(themes) == 1 and item.report_count == 4, item.title
    assert all(topic.label and "More news" not in topic.label for topic in digest.topics)


def test_a_headline_drops_the_agencys_trailing_date_tag() -> None:
    when = datetime(2024, 10, 8, 3, tzinfo=UTC)
    tagged = [
        make_article(
            "a1",
            "Pyongyang, October 8 (KCNA) -- A test-fire was conducted on Tuesday.",
            when,
            title="Test-fire Conducted under Guidance of Kim Jong Un\n\n[2024.10.08.]",
        ),
        make_article(
            "a2",
            "Pyongyang, October 8 (KCNA) -- Farmers gathered in a school built decades ago.",
            when,
            title="Site for School Chosen by President Kim Il Sung [Juche113.10.8.]",
        ),
    ]
    titles = {a.title for a in build_digest(tagged, "2024-W41", SEOUL).highlighted}
    assert titles == {
        "Test-fire Conducted under Guidance of Kim Jong Un",
        "Site for School Chosen by President Kim Il Sung",
    }
