"""Diversity at selection time (bot/digest/domain/diversity.py) and the statements' slot cap
(bot/digest/domain/rank.py STATEMENT_HIGHLIGHTS), held out week by week.

    .venv/bin/python training/tune_digest_near.py [--data PATH] [--top N]

For every development week (training/data/digest/dev/, never the blind folder) it counts the
rare terms each two stories share and the days between them once, then judges every setting
(rare history, shared terms, days apart, scope, skip or attach; how many highlights statements
may lead) with the other constants as
shipped, as training/tune_digest.py counts: main stories covered, repeats, own roundups in the
first five, mixed highlights. Prints the best settings on all weeks and leave one week out (each
week judged with the setting best on the others, the step off among them): per scope without
a cap, the cap alone, and the whole grid. Chosen values are written by hand into
bot/digest/domain/diversity.py and rank.py.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

import numpy as np  # noqa: E402
from digest_judging import load_kcna  # noqa: E402
from tune_digest import (  # noqa: E402
    DEFAULT_DATA,
    TZ,
    Figures,
    Week,
    dev_judgements,
    evaluate,
    leave_one_week_out,
    objective,
    prepare,
    totals,
)
from tune_digest_room import met  # noqa: E402

import bot.digest.domain.rank as rank  # noqa: E402
from bot.digest.domain import diversity  # noqa: E402
from bot.digest.domain.build import analyse_week, select_week_articles  # noqa: E402
from bot.digest.domain.events import tells_statement  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

HISTORY = (0, 1, 3)
TERMS = (2, 3, 4, 5, 6, 8)
DAYS = (0, 1, 2, 3)
MODES = (False, True)  # attach_near
CAPS = (2, 3, 4, 5, 99)  # statements' highlights
Setting = tuple[int, int, int, str, bool, int]  # rare history, terms, days, scope, attach, cap
NEAR = [
    (0, 0, 0, "statements", False),
    *itertools.product(HISTORY, TERMS, DAYS, diversity.SCOPES, MODES),
]
GRID: list[Setting] = [(*near, cap) for cap in CAPS for near in NEAR]


def pair_facts(articles: list[Any], week: str) -> dict[str, Any]:
    """The week's shared rare terms (per rare-history bound), day gaps, kinds and statements."""
    start, end = iso_week_bounds(week, TZ)
    selected = select_week_articles(articles, start, end)
    analysed = analyse_week(selected, articles, start, TZ)
    items = [s.items for s in analysed.stories]
    return {
        "shared": {h: diversity.shared_rare_terms(items, analysed.text, h) for h in HISTORY},
        "gaps": diversity.day_gaps(items, analysed.copies),
        "kinds": [s.kind for s in analysed.stories],
        "statements": [
            any(tells_statement(analysed.copies[c].title) for c in s.items)
            for s in analysed.stories
        ],
    }


def judge(week: Week, facts: dict[str, Any], setting: Setting) -> Figures:
    history, terms, days, scope, attach, cap = setting
    near = diversity.near_matrix(
        facts["shared"][history],
        facts["gaps"],
        facts["kinds"],
        facts["statements"],
        (terms, days, scope),
    )
    if near is None:  # off (evaluate would take the shipped step for None)
        near = np.zeros((len(week.kinds), len(week.kinds)), dtype=bool)
    fold = rank.FOLD_SIMILARITY
    return evaluate(week, rank.WEIGHTS, fold, near=near, attach_near=attach, statement_cap=cap)


def describe(setting: Setting) -> str:
    history, terms, days, scope, attach, cap = setting
    statements = f"statements <= {cap}"
    if not terms:
        return f"near off, {statements}"
    mode = "attach" if attach else "skip"
    return f"rare<={history} terms>={terms} days<={days} {scope} {mode}, {statements}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    articles = load_kcna(args.data)
    judged = [(w, j) for w, j in sorted(dev_judgements().items()) if j["stories"]]
    weeks = [prepare(articles, w, j) for w, j in judged]
    facts = [pair_facts(articles, w) for w, _ in judged]
    names = [w.week for w in weeks]
    stories = [len(w.stories) for w in weeks]
    table = [[judge(w, f, s) for w, f in zip(weeks, facts, strict=True)] for s in GRID]
    off = GRID.index((0, 0, 0, "statements", False, 99))
    print(
        f"off: {totals(table[off])}; {met(table[off], stories)}; objective {objective(table[off])}"
    )
    ranked = sorted(range(len(GRID)), key=lambda i: (-objective(table[i]), i))
    print(f"best of {len(GRID)} settings on all {len(weeks)} weeks:")
    for i in ranked[: args.top]:
        print(
            f"  {describe(GRID[i])}: {totals(table[i])}; {met(table[i], stories)}; "
            f"objective {objective(table[i])}"
        )
    for scope in diversity.SCOPES:
        for attach in MODES:
            rows = [off] + [
                i
                for i, s in enumerate(GRID)
                if s[1] and s[3] == scope and s[4] == attach and s[5] == 99
            ]
            mode = "attach" if attach else "skip"
            print(f"leave one week out, {scope} {mode} (or off):")
            held = leave_one_week_out(
                [table[i] for i in rows], names, lambda i, r=rows: describe(GRID[r[i]])
            )
            print(f"  {met(held, stories)}")
    rows = [i for i, s in enumerate(GRID) if not s[1]]
    print("leave one week out, the statements' cap alone (near off):")
    held = leave_one_week_out([table[i] for i in rows], names, lambda i: describe(GRID[rows[i]]))
    print(f"  {met(held, stories)}")
    print("leave one week out, the whole grid:")
    held = leave_one_week_out(table, names, lambda i: describe(GRID[i]))
    print(f"  {met(held, stories)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
