"""Mixed highlights: should an occasion join a story whose headline recurs in earlier weeks?
(issue 15, round 12)

    .venv/bin/python training/tune_digest_recurring.py [--data PATH]

Most mixed highlights fold an anniversary's routine lines ("Floral Baskets to Statues of Great
Leaders from Abroad", "Celebrations Held Abroad", "Kim Jong Un Receives Greetings from Abroad")
into its celebration, through the occasion link (bot.digest.domain.occasions), while the
judges count those lines as series of their own. This drops every occasion pair one of whose
stories has a headline (pattern) seen in at least R earlier weeks (EventSignals.recurring_weeks),
for R in RECURRING_GRID (99: the shipped state), alone or also untying such a story from others
by one shared uncommon name (bot.digest.domain.alike), and judges the highlights as
training/tune_digest.py does: all weeks, then leave one week out (its objective).

The figures in bench/RESULTS.md (round 12) come from the code before the change shipped
(f8ff1a7): since then analyse_week applies R = 2 itself (bot.digest.domain.alike.
untie_recurring), so on this code the 99 row is the shipped state with R = 2 already in it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

import numpy as np  # noqa: E402
from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from tune_digest import (  # noqa: E402
    Week,
    evaluate,
    judged_weeks,
    leave_one_week_out,
    objective,
    totals,
)

import bot.digest.domain.occasions as occasions  # noqa: E402
import bot.digest.domain.rank as rank  # noqa: E402
from bot.digest.domain.alike import SHARED_NAMES_SIMILARITY  # noqa: E402

RECURRING_GRID = (1, 2, 3, 4, 6, 8, 99)


def without_recurring(week: Week, least: int, names_too: bool) -> Week:
    """The week with no occasion pair touching a story seen in ``least`` earlier weeks; with
    ``names_too`` such a story is not tied by one shared uncommon name either (alike.py)."""
    recurring = [s.recurring_weeks >= least for s in week.signals]
    kept = tuple(p for p in week.occasions if not (recurring[p.first] or recurring[p.second]))
    plain = week.plain_alike
    if names_too:
        plain = np.array(plain, copy=True)
        tied = np.isclose(plain, SHARED_NAMES_SIMILARITY)
        touched = np.array(recurring)[:, None] | np.array(recurring)[None, :]
        plain[tied & touched] = 0.0
    return replace(week, occasions=kept, plain_alike=plain)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = load_kcna(args.data)
    weeks = judged_weeks(articles)
    names = [w.week for w in weeks]
    table = []
    grid = [(least, names_too) for names_too in (False, True) for least in RECURRING_GRID]
    for least, names_too in grid:
        table.append(
            [
                evaluate(
                    without_recurring(w, least, names_too),
                    rank.WEIGHTS,
                    rank.FOLD_SIMILARITY,
                    occasion_days=occasions.OCCASION_DAYS,
                )
                for w in weeks
            ]
        )
        print(
            f"  recurring >= {least}, names too {names_too}: {totals(table[-1])}; "
            f"objective {objective(table[-1])}"
        )
    leave_one_week_out(table, names, lambda i: f"recurring >= {grid[i][0]}, names {grid[i][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
