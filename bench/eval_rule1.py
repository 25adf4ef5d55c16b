"""Rule 1 on a blind functional suite: the whole engine of a fresh install, counts only.

Usage: /work/venv/bin/python bench/eval_rule1.py [--no-write]

bench/data/rule1/blind/*.jsonl holds functional cases ({"text", "label": hateful|non-hateful,
"functionality", "target"}) written for digestbot by someone who never saw the detector or its
tests (and no public suite). They are for evaluation only: this script prints accuracy overall,
on each label and per functionality, never the cases. A message counts as caught when the
engine's verdict is not 'allow' (any rule: an insult of a group also breaks rule 2).
Results go to the "rule1-blind" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import replace_section  # noqa: E402
from bot.domain.moderation import MessageInput, ModerationEngine  # noqa: E402

BLIND = ROOT / "bench/data/rule1/blind"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    engine = ModerationEngine()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(BLIND.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            caught = not engine.check(MessageInput(text=row["text"])).allowed
            correct = caught == (row["label"] == "hateful")
            for key in ("all", row["label"], f"{row['label']}: {row['functionality']}"):
                total[key] += 1
                right[key] += correct
    out = [
        "## Rule 1 blind functional suite",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by bench/eval_rule1.py: a fresh install's "
        "engine on bench/data/rule1/blind (written by a helper who saw neither the detector nor "
        "its tests). Targets: 0.70 overall, 0.60 on non-hateful cases.",
        "",
        "| cases | correct | accuracy |",
        "|---|---|---|",
    ]
    for key in ("all", "hateful", "non-hateful", *sorted(k for k in total if ":" in k)):
        out.append(f"| {key} | {right[key]}/{total[key]} | {right[key] / total[key]:.2f} |")
    print("\n".join(out))
    if not args.no_write:
        replace_section(ROOT / "bench/RESULTS.md", "rule1-blind", "\n".join(out))


if __name__ == "__main__":
    main()
