"""The gate's features and verdicts of recorded rows, to compare two codes row for row.

Reads a pickle of rows recorded by training/gate_loso.py (``--rows``; never written here),
recomputes their answerability features as ``gate_loso.py --refresh`` does and writes every
excerpt's feature vector (repr of each value) as JSON lines: two codes read the rows alike
when their files are identical (``cmp A B``). With ``--verdicts`` (code that has
gate_stages.py) it also checks, for every recorded excerpt, that /ask's staged verdict
(gate_stages.passes_with_answerability, the shipped gate) equals the verdict of the full
features, and exits 1 on any difference.

    python training/gate_rows_identity.py ROWS.pkl OUT.jsonl [--verdicts]

Run from a code's directory (its own bot/ and training/ are imported).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import pickle
import sys
from pathlib import Path

sys.path[:0] = ["training", "."]

import gate_loso  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
import bot.search.domain.gate as gate  # noqa: E402
import bot.search.domain.query as query  # noqa: E402


def verdicts(rows: list[dict[str, object]]) -> tuple[int, int, int]:
    """(excerpts read, passing, staged verdicts that differ) under the shipped gate."""
    from bot.search.domain.gate_stages import passes_with_answerability

    gate.SOFT_ALWAYS = False
    nf, settings, weights = len(gate.FEATURES), answers.SETTINGS, answers.GATE
    zero = {n: 0 for n in gate.ANSWERABILITY}
    read = passing = differ = 0
    for r in rows:
        plain = query.plain_form(str(r["text"]))
        for (f, _, _), text in zip(r["hits"], r["excerpts"], strict=True):  # type: ignore[call-overload]
            articles = round(10 ** f[nf])
            bar = weights.bar(articles, settings.min_gate, settings.gate_per_decade)
            base = dataclasses.replace(gate.GateFeatures(*f[:nf]), **zero)
            full = weights.score(gate.answerability_of(base, plain, text), articles) >= bar
            staged = passes_with_answerability(weights, base, plain, text, articles, bar)
            read, passing, differ = read + 1, passing + full, differ + (full != staged)
    return read, passing, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--verdicts", action="store_true")
    args = parser.parse_args()
    with args.rows.open("rb") as handle:
        recorded = pickle.load(handle)
    rows = copy.deepcopy(recorded)
    gate_loso.refresh(rows)
    with args.out.open("w", encoding="utf-8") as handle:
        for r in rows:
            vectors = [[repr(v) for v in f] for f, _, _ in r["hits"]]
            handle.write(json.dumps([r["archive"], r["set"], r["text"], vectors]) + "\n")
    print(f"{len(rows)} rows, {sum(len(r['hits']) for r in rows)} excerpts -> {args.out}")
    if args.verdicts:  # on the refreshed rows (every feature recorded)
        read, passing, differ = verdicts(rows)
        print(f"verdicts: {read} excerpts, {passing} pass, {differ} staged verdicts differ")
        if differ:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
