"""Why the grown archive loses answers the seed alone finds (development sets only).

    .venv/bin/python training/search_losses.py [--data ../shared/data] [--all]

For every development seed question: the rank of the first answer-holding excerpt with the gate
off, on the seed and on the grown archive (seed + kcna-2024 + ten small ingests), the rank with
the gate on, and, where the grown archive loses the answer, the sources and titles of what
outranks it. Prints one line per lost question (``--all``: per question) and a tally.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402
from bot.search.domain.model import PassageHit  # noqa: E402

SHIPPED = answers.SETTINGS
GATE_OFF = dataclasses.replace(SHIPPED, min_gate=-1e9, gate_per_decade=0.0)


def _rank(hits: list[PassageHit], q: ev.Question) -> int | None:
    found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
    return found[0] if found else None


def _hits(index: SearchIndex, q: ev.Question, gate: bool) -> list[PassageHit]:
    answers.SETTINGS = SHIPPED if gate else GATE_OFF
    try:
        return index.ask(q.text, k=10).hits
    finally:
        answers.SETTINGS = SHIPPED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--all", action="store_true", help="a line per question")
    args = parser.parse_args()
    archives = {"seed": ev.build(ev.seed_articles()), "grown": ev.grown_archive(args.data)}
    tally: Counter[str] = Counter()
    for q in ev.seed_questions():
        ranks = {}
        for name, index in archives.items():
            off = _hits(index, q, gate=False)
            on = _hits(index, q, gate=True)
            ranks[name] = (_rank(off, q), _rank(on, q), off)
        (s_off, s_on, _), (g_off, g_on, g_hits) = ranks["seed"], ranks["grown"]
        lost = s_on == 0 and g_on != 0
        if lost:
            cause = "gate" if g_off == 0 else "ranking"
            tally[f"lost by {cause}"] += 1
            tally[f"lost {q.kind}"] += 1
        if lost or args.all:
            above = g_hits[: g_off if g_off is not None else 3]
            outrank = "; ".join(f"{h.source}:{h.title[:40]}" for h in above[:3])
            print(
                f"{q.id:8} {q.kind:11} seed off/on {s_off}/{s_on} grown off/on {g_off}/{g_on}"
                f" | {q.text[:60]} | above: {outrank}"
            )
    print(dict(sorted(tally.items())))


if __name__ == "__main__":
    main()
