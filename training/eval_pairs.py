"""One writer's minimal-pair files through the whole engine, per kind (held-out scoring).

Usage: .venv/bin/python training/eval_pairs.py FILE... [--chinese-dev] [--korean-dev] [--show]

Each FILE is a training file of rule 1 or rule 3 (``training/data/rule<N>/train_*.jsonl``, with
``pair``, ``label``, ``kind``). A message is caught when the verdict is not 'allow' (any rule),
as training/eval_dev.py counts. Per file: breaches caught, ok allowed, removals (right and
wrongful), then the same per kind. With --chinese-dev, also the lines of the rule-3 and rule-1
dev files that hold Han characters and no Hangul or kana (an untuned check: read its figures,
never choose on them). With --korean-dev, the dev lines that hold Hangul, with 'plain ok' (ok
lines not marked as breaking another rule: kind 'other_rule_*') counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput, ModerationEngine, Verdict  # noqa: E402
from training.eval_dev import POSITIVE, engine_with  # noqa: E402

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
NOT_CHINESE = re.compile("[\uac00-\ud7a3\u3131-\u318e\u3040-\u30ff]")


def read(path: Path) -> list[dict[str, object]]:
    """The JSON lines of one file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def rule_of(path: Path) -> int:
    return 1 if "rule1" in path.parts[-2:][0] or "/rule1/" in str(path) else 3


def is_chinese(text: str) -> bool:
    """Han characters and no Hangul or kana (a Korean or Japanese line may hold Hanja/kanji)."""
    return HAN.search(text) is not None and NOT_CHINESE.search(text) is None


def tally(
    rows: list[dict[str, object]], verdicts: list[Verdict], rule: int
) -> tuple[str, list[str]]:
    """The summary line and the per-kind lines of one file's rows."""
    positive = POSITIVE[rule]
    pos = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["label"] == positive]
    neg = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["label"] != positive]
    caught = sum(not v.allowed for _, v in pos)
    allowed = sum(v.allowed for _, v in neg)
    right_removed = sum(v.outcome == "remove" for _, v in pos)
    wrong_removed = sum(v.outcome == "remove" for _, v in neg)
    head = (
        f"{positive} caught {caught}/{len(pos)}, ok allowed {allowed}/{len(neg)}, "
        f"removals right {right_removed}, wrongful {wrong_removed}"
    )
    kinds: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for r, v in zip(rows, verdicts, strict=True):
        good = (not v.allowed) if r["label"] == positive else v.allowed
        kinds[(str(r["label"]), str(r["kind"]))].append(good)
    lines = [
        f"  {label} {kind}: {sum(goods)}/{len(goods)}"
        for (label, kind), goods in sorted(kinds.items(), key=lambda kv: (kv[0][0] != positive, kv))
    ]
    return head, lines


def show(rows: list[dict[str, object]], verdicts: list[Verdict], rule: int) -> list[str]:
    out = []
    for r, v in zip(rows, verdicts, strict=True):
        breach = r["label"] == POSITIVE[rule]
        if breach == v.allowed:
            tag = "MISS" if breach else "FP"
            hit = v.hits[0] if v.hits else None
            why = f"  <- {hit.filter_name} {hit.record}: {hit.reason[:70]}" if hit else ""
            out.append(f"  {tag} [{r['kind']}] {r['text']}{why}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--chinese-dev", action="store_true")
    parser.add_argument("--korean-dev", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    engine: ModerationEngine = engine_with(None, None)
    for path in args.files:
        rows = read(path)
        rule = 1 if "rule1" in str(path) else 3
        verdicts = [engine.check(MessageInput(text=str(r["text"]))) for r in rows]
        head, lines = tally(rows, verdicts, rule)
        print(f"{path.name} (rule {rule}): {head}")
        print("\n".join(lines))
        if args.show:
            print("\n".join(show(rows, verdicts, rule)))
    if args.chinese_dev:
        for rule in (3, 1):
            for path in sorted((ROOT / f"training/data/rule{rule}/dev").glob("*.jsonl")):
                rows = [r for r in read(path) if is_chinese(str(r["text"]))]
                if not rows:
                    continue
                verdicts = [engine.check(MessageInput(text=str(r["text"]))) for r in rows]
                head, _ = tally(rows, verdicts, rule)
                print(f"{path.name} Chinese lines ({len(rows)}, rule {rule}): {head}")
                if args.show:
                    print("\n".join(show(rows, verdicts, rule)))
    if args.korean_dev:
        korean_dev(engine, args.show)


def korean_dev(engine: ModerationEngine, shown: bool) -> None:
    """The dev lines holding Hangul, per file, with plain ok apart."""
    for rule in (3, 1):
        for path in sorted((ROOT / f"training/data/rule{rule}/dev").glob("*.jsonl")):
            rows = [r for r in read(path) if HANGUL.search(str(r["text"]))]
            if not rows:
                continue
            verdicts = [engine.check(MessageInput(text=str(r["text"]))) for r in rows]
            head, _ = tally(rows, verdicts, rule)
            plain = [
                v.allowed
                for r, v in zip(rows, verdicts, strict=True)
                if r["label"] != POSITIVE[rule] and not str(r["kind"]).startswith("other_rule")
            ]
            print(
                f"{path.name} Korean lines ({len(rows)}, rule {rule}): {head}; "
                f"plain ok allowed {sum(plain)}/{len(plain)}"
            )
            if shown:
                print("\n".join(show(rows, verdicts, rule)))


if __name__ == "__main__":
    main()
