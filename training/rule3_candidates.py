"""Rule 3's model fitted on more writers: candidates scored held out (issue 14, moderation56).

Usage: .venv/bin/python training/rule3_candidates.py [--candidates a,b,c]
           [--thresholds 0.5,0.55,0.6,0.65,0.7] [--held-out 2026_12_07v,2026_12_07w] [--jobs 2]

Candidates (each a set of training writers, one group per file):
- a: the shipped rows (training/train_rule3.py; NOT_FITTED left out);
- b: every train_*.jsonl writer (NOT_FITTED emptied);
- c: b plus the rule-3 seen_blind_* development sets written before the held-out sets, each
  file its own writer (denial -> denial; ok, legit and other_rule_* kinds -> not denial).

For each candidate and flag threshold (denial_model.THRESHOLD and THRESHOLD_NEAR_TOPIC) it
scores, with the whole engine, every writer a candidate could have fitted (the train_* files and
those seen_blind sets), each by a model NOT fitted on it (refitted without it when the
candidate fits it, else the candidate's full model): one held-out figure over the same writers
for every candidate. Then the held-out sets (fitted by no candidate) with the bot's default
engine (ModerationEngine(), as training/blind_rules.py) and the candidate's full model, split
by script; rule-1 dev ok lines and 2,000 unseen davidson tweets flagged or removed by rule 3.
The held-out sets are never fitted and nothing here reads a regression case.

Since round 22 c ships: the seen sets before 07v are training/data/rule3/train_seen_blind_*
files, read here as they were in dev/ (b leaves them out), and a (train_rule3.training_rows) is
c's fit; a's round-22 figures (the round-21 fit) are those of commit acd22d2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import (  # noqa: E402  # noqa: E402
    MessageInput,
    ModerationEngine,
    Verdict,
    denial_model,
    detectors_denial,
)
from bot.moderation.domain.detectors_denial import DenialDetector  # noqa: E402
from bot.moderation.domain.model import RULE3_MODEL_FILE, LinearTextModel, load_model  # noqa: E402
from training import train_rule3  # noqa: E402
from training.blind_rules import script  # noqa: E402
from training.eval_dev import Row, engine_with, everyday, read_rows  # noqa: E402
from training.linear_training import TrainingSet, fit, fit_model, read_labelled  # noqa: E402

DEV = train_rule3.DATA / "dev"
PRUNE = 0.02  # as training/linear_training.training_arguments' default


def seen_sets(before: str) -> list[Path]:
    """The rule-3 seen_blind sets (in dev/, or fitted: train_seen_blind_*) whose suffix sorts
    before ``before``, in suffix order."""
    paths = [*DEV.glob("seen_blind_*.jsonl"), *train_rule3.DATA.glob(f"{train_rule3.SEEN}*.jsonl")]
    suffix = {p: p.stem.split("seen_blind_", 1)[1] for p in paths}
    return sorted((p for p in paths if suffix[p] < before), key=lambda p: suffix[p])


def seen_rows(paths: list[Path]) -> list[tuple[str, int, str]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append(
                    (train_rule3._own(row["text"]), int(row["label"] == "denial"), path.stem)
                )
    return rows


def candidate_set(name: str, before: str) -> TrainingSet:
    """The training rows of candidate ``name`` (see the module docstring)."""
    if name == "a":
        return train_rule3.training_rows()
    written = [
        (train_rule3._own(t), y, g)
        for t, y, g in read_labelled(train_rule3.DATA, "denial")
        if not g.startswith(train_rule3.SEEN)
    ]
    rows = written + (seen_rows(seen_sets(before)) if name == "c" else [])
    rows += train_rule3.generic(1500)
    pairs = train_rule3.minimal_pairs(rows)
    return TrainingSet(rows, train_rule3.FEATURIZER, train_rule3.C, train_rule3.MIN_DF, pairs, 1.0)


def pruned(model: LinearTextModel) -> LinearTextModel:
    kept = {f: round(w, 4) for f, w in model.weights.items() if abs(w) >= PRUNE}
    return LinearTextModel(round(model.intercept, 4), kept, model.features)


def full_model(name: str, training: TrainingSet) -> LinearTextModel:
    """The model a candidate would ship (pruned as the trainer prunes; a: the shipped file)."""
    if name == "a":
        return load_model(RULE3_MODEL_FILE)
    intercept, weights = fit(
        training.docs(),
        [y for _, y, _ in training.rows],
        training.c,
        training.min_df,
        training.pairs,
        training.pair_weight,
    )
    return pruned(LinearTextModel(intercept, weights, training.featurizer))


_SET: TrainingSet | None = None


def _fit_without(held: str) -> tuple[str, LinearTextModel]:
    assert _SET is not None
    return held, fit_model(_SET, held)


def set_threshold(value: float) -> None:
    """The model's flag bar, everywhere the detector reads it."""
    denial_model.THRESHOLD = value
    denial_model.THRESHOLD_NEAR_TOPIC = value
    setattr(detectors_denial, "THRESHOLD", value)  # noqa: B010 (imported by name there)


def with_model(engine: ModerationEngine, model: LinearTextModel) -> ModerationEngine:
    engine.detectors = tuple(
        DenialDetector(model=model) if isinstance(d, DenialDetector) else d
        for d in engine.detectors
    )
    return engine


def tally(scored: list[tuple[Row, Verdict]]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for row, verdict in scored:
        plain = not row.kind.startswith("other_rule")
        if row.positive:
            out["denial"] += 1
            out["caught"] += not verdict.allowed
        elif plain:
            out["ok"] += 1
            out["allowed"] += verdict.allowed
            out["removed"] += verdict.outcome == "remove"
        for hit in verdict.hits:
            if hit.rule == 3 and hit.effective_action == "remove":
                out["r3_removals"] += 1
                out["r3_removals_right"] += row.positive or not plain
    return dict(out)


def tally_of(figures: dict[str, dict[str, int] | list[int]], key: str) -> dict[str, int]:
    value = figures[key]
    assert isinstance(value, dict)
    return value


def line(name: str, t: dict[str, int]) -> str:
    c, d, a, o = t.get("caught", 0), t.get("denial", 0), t.get("allowed", 0), t.get("ok", 0)
    bal = (c / max(1, d) + a / max(1, o)) / 2
    return (
        f"{name}: caught {c}/{d} ({c / max(1, d):.3f}), plain ok allowed {a}/{o} "
        f"({a / max(1, o):.3f}), balanced {bal:.4f}, plain ok removed {t.get('removed', 0)}, "
        f"rule-3 removals right {t.get('r3_removals_right', 0)}/{t.get('r3_removals', 0)}"
    )


def folded(training: TrainingSet, folds: int) -> TrainingSet:
    """The same rows (and computed features) with each writer's group replaced by its fold:
    writers in sorted order dealt round-robin into ``folds`` folds (generic chat stays put)."""
    writers = sorted({g for *_, g in training.rows if g != "generic"})
    fold = {w: f"fold{i % folds}" for i, w in enumerate(writers)}
    rows = [(t, y, fold.get(g, g)) for t, y, g in training.rows]
    return TrainingSet(
        rows, training.featurizer, training.c, training.min_df, training.pairs,
        training.pair_weight, training.docs(),
    )  # fmt: skip


def held_out_sets(
    name: str,
    full: LinearTextModel,
    thresholds: list[float],
    held_sets: list[str],
    held_rows: list[Row],
    others: list[Row],
    default: ModerationEngine,
    results: dict[str, dict[str, dict[str, int] | list[int]]],
) -> None:
    """Stage 1: the held-out sets with the default engine and the candidate's full model."""
    engine = with_model(default, full)
    for t in thresholds:
        set_threshold(t)
        figures = results.setdefault(f"{name}@{t}", {})
        held = [(r, engine.check(MessageInput(text=r.text))) for r in held_rows]
        print(f"== candidate {name}, threshold {t}: held-out sets, default engine")
        for s in held_sets:
            part = [(r, v) for r, v in held if r.source.endswith(s)]
            figures[s] = tally(part)
            print("  " + line(s, tally_of(figures, s)))
            for lang in ("Japanese", "Korean", "Latin", "Chinese"):
                sub = [(r, v) for r, v in part if script(r.text) == lang]
                if sub:
                    figures[f"{s}:{lang}"] = tally(sub)
                    print("    " + line(lang, tally_of(figures, f"{s}:{lang}")))
        r1 = [(r, engine.check(MessageInput(text=r.text))) for r in others]
        hit = sum(any(h.rule == 3 for h in v.hits) for _, v in r1)
        gone = sum(
            any(h.rule == 3 and h.effective_action == "remove" for h in v.hits) for _, v in r1
        )
        figures["rule1_ok_and_tweets_hit_by_rule3"] = [hit, gone, len(r1)]
        print(f"  rule-1 dev ok + tweets hit by rule 3: {hit}, removed {gone} of {len(r1)}",
              flush=True)  # fmt: skip


def main() -> None:
    global _SET
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", default="a,b,c")
    parser.add_argument("--thresholds", default="0.5,0.55,0.6,0.65,0.7")
    parser.add_argument("--held-out", default="2026_12_07v,2026_12_07w")
    parser.add_argument("--folds", type=int, default=0, help="writer folds (0: one per writer)")
    parser.add_argument("--stage", choices=["held-out", "writers", "both"], default="both")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write every figure here as JSON")
    args = parser.parse_args()
    held_sets = args.held_out.split(",")
    first = min(held_sets)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    writers = [
        r for r in read_rows(3, "train_*.jsonl") if not r.source.startswith(train_rule3.SEEN)
    ]
    writers += [
        r for p in seen_sets(first) for r in read_rows(3, p.relative_to(DEV.parent).as_posix())
    ]
    held_rows = [r for s in held_sets for r in read_rows(3, f"dev/seen_blind_{s}.jsonl")]
    others = [r for r in read_rows(1, "dev/*.jsonl") if not r.positive] + everyday()
    results: dict[str, dict[str, dict[str, int] | list[int]]] = {}
    for name in args.candidates.split(","):
        training = candidate_set(name, first)
        training.docs()
        full = full_model(name, training)
        print(f"candidate {name}: {len(training.rows)} rows, "
              f"{len({g for *_, g in training.rows})} groups", flush=True)  # fmt: skip
        if args.stage in ("held-out", "both"):
            held_out_sets(name, full, thresholds, held_sets, held_rows, others,
                          ModerationEngine(), results)  # fmt: skip
        if args.stage == "held-out":
            continue
        _SET = folded(training, args.folds) if args.folds else training
        fold_of = {g0: g for (_, _, g0), (_, _, g) in zip(training.rows, _SET.rows, strict=True)}
        need = sorted({fold_of[r.source] for r in writers if r.source in fold_of})
        with ProcessPoolExecutor(args.jobs) as pool:
            models = dict(pool.map(_fit_without, need))
        base = engine_with(None, None)
        for t in thresholds:
            set_threshold(t)
            scored = []
            for source in sorted({r.source for r in writers}):
                engine = with_model(base, models.get(fold_of.get(source, ""), full))
                scored += [
                    (r, engine.check(MessageInput(text=r.text)))
                    for r in writers
                    if r.source == source
                ]
            figures = results.setdefault(f"{name}@{t}", {})
            figures["writers"] = tally(scored)
            figures["train_writers"] = tally(
                [x for x in scored if "seen_blind_" not in x[0].source]
            )
            figures["seen_writers"] = tally([x for x in scored if "seen_blind_" in x[0].source])
            print(f"== candidate {name}, threshold {t}: writers held out ({len(need)} refits)")
            for key, title in (
                ("writers", "all"),
                ("train_writers", "train_*"),
                ("seen_writers", "seen_blind"),
            ):
                print("  " + line(f"{title} writers", tally_of(figures, key)), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
