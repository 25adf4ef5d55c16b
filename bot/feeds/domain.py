"""Followed feeds, pure rules: validation, the poll state machine, backoff and announcement caps.

A source is a feed URL a guild follows. Everything here is decided from data the caller hands in
(the stored source, the time, what a poll found); the service does the I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from bot.archive.domain.articles import Article, normalize_whitespace

DEFAULT_INTERVAL_MINUTES = 15
MIN_INTERVAL_MINUTES = 5
MAX_INTERVAL_MINUTES = 24 * 60
MAX_BACKOFF = timedelta(hours=6)
ALERT_AFTER_FAILURES = 5
DEFAULT_ANNOUNCE_LIMIT = 5
MAX_LABEL_CHARS = 80
MAX_URL_CHARS = 2000
MAX_ERROR_CHARS = 300
MAX_SOURCES_PER_GUILD = 50
# An item that turns up in a feed after we started following it but was published well before
# (a "hot" sort bubbling an old post up, a feed re-ordered) is indexed but not announced.
ANNOUNCE_GRACE = timedelta(days=1)
# Backoff delays vary by up to this fraction, derived from the source id, so sources that broke
# together (one host down) do not all retry at the same second.
_JITTER_FRACTION = 0.1


class SourceValidationError(ValueError):
    """A value a moderator gave for a source cannot be used; the message says what would work."""


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed a guild follows, with its polling state.

    ``primed`` is False until the first successful poll has marked the feed's items as seen;
    ``alerted`` is True while the moderators have been told the source is failing.
    """

    id: int
    guild_id: int
    url: str
    label: str
    interval_minutes: int
    announce_channel_id: int | None
    enabled: bool
    created: datetime
    next_poll: datetime
    created_by: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    alerted: bool = False
    primed: bool = False

    @property
    def status(self) -> str:
        """One word for lists: paused, new, ok, failing (alerted) or retrying (backing off)."""
        if not self.enabled:
            return "paused"
        if self.consecutive_failures >= ALERT_AFTER_FAILURES:
            return "failing"
        if self.consecutive_failures:
            return "retrying"
        return "ok" if self.primed else "new"

    def is_due(self, now: datetime) -> bool:
        return self.enabled and self.next_poll <= now


# -- validation -----------------------------------------------------------------------------------


def validate_url(url: str) -> str:
    """The URL trimmed, or SourceValidationError saying what a followable feed URL looks like."""
    cleaned = url.strip().strip("<>")
    if not cleaned:
        raise SourceValidationError(
            "Give the address of the feed, e.g. https://lemmy.ml/feeds/c/nk.xml."
        )
    if len(cleaned) > MAX_URL_CHARS:
        raise SourceValidationError(
            f"That address is {len(cleaned)} characters long; feed addresses over "
            f"{MAX_URL_CHARS} characters are not accepted."
        )
    if any(ch.isspace() for ch in cleaned):
        raise SourceValidationError("A feed address cannot contain spaces; check the link.")
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceValidationError(
            "Only web feeds can be followed: the address must start with https:// or http://."
        )
    if not parts.hostname:
        raise SourceValidationError("That address has no host name; copy the full feed link.")
    if parts.username or parts.password:
        # Credentials in a stored URL would be shown to every moderator by /source list.
        raise SourceValidationError(
            "Feed addresses with a user name or password are not accepted; use a public feed."
        )
    return cleaned


def validate_label(label: str) -> str:
    """A label on one line, 1 to 80 characters, with runs of spaces collapsed."""
    cleaned = normalize_whitespace(label)
    if not cleaned:
        raise SourceValidationError("Give the source a name, e.g. “NK News” or “c/northkorea”.")
    if len(cleaned) > MAX_LABEL_CHARS:
        raise SourceValidationError(
            f"The name is {len(cleaned)} characters long; keep it to {MAX_LABEL_CHARS}."
        )
    return cleaned


def validate_interval(minutes: int | None) -> int:
    """Minutes between polls: the default when None, else between 5 and 1440."""
    if minutes is None:
        return DEFAULT_INTERVAL_MINUTES
    if not MIN_INTERVAL_MINUTES <= minutes <= MAX_INTERVAL_MINUTES:
        raise SourceValidationError(
            f"The poll interval must be between {MIN_INTERVAL_MINUTES} and "
            f"{MAX_INTERVAL_MINUTES} minutes (one day); {minutes} is not."
        )
    return minutes


def default_label(feed_title: str | None, url: str) -> str:
    """The feed's own title when it has one, else the URL's host name, trimmed to fit."""
    title = normalize_whitespace(feed_title or "")
    if not title:
        title = urlsplit(url).hostname or url
    if len(title) > MAX_LABEL_CHARS:
        title = title[: MAX_LABEL_CHARS - 1].rstrip() + "…"
    return title


# -- the poll state machine -----------------------------------------------------------------------


def backoff_delay(source_id: int, failures: int, interval_minutes: int) -> timedelta:
    """Wait after ``failures`` consecutive failures: the interval doubled each time, at most 6 h.

    The delay is scaled by a factor in [0.9, 1.1) derived from the source id and the failure
    count, so it is reproducible (tests, logs) yet sources failing together spread out.
    """
    if failures <= 0:
        return timedelta(minutes=interval_minutes)
    # Cap the exponent before raising: 2**failures of a source broken for months would be huge.
    exponent = min(failures - 1, 16)
    base = min(timedelta(minutes=interval_minutes) * (2**exponent), MAX_BACKOFF)
    digest = hashlib.sha256(f"{source_id}:{failures}".encode()).digest()
    fraction = int.from_bytes(digest[:8], "big") / 2**64
    factor = 1 - _JITTER_FRACTION + 2 * _JITTER_FRACTION * fraction
    delay: timedelta = base * factor
    return delay if delay < MAX_BACKOFF else MAX_BACKOFF


def poll_offset(source_id: int, interval_minutes: int) -> timedelta:
    """A fixed per-source delay (up to a tenth of the interval, at most a minute) added to each
    regular poll, so sources added together or sharing an interval do not fire together."""
    spread = min(60.0, interval_minutes * 6.0)
    digest = hashlib.sha256(f"offset:{source_id}".encode()).digest()
    return timedelta(seconds=round(spread * int.from_bytes(digest[:8], "big") / 2**64, 3))


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """The source after a poll, and what to tell the moderators (None: nothing)."""

    source: FeedSource
    alert: str | None = None


def record_success(source: FeedSource, now: datetime) -> PollOutcome:
    """A poll worked (a 304 included): failures reset; a recovery is told once if it was alerted."""
    updated = replace(
        source,
        last_polled=now,
        last_success=now,
        consecutive_failures=0,
        alerted=False,
        next_poll=now
        + timedelta(minutes=source.interval_minutes)
        + poll_offset(source.id, source.interval_minutes),
    )
    alert = None
    if source.alerted:
        alert = (
            f"Feed “{source.label}” (#{source.id}) works again after "
            f"{source.consecutive_failures} failed polls; new items will be picked up as usual."
        )
    return PollOutcome(updated, alert)


def record_failure(source: FeedSource, now: datetime, error: str) -> PollOutcome:
    """A poll failed: back off, and alert once when the failures reach the threshold."""
    failures = source.consecutive_failures + 1
    message = error if len(error) <= MAX_ERROR_CHARS else error[: MAX_ERROR_CHARS - 1] + "…"
    should_alert = failures >= ALERT_AFTER_FAILURES and not source.alerted
    updated = replace(
        source,
        last_polled=now,
        last_error=message,
        last_error_at=now,
        consecutive_failures=failures,
        alerted=source.alerted or should_alert,
        next_poll=now + backoff_delay(source.id, failures, source.interval_minutes),
    )
    alert = None
    if should_alert:
        alert = (
            f"Feed “{source.label}” (#{source.id}, {source.url}) failed {failures} times in a "
            f"row; the last error: {message}. It is retried less often (at most every "
            f"{int(MAX_BACKOFF.total_seconds() // 3600)} hours); check the address, or pause it "
            "with /source pause."
        )
    return PollOutcome(updated, alert)


# -- items and announcements ----------------------------------------------------------------------


def item_key(article: Article) -> str:
    """What identifies an item within its feed across polls: GUID, else link, else content."""
    if article.guid:
        return f"guid:{article.guid}"
    if article.url:
        return f"url:{article.url}"
    return f"hash:{article.content_hash}"


def new_items(articles: Sequence[Article], seen: set[str]) -> list[Article]:
    """Items not seen in this feed before, once each (a feed may repeat an item)."""
    fresh: list[Article] = []
    keys: set[str] = set()
    for article in articles:
        key = item_key(article)
        if key in seen or key in keys:
            continue
        keys.add(key)
        fresh.append(article)
    return fresh


def announceable(articles: Sequence[Article], followed_since: datetime) -> list[Article]:
    """New items worth announcing: not published long before the feed was followed, no repeats.

    Two items with the same text (a cross-post) are announced once.
    """
    threshold = followed_since - ANNOUNCE_GRACE
    kept: list[Article] = []
    hashes: set[str] = set()
    for article in articles:
        if article.published is not None and article.published < threshold:
            continue
        if article.content_hash in hashes:
            continue
        hashes.add(article.content_hash)
        kept.append(article)
    return kept


def cap_announcements(
    articles: Sequence[Article], limit: int = DEFAULT_ANNOUNCE_LIMIT
) -> tuple[list[Article], int]:
    """The newest ``limit`` articles, oldest first (the order a channel reads), and how many more.

    Articles without a date count as newest: they were just seen.
    """
    if limit < 0:
        raise ValueError("the announcement limit cannot be negative")
    ordered = sorted(
        enumerate(articles),
        key=lambda pair: (pair[1].published is None, pair[1].published or datetime.min, pair[0]),
    )
    start = max(0, len(ordered) - limit)
    shown = [article for _, article in ordered[start:]]
    return shown, len(articles) - len(shown)


def more_line(more: int) -> str | None:
    """The line closing a capped announcement: 'and N more', or None when nothing was left out."""
    if more <= 0:
        return None
    return f"…and {more} more new item{'s' if more != 1 else ''}"


def _when(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "never"
    stamp = value.strftime("%Y-%m-%d %H:%M UTC")
    delta = value - now
    seconds = abs(delta.total_seconds())
    if seconds < 60:
        return f"{stamp} (now)"
    amount = f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{int(seconds // 60)} min"
    return f"{stamp} (in {amount})" if delta.total_seconds() > 0 else f"{stamp} ({amount} ago)"


def _same(text: str) -> str:
    return text


def describe_source(
    source: FeedSource, now: datetime, *, escape: Callable[[str], str] = _same
) -> list[str]:
    """Plain lines about a source for lists (CLI, /source list): status, times, last error.

    ``escape`` is applied to what came from outside (label, URL, the error), so a Discord caller
    can escape markdown without breaking the channel mention.
    """
    channel = (
        f"announces in <#{source.announce_channel_id}>"
        if source.announce_channel_id is not None
        else "no announcements"
    )
    lines = [
        f"#{source.id} {escape(source.label)} [{source.status}] {escape(source.url)}",
        f"   every {source.interval_minutes} min, {channel}; "
        f"last success: {_when(source.last_success, now)}",
    ]
    if source.enabled:
        lines.append(f"   next poll: {_when(source.next_poll, now)}")
    if source.consecutive_failures:
        lines.append(
            f"   {source.consecutive_failures} failure(s) in a row; "
            f"last error: {escape(source.last_error or 'unknown')}"
        )
    return lines
