"""parse_feed reads a feed's own title once, with the items (for /source add's preview)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.archive.readers.feeds import parse_feed

NOW = datetime(2026, 1, 5, tzinfo=UTC)


def _rss(channel_title: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"{channel_title}<link>https://news.example/</link>"
        "<item><title>Rail link</title><link>https://news.example/1</link>"
        "<description>Pyongyang announced a rail link.</description></item>"
        "</channel></rss>"
    ).encode()


def test_channel_title_is_plain_text() -> None:
    batch = parse_feed(_rss("<title>NK &amp;  News\n Digest</title>"), "feed.rss", now=NOW)
    assert batch.title == "NK & News Digest"
    assert [a.title for a in batch.articles] == ["Rail link"]


def test_feed_without_title_has_none() -> None:
    batch = parse_feed(_rss(""), "feed.rss", now=NOW)
    assert batch.title is None
    assert len(batch.articles) == 1
