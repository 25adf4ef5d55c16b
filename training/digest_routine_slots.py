"""Why ranking routine headlines lower lost held out (issue 15, round 13 diagnostic).

    .venv/bin/python training/digest_routine_slots.py [--factor 0.25] [--data PATH]

Round 12b's grid (training/tune_digest_major.py) found that a lower rank.RECURRING_FACTOR (what
a headline seen in 2+ earlier weeks is worth) covers fewer main stories and repeats more, leave
one week out (298 vs 301). This lists, per development week, the highlights the lower factor
drops and the ones it lets in, by what the judges say they cover: a main story not yet covered
(gain), a main story already covered (a repeat), a judged series, or nothing judged.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from tune_digest import Week, judged_weeks  # noqa: E402

import bot.digest.domain.occasions as occasions  # noqa: E402
import bot.digest.domain.rank as rank  # noqa: E402


def highlight_keys(week: Week, factor: float) -> list[str | None]:
    """What each highlight covers (story id, series id or None), shipped settings but
    RECURRING_FACTOR = ``factor`` (as tune_digest.evaluate orders them)."""
    shipped = rank.RECURRING_FACTOR
    rank.RECURRING_FACTOR = factor
    try:
        scores = [rank.score_event(s, rank.WEIGHTS).score for s in week.signals]
    finally:
        rank.RECURRING_FACTOR = shipped
    linked = occasions.occasion_links(len(week.kinds), week.occasions, None)
    groups = rank.order_highlights(
        week.kinds,
        scores,
        week.count,
        week.alike,
        rank.FOLD_SIMILARITY,
        linked,
        [s.is_feature for s in week.signals],
        None,
        week.near,
        False,
        [s.is_statement for s in week.signals],
        None,
    )
    return [week.owner[g[0]] for g in groups]


def kind_of(key: str | None, week: Week, covered: set[str]) -> str:
    if key is None:
        return "nothing judged"
    if key not in week.stories:
        return "a judged series"
    return "a main story already covered" if key in covered else "a main story"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=float, default=0.25)
    parser.add_argument("--data", type=lambda p: Path(p), default=default_kcna_path(ROOT))
    args = parser.parse_args()
    articles = load_kcna(args.data)
    weeks = judged_weeks(articles)
    dropped: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for week in weeks:
        before = highlight_keys(week, rank.RECURRING_FACTOR)
        after = highlight_keys(week, args.factor)
        gone = Counter(before) - Counter(after)
        new = Counter(after) - Counter(before)
        if not gone and not new:
            continue
        kept = [k for k in after if k not in new]
        covered_after = {k for k in kept if k is not None}
        covered_before = {k for k in before if k not in gone and k is not None}
        out = [f"{k} ({kind_of(k, week, covered_before)})" for k in gone.elements()]
        into = [f"{k} ({kind_of(k, week, covered_after)})" for k in new.elements()]
        dropped.update(kind_of(k, week, covered_before) for k in gone.elements())
        added.update(kind_of(k, week, covered_after) for k in new.elements())
        print(f"{week.week}: out {', '.join(out) or '-'}; in {', '.join(into) or '-'}")
    print(f"RECURRING_FACTOR {rank.RECURRING_FACTOR} -> {args.factor}, in-sample:")
    print(f"  highlights dropped: {dict(dropped)}")
    print(f"  highlights let in:  {dict(added)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
