"""The weekly digest's domain: weeks and timezones, selection, ranking, topics, summaries."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from bot.archive.domain.articles import Article
from bot.archive.domain.summary import split_sentences
from bot.digest.domain.build import (
    build_digest,
    current_iso_week,
    highlight_count,
    iso_week_bounds,
    summarize,
)
from bot.digest.domain.rank import allocate_highlights, rank_week_articles
from bot.digest.domain.topics import cluster, vectorize

UTC_TZ = ZoneInfo("UTC")
SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")

THEMES = {
    "missile": (
        "missile launch ballistic rocket test-fire warhead range trajectory defence academy "
        "engine solid-fuel hypersonic launcher strategic"
    ),
    "flood": (
        "flood rain river dyke rehabilitation houses damage evacuation province relief "
        "reconstruction embankment villages water"
    ),
    "football": (
        "football team match goal players coach championship tournament stadium final "
        "league victory women cup"
    ),
    "harvest": (
        "harvest farm rice wheat grain farmers fields crop tractor irrigation autumn "
        "fertiliser threshing yield"
    ),
    "diplomacy": (
        "ambassador delegation embassy talks minister visit cooperation treaty credentials "
        "foreign relations bilateral envoy"
    ),
}


def make_article(
    article_id: str,
    body: str,
    when: datetime | None,
    *,
    title: str | None = None,
    score: float | None = None,
    ingested: datetime | None = None,
) -> Article:
    return Article(
        id=article_id,
        source="test",
        title=title or body.split(".")[0][:60],
        body=body,
        url=f"https://example.org/{article_id}",
        published=when,
        ingested=ingested,
        score=score,
    )


def themed_body(theme: str, rng: random.Random, sentences: int = 5) -> str:
    words = THEMES[theme].split()
    parts = []
    for _ in range(sentences):
        picked = rng.sample(words, 7)
        parts.append(f"The {' '.join(picked)} were reported in the {theme} story.")
    return " ".join(parts)


def busy_week(count: int = 142, seed: int = 7) -> list[Article]:
    """A synthetic week like kcna's busiest: ``count`` articles over five themes and 7 days."""
    rng = random.Random(seed)
    start = datetime(2024, 9, 30, tzinfo=UTC)
    themes = list(THEMES)
    articles = []
    for index in range(count):
        theme = themes[index % len(themes)]
        when = start + timedelta(minutes=rng.randrange(7 * 24 * 60))
        body = themed_body(theme, rng, sentences=rng.randint(2, 8))
        articles.append(make_article(f"a{index:03d}", body, when, title=f"{theme} news {index}"))
    return articles


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


# --- selection ------------------------------------------------------------------------------


def test_sunday_night_article_belongs_to_the_next_week_in_seoul() -> None:
    late = make_article(
        "late", themed_body("flood", random.Random(1)), datetime(2024, 10, 6, 16, 0, tzinfo=UTC)
    )
    in_utc = build_digest([late], "2024-W40", UTC_TZ)
    in_seoul = build_digest([late], "2024-W40", SEOUL)
    next_in_seoul = build_digest([late], "2024-W41", SEOUL)
    assert [a.article_id for a in in_utc.highlighted] == ["late"]
    assert in_seoul.is_empty
    assert [a.article_id for a in next_in_seoul.highlighted] == ["late"]
    assert next_in_seoul.highlighted[0].published.utcoffset() == timedelta(hours=9)


def test_dst_change_week_selects_by_berlin_wall_clock() -> None:
    rng = random.Random(3)
    first_minute = make_article(
        "first", themed_body("harvest", rng), datetime(2024, 10, 20, 22, 30, tzinfo=UTC)
    )
    sunday_late = make_article(
        "sunday", themed_body("harvest", rng), datetime(2024, 10, 27, 22, 30, tzinfo=UTC)
    )
    monday_early = make_article(
        "monday", themed_body("harvest", rng), datetime(2024, 10, 27, 23, 30, tzinfo=UTC)
    )
    articles = [first_minute, sunday_late, monday_early]
    berlin = build_digest(articles, "2024-W43", BERLIN)
    utc = build_digest(articles, "2024-W43", UTC_TZ)
    assert {a.article_id for a in berlin.highlighted} == {"first", "sunday"}
    assert {a.article_id for a in utc.highlighted} == {"sunday", "monday"}
    sunday = datetime(2024, 10, 27).date()
    assert sum(berlin.per_day[sunday].values()) == 1
    assert len(berlin.per_day) == 7


def test_ingestion_date_stands_in_and_undated_articles_are_left_out() -> None:
    rng = random.Random(5)
    when = datetime(2024, 10, 2, 12, tzinfo=UTC)
    ingested_only = make_article("ingested", themed_body("flood", rng), None, ingested=when)
    undated = make_article("undated", themed_body("flood", rng), None)
    digest = build_digest([ingested_only, undated], "2024-W40", UTC_TZ)
    assert [a.article_id for a in digest.highlighted] == ["ingested"]
    assert digest.total_articles == 1


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
    articles = [make_article(f"t{i}", themed_body("football", rng), when) for i in range(count)]
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert digest.is_short and not digest.is_empty
    assert len(digest.topics) == 1
    assert len(digest.highlighted) == count
    assert digest.topics[0].more == 0
    assert digest.empty_reason is None


def test_busy_week_highlights_between_3_and_15() -> None:
    articles = busy_week()
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert digest.total_articles == 142
    assert 3 <= len(digest.highlighted) <= 15
    assert 2 <= len(digest.topics) <= 5
    assert sum(topic.size for topic in digest.topics) == 142
    assert sum(sum(day.values()) for day in digest.per_day.values()) == 142
    assert all(digest.start <= a.published < digest.end for a in digest.highlighted)
    assert all(0 < len(a.summary) <= 300 for a in digest.highlighted)
    assert len({a.article_id for a in digest.highlighted}) == len(digest.highlighted)


def test_digest_is_deterministic() -> None:
    articles = busy_week(60, seed=11)
    first = build_digest(articles, "2024-W40", UTC_TZ)
    second = build_digest(list(reversed(articles)), "2024-W40", UTC_TZ)
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


# --- topics ---------------------------------------------------------------------------------


def test_clear_themes_become_separate_topics_named_by_their_terms() -> None:
    rng = random.Random(2)
    when = datetime(2024, 10, 2, tzinfo=UTC)
    articles = [
        make_article(f"{theme}{i}", themed_body(theme, rng), when, title=f"{theme} report {i}")
        for theme in ("missile", "flood", "football")
        for i in range(4)
    ]
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert len(digest.topics) == 3
    for topic in digest.topics:
        themes = {item.article_id.rstrip("0123456789") for item in topic.highlighted}
        assert len(themes) == 1, topic
        (theme,) = themes
        label_words = set(topic.label.casefold().replace("·", " ").split())
        assert label_words & set(THEMES[theme].split()) | {theme} & label_words, topic.label
        assert topic.size == 4


def test_cluster_is_a_single_topic_below_three_articles() -> None:
    vectors = vectorize(busy_week(2), []).week
    assert cluster(vectors).tolist() == [0, 0]


def test_allocation_is_proportional_with_one_per_topic() -> None:
    assert allocate_highlights([100, 30, 10], 15) == [10, 3, 2]
    assert allocate_highlights([5, 1, 1], 6) == [4, 1, 1]
    assert allocate_highlights([3, 2], 1) == [1, 0]
    assert sum(allocate_highlights([44, 36, 26, 19, 17], 15)) == 15


# --- ranking --------------------------------------------------------------------------------


def test_novelty_ranks_a_rerun_below_a_fresh_story() -> None:
    rng = random.Random(9)
    old_body = themed_body("diplomacy", rng, 6)
    fresh_body = themed_body("diplomacy", rng, 6)
    week_day = datetime(2024, 10, 2, tzinfo=UTC)
    rerun = make_article("rerun", old_body, week_day, title="diplomacy talks")
    fresh = make_article("fresh", fresh_body, week_day, title="diplomacy talks")
    history = [make_article("old", old_body, week_day - timedelta(days=7), title="diplomacy talks")]
    vectors = vectorize([rerun, fresh], history)
    scores = rank_week_articles(
        [rerun, fresh], vectors.week, vectors.history, np.zeros(2, dtype=np.int_)
    )
    assert scores.novelty[0] < 0.05 < scores.novelty[1]
    assert scores.total[1] > scores.total[0]


def test_substance_and_source_score_count() -> None:
    rng = random.Random(4)
    when = datetime(2024, 10, 2, tzinfo=UTC)
    body = themed_body("harvest", rng, 8)
    stub = make_article("stub", body.split(".")[0] + ".", when, title="harvest", score=1)
    full = make_article("full", body, when, title="harvest", score=1)
    liked = make_article("liked", body + " More.", when, title="harvest", score=50)
    articles = [stub, full, liked]
    vectors = vectorize(articles, [])
    scores = rank_week_articles(articles, vectors.week, vectors.history, np.zeros(3, dtype=np.int_))
    assert scores.substance[0] < scores.substance[1]
    assert scores.source is not None
    assert scores.source.tolist() == [0.25, 0.25, 1.0]
    assert scores.total[2] > scores.total[1] > scores.total[0]


def test_near_duplicates_are_not_highlighted_twice() -> None:
    rng = random.Random(6)
    when = datetime(2024, 10, 3, tzinfo=UTC)
    body = themed_body("missile", rng, 6)
    articles = [
        make_article("copy1", body, when, title="missile test"),
        make_article("copy2", body + " Updated.", when, title="missile test"),
    ] + [make_article(f"other{i}", themed_body("missile", rng, 6), when) for i in range(4)]
    digest = build_digest(articles, "2024-W40", UTC_TZ, max_highlights=4)
    ids = {a.article_id for a in digest.highlighted}
    assert len(ids) == 4
    assert not {"copy1", "copy2"} <= ids


# --- summaries ------------------------------------------------------------------------------


def test_summary_takes_the_lead_and_skips_captions_and_datelines() -> None:
    body = (
        "Leader and governor at the border, June 18, 2023 | Image: Ministry\n"
        "Pyongyang, October 1 (KCNA) -- Russia plans to build a trade park near the border with "
        "China, a regional official said on Jan. 26 after talks.\n"
        "The park would showcase goods from the border regions and the trade park would open soon.\n"
        "Unrelated closing line about something else entirely here."
    )
    summary = summarize(make_article("s", body, None, title="Trade park"))
    assert summary.startswith("Russia plans to build a trade park")
    assert "Jan. 26 after talks." in summary
    assert "The park would showcase" in summary
    assert "Unrelated" not in summary
    assert len(summary) <= 300


def test_summary_is_cut_at_300_characters_with_an_ellipsis() -> None:
    body = "This sentence goes on " + "and on " * 200 + "until it ends."
    summary = summarize(make_article("long", body, None, title="Long"))
    assert len(summary) <= 300
    assert summary.endswith("…")
    assert len(summarize(make_article("long", body, None, title="Long"), max_chars=40)) <= 40


def test_summary_of_an_empty_body_is_the_title() -> None:
    assert summarize(make_article("e", "", None, title="Photo: autumn scenery")) == (
        "Photo: autumn scenery"
    )


def test_sentence_split_keeps_abbreviations() -> None:
    text = "The U.N. envoy met Mr. Kim on Jan. 26 in Seoul. He left. “Quoted,” she said. Done."
    assert split_sentences(text) == [
        "The U.N. envoy met Mr. Kim on Jan. 26 in Seoul.",
        "He left.",
        "“Quoted,” she said.",
        "Done.",
    ]


def test_same_titled_articles_are_not_all_highlighted() -> None:
    rng = random.Random(5)
    when = datetime(2024, 10, 2, 9, 0, tzinfo=UTC)
    reviews = [
        make_article(f"review{i}", themed_body("missile", rng, 6), when, title="Press Review")
        for i in range(4)
    ]
    others = [make_article(f"other{i}", themed_body("missile", rng, 6), when) for i in range(8)]
    digest = build_digest(reviews + others, "2024-W40", UTC_TZ, max_highlights=6)
    titles = [a.title for a in digest.highlighted]
    assert len(titles) == 6
    assert titles.count("Press Review") == 1
