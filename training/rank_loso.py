"""Choose one of /ask's ranking settings leave-one-set-out over the development sets (gate off).

    .venv/bin/python training/rank_loso.py --setting dense_weight --values 0.3 0.45 0.6 0.8
        [--data ../shared/data] [--by hit1|sum] [--fixed focus_boost=1 ...] [--dump F]
    .venv/bin/python training/rank_loso.py --from-dumps F1 F2 ...

For every value, the rank of the first answer-holding excerpt of each seed question (the
seventeen sets of training/gate_loso.py, SEED_SETS) with the gate off, on the seed and on the
grown archive (seed + kcna-2024 + ten small ingests). Then each set is held out in turn: the
value best on the other sixteen (``--by hit1``: seed + grown hit@1, then hit@3; ``sum``:
hit@1 + hit@3) answers it. Beside, as a guard never used in the choice, the grown archive's
own kcna-2024 questions and small-ingest XQuAD questions answered first (and within three). ``--fixed`` sets other AnswerSettings fields for every value (to
choose one setting with others already chosen). Prints each value's in-sample figures, the
values chosen per fold and the held-out hit@1 / hit@3 pooled per archive (bench/RESULTS.md,
section "search").
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import SEED_SETS  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402

Ranks = dict[tuple[float, str], list[tuple[str, int | None]]]


def ranks(
    data: Path, setting: str, values: list[float], fixed: dict[str, float] | None = None
) -> Ranks:
    """(value, archive) -> per question (its set, the answer's rank or None), gate off."""
    _, small_qs = ev.small_ingests(data)
    archives = {"seed": ev.build(ev.seed_articles()), "grown": ev.grown_archive(data)}
    qs = [(n, q) for n in SEED_SETS for q in ev.questions(n)]
    # The grown archive's other answerable questions: a guard, never part of the choice.
    others = [("kcna", q) for q in ev.kcna_questions()] + [("small", q) for q in small_qs]
    shipped, out = answers.SETTINGS, {}
    try:
        for value in values:
            answers.SETTINGS = dataclasses.replace(
                shipped, min_gate=-1e9, gate_per_decade=0.0, **(fixed or {}), **{setting: value}
            )
            for name, index in archives.items():
                found = ev.answer_ranks(index, [q for _, q in qs], k=10)
                out[value, name] = [(n, r) for (n, _), r in zip(qs, found, strict=True)]
            found = ev.answer_ranks(archives["grown"], [q for _, q in others], k=10)
            out[value, "others"] = [(n, r) for (n, _), r in zip(others, found, strict=True)]
    finally:
        answers.SETTINGS = shipped
    return out


def counts(rows: list[tuple[str, int | None]], keep: set[str]) -> tuple[int, int, int]:
    """hit@1, hit@3 and questions among the sets in ``keep``."""
    kept = [r for n, r in rows if n in keep]
    return sum(r == 0 for r in kept), sum(r is not None and r < 3 for r in kept), len(kept)


def report(
    found: dict[tuple[str, str], list[tuple[str, int | None]]], labels: list[str], by: str
) -> None:
    """Each label's in-sample figures, the label chosen per held-out set, the held-out figures."""
    every = set(SEED_SETS)
    for label in labels:
        line = [label]
        for name in ("seed", "grown"):
            h1, h3, n = counts(found[label, name], every)
            line.append(f"{name} {h1 / n:.3f} ({h1}) / {h3 / n:.3f}")
        for name in ("kcna", "small"):
            h1, h3, n = counts(found[label, "others"], {name})
            line.append(f"grown {name} {h1}/{n} ({h3})")
        print("  ".join(line))
    held: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    for out in SEED_SETS:
        rest = every - {out}

        def merit(label: str, rest: set[str] = rest) -> tuple[int, ...]:
            s, g = counts(found[label, "seed"], rest), counts(found[label, "grown"], rest)
            return (s[0] + g[0], s[1] + g[1]) if by == "hit1" else (s[0] + g[0] + s[1] + g[1],)

        best = max(labels, key=merit)  # ties: the first label (today's setting first)
        chosen[best] += 1
        for name in ("seed", "grown"):
            h1, h3, n = counts(found[best, name], {out})
            held.update({f"{name} 1": h1, f"{name} 3": h3, f"{name} n": n})
    print("chosen per fold:", dict(chosen))
    for name in ("seed", "grown"):
        n = held[f"{name} n"]
        print(
            f"held out, {name}: hit@1 {held[f'{name} 1'] / n:.3f} ({held[f'{name} 1']}) "
            f"hit@3 {held[f'{name} 3'] / n:.3f}"
        )


def from_dumps(
    paths: list[Path],
) -> tuple[dict[tuple[str, str], list[tuple[str, int | None]]], list[str]]:
    """The ranks of several ``--dump`` files, labelled by their fixed settings and value."""
    found, labels = {}, []
    for path in paths:
        dump = json.loads(path.read_text(encoding="utf-8"))
        fixed = ",".join(f"{k}={v}" for k, v in dump["fixed"].items())
        for key, rows in dump["ranks"].items():
            value, name = key.rsplit(" ", 1)
            label = f"{dump.get('setting', path.stem)}={value}" + (f" [{fixed}]" if fixed else "")
            if label not in labels:
                labels.append(label)
            found[label, name] = [(n, r) for n, r in rows]
    return found, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--setting", default="dense_weight", help="an AnswerSettings field")
    parser.add_argument("--values", nargs="+", type=float)
    parser.add_argument("--by", choices=("hit1", "sum"), default="hit1")
    parser.add_argument("--fixed", nargs="*", default=[], help="other settings, name=value")
    parser.add_argument("--dump", type=Path, help="write every value's ranks here (JSON)")
    parser.add_argument("--from-dumps", nargs="+", type=Path, help="choose among dumped runs")
    args = parser.parse_args()
    if args.from_dumps:
        report(*from_dumps(args.from_dumps), args.by)
        return
    fixed = {k: float(v) for k, v in (item.split("=", 1) for item in args.fixed)}
    ranked = ranks(args.data, args.setting, args.values, fixed)
    if args.dump:
        rows = {f"{value} {name}": ranked[value, name] for value, name in ranked}
        dump = {"setting": args.setting, "fixed": fixed, "ranks": rows}
        args.dump.write_text(json.dumps(dump), encoding="utf-8")
    found = {(f"{args.setting}={value}", name): r for (value, name), r in ranked.items()}
    report(found, [f"{args.setting}={value}" for value in args.values], args.by)


if __name__ == "__main__":
    main()
