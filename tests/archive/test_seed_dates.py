"""Seed posts carry ages, not dates: "submitted 1 year ago" is kept as an approximate date,
counted back from the first ingestion; posts without an age stay undated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.archive.domain.seed_dump import PostAge, approximate_date, parse_age, parse_seed_dump
from bot.archive.readers.files import read_seed_dump
from bot.archive.storage.articles import ArticleRepository
from tests.support import SEED_FILE

INGESTED = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("1 year ago", PostAge(1, "year")),
        ("3 years ago", PostAge(3, "year")),
        ("an hour ago", PostAge(1, "hour")),
        ("a day ago", PostAge(1, "day")),
        ("10 minutes ago", PostAge(10, "minute")),
        ("2 months ago", PostAge(2, "month")),
        ("one week ago", PostAge(1, "week")),
        ("yesterday", None),
        ("on 2024-10-07", None),
    ],
)
def test_ages_as_the_page_writes_them(text: str, age: PostAge | None) -> None:
    assert parse_age(text) == age


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (PostAge(1, "year"), datetime(2023, 2, 28, 12, tzinfo=UTC)),  # no 29 Feb in 2023
        (PostAge(2, "month"), datetime(2023, 12, 29, 12, tzinfo=UTC)),
        (PostAge(3, "day"), datetime(2024, 2, 26, 12, tzinfo=UTC)),
        (PostAge(1, "hour"), datetime(2024, 2, 29, 11, tzinfo=UTC)),
    ],
)
def test_an_age_counts_back_in_calendar_units(age: PostAge, expected: datetime) -> None:
    assert approximate_date(age, datetime(2024, 2, 29, 12, tzinfo=UTC)) == expected


def test_the_seeds_titled_post_keeps_its_age_and_the_others_have_none() -> None:
    dump = parse_seed_dump(SEED_FILE.read_text(encoding="utf-8"), SEED_FILE.name)
    ages = {post.title: post.age for post in dump.posts}
    assert ages.pop("Kim Yo-jong") == PostAge(1, "year")
    assert set(ages.values()) == {None}


def test_reading_the_seed_dates_the_aged_post_and_leaves_the_rest_undated() -> None:
    batch = read_seed_dump(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE), now=INGESTED)
    dated = [a for a in batch.articles if a.published is not None]
    assert [a.title for a in dated] == ["Kim Yo-jong"]
    assert dated[0].published == datetime(2025, 11, 23, 12, 0, tzinfo=UTC)
    assert dated[0].date_is_approximate and dated[0].news_date == dated[0].published
    for article in batch.articles:
        if article.published is None:
            assert article.news_date is None and not article.date_is_approximate
            assert article.ingested == INGESTED  # still known for the archive's own use


async def test_re_ingesting_the_seed_later_does_not_move_its_dates(ingest_service, db, clock):
    await ingest_service.ingest([str(SEED_FILE)])
    first = {a.id: a.published for a in await ArticleRepository(db).all()}
    clock.advance(timedelta(days=400))
    report = await ingest_service.ingest([str(SEED_FILE)])
    assert report.added == 0
    assert {a.id: a.published for a in await ArticleRepository(db).all()} == first
