"""Do full article bodies tell the last repeats apart? A pair-level screen (issue 15, round 11).

    .venv/bin/python training/digest_body_pairs.py [--data PATH]

For every judged development week it picks the highlights as build_digest does and takes every
two highlights whose reports are at most DAYS days apart and whose judged keys are known: a
*repeat* (same story or series) or a *distinct* pair. Two signals read the full bodies of both
highlights' reports (not the leads the grouping reads):

- ``names``: names (capitalised runs, bot.digest.domain.phrases.names) both bodies use and at
  most R earlier articles' bodies use;
- ``event+place``: an event noun (newsroom.yaml label_event_nouns) both bodies use, and a rare
  name (as above) both bodies use.

A pair is caught when it shares at least K such names. The setting (R, K, signal) is chosen
leave one week out: on the other weeks, most repeats caught minus distinct pairs caught (a
distinct pair caught would cost a main story); the held-out week is then counted. Nothing ships
from here: the script says whether a selection-time step on these signals could win.
"""

from __future__ import annotations

import argparse
import re
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
from bot.digest.domain.phrases import names  # noqa: E402
from bot.digest.domain.rank import score_event  # noqa: E402
from bot.digest.domain.readable import label_words  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DAYS = 2
RARITIES = (0, 1, 2, 3, 5, 8, 13, 30, 50)
LEASTS = (1, 2, 3, 4)
SIGNALS = ("names", "event+place")
OFF = (0, 10**6, "names")  # catches nothing: the shipped state


def body_names(body: str) -> frozenset[str]:
    """The names of a body, folded, one word or more (no single capitalised sentence opener)."""
    return frozenset(n.casefold() for n in names(body) if len(n) > 2)


def pairs_of_week(
    articles: list[Any], name: str, judgement: dict[str, Any], seen_names: Counter[str]
) -> list[dict[str, Any]]:
    """The week's highlight pairs at most DAYS apart with both keys judged."""
    start, end = iso_week_bounds(name, TZ)
    selected = select_week_articles(articles, start, end)
    week = analyse_week(selected, articles, start, TZ)
    owner = article_owners(judgement)
    scores = [score_event(s).score for s in week.signals]
    groups = pick_highlights(week, scores, highlight_count(len(week.stories)))
    events = label_words().event_nouns
    rows = []
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
        bodies = " ".join(a.body for a in members)
        found = frozenset().union(*(body_names(a.body) for a in members))
        nouns = frozenset(re.findall(r"[a-z]+", bodies.casefold())) & events
        days = [week.copies[c].day.toordinal() for k in group for c in week.stories[k].items]
        described.append(
            (key, found, nouns, days, week.copies[week.stories[group[0]].items[0]].title)
        )
    for a in range(len(described)):
        for b in range(a + 1, len(described)):
            ka, na, ea, da, ta = described[a]
            kb, nb, eb, db, tb = described[b]
            if ka is None or kb is None or min(abs(x - y) for x in da for y in db) > DAYS:
                continue
            shared = na & nb
            rows.append(
                {
                    "week": name,
                    "repeat": ka == kb,
                    "history": {n: seen_names[n] for n in shared},
                    "event": bool(ea & eb),
                    "titles": (ta[:60], tb[:60]),
                }
            )
    return rows


def caught(row: dict[str, Any], rarity: int, least: int, signal: str) -> bool:
    rare = sum(1 for count in row["history"].values() if count <= rarity)
    if signal == "event+place" and not row["event"]:
        return False
    return rare >= least


def tally(rows: Iterable[dict[str, Any]], setting: tuple[int, int, str]) -> tuple[int, int]:
    """(repeats caught, distinct pairs caught)."""
    repeats = distinct = 0
    for row in rows:
        if caught(row, *setting):
            repeats += row["repeat"]
            distinct += not row["repeat"]
    return repeats, distinct


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = sorted(load_kcna(args.data), key=lambda a: a.published)
    judgements = {k: v for k, v in sorted(dev_judgements().items()) if v["stories"]}
    rows: list[dict[str, Any]] = []
    for name, judgement in judgements.items():
        start, _ = iso_week_bounds(name, TZ)
        seen: Counter[str] = Counter()
        for article in articles:
            if article.published < start:
                seen.update(body_names(article.body))
        rows += pairs_of_week(articles, name, judgement, seen)
    settings = [OFF] + [(r, k, s) for r in RARITIES for k in LEASTS for s in SIGNALS]
    total = sum(r["repeat"] for r in rows)
    print(f"{len(rows)} highlight pairs <= {DAYS} days apart, {total} repeats")
    for row in rows:
        if row["repeat"]:
            rare = sorted(row["history"].items(), key=lambda item: (item[1], item[0]))[:6]
            print(f"  repeat {row['week']}: {row['titles']} event={row['event']} rarest: {rare}")
    best = max(settings, key=lambda s: (lambda r, d: (r - d, -d))(*tally(rows, s)))
    for setting in [
        (3, 1, "names"),
        (8, 1, "event+place"),
        (30, 1, "event+place"),
        (50, 1, "event+place"),
    ]:
        print("  setting", setting, "catches (repeats, distinct):", tally(rows, setting))
    print("in-sample best", best, "caught (repeats, distinct):", tally(rows, best))
    held = [0, 0]
    for name in judgements:
        train = [r for r in rows if r["week"] != name]
        chosen = max(settings, key=lambda s: (lambda r, d: (r - d, -d))(*tally(train, s)))
        r, d = tally([r for r in rows if r["week"] == name], chosen)
        held[0] += r
        held[1] += d
        if r or d:
            print(f"  held out {name}: setting {chosen} catches {r} repeats, {d} distinct")
    print(f"held out: {held[0]} of {total} repeats caught, {held[1]} distinct pairs caught")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
