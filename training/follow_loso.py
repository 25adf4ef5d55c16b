"""Once /ask shows a first excerpt, may later ones pass a lower bar? Leave-one-set-out.

    .venv/bin/python training/follow_loso.py --rows F [--deltas 0 0.5 1 ...] [--list N]

The gate judges every excerpt alone: an answer at rank 2 or 3 is dropped when it fails the bar
even though the question was judged answerable (its first excerpt shown). Here a later excerpt
passes when its gate score reaches the bar minus DELTA (AnswerSettings.follow_margin), only
after an excerpt passed the full bar, so no question is answered that was not before.

On the recorded rows of training/gate_loso.py (``--rows``: its pickle, never written here), the
gate of each fold is fitted with that set held out (gate_loso.loso_verdicts) and the held-out
questions are answered with each DELTA (simulated as gate_loso.shown does: the kinds' rule, the
source rule). Breakdown first: the answers at rank 2-3 with the gate off that the gate drops
while it shows a first excerpt, by how far below the bar they score. Then per DELTA, per
archive, held out: hit@1, hit@3, excerpts shown in the first three that hold the answer
(right) and that do not (wrong, answerable questions), off-topic questions answered (cannot
rise) and their excerpts shown in the first three. DELTA is chosen leave-one-set-out: on the
other sets, the largest hit@3 (seed + grown) among the DELTAs that add no more wrong excerpts
in the first three than right ones (over answerable and off-topic questions).
"""

from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import gate_loso as gl  # noqa: E402

import bot.search.domain.answerability as answerability  # noqa: E402
import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.diversity import diversify  # noqa: E402

Row = dict[str, Any]
ARCHIVES = ("seed", "grown", "big")
OFFTOPIC = {n for ns in gl.OFFTOPIC.values() for n in ns}


# ``--rule cover``: a later excerpt also matches at least the first shown one's share of the
# question's known concept weight (GateFeatures.known_coverage).
RULE = "score"
COVER = gl.gate.FEATURES.index("known_coverage")


def shown(r: Row, score: Callable[[list[float]], float], bar: float, delta: float) -> list[bool]:
    """Whether each excerpt /ask shows holds the answer: the first passing ``bar``, the later
    ones ``bar - delta``; the kinds' rule and the source rule as gate_loso.shown."""
    s = answers.SETTINGS
    kind = answerability.kind_of(r["text"])
    texts = r.get("excerpts") or [""] * len(r["hits"])
    out, first = [], None
    for (f, answer, source), text in zip(r["hits"], texts, strict=True):
        if not answerability.keeps(kind, r["text"], text):
            continue
        value = score(f)
        if first is None:
            if value >= bar:
                out.append((answer, source))
                first = f
        elif value >= bar or (
            value >= bar - delta and (RULE != "cover" or f[COVER] >= first[COVER] - 1e-9)
        ):
            out.append((answer, source))
    return [a for a, _ in diversify(out, lambda h: h[1], s.source_window, s.per_source)]


def tally(rows: list[Row], verdicts: dict[int, Any], delta: float) -> dict[str, Counter[str]]:
    """Per archive: the held-out counts with ``delta``."""
    out: dict[str, Counter[str]] = {a: Counter() for a in ARCHIVES}
    for r in rows:
        if id(r) not in verdicts or (r["set"] not in gl.SEED_SETS and r["set"] not in OFFTOPIC):
            continue
        _, score, bar = verdicts[id(r)]
        hits = shown(r, score, bar, delta)
        c = out[r["archive"]]
        if r["label"]:
            c["questions"] += 1
            c["hit@1"] += bool(hits) and hits[0]
            c["hit@3"] += any(hits[:3])
            c["right"] += sum(hits[:3])
            c["wrong"] += sum(not h for h in hits[:3])
            c["wrong_all"] += sum(not h for h in hits)
        else:
            near = "near_miss" in str(r["kind"])
            c["offtopic"] += 1
            c["near"] += near
            c["off answered"] += bool(hits)
            c["near answered"] += bool(hits) and near
            c["off wrong"] += len(hits[:3])
            c["off wrong_all"] += len(hits)
    return out


def line(c: Counter[str]) -> str:
    n = max(c["questions"], 1)
    return (
        f"hit@1 {c['hit@1'] / n:.3f} hit@3 {c['hit@3'] / n:.3f} ({c['hit@3']}/{c['questions']}),"
        f" right {c['right']}, wrong {c['wrong']} (all shown {c['wrong_all']});"
        f" off-topic answered {c['off answered']}/{c['offtopic']}, near {c['near answered']}"
        f"/{c['near']}, their excerpts {c['off wrong']} (all {c['off wrong_all']})"
    )


def penalty(f: list[float]) -> str:
    """The shipped gate's heaviest penalty term on a recorded excerpt (in-sample weights: the
    cause read), or 'weak match' when no penalty feature is set."""
    gate = answers.GATE
    terms = [
        (w * f[gl.gate.FEATURES.index(n)], n)
        for n, w in gate.weights
        if w < 0
        and f[gl.gate.FEATURES.index(n)] > 0
        and n not in ("coverage", "known_coverage", "dense_best", "rare_mass")
    ]
    worst = min(terms, default=(0.0, "weak match (no penalty set)"))
    return worst[1] if worst[0] < -0.3 else "weak match (no penalty set)"


def breakdown(rows: list[Row], verdicts: dict[int, Any]) -> None:
    """Answers at gate-off rank 2-3 that the held-out gate drops while showing a first one."""
    causes: Counter[str] = Counter()
    for r in rows:
        if id(r) not in verdicts or not r["label"] or r["set"] not in gl.SEED_SETS:
            continue
        _, score, bar = verdicts[id(r)]
        off = shown(r, lambda f: 0.0, 0.0, 0.0)
        on = shown(r, score, bar, 0.0)
        if any(off[:3]) and not any(on[:3]):
            where = "first" if off[0] else "2nd-3rd"
            lost = "refused (nothing shown)" if not on else f"shown, its answer ({where}) dropped"
            causes[f"{r['archive']} hit@3 lost to the gate: {lost}"] += 1
            if r["set"][-3:] in ("07p", "07q"):
                causes[f"{r['archive']} {r['set'][-3:]} hit@3 lost to the gate: {lost}"] += 1
        if not on or any(on[:3]) or not any(off[1:3]) or off[0]:
            continue
        # The first gate-off answer excerpt: how far below the bar it scores.
        kind = answerability.kind_of(r["text"])
        texts = r.get("excerpts") or [""] * len(r["hits"])
        kept = [
            f
            for (f, a, _), t in zip(r["hits"], texts, strict=True)
            if a and answerability.keeps(kind, r["text"], t)
        ]
        gap = bar - score(kept[0]) if kept else math.inf
        band = "<0.5" if gap < 0.5 else "<1" if gap < 1 else "<2" if gap < 2 else ">=2"
        causes[f"{r['archive']} below the bar by {band}"] += 1
        causes[f"{r['archive']} all"] += 1
        if kept:
            causes[f"{r['archive']} cause {penalty(kept[0])}"] += 1
    for key, value in sorted(causes.items()):
        print(f"  {key}: {value}")


def main() -> None:
    global RULE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument(
        "--deltas", nargs="*", type=float, default=[0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5]
    )
    parser.add_argument("--refresh", action="store_true", help="gate_loso.refresh the rows")
    parser.add_argument("--save-refreshed", type=Path, default=None, help="a pickle of them")
    parser.add_argument("--caps", nargs=3, type=float, default=[0.10, 0.10, 0.05])
    parser.add_argument("--per-decade", nargs="*", default=None, help="gate_loso's --per-decade")
    parser.add_argument("--rule", choices=("score", "cover"), default="score")
    args = parser.parse_args()
    RULE = args.rule
    # The shipped recipe (bench/RESULTS.md, round 19: --fit-big --caps 0.10 0.10 --big-cap 0.05).
    gl.CAPS.update(seed=args.caps[0], grown=args.caps[1], big=args.caps[2])
    gl.FIT_BIG = True
    if args.per_decade is not None:
        gl.MODEL = gl.Model(gl.MODEL.features, tuple(args.per_decade))
    with args.rows.open("rb") as handle:
        rows: list[Row] = pickle.load(handle)
    if args.refresh or any(len(f) != gl.NF + 2 for r in rows for f, _, _ in r["hits"]):
        gl.refresh(rows)
        if args.save_refreshed is not None:
            with args.save_refreshed.open("wb") as handle:
                pickle.dump(rows, handle)
    kept = {n for name, ns in gl.EVAL_ONLY.items() for n in (name, *ns)}
    rows = [r for r in rows if r["set"] not in kept]
    verdicts = gl.loso_verdicts(rows)
    print("breakdown (held-out gate; gate off the answer is 2nd or 3rd, the gate shows a first")
    print("excerpt and no answer in the first three):")
    breakdown(rows, verdicts)
    per_set: dict[tuple[float, str], dict[str, Counter[str]]] = {}
    for delta in args.deltas:
        for name, negatives in gl.OFFTOPIC.items():
            group = {name, *negatives}
            per_set[delta, name] = tally([r for r in rows if r["set"] in group], verdicts, delta)
        total = tally(rows, verdicts, delta)
        print(f"delta {delta} (every set held out by its own fold's gate; delta in-sample):")
        for archive in ARCHIVES:
            print(f"  {archive}: {line(total[archive])}")
    print("delta chosen leave-one-set-out:")

    def gain(delta: float, names: list[str]) -> tuple[bool, int]:
        c, base = Counter[str](), Counter[str]()
        for n in names:
            for a in ("seed", "grown"):
                c.update(per_set[delta, n][a])
                base.update(per_set[args.deltas[0], n][a])
        added_right = c["right"] - base["right"]
        added_wrong = c["wrong"] + c["off wrong"] - base["wrong"] - base["off wrong"]
        return added_wrong <= added_right, c["hit@3"]

    chosen: dict[str, float] = {}
    names = list(gl.OFFTOPIC)
    for name in names:
        others = [n for n in names if n != name]
        chosen[name] = max(args.deltas, key=lambda d: (*gain(d, others), -d))
    print("  per fold:", dict(Counter(chosen.values())))
    held: dict[str, Counter[str]] = {a: Counter() for a in ARCHIVES}
    base: dict[str, Counter[str]] = {a: Counter() for a in ARCHIVES}
    for name in names:
        for a in ARCHIVES:
            held[a].update(per_set[chosen[name], name][a])
            base[a].update(per_set[args.deltas[0], name][a])
    for a in ARCHIVES:
        print(f"  {a} before: {line(base[a])}")
        print(f"  {a} after:  {line(held[a])}")
    for name in ("seen_blind_questions_2026_12_07p", "seen_blind_questions_2026_12_07q"):
        for a in ("seed", "grown"):
            print(f"  {name[-3:]} {a} before: {line(per_set[args.deltas[0], name][a])}")
            print(
                f"  {name[-3:]} {a} after ({chosen[name]}): {line(per_set[chosen[name], name][a])}"
            )


if __name__ == "__main__":
    main()
