"""Rule 3 per dev file and per language: denials caught and ok allowed, counts only unless asked.

Usage: .venv/bin/python training/rule3_languages.py [FILE_STEM ...] [--show] [--lang ko|zh|ja|en]

Scores training/data/rule3/dev/<stem>.jsonl with the shipped models (default: every dev file)
and splits each file by the script its line is written in: 'ko' (any Hangul), 'ja' (any kana),
'zh' (Han without Hangul or kana), 'en' (the rest). Without --show only counts are printed, so a
file can be kept as a held-out check (scored, never read). With --show the misses and the ok
lines not allowed of the chosen language are printed, with the detector that fired.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.blind_rules import script  # noqa: E402
from training.eval_dev import engine_with, read_rows, score  # noqa: E402

#: The script names of training/blind_rules.py (the bot's own script ranges) as language codes.
CODES = {"Korean": "ko", "Japanese": "ja", "Chinese": "zh", "Latin": "en"}


def language(text: str) -> str:
    """The script a line is read in (see the module docstring)."""
    return CODES[script(text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stems", nargs="*")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--lang", choices=["ko", "zh", "ja", "en"])
    args = parser.parse_args()
    pattern = "dev/*.jsonl"
    rows = read_rows(3, pattern)
    if args.stems:
        rows = [r for r in rows if r.source in set(args.stems)]
    scored = score(engine_with(None, None), rows)
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for row, verdict in scored:
        lang = language(row.text)
        for key in ((row.source, lang), (row.source, "all"), ("ALL", lang), ("ALL", "all")):
            cell = table[key]
            if row.positive:
                cell[0] += not verdict.allowed
                cell[1] += 1
            else:
                cell[2] += verdict.allowed
                cell[3] += 1
                cell[4] += verdict.outcome == "remove"
    for (source, lang), (caught, pos, allowed, neg, removed) in sorted(table.items()):
        print(
            f"{source:32} {lang:3} denial {caught:4}/{pos:<4} ok {allowed:4}/{neg:<4} "
            f"removed ok {removed}"
        )
    if args.show:
        for row, verdict in scored:
            if verdict.allowed != row.positive:
                continue
            if args.lang and language(row.text) != args.lang:
                continue
            tag = "MISS" if row.positive else ("FP-REMOVE" if verdict.outcome == "remove" else "FP")
            fired = ", ".join(h.filter_name for h in verdict.hits)
            print(f"{tag} {row.source[-5:]} [{row.kind}] {row.text[:220]}  <- {fired}")


if __name__ == "__main__":
    main()
