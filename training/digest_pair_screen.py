"""What the digest's pair screens share (digest_body_pairs.py, digest_echo_pairs.py): the
highlights of a judged development week as build_digest picks them, the pairs of them at most
DAYS apart whose judged stories are known, the counts of earlier articles, and choosing a
screen's setting leave one week out (most repeats caught minus distinct pairs caught)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import article_owners  # noqa: E402
from tune_digest import TZ  # noqa: E402

from bot.digest.domain.build import (  # noqa: E402
    analyse_week,
    highlight_count,
    pick_highlights,
    select_week_articles,
)
from bot.digest.domain.rank import score_event  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DAYS = 2
Row = dict[str, Any]
Caught = Callable[..., bool]


@dataclass(frozen=True)
class Highlight:
    """One highlight: the judged story most of its reports belong to (None: none judged), its
    reports, their days (ordinals) and its first headline."""

    key: str | None
    members: list[Any]
    days: list[int]
    title: str


def week_highlights(articles: list[Any], name: str, judgement: dict[str, Any]) -> list[Highlight]:
    """The highlights build_digest picks for the week ``name``."""
    start, end = iso_week_bounds(name, TZ)
    selected = select_week_articles(articles, start, end)
    week = analyse_week(selected, articles, start, TZ)
    owner = article_owners(judgement)
    scores = [score_event(s).score for s in week.signals]
    highlights = []
    for group in pick_highlights(week, scores, highlight_count(len(week.stories))):
        items = [c for k in group for c in week.stories[k].items]
        members = [selected[i] for c in items for i in week.copies[c].members]
        keys = Counter(owner[a.id] for a in members if a.id in owner)
        highlights.append(
            Highlight(
                keys.most_common(1)[0][0] if keys else None,
                members,
                [week.copies[c].day.toordinal() for c in items],
                week.copies[items[0]].title,
            )
        )
    return highlights


def close_pairs(highlights: Sequence[Highlight]) -> Iterator[tuple[int, int]]:
    """Every two highlights, both judged, whose reports are at most DAYS days apart."""
    for a, first in enumerate(highlights):
        for b in range(a + 1, len(highlights)):
            second = highlights[b]
            if first.key is None or second.key is None:
                continue
            if min(abs(x - y) for x in first.days for y in second.days) <= DAYS:
                yield a, b


def earlier_counts(
    articles: Iterable[Any], name: str, read: Callable[[Any], Iterable[str]]
) -> Counter[str]:
    """How many articles before the week ``name`` hold each key ``read`` finds in them."""
    start, _ = iso_week_bounds(name, TZ)
    seen: Counter[str] = Counter()
    for article in articles:
        if article.published < start:
            seen.update(read(article))
    return seen


def tally(rows: Iterable[Row], caught: Caught, setting: tuple[Any, ...]) -> tuple[int, int]:
    """(repeats caught, distinct pairs caught) by ``caught(row, *setting)``."""
    repeats = distinct = 0
    for row in rows:
        if caught(row, *setting):
            repeats += row["repeat"]
            distinct += not row["repeat"]
    return repeats, distinct


def objective(counts: tuple[int, int]) -> tuple[int, int]:
    """Repeats caught minus distinct pairs caught (a distinct pair joined costs a main story),
    then fewer distinct pairs."""
    return counts[0] - counts[1], -counts[1]


def best_setting(
    rows: Iterable[Row], caught: Caught, settings: Sequence[tuple[Any, ...]]
) -> tuple[Any, ...]:
    rows = list(rows)
    return max(settings, key=lambda s: objective(tally(rows, caught, s)))


def held_out(
    rows: list[Row], caught: Caught, settings: Sequence[tuple[Any, ...]], weeks: Iterable[str]
) -> tuple[int, int]:
    """Each week held out in turn, counted with the setting best on the other weeks; prints
    the weeks where that setting catches something and returns the totals."""
    held = [0, 0]
    for name in weeks:
        chosen = best_setting((r for r in rows if r["week"] != name), caught, settings)
        r, d = tally((r for r in rows if r["week"] == name), caught, chosen)
        held[0] += r
        held[1] += d
        if r or d:
            print(f"  held out {name}: setting {chosen} catches {r} repeats, {d} distinct")
    total = sum(r["repeat"] for r in rows)
    print(f"held out: {held[0]} of {total} repeats caught, {held[1]} distinct pairs caught")
    return held[0], held[1]
