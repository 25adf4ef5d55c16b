"""Held-out first-five figures per week under module flags (issue 15, round 20).

    .venv/bin/python training/digest_heldout_weeks.py [--set module.NAME=VALUE ...]

training/tune_digest_order.py --model --extra --top3-weight 1 --cs 1.0 --caps 10 (the shipped
recipe), printing each held-out week's main stories and readers' top-3 picks in the first five,
after setting the given flags (e.g. ``newsweight.LEAD_NAMES_NEWS=False``,
``genrejoin.JOIN_TOPICS=False``) on bot.digest.domain modules. Dev data only.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

import tune_digest_order as tuner  # noqa: E402
from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from tune_digest import dev_judgements  # noqa: E402

import bot.digest.domain.layout as layout  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("--set", nargs="*", default=[], help="module.NAME=VALUE (a Python literal)")
    parser.add_argument(
        "--visit-lead",
        type=float,
        default=None,
        help="a fixed layout.VISIT_LEAD (not fitted) while the other leads are refitted",
    )
    args = parser.parse_args()
    for item in args.set:
        target, value = item.split("=", 1)
        module, name = target.rsplit(".", 1)
        setattr(
            importlib.import_module(f"bot.digest.domain.{module}"), name, ast.literal_eval(value)
        )
    tuner.EXTRA, tuner.TOP3_WEIGHT = True, 1.0
    weeks = tuner.capture(load_kcna(args.data), dev_judgements())
    data = [tuner.rows(w) for w in weeks]
    if args.visit_lead is not None:  # rows() lays the weeks out with every extra lead at 0
        layout.VISIT_LEAD = args.visit_lead
    held = []
    for n, week in enumerate(weeks):
        bonus, leads = tuner.fit_leads([r for i, d in enumerate(data) if i != n for r in d], 1.0)
        layout.MAJOR_BONUS, layout.MAX_HEADINGS, layout.SECTION_LEAD = bonus, 10, leads
        figures = tuner.lay_out_as_set(week)
        held.append(figures)
        print(f"  {week.week}: main {figures.top5} top3 {figures.top3} headings {figures.headings}")
    print(f"held out: {tuner.total(held)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
