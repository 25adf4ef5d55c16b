"""Why each held-out answerable question the grown archive refuses is refused (dev sets only).

    .venv/bin/python training/gate_refusal_breakdown.py --rows F [--archive grown|big] [--fit-big]
        [--refresh]

Reads the rows training/gate_loso.py records, decides every excerpt with the fold that held
its set out (leave-one-set-out, as gate_loso.py fits it), and for each answerable seed question
with no excerpt at all on ARCHIVE sorts it into one kind:
  "ranked out":  with the gate off, the answer is not the first excerpt (a passage of another
                 source, such as kcna-2024, stands first: a ranking loss, not the gate's);
  "not in ten":  the answer is in none of the first ten excerpts;
  "low, seed too": the answer is first and the seed also refuses it (the gate's verdict on the
                 excerpt, whatever the archive's size);
  "low, size":   the answer is first and passes on the seed: what the larger archive changes.
For the last kind, the features whose contribution to the score (weight x value, with their
per-decade terms) fell most between the seed's and this archive's reading of the same excerpt,
and the bar's rise. Then a tally, the margins below the bar, and how many of the refused
would pass with the best of their first three excerpts (a gate over the top three).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import gate_loso as gl  # noqa: E402
import search_eval as ev  # noqa: E402

import bot.search.domain.gate as gate  # noqa: E402


def contributions(model: Any, f: list[float]) -> dict[str, float]:
    """Each feature's part of the score (its weight, and its per-decade weight x size)."""
    columns = gl.MODEL.columns(f)
    weights = model.coef_[0]
    k = len(gl.MODEL.features)
    out = {n: float(weights[i] * columns[i]) for i, n in enumerate(gl.MODEL.features)}
    out["size"] = float(weights[k] * columns[k])
    for j, n in enumerate(gl.MODEL.per_decade):
        out[n] = out.get(n, 0.0) + float(weights[k + 1 + j] * columns[k + 1 + j])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--archive", default="grown", choices=("grown", "big"))
    parser.add_argument("--fit-big", action="store_true", help="as gate_loso.py's")
    parser.add_argument("--refresh", action="store_true", help="as gate_loso.py's")
    args = parser.parse_args()
    gl.FIT_BIG = args.fit_big
    rows = gl.load_or_record(args)
    if args.refresh or any(len(f) != gl.NF + 2 for r in rows for f, _, _ in r["hits"]):
        gl.refresh(rows)
    tally: Counter[str] = Counter()
    margins: dict[str, list[float]] = {}
    drops: Counter[str] = Counter()
    top3 = 0
    for name, negatives in gl.OFFTOPIC.items():
        out = {name, *negatives}
        model, score, bars = gl.fit([r for r in rows if r["set"] not in out])
        seed_rows = {
            r["text"]: r for r in rows if r["set"] == name and r["archive"] == "seed" and r["label"]
        }
        for r in rows:
            if r["set"] != name or r["archive"] != args.archive or not r["label"]:
                continue
            bar = bars[args.archive]
            if gl.shown(r, lambda _, f, score=score, bar=bar: score(f) >= bar):
                continue
            off = [(a, s) for _, a, s in r["hits"]]
            rank = next((i for i, (a, _) in enumerate(off) if a), None)
            first = off[0][1] if off else "-"
            if rank is None:
                kind = "not in ten"
            elif rank > 0:
                kind = "ranked out"
            else:
                seed = seed_rows.get(r["text"])
                passes_seed = seed is not None and bool(
                    gl.shown(seed, lambda _, f, score=score, b=bars["seed"]: score(f) >= b)
                )
                kind = "low, size" if passes_seed else "low, seed too"
            tally[kind] += 1
            answer = next((f for f, a, _ in r["hits"] if a), None)
            margin = score(answer) - bar if answer is not None else float("nan")
            margins.setdefault(kind, []).append(margin)
            best3 = max((score(f) for f, _, _ in r["hits"][:3]), default=-1e9)
            top3 += best3 >= bar
            line = f"{kind:13} rank={rank} first={first:9} margin={margin:+.2f}"
            detail = ""
            if kind == "low, size" and answer is not None and seed is not None:
                text = r["excerpts"][next(i for i, (_, a, _) in enumerate(r["hits"]) if a)]
                same = [
                    f
                    for (f, _, _), t in zip(seed["hits"], seed["excerpts"], strict=True)
                    if t == text
                ]
                if same:
                    here, there = contributions(model, answer), contributions(model, same[0])
                    delta = {n: here[n] - there[n] for n in here}
                    worst = sorted(delta.items(), key=lambda kv: kv[1])[:3]
                    drops.update({worst[0][0]: 1})
                    rise = bar - bars["seed"]
                    detail = f" bar+{rise:.2f} " + " ".join(f"{n}{v:+.2f}" for n, v in worst)
                    detail += f" (all {sum(delta.values()):+.2f})"
            print(f"{line}{detail} [{r['set'][-3:]} {r['kind']}] {r['text'][:60]}")
    print("tally:", dict(tally))
    for kind, values in margins.items():
        values = sorted(v for v in values if v == v)
        mid = values[len(values) // 2] if values else float("nan")
        near = sum(v > -1 for v in values)
        print(f"  {kind}: median margin {mid:+.2f}, within 1 of the bar {near}/{len(values)}")
    print("largest falls (seed -> this archive) of the low-size ones:", dict(drops))
    print(f"refused but one of the first three excerpts clears the bar: {top3}")
    assert gate.FEATURES


if __name__ == "__main__":
    main()
