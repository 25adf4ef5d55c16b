"""Does one highlight's text name the other's headline? A pair-level screen (issue 15, round 12).

    .venv/bin/python training/digest_echo_pairs.py [--data PATH]

For every judged development week it picks the highlights as build_digest does and takes every
two highlights whose reports are at most DAYS days apart and whose judged keys are known: a
*repeat* (same story or series) or a *distinct* pair. Signals:

- ``echo``: a noun phrase of one highlight's headlines (bot.digest.domain.phrases.
  headline_phrases, two words or more) that a report body of the other highlight writes,
  and that at most R earlier headlines use ("a crucial statement" in Kim Yo Jong's answer
  to the Foreign Ministry's "Crucial Statement of DPRK Foreign Ministry");
- ``shared``: such a phrase both highlights' headlines use;
- ``either``: one or the other.

A pair is caught when it has at least K such phrases. The setting (R, K, signal) is chosen
leave one week out: on the other weeks, most repeats caught minus distinct pairs caught; the
held-out week is then counted. Nothing ships from here by itself.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import article_owners, default_kcna_path, load_kcna  # noqa: E402
from tune_digest import TZ, dev_judgements  # noqa: E402

from bot.digest.domain.build import (  # noqa: E402
    analyse_week,
    highlight_count,
    pick_highlights,
    select_week_articles,
)
from bot.digest.domain.copies import clean_title, is_title_only  # noqa: E402
from bot.digest.domain.lexicon import fold, words  # noqa: E402
from bot.digest.domain.phrases import headline_phrases  # noqa: E402
from bot.digest.domain.rank import score_event  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DAYS = 2
RARITIES = (0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 100)
LEASTS = (1, 2)
SIGNALS = ("echo", "shared", "either")
OFF = (-1, 99, "echo")


def _key(text: str) -> str:
    return " ".join(fold(w) for w in words(text))


def phrases_of(title: str) -> frozenset[str]:
    """The folded noun phrases of two words or more of a headline."""
    return frozenset(k for p in headline_phrases(clean_title_text(title)) if " " in (k := _key(p)))


def clean_title_text(title: str) -> str:
    return title


def pairs_of_week(
    articles: list[Any], name: str, judgement: dict[str, Any], seen: Counter[str]
) -> list[dict[str, Any]]:
    start, _ = iso_week_bounds(name, TZ)
    _, end = iso_week_bounds(name, TZ)
    selected = select_week_articles(articles, start, end)
    week = analyse_week(selected, articles, start, TZ)
    owner = article_owners(judgement)
    scores = [score_event(s).score for s in week.signals]
    groups = pick_highlights(week, scores, highlight_count(len(week.stories)))
    described = []
    for group in groups:
        members = [
            selected[i]
            for k in group
            for c in week.stories[k].items
            for i in week.copies[c].members
        ]
        keys = Counter(owner[a.id] for a in members if a.id in owner)
        key = keys.most_common(1)[0][0] if keys else None
        heads = frozenset().union(*(phrases_of(clean_title(a)) for a in members))
        body = " " + " ".join(_key(a.body) for a in members if not is_title_only(a)) + " "
        days = [week.copies[c].day.toordinal() for k in group for c in week.stories[k].items]
        title = week.copies[week.stories[group[0]].items[0]].title
        described.append((key, heads, body, days, title))
    rows = []
    for a in range(len(described)):
        for b in range(a + 1, len(described)):
            ka, ha, ba, da, ta = described[a]
            kb, hb, bb, db, tb = described[b]
            if ka is None or kb is None or min(abs(x - y) for x in da for y in db) > DAYS:
                continue
            echo = {p for p in ha if f" {p} " in bb} | {p for p in hb if f" {p} " in ba}
            rows.append(
                {
                    "week": name,
                    "repeat": ka == kb,
                    "echo": {p: seen[p] for p in echo},
                    "shared": {p: seen[p] for p in ha & hb},
                    "titles": (ta[:70], tb[:70]),
                }
            )
    return rows


def caught(row: dict[str, Any], rarity: int, least: int, signal: str) -> bool:
    found: dict[str, int] = {}
    if signal in ("echo", "either"):
        found |= row["echo"]
    if signal in ("shared", "either"):
        found |= row["shared"]
    return sum(1 for n in found.values() if n <= rarity) >= least


def tally(rows: Iterable[dict[str, Any]], setting: tuple[int, int, str]) -> tuple[int, int]:
    repeats = distinct = 0
    for row in rows:
        if caught(row, *setting):
            repeats += row["repeat"]
            distinct += not row["repeat"]
    return repeats, distinct


def objective(counts: tuple[int, int]) -> tuple[int, int]:
    return counts[0] - counts[1], -counts[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("--show", action="store_true", help="print every caught pair")
    args = parser.parse_args()
    articles = sorted(load_kcna(args.data), key=lambda a: a.published)
    judgements = {k: v for k, v in sorted(dev_judgements().items()) if v["stories"]}
    rows: list[dict[str, Any]] = []
    for name, judgement in judgements.items():
        start, _ = iso_week_bounds(name, TZ)
        seen: Counter[str] = Counter()
        for article in articles:
            if article.published < start:
                seen.update(phrases_of(clean_title(article)))
        rows += pairs_of_week(articles, name, judgement, seen)
    settings = [OFF] + [(r, k, s) for r in RARITIES for k in LEASTS for s in SIGNALS]
    total = sum(r["repeat"] for r in rows)
    print(f"{len(rows)} highlight pairs <= {DAYS} days apart, {total} repeats")
    for row in rows:
        if row["repeat"]:
            print(
                f"  repeat {row['week']}: {row['titles']} echo={row['echo']} shared={row['shared']}"
            )
    for setting in settings[1:]:
        r, d = tally(rows, setting)
        if r:
            print("  setting", setting, "catches (repeats, distinct):", (r, d))
    best = max(settings, key=lambda s: objective(tally(rows, s)))
    print("in-sample best", best, "caught (repeats, distinct):", tally(rows, best))
    if args.show:
        for row in rows:
            if caught(row, *best):
                print("   caught", row["repeat"], row["titles"], row["echo"], row["shared"])
    held = [0, 0]
    for name in judgements:
        train = [r for r in rows if r["week"] != name]
        chosen = max(settings, key=lambda s: objective(tally(train, s)))
        r, d = tally([r for r in rows if r["week"] == name], chosen)
        held[0] += r
        held[1] += d
        print(f"  held out {name}: setting {chosen} catches {r} repeats, {d} distinct")
    print(f"held out: {held[0]} of {total} repeats caught, {held[1]} distinct pairs caught")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
