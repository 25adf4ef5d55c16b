"""Small synthetic articles for the digest's tests (never kcna-2024: tests use their own data).

``example_week()`` reads tests/digest/cases/example_week.jsonl: a made-up wire service's week
2024-W41 (Mon 7 – Sun 13 Oct 2024, Asia/Seoul) with earlier weeks for history. It holds, on
purpose, what a digest must sort out:

- a flood-recovery event told in three reports over four days (w01-w03);
- a missile test posted twice with the same body and once as a title-only photo (w04-w06);
- a delegation's arrival, talks and departure (w07-w09) and a two-report football story;
- two series: greetings from three senders (w12-w14), new houses in two counties (w15-w16);
- three daily press reviews that list the week's stories (w17-w19);
- single items, one opening with a sentence of praise (w20).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.archive.domain.articles import Article
from bot.archive.readers.jsonl import article_from_record
from bot.digest.domain.model import DigestArticle

CASES = Path(__file__).resolve().parent / "cases"
EXAMPLE_WEEK = "2024-W41"
SEOUL = ZoneInfo("Asia/Seoul")
UTC_TZ = ZoneInfo("UTC")
EXAMPLE_INGESTED = datetime(2024, 10, 14, tzinfo=UTC)

# The example week's events and series, by article id (what a reader would group).
EVENTS = {
    "flood": {"w01", "w02", "w03"},
    "missile": {"w04", "w05", "w06"},
    "delegation": {"w07", "w08", "w09"},
    "football": {"w10", "w11"},
}
SERIES = {"greetings": {"w12", "w13", "w14"}, "houses": {"w15", "w16"}}
ROUNDUPS = {"w17", "w18", "w19"}


def example_week() -> list[Article]:
    """The example week and its history, as the JSONL reader reads them (photo items, which
    have no text, carry their title as their body, as a feed stores a link post)."""
    articles = []
    for line in (CASES / "example_week.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record["text"]:
            record["text"] = record["title"]
        articles.append(article_from_record(record, "example", now=EXAMPLE_INGESTED))
    return articles


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
    source: str = "test",
) -> Article:
    return Article(
        id=article_id,
        source=source,
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
    """A synthetic week of ``count`` articles over five themes and 7 days (2024-W40, UTC)."""
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


def digest_item(
    i: int, title: str, summary: str = "", *, prefix: str = "d", published: datetime | None = None
) -> DigestArticle:
    """A highlight as the digest's layout sees it (one report, score 1, topic 0): the sections'
    and headings' tests build their weeks from these."""
    return DigestArticle(
        article_id=f"{prefix}{i}",
        title=title,
        url=f"https://news.example/{i}",
        source="Example Wire",
        published=published or datetime(2024, 10, 10, tzinfo=UTC),
        summary=summary,
        score=1.0,
        topic=0,
    )
