"""Where the answer passage ranks on the grown archive, and what beats it (gate off, dev sets).

    .venv/bin/python training/rank_misses.py [--data ../shared/data] [--sets NAME ...] [--list]

For every development seed question (training/gate_loso.py SEED_SETS) with the gate off: the
answer's rank among /ask's first ten excerpts on the seed and on the grown archive (seed +
kcna-2024 + ten small ingests), and, for a grown-archive question not answered first, why:

- ``not a candidate``: no passage holding the answer is among /ask's lexical candidates;
- ``candidate, other source first``: an answer passage is a candidate but a passage of another
  source (kcna-2024 mostly) is first after re-ranking;
- ``candidate, same article first``: another passage of the answer's own article is first;
- ``candidate, other seed article first``: another article of the same source is first;
- ``answer passage first, excerpt misses``: the first passage holds the answer but its excerpt
  does not show it.

Prints a tally per kind (``--list``: a line per question) for bench/RESULTS.md.
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
from gate_loso import SEED_SETS  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

SHIPPED = answers.SETTINGS
GATE_OFF = dataclasses.replace(SHIPPED, min_gate=-1e9, gate_per_decade=0.0)


@dataclasses.dataclass
class Seen:
    """What one /ask call re-ranked: candidate passage ids in their final order."""

    order: list[int] = dataclasses.field(default_factory=list)
    lexical: list[int] = dataclasses.field(default_factory=list)


def _spy(seen: Seen) -> None:
    real = answers._rerank

    def wrapped(corpus, question, candidates, scores, s):  # type: ignore[no-untyped-def]
        out = real(corpus, question, candidates, scores, s)
        seen.lexical = list(candidates)
        seen.order = sorted(candidates, key=lambda i: (-out[0][i], i))
        return out

    answers._rerank = wrapped  # type: ignore[assignment]


def classify(index: SearchIndex, q: ev.Question, seen: Seen) -> tuple[int | None, str, str]:
    """The answer's rank, the kind of miss, and what came first."""
    seen.order, seen.lexical = [], []
    hits = index.ask(q.text, k=10).hits
    found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
    rank = found[0] if found else None
    if rank == 0:
        return 0, "first", ""
    passages = index._passages
    owners, table = passages.article, index._articles
    holding = [i for i in seen.lexical if any(a in passages.texts[i] for a in q.answers)]
    top = hits[0] if hits else None
    first = f"{top.source}:{top.title[:50]}" if top else "-"
    if not holding:
        return rank, "not a candidate", first
    best = seen.order[0]  # the first candidate after re-ranking (passing no gate: off)
    if best in holding:
        return rank, "answer passage first, excerpt misses", first
    answer_rows = {int(owners[i]) for i in holding}
    row = int(owners[best])
    if row in answer_rows:
        return rank, "candidate, same article first", first
    answer_sources = {table.sources[r] for r in answer_rows}
    if table.sources[row] in answer_sources:
        return rank, "candidate, other article of its source first", first
    return rank, f"candidate, {table.sources[row]} first", first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--sets", nargs="*", default=list(SEED_SETS))
    parser.add_argument("--list", action="store_true", help="a line per missed question")
    args = parser.parse_args()
    archives = {"seed": ev.build(ev.seed_articles()), "grown": ev.grown_archive(args.data)}
    seen = Seen()
    _spy(seen)
    answers.SETTINGS = GATE_OFF
    tally: Counter[str] = Counter()
    for name in args.sets:
        for q in ev.questions(name):
            s_rank, _, _ = classify(archives["seed"], q, seen)
            g_rank, kind, first = classify(archives["grown"], q, seen)
            tally["questions"] += 1
            tally["seed hit@1"] += s_rank == 0
            tally["grown hit@1"] += g_rank == 0
            tally["grown hit@3"] += g_rank is not None and g_rank < 3
            if g_rank == 0:
                continue
            on_seed = "seed first" if s_rank == 0 else "seed miss"
            tally[f"{kind} ({on_seed})"] += 1
            tally[f"rank {g_rank if g_rank is not None and g_rank < 3 else '>=3'}"] += 1
            if args.list:
                print(
                    f"{name[-8:]:8} {q.id:10} seed {s_rank} grown {g_rank} {kind:38}"
                    f" | {q.text[:70]} | first: {first}"
                )
    for key, value in sorted(tally.items()):
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
