"""The development questions answered first on the seed but not in the first three on the grown
archive (gate off), and what beats the answer there.

    .venv/bin/python training/grown_losses.py --dump F [--value 0.0] [--data ../shared/data]
        [--fixed name=value ...]

``--dump`` is a training/rank_loso.py dump (its ranks per question, seed and grown, for one
setting's ``--value``); the listed questions are asked again on the grown archive, and for each:
the first three excerpts' source, title and matched words (what they share with the question),
whether an answer passage is among the re-ranked candidates and where, and a tally per source of
the first excerpt (bench/RESULTS.md, section "search", round 16).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import SEED_SETS  # noqa: E402
from top3_misses import GATE_OFF, Seen, _spy  # noqa: E402
from xquad_ask import typed  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--value", default="0.0")
    parser.add_argument("--fixed", nargs="*", default=[], help="AnswerSettings, name=value")
    args = parser.parse_args()
    ranks = json.loads(args.dump.read_text(encoding="utf-8"))["ranks"]
    seed, grown = ranks[f"{args.value} seed"], ranks[f"{args.value} grown"]
    qs = [(n, q) for n in SEED_SETS for q in ev.questions(n)]
    lost = [
        (n, q, g)
        for (n, q), (_, s), (_, g) in zip(qs, seed, grown, strict=True)
        if s == 0 and (g is None or g >= 3)
    ]
    print(f"{len(lost)} of {len(qs)} answered first on the seed, not in the first three grown")
    seen = Seen()
    _spy(seen)
    answers.SETTINGS = dataclasses.replace(GATE_OFF, **typed(args.fixed))
    index = ev.grown_archive(args.data)
    p, table = index._passages, index._articles
    firsts: Counter[str] = Counter()
    for n, q, g in lost:
        seen.order = []
        hits = index.ask(q.text, k=3).hits
        holding = [i for i in seen.order if any(a in p.texts[i] for a in q.answers)]
        where = seen.order.index(holding[0]) if holding else None
        firsts[hits[0].source if hits else "-"] += 1
        owner = table.titles[int(p.article[holding[0]])][:40] if holding else "-"
        print(
            f"{n[-8:]:8} {q.id:8} grown rank {g}, answer passage re-ranked {where} ({owner!r}): {q.text!r}"
        )
        for h in hits:
            print(f"    {h.source:9} {h.title[:60]!r} matched {list(h.matched_terms)}")
    print("first excerpt's source:", dict(firsts.most_common()))


if __name__ == "__main__":
    main()
