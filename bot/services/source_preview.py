"""What /source add shows before saving: a fetched feed's title, item count and latest titles."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import feedparser

from bot.domain.articles import normalize_whitespace
from bot.sources.feeds import FetchResult, parse_feed
from bot.sources.html_text import html_to_text

PREVIEW_TITLES = 3


@dataclass(frozen=True, slots=True)
class FeedPreview:
    """A feed read once. ``fetched`` is kept so that adding the source reuses this fetch."""

    url: str
    title: str | None
    item_count: int
    latest_titles: list[str]
    problems: list[str] = field(default_factory=list)
    fetched: FetchResult = field(repr=False, compare=False, kw_only=True)


def _read(fetched: FetchResult, now: datetime) -> FeedPreview:
    # parse_feed raises SourceError on a body that is no feed; the title needs feedparser's
    # channel data, which SourceBatch does not carry, so the (small, one-off) parse runs twice.
    batch = parse_feed(fetched.body, fetched.url, now=now)
    parsed: Any = feedparser.parse(fetched.body)
    raw_title = (parsed.get("feed") or {}).get("title") or ""
    title = normalize_whitespace(html_to_text(raw_title)) or None
    return FeedPreview(
        url=fetched.url,
        title=title,
        item_count=len(batch.articles),
        latest_titles=[a.title for a in batch.articles[:PREVIEW_TITLES]],
        problems=[str(p) for p in batch.problems],
        fetched=fetched,
    )


async def read_preview(fetched: FetchResult, *, now: datetime) -> FeedPreview:
    """Parse a fetched feed in a worker thread (feedparser is slow pure Python)."""
    return await asyncio.to_thread(_read, fetched, now)
