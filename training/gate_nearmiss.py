"""Held-out answered near misses, with what the shown excerpt holds of the asked type.

    .venv/bin/python training/gate_nearmiss.py --rows F [--refresh] [--archives seed grown]

Per off-topic question of a near_miss kind that the gate answers held out (leave-one-set-out,
as training/gate_loso.py fits gate.json's features with ``--fit-big``): its asked type (the
fact reading of asks.py), its margin over the fold's bar, and each sentence of the first shown
excerpt that holds a candidate of that type, the candidate marked [..]. Development data only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]
import gate_loso as gl  # noqa: E402

from bot.search.domain import asked_fact as af  # noqa: E402
from bot.search.domain.query import plain_form  # noqa: E402


def candidates(question: str, excerpt: str) -> list[str]:
    """The excerpt's sentences that hold a candidate of the asked type, candidates marked."""
    asked = af.asked_fact(plain_form(question))
    kind = asked.kind
    if kind is None:
        return []
    out = []
    for s in af.sentences_of(excerpt):
        text = s if kind.as_written else s.lower()
        spans = [
            m.span()
            for m in kind.candidate.finditer(text)
            if af._is_candidate(kind, m.group(), asked.words)
        ]
        for a, b in reversed(spans):
            s = s[:a] + "[" + s[a:b] + "]" + s[b:]
        if spans:
            out.append(s.strip())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--archives", nargs="*", default=["seed", "grown"])
    args = parser.parse_args()
    gl.FIT_BIG = True
    with args.rows.open("rb") as handle:
        rows = pickle.load(handle)
    if args.refresh:
        gl.refresh(rows)
    rows = [
        r for r in rows if r["set"] not in {n for k, v in gl.EVAL_ONLY.items() for n in (k, *v)}
    ]
    verdicts = gl.loso_verdicts(rows)
    for archive in args.archives:
        print(f"== {archive}")
        for r in rows:
            if r["archive"] != archive or r["label"] or "near_miss" not in str(r["kind"]):
                continue
            if id(r) not in verdicts:
                continue
            passes, score, bar = verdicts[id(r)]
            shown = [
                (f, t)
                for (f, _, _), t in zip(r["hits"], r["excerpts"], strict=True)
                if passes(r, f)
            ]
            if not shown:
                continue
            f, text = shown[0]
            kind = af.asked_fact(plain_form(r["text"])).kind
            print(
                f"- [{r['set'][-3:]}] {r['text']}  type={kind.name if kind else None}"
                f"  margin={score(f) - bar:+.2f}"
            )
            for s in candidates(r["text"], text)[:4]:
                print(f"    | {s[:260]}")
            if kind is None or not candidates(r["text"], text):
                print(f"    ~ {text[:200]}")


if __name__ == "__main__":
    main()
