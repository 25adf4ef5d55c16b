"""Rule 1's flag bars (the operating point), chosen by a rule written before the run.

Usage: .venv/bin/python training/rule1_operating_point.py [--cache FILE] [--breakdown]

Each message is scored once with the flag bars of the statement model and the trained model
opened wide; the detector's last step (flag a message that names a group when nothing else
fired) is recorded as (trained-model P, statement-model P, which bar applies: 'hedged',
'negative' or 'neutral'), with every other hit the message drew. A message is flagged under
bars B when another hit fired, or a recorded step clears B. That is exact for the bars
MODEL_FLAG_THRESHOLD, STATEMENT_THRESHOLD, STATEMENT_THRESHOLD_NEUTRAL and HEDGED_THRESHOLD
(detectors_hate.py reads them nowhere else), so a grid of bars costs one scoring pass.

Material: rule-1 training files by leave-one-writer-out (the statement model refitted without
the file, as training/eval_dev.py --lowo), rule-1 dev files (shipped models), rule-3 dev ok
lines, davidson 'neither' tweets no trainer saw and a seeded sample of davidson 'offensive'
tweets (slurs at people; the bars should not flag many more of them). Flag bars only: nothing
here removes (a removal needs a statement finding, which these bars do not touch).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import detectors_hate as dh  # noqa: E402
from bot.moderation.domain.names import MODEL_FILTER_NAME  # noqa: E402
from training import train_rule1_statements, train_rule3  # noqa: E402
from training.eval_dev import Row, engine_with, everyday, read_rows  # noqa: E402
from training.linear_training import fit_model  # noqa: E402

BARS = ("MODEL_FLAG_THRESHOLD", "STATEMENT_THRESHOLD", "STATEMENT_THRESHOLD_NEUTRAL")
BARS_HEDGED = "HEDGED_THRESHOLD"
#: Sets not used to choose (run once as blind already): reported as a second view.
SECOND_VIEW = ("seen_blind_2026_12_07r", "seen_blind_2026_12_07s")
#: ok kinds that must not be allowed less often than today (pooled LOWO + dev).
GUARDED = r"positive|supportive|counter|denounc|report|quot|condemn|reclaim"


@dataclass
class Scored:
    row: Row
    other: list[tuple[str, str]]  # (filter, outcome) of hits other than the last step
    steps: list[tuple[float, float, str]]  # (model P, statement P, bar kind)
    outcome: str  # under today's bars


class _Probe:
    """Wraps a model to remember the last probability it gave."""

    def __init__(self, inner: Any, method: str) -> None:
        self._inner, self._method, self.last = inner, method, None

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if name != self._method:
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            self.last = value(*args, **kwargs)
            return self.last

        return call


LAST_STEP = re.compile(r"^(the trained model rates it likely hateful|reads as hate against a)")


def score_open(engine: Any, rows: list[Row]) -> list[Scored]:
    """Score rows with the flag bars wide open, recording the last step's inputs."""
    detector = engine.detectors[0]
    model, stmt = (
        _Probe(detector.model, "probability"),
        _Probe(detector.statements, "probability_of"),
    )
    detector.model, detector.statements = model, stmt
    today = {name: getattr(dh, name) for name in (*BARS, BARS_HEDGED)}
    calls: list[tuple[float, float, str]] = []
    flags: dict[str, bool] = {}
    real_detect, real_hedged, real_negative = dh.HateDetector._detect, dh.hedged, dh.negative

    def hedged(plain: str) -> bool:
        flags["hedged"] = real_hedged(plain)
        return flags["hedged"]

    def negative(*args: Any) -> bool:
        flags["negative"] = real_negative(*args)
        return flags["negative"]

    def detect(self: Any, text: Any) -> list[Any]:
        flags.clear()
        model.last = stmt.last = None
        hits = real_detect(self, text)
        for hit in hits:
            if hit.filter_name == MODEL_FILTER_NAME and LAST_STEP.match(hit.reason):
                kind = (
                    "hedged"
                    if flags.get("hedged")
                    else ("negative" if flags.get("negative") else "neutral")
                )
                calls.append((float(model.last or 0.0), float(stmt.last or 0.0), kind))
        return [h for h in hits if not LAST_STEP.match(h.reason)]

    out: list[Scored] = []
    try:
        dh.HateDetector._detect = detect  # type: ignore[method-assign]
        dh.hedged, dh.negative = hedged, negative
        dh.MODEL_FLAG_THRESHOLD = 2.0
        dh.STATEMENT_THRESHOLD = dh.STATEMENT_THRESHOLD_NEUTRAL = dh.HEDGED_THRESHOLD = -1.0
        from bot.moderation.domain import MessageInput

        for row in rows:
            calls.clear()
            verdict = engine.check(MessageInput(text=row.text))
            other = [(h.filter_name, h.effective_action.name) for h in verdict.hits]
            out.append(Scored(row, other, list(calls), ""))
    finally:
        dh.HateDetector._detect = real_detect  # type: ignore[method-assign]
        dh.hedged, dh.negative = real_hedged, real_negative
        for name, value in today.items():
            setattr(dh, name, value)
        detector.model, detector.statements = model._inner, stmt._inner
    return out


def flagged(item: Scored, bars: dict[str, float]) -> bool:
    """Whether the whole engine would not allow the message under these bars."""
    if any(action != "ALLOW" for _, action in item.other):
        return True
    bar = {"hedged": bars[BARS_HEDGED], "negative": bars["STATEMENT_THRESHOLD"]}
    for p_model, p_stmt, kind in item.steps:
        if p_model >= bars["MODEL_FLAG_THRESHOLD"]:
            return True
        if p_stmt >= bar.get(kind, bars["STATEMENT_THRESHOLD_NEUTRAL"]):
            return True
    return False


def offensive(count: int = 2000) -> list[Row]:
    """A seeded sample of davidson 'offensive' tweets (no trainer uses this class)."""
    if not train_rule3.DAVIDSON.is_file():
        return []
    rows = [json.loads(line) for line in train_rule3.DAVIDSON.open(encoding="utf-8")]
    texts = [r["text"] for r in rows if r["label"] == "offensive"]
    random.Random(48).shuffle(texts)
    return [Row(t, 0, False, "offensive_tweet", "davidson_offensive") for t in texts[:count]]


def collect() -> list[Scored]:
    """Every row of the material, scored once with the bars open."""
    rows = read_rows(1, "train_*.jsonl")
    training = train_rule1_statements.training_rows()
    groups = {g for *_, g in training.rows}
    scored: list[Scored] = []
    for held in sorted({r.source for r in rows}):
        model = fit_model(training, held) if held in groups else None
        part = [r for r in rows if r.source == held]
        scored += [_lowo(s) for s in score_open(engine_with(model, None), part)]
        print(f"  held out {held}", file=sys.stderr)
    shipped = engine_with(None, None)
    rule3_ok = [r for r in read_rows(3, "dev/*.jsonl") if not r.positive]
    extra = read_rows(1, "dev/*.jsonl") + rule3_ok + everyday() + offensive()
    return scored + score_open(shipped, extra)


def _lowo(item: Scored) -> Scored:
    item.row = Row(
        item.row.text, item.row.rule, item.row.positive, item.row.kind, "LOWO:" + item.row.source
    )
    return item


def plain(row: Row) -> bool:
    return not row.positive and not row.kind.startswith("other_rule")


def figures(items: list[Scored], bars: dict[str, float]) -> dict[str, Any]:
    """Balanced accuracy on the choosing material and every constraint's count."""
    pick = [s for s in items if s.row.rule == 1 and s.row.source.split(":")[-1] not in SECOND_VIEW]
    pos = [s for s in pick if s.row.positive]
    neg = [s for s in pick if not s.row.positive]
    caught = sum(flagged(s, bars) for s in pos)
    allowed = sum(not flagged(s, bars) for s in neg)
    per_dev: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in items:
        if s.row.rule == 1 and plain(s.row) and not s.row.source.startswith("LOWO:"):
            per_dev[s.row.source][0] += not flagged(s, bars)
            per_dev[s.row.source][1] += 1
    guarded = sum(not flagged(s, bars) for s in neg if re.search(GUARDED, s.row.kind))
    return {
        "caught": caught,
        "pos": len(pos),
        "allowed": allowed,
        "neg": len(neg),
        "balanced": (caught / len(pos) + allowed / len(neg)) / 2,
        "per_dev": dict(per_dev),
        "guarded": guarded,
        "offensive": sum(flagged(s, bars) for s in items if s.row.kind == "offensive_tweet"),
        "everyday": sum(flagged(s, bars) for s in items if s.row.kind == "everyday_tweet"),
        "rule3_ok": sum(flagged(s, bars) for s in items if s.row.rule == 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="pickle of the scored material (reused)")
    args = parser.parse_args()
    if args.cache and args.cache.is_file():
        items = pickle.loads(args.cache.read_bytes())
    else:
        items = collect()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(items))
    today = {name: getattr(dh, name) for name in (*BARS, BARS_HEDGED)}
    base = figures(items, today)
    print("today", today, {k: v for k, v in base.items() if k != "per_dev"})
    grid = itertools.product(
        (0.9, 0.93, 0.95, 0.97),
        (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8),
        (0.8, 0.84, 0.88, 0.9, 0.92, 0.94, 0.96),
        (0.3, 0.4, 0.5),
    )
    results = []
    for mft, st, neutral, hedged in grid:
        if neutral < st or hedged > st:
            continue
        bars = dict(zip((*BARS, BARS_HEDGED), (mft, st, neutral, hedged), strict=True))
        f = figures(items, bars)
        ok = all(
            a / n >= min(0.92, base["per_dev"][d][0] / n)
            for d, (a, n) in f["per_dev"].items()
            if d not in SECOND_VIEW
        )
        ok = ok and f["guarded"] >= base["guarded"]
        ok = ok and f["offensive"] - base["offensive"] <= 0.02 * 2000
        ok = ok and f["everyday"] - base["everyday"] <= 0.005 * 2000
        results.append((ok, f["balanced"], bars, f))
    # Best balanced accuracy; a tie goes to the fewer ok lines flagged, then the higher bars.
    feasible = sorted(
        (r for r in results if r[0]),
        key=lambda r: (-round(r[1], 4), -r[3]["allowed"], [-v for v in r[2].values()]),
    )
    for _, bal, bars, f in feasible[:8]:
        print(f"{bal:.4f}", bars, {k: v for k, v in f.items() if k != "per_dev"})


if __name__ == "__main__":
    main()
