"""Pure rules of followed feeds: validation, backoff, the poll state machine, announcements."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.archive.domain.articles import Article
from bot.feeds.domain import (
    ALERT_AFTER_FAILURES,
    MAX_BACKOFF,
    FeedSource,
    SourceValidationError,
    announceable,
    backoff_delay,
    cap_announcements,
    default_label,
    item_key,
    more_line,
    new_items,
    poll_offset,
    record_failure,
    record_success,
    validate_interval,
    validate_label,
    validate_url,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _source(**changes: object) -> FeedSource:
    base = FeedSource(
        id=7,
        guild_id=1,
        url="https://lemmy.example/feeds/c/northkorea.xml",
        label="c/northkorea",
        interval_minutes=15,
        announce_channel_id=None,
        enabled=True,
        created=NOW,
        next_poll=NOW,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _article(n: int, published: datetime | None = NOW, body: str | None = None) -> Article:
    return Article(
        id=f"a{n}",
        source="s",
        title=f"T{n}",
        body=body or f"body {n}",
        url=f"https://x/{n}",
        guid=f"g{n}",
        published=published,
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Give the address"),
        ("ftp://x.org/feed", "https://"),
        ("https:///feed", "no host name"),
        ("https://user:pw@x.org/feed", "user name or password"),
        ("https://x.org/a feed", "spaces"),
        ("https://x.org/" + "a" * 2001, "characters"),
    ],
)
def test_bad_urls_get_a_sentence(url: str, message: str) -> None:
    with pytest.raises(SourceValidationError, match=message):
        validate_url(url)


def test_urls_are_trimmed_including_discord_angle_brackets() -> None:
    assert validate_url("  <https://x.org/feed.xml> ") == "https://x.org/feed.xml"


def test_labels_and_intervals() -> None:
    assert validate_label("  NK   News ") == "NK News"
    with pytest.raises(SourceValidationError, match="name"):
        validate_label("   ")
    with pytest.raises(SourceValidationError, match="keep it to 80"):
        validate_label("x" * 81)
    assert validate_interval(None) == 15
    assert validate_interval(5) == 5
    for bad in (4, 1441, 0, -3):
        with pytest.raises(SourceValidationError, match="between 5 and 1440"):
            validate_interval(bad)
    assert default_label(None, "https://www.nknews.org/feed") == "www.nknews.org"
    assert default_label("  Lemmy -  nk ", "https://x") == "Lemmy - nk"
    assert len(default_label("t" * 200, "https://x")) == 80


def test_backoff_doubles_up_to_six_hours_with_a_stable_jitter() -> None:
    delays = [backoff_delay(7, n, 15) for n in range(1, 12)]
    for n, delay in enumerate(delays[:5], start=1):
        nominal = timedelta(minutes=15 * 2 ** (n - 1))
        assert nominal * 0.9 <= delay <= nominal * 1.1
    assert all(d <= MAX_BACKOFF for d in delays)
    assert delays[-1] > timedelta(hours=5)
    assert delays == [backoff_delay(7, n, 15) for n in range(1, 12)], "deterministic"
    assert backoff_delay(7, 3, 15) != backoff_delay(8, 3, 15), "sources spread out"
    assert backoff_delay(7, 10_000, 15) <= MAX_BACKOFF
    assert backoff_delay(7, 0, 15) == timedelta(minutes=15)


def test_poll_offset_is_small_and_per_source() -> None:
    offsets = {poll_offset(i, 15) for i in range(50)}
    assert len(offsets) > 40
    assert all(timedelta(0) <= o < timedelta(minutes=1) for o in offsets)
    assert poll_offset(3, 5) < timedelta(seconds=30)


def test_failures_alert_once_at_the_threshold_and_once_on_recovery() -> None:
    source = _source()
    alerts = []
    for i in range(ALERT_AFTER_FAILURES + 2):
        outcome = record_failure(source, NOW + timedelta(hours=i), "HTTP 500")
        source = outcome.source
        alerts.append(outcome.alert)
    assert [a is not None for a in alerts] == [False] * 4 + [True, False, False]
    assert source.status == "failing" and source.alerted and source.last_error == "HTTP 500"
    recovered = record_success(source, NOW + timedelta(days=1))
    assert recovered.alert is not None and "works again" in recovered.alert
    assert recovered.source.consecutive_failures == 0 and not recovered.source.alerted
    again = record_success(recovered.source, NOW + timedelta(days=2))
    assert again.alert is None


def test_a_short_failure_spell_is_not_reported() -> None:
    failed = record_failure(_source(), NOW, "timeout").source
    assert failed.status == "retrying"
    assert record_success(failed, NOW).alert is None


def test_long_errors_are_cut() -> None:
    assert len(record_failure(_source(), NOW, "x" * 1000).source.last_error or "") == 300


def test_status_words() -> None:
    assert _source().status == "new"
    assert _source(primed=True).status == "ok"
    assert _source(enabled=False, consecutive_failures=9).status == "paused"


def test_item_keys_and_new_items() -> None:
    a = _article(1)
    assert item_key(a) == "guid:g1"
    no_guid = Article(id="b", source="s", title="t", body="b", url="https://x/9")
    assert item_key(no_guid) == "url:https://x/9"
    bare = Article(id="c", source="s", title="t", body="only text")
    assert item_key(bare).startswith("hash:")
    fresh = new_items([_article(1), _article(2), _article(2)], {"guid:g1"})
    assert [x.id for x in fresh] == ["a2"]


def test_announceable_drops_old_items_and_cross_posts() -> None:
    old = _article(1, published=NOW - timedelta(days=3))
    undated = _article(2, published=None)
    recent = _article(3, published=NOW - timedelta(hours=2))
    cross = _article(4, body="body 3")
    assert [a.id for a in announceable([old, undated, recent, cross], NOW)] == ["a2", "a3"]


def test_cap_keeps_the_newest_in_reading_order() -> None:
    burst = [_article(n, published=NOW + timedelta(minutes=10 - n)) for n in range(8)]
    shown, more = cap_announcements(burst, 5)
    assert [a.id for a in shown] == ["a4", "a3", "a2", "a1", "a0"]
    assert more == 3
    assert cap_announcements(burst[:2], 5) == (burst[:2][::-1], 0)
    assert cap_announcements(burst, 0) == ([], 8)
    with pytest.raises(ValueError):
        cap_announcements(burst, -1)
    assert more_line(0) is None
    assert more_line(1) == "…and 1 more new item"
    assert more_line(3) == "…and 3 more new items"
