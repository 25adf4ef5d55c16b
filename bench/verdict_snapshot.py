"""Snapshot every moderation verdict, to prove a speed-up changes none (issue 14, item 7).

    python bench/verdict_snapshot.py OUT.txt                      # this checkout's code
    python bench/verdict_snapshot.py OUT.txt --compare BEFORE.txt
    python bench/verdict_snapshot.py BEFORE.txt --code /tmp/old   # another checkout's code
                                                                  # (e.g. `git archive` of main)

Messages: bench_moderation's 20,000 (davidson-2017 tweets and kcna-2024 sentences, judged with
its 6,000 keywords, 60 regexes, 50 examples and the built-ins); every training and development
file of rules 1 and 3 and the regression cases of tests/moderation/cases (built-ins only); each
short rule-3 message as a reply to a message of the same file and to one of the bench (rule 3
reads a reply against what it answers); and the bench's first 4,000 messages through
`moderate --batch`'s own path (JSON lines in and out, some with authors so the spam tracker
counts). Blind folders are skipped. Each line of the engine's verdicts is the full ``repr``
(every hit, its action, match and reason), so any change shows.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpora(root: Path) -> list[tuple[str, list[str]]]:
    """(name, texts) of the rule-1 and rule-3 training and development files (not blind
    ones) and of the moderation regression cases."""
    out: list[tuple[str, list[str]]] = []
    for path in sorted((root / "training/data").glob("rule*/**/*.jsonl")):
        if "blind" in path.relative_to(root / "training/data").parts:
            continue
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        out.append((str(path.relative_to(root)), texts))
    for path in sorted((root / "tests/moderation/cases").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        out.append((str(path.relative_to(root)), texts))
    return out


def snapshot(messages: int) -> list[str]:
    from bench.bench_moderation import SEED, load_messages, make_filters
    from bot.moderation.batch import check_lines, parse_line
    from bot.moderation.domain import MessageInput, ModerationEngine, SpamTracker

    lines: list[str] = []
    bench = load_messages(messages)
    engine = ModerationEngine(make_filters(random.Random(SEED)))
    for i, text in enumerate(bench):
        lines.append(f"bench:{i}\t{engine.check_text(text)!r}")
    builtins = ModerationEngine()
    rng = random.Random(SEED)
    for name, texts in corpora(ROOT):
        for i, text in enumerate(texts):
            lines.append(f"{name}:{i}\t{builtins.check_text(text)!r}")
        for i, text in enumerate(texts):
            if len(text.split()) > 12 or "rule3" not in name:
                continue
            for replied in (rng.choice(texts), rng.choice(bench)):
                verdict = builtins.check(MessageInput(text=text, replied_text=replied))
                lines.append(f"{name}:{i}:reply\t{verdict!r}")
    records: list[dict[str, object]] = []
    for i, text in enumerate(bench[:4_000]):
        record: dict[str, object] = {"id": i, "text": text}
        if i % 3 == 0:  # a stream: few authors, so repeats and floods can count
            record.update(author=f"u{i % 7}", timestamp=i // 4, channel=i % 2)
        records.append(record)
    parsed = [parse_line(n, json.dumps(r)) for n, r in enumerate(records, start=1)]
    outputs = check_lines(engine, SpamTracker(), [p for p in parsed if p is not None], {})
    lines.extend(f"batch:{number}\t{out}" for number, out in outputs)
    return lines


def main() -> None:
    global ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: report differences")
    parser.add_argument("--code", type=Path, help="judge with the code of this checkout")
    args = parser.parse_args()
    ROOT = (args.code or ROOT).resolve()
    sys.path.insert(0, str(ROOT))
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
