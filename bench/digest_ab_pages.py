"""Blind A/B pages of two digest snapshots for a reader, and the reader's verdicts mapped back.

    python bench/digest_ab_pages.py pages BEFORE.json AFTER.json OUTDIR KEY.json --seed N
    python bench/digest_ab_pages.py score READER.jsonl KEY.json [--save OUT.jsonl]

``pages`` writes, for every week both snapshots hold (bench/digest_snapshot.py), the two
Markdown pages as ``<week>.A.md`` and ``<week>.B.md`` in OUTDIR, links removed, which side is
which drawn per week from the seed; the key (outside the reader's folder) says which is which.
``score`` reads the reader's JSONL (one line per week: week, labels_A, labels_B as
[label, ok|poor, why], repeats_A, repeats_B, top3, top_in_first5_A, top_in_first5_B,
better A|B|same, why) and prints, by code rather than by letter, which page the reader preferred
in the weeks that differ, poor headings, repeats and the reader's top-3 stories in the first five.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
URL = re.compile(r"<?https?://\S+>?")


def unlinked(markdown: str) -> str:
    """The page without addresses: a reader judges what it says, not where it links."""
    return URL.sub("", LINK.sub(r"\1", markdown))


def pages(before: Path, after: Path, outdir: Path, key_path: Path, seed: int) -> None:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    key: dict[str, dict[str, Any]] = {}
    for week in sorted(set(old) & set(new)):
        sides = ["before", "after"]
        rng.shuffle(sides)
        same = old[week]["markdown"] == new[week]["markdown"]
        for letter, side in zip("AB", sides, strict=True):
            text = unlinked((old if side == "before" else new)[week]["markdown"])
            (outdir / f"{week}.{letter}.md").write_text(text, encoding="utf-8")
        key[week] = {"A": sides[0], "B": sides[1], "identical": same}
    key_path.write_text(json.dumps(key, indent=1, sort_keys=True), encoding="utf-8")
    changed = sum(not k["identical"] for k in key.values())
    print(f"{len(key)} weeks written to {outdir}, {changed} differ; key in {key_path}")


def score(reader: Path, key_path: Path, save: Path | None) -> None:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in reader.read_text(encoding="utf-8").splitlines() if line]
    tally = {"before": 0, "after": 0, "same": 0}
    poor = {"before": 0, "after": 0}
    heads = {"before": 0, "after": 0}
    first5 = {"before": 0, "after": 0}
    top3 = 0
    for row in rows:
        sides = key[row["week"]]
        row["A_is"], row["B_is"] = sides["A"], sides["B"]
        row["identical"] = sides["identical"]
        for letter in "AB":
            side = sides[letter]
            labels = row.get(f"labels_{letter}", [])
            heads[side] += len(labels)
            poor[side] += sum(1 for label in labels if label[1] == "poor")
            first5[side] += int(row.get(f"top_in_first5_{letter}", 0))
        top3 += len(row.get("top3", []))
        if not sides["identical"]:
            better = row.get("better", "same")
            tally[sides[better] if better in ("A", "B") else "same"] += 1
    changed = sum(not k["identical"] for k in key.values())
    print(
        f"weeks judged {len(rows)}; of {changed} weeks that differ the reader preferred after "
        f"{tally['after']}, before {tally['before']}, same {tally['same']}"
    )
    print(
        f"poor headings: before {poor['before']}/{heads['before']}, after {poor['after']}/{heads['after']}"
    )
    print(
        f"reader's top-3 stories in the first five: before {first5['before']}, after {first5['after']} of {top3}"
    )
    if save:
        save.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pages")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("outdir", type=Path)
    p.add_argument("key", type=Path)
    p.add_argument("--seed", type=int, required=True)
    s = sub.add_parser("score")
    s.add_argument("reader", type=Path)
    s.add_argument("key", type=Path)
    s.add_argument("--save", type=Path)
    args = parser.parse_args()
    if args.command == "pages":
        pages(args.before, args.after, args.outdir, args.key, args.seed)
    else:
        score(args.reader, args.key, args.save)


if __name__ == "__main__":
    main()
