"""What the paraphrase groups cost elsewhere: SciFact, XQuAD and /ask's speed, weight 0 vs shipped.

    .venv/bin/python training/paraphrase_checks.py [--data ../shared/data] [--rounds 3]

SciFact: nDCG@10 of /search on the tuning half of the train split (training/search_eval.py).
XQuAD-en: hit@1 / hit@3 of /ask, gate off, 1,190 questions over its 240 paragraphs.
Speed: /ask (gate on) on the grown archive (seed with the community page + kcna-2024 + ten
XQuAD paragraphs), our seed, kcna and off-topic questions, the two weights interleaved for
``--rounds`` rounds; p50 per weight. The machine is shared: timings are noisy.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
import bot.search.domain.query as query  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    shipped = query.PARAPHRASE_WEIGHT
    weights = (0.0, shipped)
    corpus, tuning, _, qrels = ev.scifact(args.data)
    scifact = ev.build(corpus)
    xarticles, xquestions = ev.xquad(args.data)
    xindex = ev.build(xarticles)
    small, _ = ev.small_ingests(args.data)
    grown = ev.grow(ev.build(ev.seed_articles() + ev.kcna(args.data)), small)
    asked = [q.text for q in ev.seed_questions() + ev.kcna_questions() + ev.offtopic_questions()]
    gate = answers.SETTINGS
    for weight in weights:
        query.PARAPHRASE_WEIGHT = weight  # type: ignore[misc]
        ndcg = ev.mean_ndcg(
            lambda text: [h.article_id for h in scifact.search(text, k=10)], tuning, qrels
        )
        answers.SETTINGS = dataclasses.replace(gate, min_gate=-1e9, gate_per_decade=0.0)
        x1, x3 = ev.hit_rates(ev.answer_ranks(xindex, xquestions))
        answers.SETTINGS = gate
        print(f"weight {weight}: SciFact tuning nDCG@10 {ndcg:.4f}; XQuAD {x1:.3f}/{x3:.3f}")
    times: dict[float, list[float]] = {w: [] for w in weights}
    for _ in range(args.rounds):
        for weight in weights:
            query.PARAPHRASE_WEIGHT = weight  # type: ignore[misc]
            for text in asked:
                start = time.perf_counter()
                grown.ask(text)
                times[weight].append(time.perf_counter() - start)
    for weight in weights:
        p50 = statistics.median(times[weight]) * 1000
        print(f"weight {weight}: /ask p50 {p50:.1f} ms over {len(times[weight])} questions")
    query.PARAPHRASE_WEIGHT = shipped  # type: ignore[misc]


if __name__ == "__main__":
    main()
