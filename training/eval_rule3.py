"""Rule 3 as a fresh install ships it (patterns + trained model), measured on unseen statements.

Usage: /work/venv/bin/python training/eval_rule3.py [--threshold 0.8] [--blind] [--show-misses]

- Leave-one-author-out: for each training/data/rule3/train_*.jsonl file, the model is retrained
  without it (training/train_rule3.py's recipe) and the whole denial detector (patterns, then the
  model) is run on that file. The patterns were written before these files existed, so each
  file is unseen by both parts: the fair estimate for phrasings nobody here wrote.
- With --blind: the whole moderation engine of a fresh install (every built-in, the shipped
  model) on training/data/rule3/blind/*.jsonl, reported only as counts (the files are for
  evaluation: nobody tuning reads them, and --show-misses never prints them).
Results go to the "rule3" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.results import replace_section  # noqa: E402
from bot.moderation.domain import (  # noqa: E402
    MessageInput,
    ModerationEngine,
    denial_model,
)
from bot.moderation.domain.detectors_denial import DenialDetector  # noqa: E402
from bot.moderation.domain.model import LinearTextModel, statement_features  # noqa: E402
from bot.moderation.domain.normalize import normalize  # noqa: E402
from training import linear_training, train_rule3  # noqa: E402

BLIND = ROOT / "training/data/rule3/blind"
KCNA = Path("/work/shared/data/kcna-2024/articles.jsonl")
NEVER = LinearTextModel(intercept=-50.0, weights={})


# Every look at the blind files, so the reader can judge how blind they still are.
BLIND_HISTORY = [
    "Looks at holdout_2026_11_28 (150 denial, 150 legitimate, written 2026-11-28 by a helper "
    "who saw neither the detector, its tests nor the training files):",
    "1. patterns only (the engine of the previous session): denial 41/150 (0.27), legitimate "
    "144/150 (0.96);",
    "2. first model (three training files, words + stems, threshold 0.8, no gate, no veto): "
    "105/150 (0.70), 145/150 (0.97);",
    "3. shipped model (six training files, quote/question flags, threshold 0.6, crisis-word "
    "gate, veto below 0.25): the table above. Between 2 and 3 only leave-one-author-out "
    "figures guided the changes; the blind file was not read.",
    "suite_2026_11_28 (100 denial, 100 legitimate short statements by functionality, in the "
    "manner of a published functional suite) was written by another helper after the model was "
    "final and run once: the table above is its first look.",
]


def share(part: int, whole: int) -> str:
    """'part/whole (ratio)' for a table cell."""
    return f"{part}/{whole} ({part / whole:.2f})" if whole else "0/0"


def rates(detector: DenialDetector, rows: list[tuple[str, int, str]]) -> tuple[int, int, int, int]:
    """(denial caught, denial total, legit allowed, legit total) for the denial detector."""
    caught = allowed = 0
    for text, label, _ in rows:
        fired = bool(detector.detect(normalize(text)))
        caught += label == 1 and fired
        allowed += label == 0 and not fired
    positives = sum(label for _, label, _ in rows)
    return caught, positives, allowed, len(rows) - positives


def leave_one_author_out(args: argparse.Namespace) -> list[str]:
    rows = train_rule3.written() + train_rule3.generic(args.generic)
    docs = [statement_features(normalize(text)) for text, _, _ in rows]
    lines = []
    totals: Counter[str] = Counter()
    for held in sorted({g for _, _, g in rows if g.startswith("train_")}):
        train = [i for i, (_, _, g) in enumerate(rows) if g != held]
        test = [rows[i] for i, (_, _, g) in enumerate(rows) if g == held]
        intercept, weights = linear_training.fit(
            [docs[i] for i in train], [rows[i][1] for i in train], args.C, args.min_df
        )
        model = LinearTextModel(intercept, weights, "statement")
        base = rates(DenialDetector(model=NEVER), test)
        both = rates(DenialDetector(model=model), test)
        for key, value in zip(("pc", "pn", "pa", "pl"), base, strict=True):
            totals[key] += value
        for key, value in zip(("bc", "bn", "ba", "bl"), both, strict=True):
            totals[key] += value
        lines.append(
            f"| {held} | {share(base[0], base[1])} | {share(base[2], base[3])} | "
            f"{share(both[0], both[1])} | {share(both[2], both[3])} |"
        )
        if args.show_misses:
            detector = DenialDetector(model=model)
            for text, label, _ in test:
                fired = bool(detector.detect(normalize(text)))
                if fired != bool(label):
                    print(("MISS " if label else "FP   ") + text)
    t = totals
    lines.append(
        f"| all | {share(t['pc'], t['pn'])} | {share(t['pa'], t['pl'])} | "
        f"{share(t['bc'], t['bn'])} | {share(t['ba'], t['bl'])} |"
    )
    return lines


def blind() -> list[str]:
    """The shipped engine on the blind files: counts only."""
    engine = ModerationEngine()
    lines = []
    for path in sorted(BLIND.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        caught = sum(
            1
            for r in rows
            if r["label"] == "denial" and not engine.check(MessageInput(text=r["text"])).allowed
        )
        allowed = sum(
            1
            for r in rows
            if r["label"] == "legit" and engine.check(MessageInput(text=r["text"])).allowed
        )
        positives = sum(1 for r in rows if r["label"] == "denial")
        negatives = len(rows) - positives
        lines.append(f"| {path.stem} | {share(caught, positives)} | {share(allowed, negatives)} |")
    return lines


def kcna_sentences() -> list[str]:
    """Every kcna-2024 sentence over 20 characters (evaluation only: its README allows tests
    of scale and digests, so it never trains anything)."""
    if not KCNA.is_file():
        return []
    out: list[str] = []
    with KCNA.open(encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["text"]
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", body) if len(s) > 20)
    return out


def everyday_false_positives(generic_count: int) -> list[str]:
    """Rule-3 hits of the shipped detector on text it was not trained on: kcna-2024 (regime
    news, denial words everywhere) and davidson-2017 tweets past the training sample."""
    detector = DenialDetector()
    news = kcna_sentences()
    news_hits = sum(1 for s in news if detector.detect(normalize(s)))
    tweets = train_rule3.shuffled_tweets()[generic_count:]
    tweet_hits = sum(1 for s in tweets if detector.detect(normalize(s)))
    return [
        f"- kcna-2024 ({len(news):,} sentences): rule-3 hits {news_hits}",
        f"- davidson-2017 tweets not used in training ({len(tweets):,}): rule-3 hits {tweet_hits}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=denial_model.THRESHOLD)
    parser.add_argument("--C", type=float, default=3.0)
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--generic", type=int, default=1500)
    parser.add_argument("--blind", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    denial_model.THRESHOLD = args.threshold

    out = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by training/eval_rule3.py (threshold "
        f"{args.threshold}, C={args.C}).",
        "",
        "Leave-one-author-out (the model retrained without the file; the patterns never saw it):",
        "",
        "| held-out file | patterns: denial caught | patterns: legit allowed "
        "| patterns + model: denial caught | patterns + model: legit allowed |",
        "|---|---|---|---|---|",
        *leave_one_author_out(args),
    ]
    out += [
        "",
        "False positives on everyday text (shipped model):",
        "",
        *everyday_false_positives(args.generic),
    ]
    if args.blind:
        out += [
            "",
            "Blind files (whole engine of a fresh install, shipped model; counts only):",
            "",
            "| file | denial caught | legit allowed |",
            "|---|---|---|",
            *blind(),
            "",
            *BLIND_HISTORY,
        ]
    print("\n".join(out))
    if not args.no_write:
        replace_section(ROOT / "bench/RESULTS.md", "rule3", "## Rule 3 model\n\n" + "\n".join(out))


if __name__ == "__main__":
    main()
