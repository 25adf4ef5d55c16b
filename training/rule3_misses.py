"""Why rule 3 missed each denial it missed: dev files (shipped model) and leave-one-writer-out.

Usage: .venv/bin/python training/rule3_misses.py [--lowo] [--show]

A missed denial is a denial-labelled message the whole engine allows. Each is put in the first
bucket that applies, following DenialDetector.detect:

- vetoed: a pattern hit it, and a discussion signal with a low model score dropped the hit;
- reply without its parent: a '^ ...' reply, whose parent the message does not hold;
- bound: no pattern, and the score bound said the model cannot reach its threshold (it is
  exact for words and stems, so this is 'model under threshold' read cheaply);
- under threshold: no pattern, model read, P(denial) below THRESHOLD (and by how much);
- reply under the reply bar: an answer to an account of the crisis under THRESHOLD_REPLY;
- chat: the crisis words read as everyday senses;
- near topic / off-topic: no crisis word and P(denial) below THRESHOLD_NEAR_TOPIC (North
  Korea or the crisis's everyday words named) or THRESHOLD_OFF_TOPIC (neither);
- signal: the model flagged it but a discussion signal (named) overruled it;
- affirms / blames the regime: a sentence affirming the crisis, or the regime called the
  liar, overruled it;
- elsewhere / short / other.

Reads only training/data/rule3/train_*.jsonl and dev/*.jsonl.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain.denial_context import own_lines, quoted_lines  # noqa: E402
from bot.moderation.domain.denial_features import blames_the_regime  # noqa: E402
from bot.moderation.domain.denial_model import (  # noqa: E402
    MIN_WORDS,
    SURE,
    THRESHOLD,
    THRESHOLD_NEAR_TOPIC,
    THRESHOLD_OFF_TOPIC,
    THRESHOLD_REPLY,
    discussion_signal,
    strong_signal,
)
from bot.moderation.domain.denial_replies import answers_elsewhere, reply_reading  # noqa: E402
from bot.moderation.domain.denial_stance import affirms_crisis  # noqa: E402
from bot.moderation.domain.detectors_denial import DenialDetector  # noqa: E402
from bot.moderation.domain.normalize import normalize  # noqa: E402
from training import train_rule3  # noqa: E402
from training.eval_dev import Row, engine_with, read_rows, score  # noqa: E402
from training.linear_training import fit_model  # noqa: E402


def why(detector: DenialDetector, text: str) -> str:
    """The bucket of one missed denial (see the module docstring)."""
    norm = normalize(text)
    own = own_lines(norm)
    quoted = quoted_lines(norm)
    model = detector._model
    if text.lstrip().startswith("^"):
        return "reply without its parent ('^ ...')"
    if detector._pattern_hits(own):
        return "vetoed: " + (discussion_signal(norm) or "?")
    if detector._bound.below(own, THRESHOLD):
        return "bound (model < threshold)"
    denies = quoted is not None and bool(detector._pattern_hits(quoted))
    reading = reply_reading(model, norm, own, quoted, denies)
    p = reading.probability
    if len(own.tokens) < MIN_WORDS and not reading.answers_account:
        return "short"
    if p < THRESHOLD:
        return f"under threshold: by {_by(THRESHOLD - p)}"
    if reading.answers_account and p < THRESHOLD_REPLY:
        return "reply under the reply bar"
    if reading.chat:
        return "chat"
    if not reading.on_topic and reading.near_topic and p < THRESHOLD_NEAR_TOPIC:
        return "near topic (no crisis word; food, aid, people there...)"
    if not reading.on_topic and not reading.near_topic and p < THRESHOLD_OFF_TOPIC:
        return "off-topic (no crisis word)"
    signal = discussion_signal(own) if p < SURE else strong_signal(own)
    if signal:
        return "signal: " + signal
    if affirms_crisis(own):
        return "affirms crisis"
    if blames_the_regime(own):
        return "blames the regime"
    if not reading.on_topic and answers_elsewhere(quoted):
        return "answers elsewhere"
    return "other"


def _by(gap: float) -> str:
    """How far under the threshold a score is, in steps of 0.1."""
    return "< 0.1" if gap < 0.1 else "0.1-0.2" if gap < 0.2 else ">= 0.2"


def misses(rows: list[Row], detector: DenialDetector, label: str) -> list[tuple[str, Row]]:
    engine = engine_with(None, detector._model)
    out = []
    for row, verdict in score(engine, rows):
        if row.positive and verdict.allowed:
            out.append((why(detector, row.text), row))
    print(f"  {label}: {len(out)} missed", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lowo", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    found: list[tuple[str, Row]] = []
    if args.lowo:
        rows = read_rows(3, "train_*.jsonl")
        training = train_rule3.training_rows()
        for held in sorted({r.source for r in rows}):
            detector = DenialDetector(model=fit_model(training, held))
            found += misses([r for r in rows if r.source == held], detector, held)
    else:
        found = misses(read_rows(3, "dev/*.jsonl"), DenialDetector(), "dev")
    buckets = Counter(reason.split(":")[0] for reason, _ in found)
    detail = Counter(reason for reason, _ in found)
    print(
        f"{len(found)} missed denials: " + ", ".join(f"{k} {v}" for k, v in buckets.most_common())
    )
    print("  in detail: " + ", ".join(f"{k} {v}" for k, v in detail.most_common()))
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for reason, row in found:
        by_kind[row.kind][reason.split(":")[0]] += 1
    for kind, counts in sorted(by_kind.items(), key=lambda item: -sum(item[1].values()))[:25]:
        print(f"  {kind}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    if args.show:
        for reason, row in found:
            print(f"  [{reason}] [{row.source}/{row.kind}] {row.text[:150]!r}")


if __name__ == "__main__":
    main()
