"""How well the digest files headlines under its news sections, on hand-labelled headlines.

    .venv/bin/python training/measure_filing.py [--errors]

Reads training/data/digest/dev/section_filing_*.jsonl (each headline with the sections a reader
would accept, labelled before this was first run; README_section_filing_*.md) and files each
headline with bot.digest.domain.sections.section_of (headline only, as a highlight without a
summary). Prints, per split (``held_out``: weeks the section word lists were not written on;
``in_sample``: a development week), how many headlines land in an accepted section: all of
them, those whose best section is a news section (not "Other news"), and those a reader would
put only under "Other news".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bot.digest.domain.sections import OTHER, section_of  # noqa: E402

DATA = ROOT / "training" / "data" / "digest" / "dev"


def load_rows() -> list[dict[str, object]]:
    """Every labelled headline of every section_filing_*.jsonl file."""
    rows: list[dict[str, object]] = []
    for path in sorted(DATA.glob("section_filing_*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def score(rows: list[dict[str, object]], errors: bool = False) -> dict[str, Counter[str]]:
    """Per split: counts of all / good, news / news good, other / other good."""
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        accepted = list(row["sections"])  # type: ignore[call-overload]
        filed = section_of(str(row["title"]))
        good = filed in accepted
        kind = "news" if accepted[0] != OTHER else "other"
        tally = counts.setdefault(str(row["split"]), Counter())
        tally["all"] += 1
        tally["all good"] += good
        tally[kind] += 1
        tally[f"{kind} good"] += good
        if errors and not good:
            print(
                f"  {row['split']:9} {row['week']} {str(row['title'])[:70]!r}: {filed} (want {accepted})"
            )
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misfiled headlines")
    args = parser.parse_args()
    counts = score(load_rows(), args.errors)
    print(
        "| split | headlines filed well | news headlines (best section not Other) | Other-only headlines |"
    )
    print("|---|---|---|---|")
    for split, c in sorted(counts.items()):
        cells = [
            f"{c[k + ' good']} / {c[k]} ({c[k + ' good'] / max(1, c[k]):.2f})"
            for k in ("all", "news", "other")
        ]
        print(f"| {split} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
