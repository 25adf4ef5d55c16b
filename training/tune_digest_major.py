"""Routine lines and major news: how much a recurring headline costs, and whether military or
foreign-policy news (newsroom.yaml ``weighty``) counts (issue 15, round 12b).

    .venv/bin/python training/tune_digest_major.py [--data PATH]

A blind reader (training/data/digest/dev/README_reader_ab_2026_12_07.md) saw routine lines
(floral baskets, a headline seen in 2+ earlier weeks) take a highlight slot from news, and
military tests ranked below exhibitions. This grids rank.RECURRING_FACTOR (what a headline seen
in RECURRING_WEEKS earlier weeks is worth) by WEIGHTS["weighty"], judges the highlights as
training/tune_digest.py does: all weeks, then leave one week out (its objective).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from tune_digest import (  # noqa: E402
    evaluate,
    judged_weeks,
    leave_one_week_out,
    objective,
    totals,
)

import bot.digest.domain.rank as rank  # noqa: E402

FACTOR_GRID = (0.5, 0.35, 0.25, 0.15)
WEIGHTY_GRID = (0.0, 0.05, 0.1, 0.15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = load_kcna(args.data)
    weeks = judged_weeks(articles)
    names = [w.week for w in weeks]
    grid = list(itertools.product(FACTOR_GRID, WEIGHTY_GRID))
    table = []
    shipped = rank.RECURRING_FACTOR
    for factor, weighty in grid:
        rank.RECURRING_FACTOR = factor
        weights = {**rank.WEIGHTS, "weighty": weighty}
        table.append([evaluate(w, weights, rank.FOLD_SIMILARITY) for w in weeks])
        print(
            f"  recurring x{factor}, weighty {weighty}: {totals(table[-1])}; "
            f"objective {objective(table[-1])}"
        )
    rank.RECURRING_FACTOR = shipped
    leave_one_week_out(table, names, lambda i: f"recurring x{grid[i][0]}, weighty {grid[i][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
