"""Choose PARAPHRASE_WEIGHT leave-one-set-out, with the gate refitted for every choice.

    .venv/bin/python training/paraphrase_loso.py [--data ../shared/data] [--weights 0 0.15 0.3 0.5]

For every weight, the first ten gate-off excerpts of every question are recorded as
training/gate_loso.py does. Then each seed question set (with its off-topic set) is held out in
turn: for every weight the gate is fitted and its bars chosen on the other sets, the weight whose
other sets answer most questions first (hit@1, seed and grown archive together) is chosen, and
the held-out set is answered with that weight and that gate. The held-out figures are the
honest estimate of the chosen procedure; the weight most often chosen is the one to ship.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import gate_loso as loso  # noqa: E402
import search_eval as ev  # noqa: E402

import bot.search.domain.query as query  # noqa: E402


def hits_at_1(rows: list[loso.Row], passes: loso.Callable[[loso.Row, list[float]], bool]) -> int:
    total = 0
    for r in rows:
        if r["label"]:
            shown = [answer for f, answer in r["hits"] if passes(r, f)]
            total += bool(shown) and shown[0]
    return total


Judged = list[tuple[loso.Row, loso.Callable[[loso.Row, list[float]], bool]]]


def pooled(judged: Judged) -> str:
    """Seed question sets pooled, per archive: hit@1, hit@3 and off-topic answered."""
    offtopic = {n for ns in loso.OFFTOPIC.values() for n in ns}
    out = []
    for archive in ("seed", "grown"):
        n = h1 = h3 = off_n = off = 0
        for r, passes in judged:
            if r["archive"] != archive:
                continue
            shown = [answer for f, answer in r["hits"] if passes(r, f)]
            if r["set"] in loso.SEED_SETS:
                n += 1
                h1 += bool(shown) and shown[0]
                h3 += any(shown[:3])
            elif r["set"] in offtopic:
                off_n += 1
                off += bool(shown)
        out.append(f"{archive} {h1 / n:.3f} ({h1}) / {h3 / n:.3f} ({h3}), off-topic {off}/{off_n}")
    return "; ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.15, 0.3, 0.5])
    parser.add_argument(
        "--no-community-page", action="store_true", help="the seed without the page's entry"
    )
    args = parser.parse_args()
    ev.COMMUNITY_PAGE = not args.no_community_page
    if args.no_community_page:
        # Before: no page entry and no "community" answer type either.
        types = tuple(t for t in query.answer_types() if t.name != "community")
        query.answer_types = lambda: types  # type: ignore[method-assign, assignment]
    recorded = {}
    for weight in args.weights:
        query.PARAPHRASE_WEIGHT = weight  # type: ignore[misc]
        recorded[weight] = loso.record(args.data)
        print(f"recorded weight {weight}", flush=True)
    held: dict[str, str] = {}
    chosen: Counter[float] = Counter()
    judged: Judged = []
    for name, negatives in loso.OFFTOPIC.items():
        out = {name, *negatives}
        best = None
        for weight, rows in recorded.items():
            rest = [r for r in rows if r["set"] not in out]
            _, score, bars = loso.fit(rest)
            found = hits_at_1(rest, lambda r, f: score(f) >= bars[r["archive"]])  # noqa: B023
            print(f"  held out {name}: weight {weight} -> {found} first hits on the rest")
            if best is None or found > best[0]:
                best = (found, weight, score, bars)
        assert best is not None
        _, weight, score, bars = best
        chosen[weight] += 1
        test = [r for r in recorded[weight] if r["set"] in out]
        passes = _passes(score, bars)
        judged += [(r, passes) for r in test]
        figures = loso.figures(test, passes)
        held.update({f"{k} (weight {weight})": v for k, v in figures.items()})
    print("leave-one-set-out, weight chosen on the other sets (held-out figures):")
    for key, value in sorted(held.items()):
        print(f"  {key}: {value}")
    print("weights chosen:", dict(chosen))
    print("  pooled:", pooled(judged))
    for weight, rows in recorded.items():
        print(f"weight {weight} fixed, gate leave-one-set-out (held-out figures):")
        fixed: dict[str, str] = {}
        judged = []
        for name, negatives in loso.OFFTOPIC.items():
            out = {name, *negatives}
            _, score, bars = loso.fit([r for r in rows if r["set"] not in out])
            test = [r for r in rows if r["set"] in out]
            passes = _passes(score, bars)
            judged += [(r, passes) for r in test]
            fixed.update(loso.figures(test, passes))
        for key, value in sorted(fixed.items()):
            print(f"  {key}: {value}")
        print("  pooled:", pooled(judged))
        print(f"weight {weight}, gate fitted on every set (in-sample):")
        _, score, bars = loso.fit(rows)
        passes = _passes(score, bars)
        for key, value in loso.figures(rows, passes).items():
            print(f"  {key}: {value}")
        print("  pooled:", pooled([(r, passes) for r in rows]))
        print("  shipped gate, pooled:", pooled([(r, loso.shipped_passes) for r in rows]))
        loso.print_full_fit(rows)


def _passes(
    score: loso.Score, bars: dict[str, float]
) -> loso.Callable[[loso.Row, list[float]], bool]:
    return lambda r, f: score(f) >= bars[r["archive"]]


if __name__ == "__main__":
    main()
