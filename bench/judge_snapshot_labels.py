"""Judge the labels of digest snapshots with the reader-fitted label judge, held out by week.

    .venv/bin/python bench/judge_snapshot_labels.py BEFORE.json [AFTER.json] [--list]

Snapshots are bench/digest_snapshot.py's. Each week's labels are judged by a judge fitted
(training/fit_label_judge.py's way, its shipped penalty) on the readers' verdicts of every
other week: a week the readers judged is never judged by weights that saw it. Weeks the
readers never judged get the judge fitted on every verdict (held out too: none is about them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "training")]

from digest_label_judge import FEATURES, WEIGHTS, Words, features, fit, parse_sections  # noqa: E402
from fit_label_judge import examples  # noqa: E402


def held_out_judges() -> dict[str, tuple[dict[str, float], float]]:
    """Weights per held-out week ("*" for weeks no reader judged)."""
    penalty = json.loads(WEIGHTS.read_text(encoding="utf-8"))["penalty"]
    rows = examples()
    judges = {}
    for week in sorted({r["week"] for r in rows} | {"*"}):
        train = [r for r in rows if r["week"] != week]
        judges[week] = fit([r["x"] for r in train], [r["poor"] for r in train], penalty)
    return judges


def judge_snapshot(
    snap: dict[str, dict[str, object]], judges: dict[str, tuple[dict[str, float], float]]
) -> dict[str, list[tuple[str, bool]]]:
    """Per week: every label and whether the held-out judge calls it poor."""
    words = Words.load()
    out = {}
    for week, outputs in sorted(snap.items()):
        weights, bias = judges.get(week, judges["*"])
        verdicts = []
        for section in parse_sections(str(outputs["markdown"])):
            x = features(section, words)
            z = bias + sum(weights[k] * x[k] for k in FEATURES)
            verdicts.append((section.label, z >= 0.0))
        out[week] = verdicts
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshots", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print every label")
    args = parser.parse_args()
    judges = held_out_judges()
    results = [
        judge_snapshot(json.loads(p.read_text(encoding="utf-8")), judges) for p in args.snapshots
    ]
    for path, result in zip(args.snapshots, results, strict=True):
        labels = sum(len(v) for v in result.values())
        poor = sum(p for v in result.values() for _, p in v)
        print(f"{path.name}: {poor} of {labels} labels poor (held-out judge)")
    if args.list:
        for week in sorted(results[0]):
            for path, result in zip(args.snapshots, results, strict=True):
                shown = "; ".join(f"{'POOR ' if p else ''}{lab}" for lab, p in result.get(week, []))
                print(f"  {week} {path.stem}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
