"""Routine lines again: a lower worth for recurring headlines with statements exempt (issue 15,
round 13).

    .venv/bin/python training/tune_digest_routine.py [--data PATH]

training/digest_routine_slots.py found that a lower rank.RECURRING_FACTOR drops main stories
whose headline is a formula that recurs every week (W43-2 a Kim Yo Jong press statement, W44-3
the Foreign Ministry's statements), so it grids RECURRING_FACTOR by STATEMENT_RECURS (whether a
statement's recurring headline makes it routine), judged as training/tune_digest.py does: all
weeks, then leave one week out (its objective).
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

FACTOR_GRID = (0.5, 0.35, 0.25)
STATEMENT_GRID = (True, False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = load_kcna(args.data)
    weeks = judged_weeks(articles)
    names = [w.week for w in weeks]
    grid = list(itertools.product(FACTOR_GRID, STATEMENT_GRID))
    shipped = (rank.RECURRING_FACTOR, rank.STATEMENT_RECURS)
    table = []
    for factor, recurs in grid:
        rank.RECURRING_FACTOR, rank.STATEMENT_RECURS = factor, recurs
        table.append([evaluate(w, rank.WEIGHTS, rank.FOLD_SIMILARITY) for w in weeks])
        print(
            f"  recurring x{factor}, statements recur {recurs}: {totals(table[-1])}; "
            f"objective {objective(table[-1])}"
        )
    rank.RECURRING_FACTOR, rank.STATEMENT_RECURS = shipped
    leave_one_week_out(
        table, names, lambda i: f"recurring x{grid[i][0]}, statements recur {grid[i][1]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
