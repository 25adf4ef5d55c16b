"""Snapshot every moderation verdict, to prove a speed-up changes none (issue 14, item 7).

    python bench/verdict_snapshot.py OUT.txt            # write one line per message
    python bench/verdict_snapshot.py OUT.txt --compare BEFORE.txt

Messages: bench_moderation's 20,000 (davidson-2017 tweets and kcna-2024 sentences, judged with
its 6,000 keywords, 60 regexes, 50 examples and the built-ins) and every training and
development file of rules 1 and 3 (built-ins only). Blind folders are skipped. Each line is the
full ``repr`` of the verdict (every hit, its action, match and reason), so any change shows.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_moderation import SEED, load_messages, make_filters  # noqa: E402
from bot.moderation.domain import ModerationEngine  # noqa: E402


def corpora() -> list[tuple[str, list[str]]]:
    """(name, texts) of the rule-1 and rule-3 training and development files, not blind ones."""
    out: list[tuple[str, list[str]]] = []
    for path in sorted((ROOT / "training/data").glob("rule*/**/*.jsonl")):
        if "blind" in path.relative_to(ROOT / "training/data").parts:
            continue
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        out.append((str(path.relative_to(ROOT)), texts))
    return out


def snapshot(messages: int) -> list[str]:
    lines: list[str] = []
    engine = ModerationEngine(make_filters(random.Random(SEED)))
    for i, text in enumerate(load_messages(messages)):
        lines.append(f"bench:{i}\t{engine.check_text(text)!r}")
    builtins = ModerationEngine()
    for name, texts in corpora():
        for i, text in enumerate(texts):
            lines.append(f"{name}:{i}\t{builtins.check_text(text)!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: report differences")
    args = parser.parse_args()
    lines = snapshot(args.messages)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} verdicts written to {args.out}")
    if args.compare is None:
        return
    before = args.compare.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(before, lines, strict=False) if a != b]
    if len(before) != len(lines):
        print(f"DIFFERENT: {len(before):,} lines before, {len(lines):,} now")
    for a, b in differ[:20]:
        print(f"- {a}\n+ {b}")
    print(f"{len(differ):,} of {len(lines):,} verdicts differ")
    sys.exit(1 if differ or len(before) != len(lines) else 0)


if __name__ == "__main__":
    main()
