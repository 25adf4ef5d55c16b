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

from bot.digest.domain.copies import clean_title, is_title_only  # noqa: E402
from bot.digest.domain.lexicon import fold, words  # noqa: E402
from bot.digest.domain.phrases import headline_phrases  # noqa: E402

RARITIES = (0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 100)
LEASTS = (1, 2)
SIGNALS = ("echo", "shared", "either")
OFF = (-1, 99, "echo")


def _key(text: str) -> str:
    return " ".join(fold(w) for w in words(text))


def phrases_of(title: str) -> frozenset[str]:
    """The folded noun phrases of two words or more of a headline."""
    return frozenset(k for p in headline_phrases(title) if " " in (k := _key(p)))


def pairs_of_week(
    articles: list[Any], name: str, judgement: dict[str, Any], seen: Counter[str]
) -> list[Row]:
    highlights = week_highlights(articles, name, judgement)
    heads = [
        frozenset().union(*(phrases_of(clean_title(a)) for a in h.members)) for h in highlights
    ]
    bodies = [
        " " + " ".join(_key(a.body) for a in h.members if not is_title_only(a)) + " "
        for h in highlights
    ]
    rows = []
    for a, b in close_pairs(highlights):
        echo = {p for p in heads[a] if f" {p} " in bodies[b]}
        echo |= {p for p in heads[b] if f" {p} " in bodies[a]}
        rows.append(
            {
                "week": name,
                "repeat": highlights[a].key == highlights[b].key,
                "echo": {p: seen[p] for p in echo},
                "shared": {p: seen[p] for p in heads[a] & heads[b]},
                "titles": (highlights[a].title[:70], highlights[b].title[:70]),
            }
        )
    return rows


def caught(row: Row, rarity: int, least: int, signal: str) -> bool:
    found: dict[str, int] = {}
    if signal in ("echo", "either"):
        found |= row["echo"]
    if signal in ("shared", "either"):
        found |= row["shared"]
    return sum(1 for n in found.values() if n <= rarity) >= least


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("--show", action="store_true", help="print every caught pair")
    args = parser.parse_args()
    articles = sorted(load_kcna(args.data), key=lambda a: a.published)
    judgements = {k: v for k, v in sorted(dev_judgements().items()) if v["stories"]}
    rows: list[Row] = []
    for name, judgement in judgements.items():
        seen = earlier_counts(articles, name, lambda a: phrases_of(clean_title(a)))
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
        r, d = tally(rows, caught, setting)
        if r:
            print("  setting", setting, "catches (repeats, distinct):", (r, d))
    best = best_setting(rows, caught, settings)
    print("in-sample best", best, "caught (repeats, distinct):", tally(rows, caught, best))
    if args.show:
        for row in rows:
            if caught(row, *best):
                print("   caught", row["repeat"], row["titles"], row["echo"], row["shared"])
    held_out(rows, caught, settings, judgements)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
