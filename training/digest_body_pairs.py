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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from digest_pair_screen import (  # noqa: E402
    DAYS,
    Row,
    best_setting,
    close_pairs,
    earlier_counts,
    held_out,
    tally,
    week_highlights,
)
from tune_digest import dev_judgements  # noqa: E402

from bot.digest.domain.phrases import names  # noqa: E402
from bot.digest.domain.readable import label_words  # noqa: E402

RARITIES = (0, 1, 2, 3, 5, 8, 13, 30, 50)
LEASTS = (1, 2, 3, 4)
SIGNALS = ("names", "event+place")
OFF = (0, 10**6, "names")  # catches nothing: the shipped state


def body_names(body: str) -> frozenset[str]:
    """The names of a body, folded, one word or more (no single capitalised sentence opener)."""
    return frozenset(n.casefold() for n in names(body) if len(n) > 2)


def pairs_of_week(
    articles: list[Any], name: str, judgement: dict[str, Any], seen_names: Counter[str]
) -> list[Row]:
    """The week's highlight pairs at most DAYS apart with both keys judged."""
    highlights = week_highlights(articles, name, judgement)
    events = label_words().event_nouns
    found = [frozenset().union(*(body_names(a.body) for a in h.members)) for h in highlights]
    nouns = [
        frozenset(re.findall(r"[a-z]+", " ".join(a.body for a in h.members).casefold())) & events
        for h in highlights
    ]
    return [
        {
            "week": name,
            "repeat": highlights[a].key == highlights[b].key,
            "history": {n: seen_names[n] for n in found[a] & found[b]},
            "event": bool(nouns[a] & nouns[b]),
            "titles": (highlights[a].title[:60], highlights[b].title[:60]),
        }
        for a, b in close_pairs(highlights)
    ]


def caught(row: Row, rarity: int, least: int, signal: str) -> bool:
    rare = sum(1 for count in row["history"].values() if count <= rarity)
    if signal == "event+place" and not row["event"]:
        return False
    return rare >= least


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = sorted(load_kcna(args.data), key=lambda a: a.published)
    judgements = {k: v for k, v in sorted(dev_judgements().items()) if v["stories"]}
    rows: list[Row] = []
    for name, judgement in judgements.items():
        seen = earlier_counts(articles, name, lambda a: body_names(a.body))
        rows += pairs_of_week(articles, name, judgement, seen)
    settings = [OFF] + [(r, k, s) for r in RARITIES for k in LEASTS for s in SIGNALS]
    total = sum(r["repeat"] for r in rows)
    print(f"{len(rows)} highlight pairs <= {DAYS} days apart, {total} repeats")
    for row in rows:
        if row["repeat"]:
            rare = sorted(row["history"].items(), key=lambda item: (item[1], item[0]))[:6]
            print(f"  repeat {row['week']}: {row['titles']} event={row['event']} rarest: {rare}")
    best = best_setting(rows, caught, settings)
    for setting in [
        (3, 1, "names"),
        (8, 1, "event+place"),
        (30, 1, "event+place"),
        (50, 1, "event+place"),
    ]:
        print("  setting", setting, "catches (repeats, distinct):", tally(rows, caught, setting))
    print("in-sample best", best, "caught (repeats, distinct):", tally(rows, caught, best))
    held_out(rows, caught, settings, judgements)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
