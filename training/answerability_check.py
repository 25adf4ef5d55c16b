"""Which development questions the kinds of answerability.json catch, per set and per kind.

    .venv/bin/python training/answerability_check.py [--list] [--seed]

Per set of training/data/search: answerable questions read as each kind (their cost; read each
with ``--list``), off-topic questions read as each kind, and of those the held-out catches:
caught by a pattern written from another set's questions too (answerability.json's "from"),
and strictly held out: by a pattern written without this set's questions. ``--seed`` answers
every question on the seed with the shipped gate, with the kinds' rule and without (in-sample
for the gate, which was fitted on these sets): hit@1 and hit@3 of the answerable questions,
off-topic questions answered per kind.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402

from bot.search.domain import answerability  # noqa: E402

_TAG = re.compile(r"2026_12_(\d\d[a-z]?)$")


def tag(name: str) -> str:
    """The set's short name as answerability.json's "from" writes it ("07g")."""
    match = _TAG.search(name)
    return match.group(1) if match else name


def sets() -> list[tuple[str, int]]:
    """Every question file with its label (1 answerable, 0 off-topic)."""
    out = []
    for path in sorted(ev.DEV.glob("*.jsonl")):
        name = path.stem
        if "questions" in name and "kcna" not in name:
            out.append((name, 1))
        elif "offtopic" in name:
            out.append((name, 0))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--seed", action="store_true")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    print(
        "set | n | caught per kind (answerable: read as the kind; off-topic: strictly held out"
        " / held out / all)"
    )
    for name, label in sets():
        qs = ev.questions(name)
        caught: Counter[str] = Counter()
        held: Counter[str] = Counter()
        strict: Counter[str] = Counter()
        for q in qs:
            kind = answerability.kind_of(q.text)
            if kind is None:
                continue
            caught[kind] += 1
            # Held out: a pattern that would have been written without this set (it was
            # written from another set's questions too).
            others = [
                p
                for k, p in answerability.matching_patterns(q.text)
                if k == kind and set(p.written_from) - {tag(name)}
            ]
            held[kind] += bool(others)
            # Strictly held out: a pattern written without this set at all.
            strict[kind] += any(
                k == kind and tag(name) not in p.written_from
                for k, p in answerability.matching_patterns(q.text)
            )
            if args.list:
                print(f"  {'ANS' if label else 'OFF'} {tag(name)} {kind}: {q.text}")
        parts = []
        for kind in answerability.KINDS:
            if label:
                parts.append(f"{kind} {caught[kind]}")
                totals[f"answerable {kind}"] += caught[kind]
            else:
                parts.append(f"{kind} {strict[kind]}/{held[kind]}/{caught[kind]}")
                totals[f"off-topic {kind} held out"] += held[kind]
                totals[f"off-topic {kind} strictly held out"] += strict[kind]
                totals[f"off-topic {kind}"] += caught[kind]
        totals["answerable" if label else "off-topic"] += len(qs)
        print(f"{name} | {len(qs)} | " + ", ".join(parts))
    for key, value in sorted(totals.items()):
        print(f"{key}: {value}")
    if args.seed:
        seed_check()


def seed_check() -> None:
    """Answer every set on the seed with the kinds' rule and without."""
    index = ev.build(ev.seed_articles())
    rule = answerability.keeps
    for on in (False, True):
        if not on:
            answerability.keeps = lambda *a, **k: True  # type: ignore[assignment]
        else:
            answerability.keeps = rule  # type: ignore[assignment]
        counts: Counter[str] = Counter()
        for name, label in sets():
            for q in ev.questions(name):
                hits = index.ask(q.text, k=3).hits
                if label:
                    counts["answerable"] += 1
                    counts["hit@1"] += bool(hits) and ev.holds_answer(hits[0], q.answers)
                    counts["hit@3"] += any(ev.holds_answer(h, q.answers) for h in hits)
                else:
                    counts["off-topic"] += 1
                    counts["off-topic answered"] += bool(hits)
                    kind = answerability.kind_of(q.text)
                    counts[f"off-topic answered, {kind}"] += bool(hits)
                    if kind == "prediction" and hits:
                        counts["off-topic answered as background only"] += 1
        print("seed, shipped gate (in-sample), kinds' rule " + ("on" if on else "off"))
        for key, value in sorted(counts.items()):
            print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
