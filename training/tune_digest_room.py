"""Room for distinct main stories: three ranking settings, each held out week by week.

    .venv/bin/python training/tune_digest_room.py [--data PATH]

Tunes three settings of bot/digest/domain/rank.py with the other constants as shipped, on every
development week (training/data/digest/dev/, never the blind folder):

- the weight of the "weighty" signal (a headline of military or foreign-policy news,
  newsroom.yaml ``weighty``; WEIGHTS["weighty"]);
- how many highlights features may lead (FEATURE_HIGHLIGHTS: events whose lead says no date and
  whose headline names no actor);
- whether a statement's recurring headline makes it routine (STATEMENT_RECURS).

Prints every combination on all weeks (with the smallest per-week coverage), then leave one week
out (each week judged with the setting best on the others; training/tune_digest.py's objective)
for each setting alone and for all three. Chosen values are written by hand into rank.py.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import load_kcna  # noqa: E402
from tune_digest import (  # noqa: E402
    DEFAULT_DATA,
    Figures,
    evaluate,
    judged_weeks,
    leave_one_week_out,
    objective,
    totals,
)

import bot.digest.domain.rank as rank  # noqa: E402

WEIGHTY = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
CAPS = (2, 3, 4, 5, 6, 8, 99)
RECURS = (True, False)
Setting = tuple[float, int, bool]  # weighty weight, features' cap, statements recur
GRID: list[Setting] = list(itertools.product(WEIGHTY, CAPS, RECURS))


def met(figures: list[Figures], stories: list[int]) -> str:
    """Weeks meeting the done-when (4+ covered, or all of a smaller week; no repeat; no own
    roundup in the first five; labels are judged by bench/bench_digest.py only) and the least
    per-week coverage (the smallest share of a week's main stories)."""
    weeks = sum(
        1 for (c, r, t, _), n in zip(figures, stories, strict=True) if c >= min(4, n) and not r + t
    )
    least = min(
        ((c, n) for (c, _, _, _), n in zip(figures, stories, strict=True) if n),
        key=lambda pair: (pair[0] / pair[1], pair[0]),
    )
    return f"weeks met {weeks}/{len(figures)}, least covered {least[0]} of {least[1]}"


def held_out(table: list[list[Figures]], names: list[str], label: Any, stories: list[int]) -> None:
    """Each week judged with the row of ``table`` best on the other weeks
    (tune_digest.leave_one_week_out), and how many held-out weeks meet the done-when."""
    print(f"  {met(leave_one_week_out(table, names, label), stories)}")


def describe(setting: Setting) -> str:
    weighty, cap, recurs = setting
    return f"weighty {weighty}, features <= {cap}, statements recur {recurs}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    articles = load_kcna(args.data)
    weeks = judged_weeks(articles)
    names = [w.week for w in weeks]
    stories = [len(w.stories) for w in weeks]
    shipped: Setting = (
        rank.WEIGHTS.get("weighty", 0.0),
        rank.FEATURE_HIGHLIGHTS,
        rank.STATEMENT_RECURS,
    )
    table: list[list[Figures]] = []
    for weighty, cap, recurs in GRID:
        rank.STATEMENT_RECURS = recurs
        weights = {**rank.WEIGHTS, "weighty": weighty}
        figures = [evaluate(w, weights, rank.FOLD_SIMILARITY, feature_cap=cap) for w in weeks]
        table.append(figures)
        print(
            f"  {describe((weighty, cap, recurs))}: {totals(figures)}; {met(figures, stories)}; "
            f"objective {objective(figures)}"
        )
    rank.STATEMENT_RECURS = shipped[2]
    for number, title in enumerate(("weighty weight", "features' cap", "statements recur")):
        rows = [
            i
            for i, setting in enumerate(GRID)
            if all(setting[k] == shipped[k] for k in range(3) if k != number)
        ]
        print(f"leave one week out, {title} alone (the others as shipped):")
        held_out(
            [table[i] for i in rows], names, lambda i, rows=rows: describe(GRID[rows[i]]), stories
        )
    print("leave one week out, all three:")
    held_out(table, names, lambda i: describe(GRID[i]), stories)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
