"""Held-out refusals and answered off-topic questions, with how the excerpt says each word.

    .venv/bin/python training/gate_soft_breakdown.py --rows F

Per held-out answerable question refused while its answer is among the first three gate-off
excerpts (leave-one-set-out, as training/gate_loso.py fits gate.json's features with
``--fit-big``), and per held-out off-topic question answered, on the seed and grown archives:
its margin to the bar, relation_unmatched (ru), fact_missing (fm), relation_soft (rs),
fact_soft (fs), and each relation word (soft_match.py) as the answer excerpt says it: as is,
"~" by a stem prefix or an alias/synonym/paraphrase group, "=x" by an embedding neighbour x,
"!" not at all. Development data only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]
import gate_loso as gl  # noqa: E402

import bot.search.domain.gate as gate  # noqa: E402
from bot.search.domain import soft_match as sm  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--rows", type=Path, required=True, help="rows gate_loso.py recorded")
with parser.parse_args().rows.open("rb") as handle:
    rows = pickle.load(handle)
gl.FIT_BIG = True
gl.refresh(rows)
kept = {n for name, ns in gl.EVAL_ONLY.items() for n in (name, *ns)}
rows = [r for r in rows if r["set"] not in kept]
ver = gl.loso_verdicts(rows)
FI = {n: i for i, n in enumerate(gate.FEATURES)}


def how(q, e):
    words = sm.relation_words(q, e)
    lit = sm.said(q, words, e, threshold=2.0).by
    soft = sm.said(q, words, e, threshold=0.6).by
    out = []
    for w in words:
        s = sm.stem(w)
        if lit[w]:
            out.append(w + ("" if s in lit[w] else "~"))  # ~: prefix or group
        elif soft[w]:
            out.append(w + "=" + "/".join(sorted(soft[w])))
        else:
            out.append("!" + w)
    return out


kinds = {}
for arch in ("seed", "grown"):
    print(f"=== {arch}: refused answerable, answer in first three (held out)")
    for r in rows:
        if r["archive"] != arch or not r["label"] or id(r) not in ver:
            continue
        passes, score, bar = ver[id(r)]
        shown = gl.shown(r, passes)
        if shown:
            continue
        ans = [(f, t) for (f, a, _), t in zip(r["hits"][:3], r["excerpts"][:3], strict=True) if a]
        if not ans:
            continue
        f, t = ans[0]
        ru, fm = f[FI["relation_unmatched"]], f[FI["fact_missing"]]
        print(
            f"{score(f) - bar:+.2f} ru={ru:.2f} fm={int(fm)} rs={f[FI['relation_soft']]:.2f} fs={int(f[FI['fact_soft']])} [{r['set'][-4:]} {r['kind']}] {r['text']}"
        )
        print("     words:", how(r["text"], t), "|", t[:160].replace("\n", " "))
    print(f"=== {arch}: off-topic answered (held out)")
    for r in rows:
        if r["archive"] != arch or r["label"] or id(r) not in ver:
            continue
        if r["set"] not in {n for ns in gl.OFFTOPIC.values() for n in ns}:
            continue
        passes, score, bar = ver[id(r)]
        shown = [
            (f, t) for (f, a, _), t in zip(r["hits"], r["excerpts"], strict=True) if passes(r, f)
        ]
        if not shown:
            continue
        f, t = shown[0]
        print(
            f"{score(f) - bar:+.2f} ru={f[FI['relation_unmatched']]:.2f} fm={int(f[FI['fact_missing']])} rs={f[FI['relation_soft']]:.2f} fs={int(f[FI['fact_soft']])} [{r['set'][-4:]} {r['kind']}] {r['text']}"
        )
        print("     words:", how(r["text"], t), "|", t[:160].replace("\n", " "))
