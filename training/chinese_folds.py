"""Writer AA's Chinese pairs in folds over pairs: what pruning or mining the lists would do, held out.

Usage: .venv/bin/python training/chinese_folds.py [--folds 5] [--seed 13] [--mine] [--prune]
                                                  [--write-mined]

Both members of a pair fall in one fold. For each fold, the Chinese lists are changed on the
other folds only, then the held-out fold is scored by the whole engine: the other detectors'
verdicts are computed once (Chinese hits taken out) and a message is caught when they catch it
or the fold's Chinese lists do (the Chinese reading only flags, so this is the engine's verdict).

- --prune: drop an entry (rule 3 denial, rule 1 slur or contempt) whose hits on the training
  folds are under 75% breaches (the rule moderation39 fixed for Korean before its run).
- --mine: add runs of 2-4 Han characters that appear in at least MIN_SUPPORT breaching
  messages of the training folds and are breaches in at least MIN_PRECISION of the training
  messages holding them (rule 3: as denial words, still needing a crisis word and no counter
  word; rule 1: as slurs). Both bars were fixed before the first run.
- --write-mined: the runs mined on all of AA (rule 3 and rule 1), for a reviewer to read.

Reads only training/data/rule{1,3}/train_writer_aa_*.jsonl (dev files: training/eval_pairs.py).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput  # noqa: E402
from bot.moderation.domain.chinese import CHINESE, reading_data  # noqa: E402
from bot.moderation.domain.detectors_chinese import DENIAL_RECORD, HATE_RECORD  # noqa: E402
from bot.moderation.domain.script_reading import ListData, ReadingLists, compile_lists  # noqa: E402
from training.eval_dev import engine_with  # noqa: E402
from training.eval_pairs import read  # noqa: E402

FILES = {
    3: ROOT / "training/data/rule3/train_writer_aa_rule3.jsonl",
    1: ROOT / "training/data/rule1/train_writer_aa_rule1.jsonl",
}
POSITIVE = {3: "denial", 1: "hateful"}
PRUNED = {3: [("rule3", "denial")], 1: [("rule1", "slurs"), ("rule1", "contempt")]}
MIN_PRECISION_KEEP = 0.75
MIN_SUPPORT = 3
MIN_PRECISION = 0.9
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_SPACES = re.compile(r"\s+")

Row = dict[str, object]


def cue(rule: int, text: str, lists: ReadingLists) -> str:
    return CHINESE.denial_cue(text, lists) if rule == 3 else CHINESE.hate_cue(text, lists)


def entry_hits(
    rule: int, entry: str, key: tuple[str, str], rows: list[Row], data: ListData
) -> Counter[bool]:
    """Breaching / not breaching training messages the reading flags with this entry alone in
    its list (the other lists as they are)."""
    alone = {k: dict(v) for k, v in data.items() if k in ("rule1", "rule3")}
    alone[key[0]][key[1]] = [entry]
    if rule == 1:  # the other rule-1 way of flagging must not count for this entry
        other = "contempt" if key[1] == "slurs" else "slurs"
        alone["rule1"][other] = ["(?!x)x"]
    lists = compile_lists(alone)
    out: Counter[bool] = Counter()
    for row in rows:
        if cue(rule, str(row["text"]), lists):
            out[row["label"] == POSITIVE[rule]] += 1
    return out


def runs(text: str) -> set[str]:
    """Every run of 2-4 Han characters of a message, folded as the reading folds it."""
    folded = _SPACES.sub("", CHINESE.prepare(text))
    out: set[str] = set()
    for piece in _HAN_RUN.findall(folded):
        for n in (2, 3, 4):
            out |= {piece[i : i + n] for i in range(len(piece) - n + 1)}
    return out


def mined(rule: int, rows: list[Row]) -> list[str]:
    """Runs of breaching messages that few ok messages hold (MIN_SUPPORT, MIN_PRECISION)."""
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    for row in rows:
        (pos if row["label"] == POSITIVE[rule] else neg).update(runs(str(row["text"])))
    keep = [r for r, n in pos.items() if n >= MIN_SUPPORT and n / (n + neg[r]) >= MIN_PRECISION]
    return sorted(keep)


def fold_lists(rule: int, train: list[Row], prune: bool, mine: bool) -> ReadingLists:
    data = {
        k: {kk: list(vv) for kk, vv in v.items()}
        for k, v in reading_data().items()
        if k in ("rule1", "rule3")
    }
    if prune:
        for key in PRUNED[rule]:
            kept = []
            for entry in data[key[0]][key[1]]:
                hits = entry_hits(rule, entry, key, train, data)
                total = hits[True] + hits[False]
                if total == 0 or hits[True] / total >= MIN_PRECISION_KEEP:
                    kept.append(entry)
            data[key[0]][key[1]] = kept or ["(?!x)x"]
    if mine:
        extra = [re.escape(r) for r in mined(rule, train)]
        key = ("rule3", "denial") if rule == 3 else ("rule1", "slurs")
        data[key[0]][key[1]] += extra
    return compile_lists(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--prune", action="store_true")
    parser.add_argument("--mine", action="store_true")
    parser.add_argument("--write-mined", action="store_true")
    args = parser.parse_args()
    engine = engine_with(None, None)
    for rule, path in FILES.items():
        rows = read(path)
        if args.write_mined:
            print(f"rule {rule} mined on all of AA: {' '.join(mined(rule, rows))}")
            continue
        others = []
        for row in rows:
            verdict = engine.check(MessageInput(text=str(row["text"])))
            others.append(
                any(
                    h.record not in (DENIAL_RECORD, HATE_RECORD)
                    for h in verdict.hits
                    if not verdict.allowed
                )
            )
        pairs = sorted({int(str(r["pair"])) for r in rows})
        random.Random(args.seed).shuffle(pairs)
        fold_of = {p: i % args.folds for i, p in enumerate(pairs)}
        caught = Counter[str]()
        for fold in range(args.folds):
            train = [r for r in rows if fold_of[int(str(r["pair"]))] != fold]
            lists = fold_lists(rule, train, args.prune, args.mine)
            for row, other in zip(rows, others, strict=True):
                if fold_of[int(str(row["pair"]))] != fold:
                    continue
                flagged = other or bool(cue(rule, str(row["text"]), lists))
                label = "pos" if row["label"] == POSITIVE[rule] else "neg"
                caught[f"{label}_{'flag' if flagged else 'allow'}"] += 1
        pos = caught["pos_flag"] + caught["pos_allow"]
        neg = caught["neg_flag"] + caught["neg_allow"]
        print(
            f"rule {rule} ({args.folds} pair folds, prune={args.prune}, mine={args.mine}): "
            f"{POSITIVE[rule]} caught {caught['pos_flag']}/{pos}, ok allowed "
            f"{caught['neg_allow']}/{neg}"
        )


if __name__ == "__main__":
    main()
