"""Subject bias of rule 3: on minimal pairs, how often the ok twin scores above its denial.

Usage: .venv/bin/python training/rule3_pairs.py [--lowo] [--show N]

A minimal pair (field ``pair``) is a denial and an ok message on the same subject, in the same
voice and of similar length. A model that reads stance scores the denial higher; one that reads
the subject scores the twins alike, and the ok twin above the denial about as often as not.
Per file with pairs, and per kind: pairs, ok twin above its denial, and the mean margin
P(denial twin) - P(ok twin) of the rule-3 model on the member's own lines (as the detector
reads them). Also the engine's outcome per pair: both right, denial missed, ok flagged, both
wrong. Without --lowo, the dev files with the shipped model; with --lowo, each training file
with pairs by a model refitted without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput  # noqa: E402
from bot.moderation.domain.denial_context import own_lines  # noqa: E402
from bot.moderation.domain.model import RULE3_MODEL_FILE, LinearTextModel, load_model  # noqa: E402
from bot.moderation.domain.normalize import normalize  # noqa: E402
from training import train_rule3  # noqa: E402
from training.eval_dev import engine_with  # noqa: E402
from training.linear_training import fit_model  # noqa: E402

DATA = ROOT / "training/data/rule3"

Pair = dict[str, dict[str, str]]  # label -> the row ({"text", "kind"})


def read_pairs(path: Path) -> dict[int, Pair]:
    """The complete pairs of a file: {pair: {"denial": row, "ok": row}}."""
    pairs: dict[int, Pair] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if "pair" in row:
                pairs[int(row["pair"])][row["label"]] = row
    return {k: v for k, v in pairs.items() if set(v) == {"denial", "ok"}}


def probability(model: LinearTextModel, text: str) -> float:
    """P(denial) of the model on the member's own lines, as the detector reads them."""
    return model.probability_of(own_lines(normalize(text)))


def pair_order(
    model: LinearTextModel, pairs: dict[int, Pair], with_engine: bool = True
) -> dict[str, object]:
    """The pair-order figures of one file's pairs under one model."""
    engine = engine_with(None, model) if with_engine else None
    above = 0
    margins: list[float] = []
    kinds: dict[str, list[bool]] = defaultdict(list)
    outcomes = {"both right": 0, "denial missed": 0, "ok flagged": 0, "both wrong": 0}
    worst: list[tuple[float, int, str, str]] = []
    for number, pair in sorted(pairs.items()):
        p_denial = probability(model, pair["denial"]["text"])
        p_ok = probability(model, pair["ok"]["text"])
        inverted = p_ok > p_denial
        above += inverted
        margins.append(p_denial - p_ok)
        kinds[pair["denial"]["kind"]].append(inverted)
        worst.append((p_denial - p_ok, number, pair["denial"]["text"], pair["ok"]["text"]))
        if engine is not None:
            caught = not engine.check(MessageInput(text=pair["denial"]["text"])).allowed
            allowed = engine.check(MessageInput(text=pair["ok"]["text"])).allowed
            key = {
                (True, True): "both right",
                (False, True): "denial missed",
                (True, False): "ok flagged",
                (False, False): "both wrong",
            }[(caught, allowed)]
            outcomes[key] += 1
    return {
        "pairs": len(pairs),
        "ok above denial": above,
        "mean margin": sum(margins) / max(1, len(margins)),
        "kinds": {k: (sum(v), len(v)) for k, v in sorted(kinds.items())},
        "outcomes": outcomes if engine is not None else {},
        "worst": sorted(worst)[:20],
    }


def show(name: str, result: dict[str, object], count: int) -> None:
    pairs = int(str(result["pairs"]))
    above = int(str(result["ok above denial"]))
    print(
        f"{name}: {pairs} pairs, ok twin above its denial {above}/{pairs} "
        f"({above / max(1, pairs):.3f}), mean margin {float(str(result['mean margin'])):+.3f}"
    )
    if result["outcomes"]:
        print(
            "  engine per pair: "
            + ", ".join(f"{k} {v}" for k, v in dict(result["outcomes"]).items())
        )  # type: ignore[call-overload]
    kinds = dict(result["kinds"])  # type: ignore[call-overload]
    print(
        "  ok above denial per denial kind: "
        + ", ".join(f"{k} {a}/{n}" for k, (a, n) in kinds.items())
    )
    for margin, number, denial, ok in list(result["worst"])[:count]:  # type: ignore[call-overload]
        print(f"  pair {number} margin {margin:+.2f}\n    D: {denial[:140]!r}\n    O: {ok[:140]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lowo", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print the N most inverted pairs")
    parser.add_argument("--no-engine", action="store_true", help="the model only (faster)")
    args = parser.parse_args()
    if args.lowo:
        training = train_rule3.training_rows()
        for path in sorted(DATA.glob("train_*.jsonl")):
            pairs = read_pairs(path)
            if pairs:
                model = fit_model(training, path.stem)
                show(
                    f"{path.stem} (held out)",
                    pair_order(model, pairs, not args.no_engine),
                    args.show,
                )
        return
    for path in sorted((DATA / "dev").glob("*.jsonl")):
        pairs = read_pairs(path)
        if pairs:
            result = pair_order(load_model(RULE3_MODEL_FILE), pairs, not args.no_engine)
            show(f"dev/{path.stem} (shipped model)", result, args.show)


if __name__ == "__main__":
    main()
