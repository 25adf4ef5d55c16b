"""Which features the gate read for the answerable questions it refused (development sets only).

    .venv/bin/python training/gate_refusals.py [--rows F] [--archive seed|grown]

Per held-out answerable question that got no excerpt at all (leave-one-set-out, as
training/gate_loso.py fits it) while its answer was among the first three excerpts with the gate
off: the answer excerpt's features, its score and the fold's bar; then, for contrast, the
off-topic questions' best excerpt (answered ones marked). Reads the rows gate_loso.py recorded
(``--rows``, a pickle it writes) or records them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import gate_loso as gl  # noqa: E402
import search_eval as ev  # noqa: E402

import bot.search.domain.gate as gate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--rows", type=Path, default=None)
    parser.add_argument("--archive", default="grown", choices=("seed", "grown"))
    rows = gl.load_or_record(parser.parse_args())
    gl.refresh(rows)  # the texts' features as this code reads them
    args = parser.parse_args()
    offtopic = {n for ns in gl.OFFTOPIC.values() for n in ns}

    def line(f: list[float]) -> str:
        return " ".join(f"{n[:8]}={x:.2f}" for n, x in zip(gate.FEATURES, f, strict=False))

    print(f"refused answerable questions, {args.archive} (held out):")
    contrast = []
    for name, negatives in gl.OFFTOPIC.items():
        out = {name, *negatives}
        _, score, bars = gl.fit([r for r in rows if r["set"] not in out])
        bar = bars[args.archive]
        for r in rows:
            if r["set"] not in out or r["archive"] != args.archive:
                continue
            shown = gl.shown(r, lambda _, f, score=score, bar=bar: score(f) >= bar)
            if r["label"] and not shown:
                answer = [f for f, holds, _ in r["hits"][:3] if holds]
                if answer:
                    f = answer[0]
                    print(f"  {score(f):6.2f} < {bar:.2f} {line(f)} | {r['text'][:70]}")
            elif not r["label"] and r["hits"]:
                best = max(score(f) for f, _, _ in r["hits"])
                f = next(f for f, _, _ in r["hits"] if score(f) == best)
                contrast.append((best, bool(shown), bar, line(f), r["text"][:70]))
    print(f"off-topic questions' best excerpt, {args.archive} (held out; * answered):")
    for best, answered, bar, features, text in sorted(contrast, reverse=True)[:30]:
        print(f"  {'*' if answered else ' '}{best:6.2f} / {bar:.2f} {features} | {text}")
    assert offtopic


if __name__ == "__main__":
    main()
