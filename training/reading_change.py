"""What a change to the question reading (answer_types.json) does to the questions it moves.

    .venv/bin/python training/reading_change.py --out AFTER.json   (the changed data file)
    .venv/bin/python training/reading_change.py --out BEFORE.json --also AFTER.json  (the old)
    .venv/bin/python training/reading_change.py --compare BEFORE.json AFTER.json

For every development question (seed sets of training/gate_loso.py SEED_SETS, and their
off-topic sets), its answer type as query.answer_type_of reads it, and for the questions of a
size type (the ones a change to that type can move) the rank of the first excerpt holding the
answer on the seed and on the grown archive, gate off and with the shipped gate (k = 10), and
whether an off-topic one is answered. A question's reading changes its own answer only, so
comparing two runs over the questions whose type differs is the whole effect. The shipped
gate was fitted on every set (in-sample); gate off is the ranking alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import OFFTOPIC, SEED_SETS  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.query import answer_type_of  # noqa: E402

TYPES = ("size",)


def run(data: Path, also: frozenset[str] = frozenset()) -> dict[str, object]:
    """Per question: its type; for a size question its ranks (or answered) per archive."""
    sets = [(n, 1) for n in SEED_SETS] + [(n, 0) for ns in OFFTOPIC.values() for n in ns]
    qs = [(n, label, q) for n, label in sets for q in ev.questions(n)]
    out: dict[str, object] = {}
    moved = []
    for n, label, q in qs:
        kind = answer_type_of(q.text)
        key = f"{n}|{q.id}"
        out[key] = {"type": kind.name if kind else None, "label": label, "text": q.text}
        if (kind is not None and kind.name in TYPES) or key in also:
            moved.append((key, label, q))
    shipped = answers.SETTINGS
    off = dataclasses.replace(shipped, min_gate=-1e9, gate_per_decade=0.0)
    for name, index in (("seed", ev.build(ev.seed_articles())), ("grown", ev.grown_archive(data))):
        for gate, settings in (("off", off), ("on", shipped)):
            answers.SETTINGS = settings
            for key, label, q in moved:
                hits = index.ask(q.text, k=10).hits
                found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
                value = (found[0] if found else None) if label else bool(hits)
                out[key][f"{name} {gate}"] = value  # type: ignore[index]
    answers.SETTINGS = shipped
    return out


def compare(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> None:
    changed = [k for k in after if after[k]["type"] != before[k]["type"]]
    print(f"questions whose reading changes: {len(changed)}")
    for archive in ("seed", "grown"):
        for gate in ("off", "on"):
            col = f"{archive} {gate}"
            h1b = h1a = h3b = h3a = answered_b = answered_a = n = m = 0
            for k in changed:
                b, a = before[k].get(col, "-"), after[k].get(col, "-")
                if after[k]["label"]:
                    n += 1
                    h1b, h1a = h1b + (b == 0), h1a + (a == 0)
                    h3b += isinstance(b, int) and not isinstance(b, bool) and b < 3
                    h3a += isinstance(a, int) and not isinstance(a, bool) and a < 3
                else:
                    m += 1
                    answered_b, answered_a = answered_b + (b is True), answered_a + (a is True)
            print(
                f"  {col}: answerable {n}: hit@1 {h1b} -> {h1a}, hit@3 {h3b} -> {h3a};"
                f" off-topic {m}: answered {answered_b} -> {answered_a}"
            )
    for k in changed:
        b, a = before[k], after[k]
        cols = " ".join(
            f"{c}: {b.get(c, '-')}->{a.get(c, '-')}"
            for c in ("seed off", "seed on", "grown off", "grown on")
        )
        print(f"  {k.split('|')[0][-8:]:8} {str(a['text'])[:60]!r} {b['type']}->{a['type']} {cols}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    parser.add_argument("--also", type=Path, help="a run whose size questions are asked too")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        compare(before, after)
        return
    also = json.loads(args.also.read_text(encoding="utf-8")) if args.also else {}
    keys = frozenset(k for k, v in also.items() if "seed off" in v)
    args.out.write_text(json.dumps(run(args.data, keys)), encoding="utf-8")


if __name__ == "__main__":
    main()
