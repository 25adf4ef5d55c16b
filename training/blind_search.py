"""Run the blind search sets ONCE, after the code is frozen, and print the figures as they come.

    .venv/bin/python training/blind_search.py [DATE]

Reads training/data/search/blind/*_<DATE>.jsonl, written by people who saw no code. The 2026-12-05
and 2026-12-06 sets were each run once and are development data now (seen_blind_*); a new set
goes in blind/ with its date in DATE (or named on the command line, e.g. 2026_12_06j). Figures:
hit@1 and hit@3 (the exact answer substring in one of the first k excerpts) and off-topic
questions answered, on the seed and on the grown archive (seed, then kcna-2024, then ten small
ingests one at a time through IndexManager, as bench/bench_search.py grows it).
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training"), str(ROOT / "bench")]

import search_eval as ev  # noqa: E402
from bench_search import grown_manager  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402

BLIND = ev.DEV / "blind"
DATE = sys.argv[1] if len(sys.argv) > 1 else "2026_12_07b"


def load(name: str) -> list[ev.Question]:
    rows = ev.read_jsonl(BLIND / f"{name}_{DATE}.jsonl")
    return [
        ev.Question(
            str(r.get("id", i)),
            str(r["question"]),
            (str(r["answer"]),) if "answer" in r else (),
            str(r.get("kind", "")),
        )
        for i, r in enumerate(rows)
    ]


def main() -> None:
    questions, offtopic = load("seed_questions_blind"), load("offtopic_blind")
    seed = ev.build(ev.seed_articles())
    grown = asyncio.run(grown_manager(ev.DATA)).current
    print(f"blind run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    for name, index in (("seed", seed), (f"grown ({grown.article_count})", grown)):
        ranks = ev.answer_ranks(index, questions)
        hit1, hit3 = ev.hit_rates(ranks)
        answered = ev.answered(index, offtopic)
        kinds = Counter(q.kind for q in answered)
        print(
            f"{name}: questions {len(questions)} hit@1 {hit1:.3f} ({sum(r == 0 for r in ranks)}) "
            f"hit@3 {hit3:.3f} ({sum(r is not None and r < 3 for r in ranks)}) "
            f"no hits {sum(not index.ask(q.text).hits for q in questions)}; "
            f"off-topic answered {len(answered)}/{len(offtopic)} {dict(kinds)}"
        )
        by_kind: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for q, r in zip(questions, ranks, strict=True):
            total[q.kind] += 1
            by_kind[q.kind] += r == 0
        print("  hit@1 by kind:", {k: f"{by_kind[k]}/{total[k]}" for k in total})
        # What the gate costs: the same questions with the gate off (ranking alone).
        shipped = answers.SETTINGS
        answers.SETTINGS = dataclasses.replace(
            shipped, min_gate=-1e9, gate_per_decade=0.0, min_coverage=0.0
        )
        try:
            open1, open3 = ev.hit_rates(ev.answer_ranks(index, questions))
        finally:
            answers.SETTINGS = shipped
        print(f"  gate off: hit@1 {open1:.3f} hit@3 {open3:.3f}")


if __name__ == "__main__":
    main()
