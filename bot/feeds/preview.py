"""What /source add shows before saving: a fetched feed's title, item count and latest titles."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from bot.archive.readers.feeds import FetchResult, parse_feed

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
    # parse_feed raises SourceError on a body that is no feed.
    batch = parse_feed(fetched.body, fetched.url, now=now)
    return FeedPreview(
        url=fetched.url,
        title=batch.title,
        item_count=len(batch.articles),
        latest_titles=[a.title for a in batch.articles[:PREVIEW_TITLES]],
        problems=[str(p) for p in batch.problems],
        fetched=fetched,
    )


async def read_preview(fetched: FetchResult, *, now: datetime) -> FeedPreview:
    """Parse a fetched feed in a worker thread (feedparser is slow pure Python)."""
    return await asyncio.to_thread(_read, fetched, now)
