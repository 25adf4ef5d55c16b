"""Rendering the weekly digest: Markdown archive, Discord payloads, chart, JSON, and the snapshot.

The snapshot is digests/examples/example-week.{md,json,png}: the example week of
tests/digest/cases/example_week.jsonl (2024-W41 in Asia/Seoul, see tests/digest/support.py).
DIGESTBOT_UPDATE_SNAPSHOTS=1 rewrites it.
"""

from __future__ import annotations

import io
import json
import os
import random
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from matplotlib.image import imread

from bot.archive.domain.articles import Article
from bot.archive.readers.files import read_seed_dump
from bot.digest.domain.build import Digest, build_digest
from bot.digest.render.messages import MAX_MESSAGES, discord_length, payload_violations
from bot.digest.render.outputs import (
    chart_filename,
    digest_to_json,
    render_chart_png,
    render_discord_messages,
    render_explanation,
    render_markdown,
    templates_dir,
)
from bot.digest.render.templates import escape_archive_markdown, escape_discord, safe_url
from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "digests" / "examples"
UTC_TZ = ZoneInfo("UTC")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SEED_INGESTED = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def example_digest() -> Digest:
    articles = example_week()
    return build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)


def seed_articles() -> list[Article]:
    """The seed's posts as the ingest reads them, ingested at a fixed moment."""
    (seed,) = sorted((REPO / "seeds").glob("000_*.txt"))
    batch = read_seed_dump(seed.read_text(encoding="utf-8"), str(seed), now=SEED_INGESTED)
    return list(batch.articles)


def all_text(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)


# --- the snapshot ---------------------------------------------------------------------------


def test_example_digest_matches_the_examples() -> None:
    digest = example_digest()
    markdown = render_markdown(digest, "example-week.png")
    payloads = json.dumps(render_discord_messages(digest), ensure_ascii=False, indent=2) + "\n"
    png = render_chart_png(digest)
    explanation = render_explanation(digest)
    if os.environ.get("DIGESTBOT_UPDATE_SNAPSHOTS") == "1":
        EXAMPLES.mkdir(parents=True, exist_ok=True)
        (EXAMPLES / "example-week.md").write_text(markdown, encoding="utf-8")
        (EXAMPLES / "example-week.json").write_text(payloads, encoding="utf-8")
        (EXAMPLES / "example-week.png").write_bytes(png)
        (EXAMPLES / "example-week-explain.txt").write_text(explanation, encoding="utf-8")
    assert (EXAMPLES / "example-week.md").read_text(encoding="utf-8") == markdown
    assert (EXAMPLES / "example-week.json").read_text(encoding="utf-8") == payloads
    assert (EXAMPLES / "example-week-explain.txt").read_text(encoding="utf-8") == explanation
    # Font rasterising may differ by a few pixels between FreeType builds: compare images, not
    # bytes, with a tolerance that still catches any change of bars, labels or layout.
    expected = imread(EXAMPLES / "example-week.png")
    actual = imread(io.BytesIO(png))
    assert expected.shape == actual.shape
    assert float(np.abs(expected - actual).mean()) < 0.01


def test_the_seed_page_is_not_this_weeks_news() -> None:
    # The seed's posts carry no date; one says "submitted 1 year ago".
    articles = seed_articles()
    this_week = build_digest(articles, "2026-W48", UTC_TZ)
    assert this_week.is_empty and this_week.undated == 6
    assert "6 undated posts of the community page" in (this_week.empty_reason or "")
    aged = next(a for a in articles if a.title == "Kim Yo-jong")
    assert aged.published == datetime(2025, 11, 23, 12, 0, tzinfo=UTC)
    year_ago = build_digest(articles, "2025-W47", UTC_TZ)
    (item,) = year_ago.highlighted
    assert item.title == "Kim Yo-jong" and item.approximate
    page = render_markdown(year_ago, None)
    assert "*North Korea · about Nov 2025*" in page


def test_reports_and_date_spans_are_shown() -> None:
    digest = example_digest()
    page = render_markdown(digest, None)
    assert "Mon 7 – Thu 10 Oct 2024 · 3 reports" in page  # the flood, told over four days
    assert "Also: [Premier Inspects Flood Reconstruction in North Phyongan]" in page
    (first, *_) = render_discord_messages(digest)
    assert " reports*" in all_text(first)


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_links_titles_and_the_chart() -> None:
    digest = example_digest()
    page = render_markdown(digest, "chart.png")
    assert page.startswith("# Weekly digest · 2024-W41\n")
    assert "![Articles per day, by topic](chart.png)" in page
    for topic in digest.topics:
        assert f"## {escape_archive_markdown(topic.label)}" in page
    assert "chart.png" not in render_markdown(digest, None)
    assert "\n\n\n" not in page


def test_markdown_of_an_empty_week_gives_the_reason() -> None:
    digest = build_digest([], "2024-W40", ZoneInfo("Asia/Seoul"))
    page = render_markdown(digest, None)
    assert "No articles were published in 2024-W40 (Mon 30 Sep – Sun 6 Oct, Asia/Seoul)." in page


# --- Discord payloads -----------------------------------------------------------------------


def hostile_week(count: int = 20) -> list[Article]:
    """Articles built to break a renderer: huge titles, markdown, mentions, odd URLs."""
    rng = random.Random(13)
    start = datetime(2024, 9, 30, 8, tzinfo=UTC)
    articles = []
    for index in range(count):
        # Distinct words in front, so that the titles are no series of one pattern.
        own = " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(6))
        title = f"{own} @everyone **bold** _x_ ~~s~~ `c` ||spoiler|| > quote [link](http://evil) "
        title += "T" * 10_000
        # Distinct random words, so that no two articles are near-duplicates.
        words = " ".join("".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(400))
        body = (
            f"# Heading @here <@123456789> <@&987> **{index}** Long sentence with markdown "
            f"*stars* and __underline__ and {words}. " * 3
        )
        url = "javascript:alert(1)" if index % 3 == 0 else f"https://example.org/a({index}) b?q=1"
        if index % 5 == 0:
            url = "https://example.org/" + "x" * 5000
        articles.append(
            Article(
                id=f"h{index}",
                source="@everyone" + "S" * 500,
                title=title,
                body=body,
                url=url,
                published=start + timedelta(hours=2 * index),
            )
        )
    return articles


def test_hostile_input_stays_within_every_discord_limit() -> None:
    digest = build_digest(hostile_week(), "2024-W40", UTC_TZ)
    assert len(digest.highlighted) >= 3
    messages = render_discord_messages(digest, chart_filename="chart.png")
    assert 1 <= len(messages) <= MAX_MESSAGES
    for payload in messages:
        assert payload_violations(payload) == []
        assert payload["allowed_mentions"] == {"parse": []}
        text = all_text(payload)
        assert "@everyone" not in text
        assert "@here" not in text
        assert "<@123456789>" not in text
        assert "javascript:" not in text
        assert "**bold**" not in text
        assert "||spoiler||" not in text


def test_many_embeds_are_packed_into_at_most_three_messages() -> None:
    articles = hostile_week(60)
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert len(digest.highlighted) == 15
    messages = render_discord_messages(digest)
    assert 1 <= len(messages) <= MAX_MESSAGES
    shown = sum(embed["description"].count("\n\n") + 1 for m in messages for embed in m["embeds"])
    assert shown == 15
    assert all(payload_violations(m) == [] for m in messages)


def test_titles_are_linked_to_article_urls() -> None:
    articles = [
        Article(
            id="linked",
            source="NK News",
            title="Trade park (phase 2)",
            body="Russia plans to build an industrial and trade park near the border with China.",
            url="https://example.org/trade park(2)",
            published=datetime(2026, 11, 24, tzinfo=UTC),
        )
    ]
    digest = build_digest(articles, "2026-W48", UTC_TZ)
    (message,) = render_discord_messages(digest)
    description = message["embeds"][0]["description"]
    assert "[Trade park (phase 2)](https://example.org/trade%20park%282%29)" in description
    assert message["content"].startswith("**Weekly digest · 2026-W48**")
    assert "A quiet week: 1 article." in message["content"]


def test_chart_embed_points_at_the_attachment() -> None:
    digest = example_digest()
    messages = render_discord_messages(digest, chart_filename=chart_filename(digest))
    last = messages[-1]["embeds"][-1]
    assert last["image"] == {"url": "attachment://digest-2024-W41.png"}


def test_empty_week_posts_nothing() -> None:
    digest = build_digest([], "2024-W40", UTC_TZ)
    assert render_discord_messages(digest) == []


def test_escaping_helpers() -> None:
    assert escape_discord("@everyone *hi*") == "@\u200beveryone \\*hi\\*"
    assert escape_discord("# title\nnext") == "\\# title next"
    assert discord_length("😀") == 2
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("ftp://example.org/x") == ""
    assert safe_url("https://example.org/a b)") == "https://example.org/a%20b%29"
    assert escape_archive_markdown("- [x] <b>") == "\\- \\[x\\] \\<b\\>"


# --- chart and JSON -------------------------------------------------------------------------


def test_chart_is_a_png_also_for_odd_labels_and_empty_weeks() -> None:
    assert render_chart_png(build_digest([], "2024-W40", UTC_TZ)).startswith(PNG_SIGNATURE)
    articles = [
        Article(
            id=f"k{index}",
            source="test",
            title="북한 $x^2$ 뉴스",
            body="조선 $5 million 평양 " * 20 + f" story {index} about prices and markets.",
            published=datetime(2024, 10, 1 + index % 5, tzinfo=UTC),
        )
        for index in range(6)
    ]
    png = render_chart_png(build_digest(articles, "2024-W40", UTC_TZ))
    assert png.startswith(PNG_SIGNATURE)


def test_json_follows_the_cli_contract() -> None:
    digest = example_digest()
    document = digest_to_json(digest, explain=True)
    json.dumps(document)  # serialisable as is
    assert document["week"] == EXAMPLE_WEEK
    assert {"article_id", "title", "url", "summary"} <= set(document["articles"][0])
    assert [a["article_id"] for a in document["articles"]] == [
        a.article_id for a in digest.highlighted
    ]
    for topic in document["topics"]:
        assert {"label", "article_ids", "more"} <= set(topic)
    assert document["messages"] == render_discord_messages(digest)
    assert all(len(a["summary"]) <= 300 for a in document["articles"])
    flood = next(a for a in document["articles"] if a["article_id"] == "w01")
    assert flood["report_count"] == 3 and flood["kind"] == "event"
    assert {r["article_id"] for r in flood["reports"]} == {"w01", "w02", "w03"}
    assert flood["first"].startswith("2024-10-07T") and flood["first"].endswith("+09:00")
    ranking = document["ranking"]
    assert len(ranking) == digest.total_stories
    assert {r["signal"] for r in ranking[0]["reasons"]} >= {"reports", "featured", "novelty"}
    assert "ranking" not in digest_to_json(digest)


def test_explanation_lists_every_story_with_its_reasons() -> None:
    digest = example_digest()
    text = render_explanation(digest)
    assert text.startswith("Ranking of 2024-W41 (Asia/Seoul)")
    assert text.count("★") == len(digest.highlighted) + 1  # the header explains the star
    assert "roundup of other stories: never leads" in text
    assert "listed in 2 of the week's roundups" in text


def test_templates_dir_is_the_repository_digests_folder() -> None:
    assert templates_dir() == REPO / "digests"
    assert (templates_dir() / "digest.md.j2").is_file()


@pytest.mark.parametrize("count", [1, 2, 3, 9])
def test_small_weeks_render_one_message(count: int) -> None:
    articles = [
        Article(
            id=f"s{index}",
            source="test",
            title=f"Story {index}",
            body=f"Farmers reaped a rich harvest of rice and maize in province {index}. " * 3,
            url=f"https://example.org/{index}",
            published=datetime(2024, 10, 2, tzinfo=UTC),
        )
        for index in range(count)
    ]
    messages = render_discord_messages(build_digest(articles, "2024-W40", UTC_TZ))
    assert len(messages) == 1
    assert payload_violations(messages[0]) == []


def test_articles_without_words_still_render() -> None:
    articles = [
        Article(
            id=f"x{index}",
            source="s",
            title="",
            body="the of and" if index % 2 else "",
            published=datetime(2024, 10, 2, tzinfo=UTC),
        )
        for index in range(6)
    ]
    digest = build_digest(articles, "2024-W40", UTC_TZ)
    assert len(digest.topics) == 1 and digest.topics[0].label
    assert "6 articles, " in render_markdown(digest, None)
    (message,) = render_discord_messages(digest)
    assert payload_violations(message) == []
    assert render_chart_png(digest).startswith(PNG_SIGNATURE)
