"""What the source use cases hand back: results, problems, and the announcer port."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from bot.archive.domain.articles import Article
from bot.feeds.domain import FeedSource
from bot.feeds.preview import FeedPreview

log = logging.getLogger(__name__)


class SourceProblem(Exception):
    """A source command cannot be done; the message is a sentence for the moderator."""


class SourceAnnouncer(Protocol):
    """Where new items and alerts go (Discord in production, a recording class in tests)."""

    async def announce(self, channel_id: int, articles: list[Article], more: int) -> None:
        """Post each article (one embed each) and, when ``more`` > 0, an 'and N more' line."""
        ...

    async def alert(self, guild_id: int, text: str) -> None:
        """Tell the guild's moderators (its alerts channel)."""
        ...


class LoggingAnnouncer:
    """The announcer without Discord (CLI, shell): announcements and alerts go to the log."""

    async def announce(self, channel_id: int, articles: list[Article], more: int) -> None:
        for article in articles:
            log.info("new in channel %s: %s %s", channel_id, article.title, article.url or "")
        if more:
            log.info("... and %d more in channel %s", more, channel_id)

    async def alert(self, guild_id: int, text: str) -> None:
        log.warning("alert for guild %s: %s", guild_id, text)


@dataclass(slots=True)
class PollResult:
    """What one poll did. ``status``: primed (first poll), ok, not_modified, failed, skipped
    (not due, or paused), missing (removed) or error (our side broke, not the feed)."""

    source_id: int
    status: str
    label: str = ""
    items: int = 0
    added: int = 0
    updated: int = 0
    new_items: int = 0
    announced: list[Article] = field(default_factory=list)
    more: int = 0
    error: str | None = None
    problems: list[str] = field(default_factory=list)
    alert: str | None = None
    source: FeedSource | None = None

    def summary(self) -> str:
        """One line for the CLI and /source poll."""
        name = f"#{self.source_id} {self.label}".strip()
        if self.status in ("failed", "error"):
            return f"{name}: failed: {self.error}"
        if self.status == "not_modified":
            return f"{name}: not modified since the last poll"
        if self.status in ("skipped", "missing"):
            return f"{name}: {self.error or self.status}"
        text = (
            f"{name}: {self.items} items, {self.added} new in the archive, {self.updated} updated"
        )
        if self.status == "primed":
            return text + " (first poll: marked as seen, nothing announced)"
        return text + f", {self.new_items} new in the feed, {len(self.announced)} announced"


@dataclass(frozen=True, slots=True)
class AddResult:
    source: FeedSource
    preview: FeedPreview
    first_poll: PollResult
