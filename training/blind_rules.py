"""Run frozen blind rule sets ONCE with the bot's default engine and print what came out.

    .venv/bin/python training/blind_rules.py SUFFIX [--misses]

Reads training/data/rule{1,3}/blind/rule{1,3}_blind_<SUFFIX>.jsonl (keys id, text, label, kind;
label 'hateful' / 'denial' or 'ok'), written by people who saw no code, and scores every line
with ``ModerationEngine()``, the engine a guild gets with no filters of its own. Per file:

- caught: lines labelled as breaking the rule whose verdict is not 'allow' (any rule);
- plain ok: ok lines whose writer does not mark them as breaking another rule (kind not
  starting with ``other_rule``), allowed and removed; other-rule ok lines are counted apart;
- balanced: the mean of caught and plain ok allowed;
- removals: every 'remove' verdict, right when its line breaks this rule or another one;
- the same figures split by the script the line is written in (Korean, Japanese, Chinese,
  Latin), and caught per kind.

``--misses`` also lists the missed and wrongly acted-on lines: for reading AFTER the one run,
when the set has become development data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput, ModerationEngine  # noqa: E402
from bot.moderation.domain.chinese import HAN, KANA  # noqa: E402
from bot.moderation.domain.korean import HANGUL  # noqa: E402

POSITIVE = {1: "hateful", 3: "denial"}


def script(text: str) -> str:
    """The script a line is chiefly written in, for the language split."""
    if HANGUL.search(text):
        return "Korean"
    if KANA.search(text):
        return "Japanese"
    if HAN.search(text):
        return "Chinese"
    return "Latin"


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.3f})" if whole else "0/0"


def report(path: Path, rule: int, engine: ModerationEngine, misses: bool) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    scored = [(row, engine.check(MessageInput(text=row["text"]))) for row in rows]
    pos = [(r, v) for r, v in scored if r["label"] == POSITIVE[rule]]
    other = [(r, v) for r, v in scored if r["label"] != POSITIVE[rule]]
    plain = [(r, v) for r, v in other if not str(r.get("kind", "")).startswith("other_rule")]
    marked = [(r, v) for r, v in other if str(r.get("kind", "")).startswith("other_rule")]
    caught = sum(not v.allowed for _, v in pos)
    allowed = sum(v.allowed for _, v in plain)
    balanced = (caught / len(pos) + allowed / len(plain)) / 2 if pos and plain else 0.0
    print(f"## {path.name} ({len(rows)} lines)")
    print(f"- {POSITIVE[rule]} caught {share(caught, len(pos))}")
    print(f"- plain ok allowed {share(allowed, len(plain))}, balanced {balanced:.3f}")
    print(f"- plain ok removed {sum(v.outcome == 'remove' for _, v in plain)}")
    outcomes = Counter(v.outcome for _, v in marked)
    print(f"- ok lines marked as breaking another rule: {len(marked)}, outcomes {dict(outcomes)}")
    removals = [(r, v) for r, v in scored if v.outcome == "remove"]
    right = sum(
        r["label"] == POSITIVE[rule] or str(r.get("kind", "")).startswith("other_rule")
        for r, _ in removals
    )
    by_detector = Counter(
        h.filter_name for _, v in removals for h in v.hits if h.effective_action == "remove"
    )
    print(f"- removals {len(removals)}, right {right}; by detector {dict(by_detector)}")
    langs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r, v in pos:
        langs[script(r["text"])][0] += not v.allowed
        langs[script(r["text"])][1] += 1
    for r, v in plain:
        langs[script(r["text"])][2] += v.allowed
        langs[script(r["text"])][3] += 1
    for lang, (c, n, a, m) in sorted(langs.items()):
        print(f"- {lang}: caught {c}/{n}, plain ok allowed {a}/{m}")
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r, v in pos:
        kinds[str(r.get("kind", "?"))][0] += not v.allowed
        kinds[str(r.get("kind", "?"))][1] += 1
    print("- caught per kind: " + ", ".join(f"{k} {c}/{n}" for k, (c, n) in sorted(kinds.items())))
    if misses:
        for r, v in pos:
            if v.allowed:
                print(f"  MISS {r['id']} [{r.get('kind')}] {r['text']}")
        for r, v in plain:
            if not v.allowed:
                print(f"  FALSE {v.outcome} {r['id']} [{r.get('kind')}] {r['text']} :: {v.reason}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("suffix", help="the sets' date suffix, e.g. 2026_12_07v")
    parser.add_argument("--misses", action="store_true", help="list misses (after the one run)")
    parser.add_argument(
        "--folder", default="blind", help="dev: score sets already run (seen_blind_*)"
    )
    args = parser.parse_args()
    engine = ModerationEngine()
    found = False
    for rule in (1, 3):
        for path in sorted(
            (ROOT / f"training/data/rule{rule}" / args.folder).glob(f"*_{args.suffix}.jsonl")
        ):
            found = True
            report(path, rule, engine, args.misses)
    if not found:
        sys.exit(f"no blind set named *_{args.suffix}.jsonl under training/data/rule*/blind")


if __name__ == "__main__":
    main()
