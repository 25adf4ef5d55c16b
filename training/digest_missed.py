"""Why a judged main story is not among a week's highlights (used by training/digest_misses.py).

For every main story no highlight covers, it finds the week's stories (as analyse_week built
them) that cite its reports and says what became of each:

- *merged*: the part was folded into (or grouped with) a highlight covering something else;
- *series* / *roundup*: the part is a series line or a roundup, scored down by its kind;
- *split*: the story's reports are spread over several parts and none leads a highlight;
- *ranked low*: the part was not folded anywhere and scored below the last highlight; the
  importance terms that cost it most against the highlights' median are listed (points of the
  weighted signal, and the routine factors applied).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from bot.digest.domain.rank import Importance


def _points(importance: Importance) -> dict[str, float]:
    return {r.signal: r.points for r in importance.reasons}


def explain_missed(
    judgement: dict[str, Any],
    groups: Sequence[Sequence[int]],
    importances: Sequence[Importance],
    kinds: Sequence[str],
    owners: Callable[[int], list[str]],
    describe: Callable[[int], str],
    covered: set[str],
) -> Counter[str]:
    """Print each missed main story with what became of its parts; count the reasons."""
    reasons: Counter[str] = Counter()
    ranked = sorted(range(len(importances)), key=lambda i: (-importances[i].score, i))
    place = {k: n + 1 for n, k in enumerate(ranked)}
    group_of = {k: g for g, group in enumerate(groups) for k in group}
    leads = [group[0] for group in groups]
    bar = min((importances[k].score for k in leads), default=0.0)
    chosen_points = [_points(importances[k]) for k in leads]
    median = {
        signal: statistics.median(p.get(signal, 0.0) for p in chosen_points)
        for signal in (chosen_points[0] if chosen_points else {})
    }
    for story in judgement["stories"]:
        if story["id"] in covered:
            continue
        parts = [k for k in range(len(kinds)) if story["id"] in owners(k)]
        print(f"  MISSED {story['id']} (importance {story.get('importance')}): {story['label']}")
        if not parts:
            reasons["missed: not in the week"] += 1
            print("    none of its reports is in the week")
            continue
        why = ""
        for k in parts:
            mine = owners(k).count(story["id"])
            importance = importances[k]
            where = ""
            if k in group_of:
                lead = groups[group_of[k]][0]
                if lead == k:
                    where = f"leads highlight {group_of[k] + 1} (covers another story)"
                    why = why or "merged"
                else:
                    lead_owner = Counter(owners(lead)).most_common(1)
                    where = (
                        f"folded into highlight {group_of[k] + 1} "
                        f"({lead_owner[0][0] if lead_owner else 'unjudged'})"
                    )
                    why = why or "merged"
            elif kinds[k] in ("series", "roundup"):
                where = f"a {kinds[k]} below the bar"
                why = why or kinds[k]
            else:
                points = _points(importance)
                lost = sorted(
                    ((points.get(s, 0.0) - m, s) for s, m in median.items()), key=lambda t: t[0]
                )
                terms = ", ".join(f"{s} {d:+.2f}" for d, s in lost[:3] if d < 0)
                factors = "; ".join(f"{t} x{f}" for t, f in importance.factors)
                where = f"ranked low: against the highlights' median {terms}" + (
                    f"; {factors}" if factors else ""
                )
                why = why or ("split" if len(parts) > 1 else "ranked low")
            print(
                f"    #{place[k]} score {importance.score:.3f} (bar {bar:.3f}) "
                f"{mine}/{len(owners(k))} reports {describe(k)}\n      {where}"
            )
        reasons["missed: " + why] += 1
    return reasons
