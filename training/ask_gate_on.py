"""/ask as members get it (today's gate.json), on the seed and the grown archive, over every
development set: answer in the first excerpt / the first three, refused, off-topic answered.

    .venv/bin/python training/ask_gate_on.py [--archives seed grown] [name=value ...]

``name=value`` changes AnswerSettings (the ranking and excerpt choices; the gate stays). The
gate is fitted on these sets: the figures are in-sample for the gate (bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import OFFTOPIC, SEED_SETS  # noqa: E402
from xquad_ask import typed  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archives", nargs="*", default=["seed", "grown"])
    parser.add_argument("settings", nargs="*", help="AnswerSettings, name=value")
    args = parser.parse_args()
    shipped = answers.SETTINGS
    answers.SETTINGS = dataclasses.replace(shipped, **typed(args.settings))  # type: ignore[arg-type]
    positives = [q for n in SEED_SETS for q in ev.questions(n)]
    negatives = [q for n in SEED_SETS for f in OFFTOPIC[n] for q in ev.questions(f)]
    for name in args.archives:
        index = ev.build(ev.seed_articles()) if name == "seed" else ev.grown_archive(ev.DATA)
        h1 = h3 = refused = 0
        for q in positives:
            hits = index.ask(q.text, k=3).hits
            refused += not hits
            found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
            h1 += bool(found) and found[0] == 0
            h3 += bool(found)
        answered = sum(bool(index.ask(q.text, k=3).hits) for q in negatives)
        n = len(positives)
        print(
            f"{name} {' '.join(args.settings) or 'today'}: hit@1 {h1 / n:.3f} ({h1}) hit@3 "
            f"{h3 / n:.3f} ({h3}) refused {refused} off-topic answered {answered}/{len(negatives)}"
        )
    answers.SETTINGS = shipped


if __name__ == "__main__":
    main()
