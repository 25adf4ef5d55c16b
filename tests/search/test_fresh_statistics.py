"""Statistics that stay true: an index grown one ingest at a time ranks as a fresh build does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from seed_questions import OFF_TOPIC_QUESTIONS, SEED_QUESTIONS

from bot.app import open_app
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.core.clock import ManualClock
from bot.core.settings import Settings
from bot.search.domain.index import SearchIndex, needs_refit
from bot.search.domain.vectors import FitStats
from tests.support import REPO, SEEDS

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_1d72199d3cd966bf.txt"


def _seed_articles() -> list[Article]:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    return [
        Article(
            id=f"seed-{i}",
            source="seed",
            title=post.title,
            body=post.body,
            url=f"https://example.org/{i}",
            published=datetime(2024, 2, 1, tzinfo=UTC),
            ingested=datetime(2026, 11, 25, tzinfo=UTC),
        )
        for i, post in enumerate(dump.posts)
    ]


def _answers(index: SearchIndex) -> list[object]:
    questions = [q for q, _ in SEED_QUESTIONS] + OFF_TOPIC_QUESTIONS
    return [index.ask(q, k=5) for q in questions] + [index.search(q, k=10) for q in questions]


async def test_ingesting_the_seed_one_article_at_a_time_ranks_as_a_fresh_build(
    tmp_path: Path,
) -> None:
    settings = Settings(
        db_path=tmp_path / "grown.sqlite3", seeds_dir=SEEDS, digests_dir=REPO / "digests"
    )
    clock = ManualClock(datetime(2026, 11, 25, tzinfo=UTC))
    async with open_app(settings, clock=clock, seed=False) as app:
        assert app.index.current.article_count == 0
        for article in _seed_articles():
            report = await app.ingest.ingest_articles([article])
            assert report.errors == []
        await app.index.flush()
        grown = app.index.current
        fresh = SearchIndex.build(await app.articles.all(), await app.articles.all_passages())
    assert grown.article_count == fresh.article_count == len(_seed_articles())
    assert grown.stats == fresh.stats
    assert _answers(grown) == _answers(fresh)

    # The persisted index is the refitted one: a restart answers the same.
    async with open_app(settings, clock=clock, seed=False) as again:
        assert _answers(again.index.current) == _answers(fresh)


def test_with_added_counts_what_the_fit_has_not_seen() -> None:
    articles = _seed_articles()
    index = SearchIndex.build(articles[:3], [p for a in articles[:3] for p in split_passages(a)])
    assert index.stats.articles == 3 and index.stats.added_articles == 0
    assert not needs_refit(index.stats)
    grown = index.with_added(articles[3:4], split_passages(articles[3]))
    assert grown.stats.articles == 3
    assert grown.stats.added_articles == 1
    assert grown.stats.added_terms > 0
    assert needs_refit(grown.stats)  # a tiny fit is refitted at the first addition


@pytest.mark.parametrize(
    ("stats", "stale"),
    [
        (FitStats(0, 0, 1.0, 1.0, 0, added_articles=1, added_terms=10), True),
        (FitStats(1000, 5000, 300.0, 60.0, 20000), False),
        (FitStats(1000, 5000, 300.0, 60.0, 20000, added_articles=100, added_terms=50), False),
        (FitStats(1000, 5000, 300.0, 60.0, 20000, added_articles=200, added_terms=50), True),
        (FitStats(1000, 5000, 300.0, 60.0, 20000, added_articles=10, added_terms=4000), True),
    ],
    ids=["empty-fit", "fresh", "small-growth", "grown-20pct", "many-new-words"],
)
def test_needs_refit_when_the_statistics_drift(stats: FitStats, stale: bool) -> None:
    assert needs_refit(stats) is stale
