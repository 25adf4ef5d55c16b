"""Tune the search index's free choices on train data: passage stride, article context weight,
and the confidence thresholds of /ask.

    /work/venv/bin/python training/tune_search.py [--data ../shared/data]

Uses XQuAD-en (question -> answer text), SciFact train claims and the development questions
about the seed in training/data/search/ (never the tests' own questions). Prints tables and refreshes the "search-tuning" section
of bench/RESULTS.md. The chosen values are then set by hand in bot/domain/passages.py and
bot/domain/search.py (explicit constants, not loaded at run time).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import bench_search as bench  # noqa: E402

import bot.search.domain.index as search  # noqa: E402
from bot.archive.domain.articles import Article  # noqa: E402
from bot.archive.domain.passages import split_passages  # noqa: E402
from bot.archive.domain.seed_dump import parse_seed_dump  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

SEED = ROOT / "seeds" / "000_1d72199d3cd966bf.txt"
DEV = ROOT / "training/data/search"


def _jsonl(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


SEED_QUESTIONS = [(q["question"], q["answer"]) for q in _jsonl(DEV / "seed_questions_dev.jsonl")]
OFF_TOPIC_QUESTIONS = [q["question"] for q in _jsonl(DEV / "offtopic_dev.jsonl")]


def seed_articles() -> list[Article]:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    return [
        Article(id=f"seed-{i}", source="seed", title=p.title, body=p.body)
        for i, p in enumerate(dump.posts)
    ]


def xquad(data: Path) -> tuple[list[Article], list[tuple[str, list[str]]]]:
    paragraphs = bench.read_jsonl(data / "xquad-en/paragraphs.jsonl")
    articles = [
        Article(id=p["id"], source="xquad", title=p["title"], body=p["text"]) for p in paragraphs
    ]
    questions = [
        (q["question"], list(q["answers"]))
        for q in bench.read_jsonl(data / "xquad-en/questions.jsonl")
    ]
    return articles, questions


def build(articles: Sequence[Article], stride: int) -> SearchIndex:
    return SearchIndex.build(
        articles, [p for a in articles for p in split_passages(a, stride=stride)]
    )


def answer_ranks(
    index: SearchIndex, questions: Sequence[tuple[str, Sequence[str]]]
) -> list[int | None]:
    """Rank (0-based) of the first excerpt holding an answer, None when no excerpt does."""
    ranks: list[int | None] = []
    for question, answers in questions:
        hits = index.ask(question, k=5).hits
        found = [i for i, h in enumerate(hits) if any(a in h.excerpt for a in answers)]
        ranks.append(found[0] if found else None)
    return ranks


def set_thresholds(min_score: float, min_coverage: float) -> None:
    search.MIN_SCORE = min_score  # type: ignore[misc]
    search.MIN_COVERAGE = min_coverage  # type: ignore[misc]


def ranking_choices(data: Path) -> list[dict[str, object]]:
    xarticles, xquestions = xquad(data)
    seed = seed_articles()
    seed_q = [(q, [a]) for q, a in SEED_QUESTIONS]
    rows = []
    set_thresholds(0.0, 0.0)
    for stride in (1, 2, 3):
        xindex, sindex = build(xarticles, stride), build(seed, stride)
        for weight in (0.0, 0.3, 0.6):
            search.ARTICLE_CONTEXT_WEIGHT = weight  # type: ignore[misc]
            xr, sr = answer_ranks(xindex, xquestions), answer_ranks(sindex, seed_q)
            rows.append(
                {
                    "stride": stride,
                    "context": weight,
                    "passages": xindex.passage_count,
                    "x_first": sum(r == 0 for r in xr) / len(xr),
                    "x_top3": sum(r is not None and r < 3 for r in xr) / len(xr),
                    "s_first": sum(r == 0 for r in sr) / len(sr),
                    "s_top3": sum(r is not None and r < 3 for r in sr) / len(sr),
                }
            )
            print(f"  stride {stride} context {weight} done", flush=True)
    return rows


def threshold_grid(data: Path) -> list[dict[str, object]]:
    xarticles, xquestions = xquad(data)
    _, claims, _ = bench.load_scifact(data)
    xindex, sindex = build(xarticles, 2), build(seed_articles(), 2)
    positives = [(xindex, q) for q, _ in xquestions] + [(sindex, q) for q, _ in SEED_QUESTIONS]
    negatives = (
        [(sindex, q) for q, _ in xquestions]
        + [(sindex, c) for c in claims.values()]
        + [(xindex, q) for q, _ in SEED_QUESTIONS]
    )
    rows = []
    for min_score in (0.0, 0.05, 0.08, 0.12, 0.16):
        for min_coverage in (0.0, 0.3, 0.45, 0.6):
            set_thresholds(min_score, min_coverage)
            answered = sum(bool(i.ask(q).hits) for i, q in positives) / len(positives)
            seed_answered = sum(bool(sindex.ask(q).hits) for q, _ in SEED_QUESTIONS)
            false = sum(bool(i.ask(q).hits) for i, q in negatives) / len(negatives)
            off_topic = sum(bool(sindex.ask(q).hits) for q in OFF_TOPIC_QUESTIONS)
            rows.append(
                {
                    "min_score": min_score,
                    "min_coverage": min_coverage,
                    "answered": answered,
                    "seed_answered": f"{seed_answered}/{len(SEED_QUESTIONS)}",
                    "false_hits": false,
                    "off_topic": f"{off_topic}/{len(OFF_TOPIC_QUESTIONS)}",
                }
            )
            print(f"  score {min_score} coverage {min_coverage} done", flush=True)
    return rows


RANKING_COLUMNS = [
    ("stride", "stride", ""),
    ("context", "article context weight", ".1f"),
    ("passages", "XQuAD passages", ","),
    ("x_first", "XQuAD answer in 1st excerpt", ".3f"),
    ("x_top3", "in top-3", ".3f"),
    ("s_first", "seed answer in 1st", ".3f"),
    ("s_top3", "seed top-3", ".3f"),
]
THRESHOLD_COLUMNS = [
    ("min_score", "MIN_SCORE", ".2f"),
    ("min_coverage", "MIN_COVERAGE", ".2f"),
    ("answered", "answerable questions with hits", ".3f"),
    ("seed_answered", "seed questions with hits", ""),
    ("false_hits", "unanswerable with hits", ".3f"),
    ("off_topic", "off-topic with hits", ""),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    args = parser.parse_args()
    print("ranking choices ...", flush=True)
    ranking = ranking_choices(args.data)
    print("confidence thresholds ...", flush=True)
    thresholds = threshold_grid(args.data)
    body = "\n\n".join(
        [
            "## Search tuning (train data only)",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: 2 cores, `training/tune_search.py`.",
            "Passage stride and article context weight (thresholds off; an excerpt 'holds the "
            "answer' when it contains one of XQuAD's answer strings or the seed question's phrase):",
            bench.table(ranking, RANKING_COLUMNS),
            "Confidence thresholds. Answerable: XQuAD questions against XQuAD paragraphs and the "
            "seed questions against the seed. Unanswerable: XQuAD questions and SciFact claims "
            "against the seed, seed questions against XQuAD. Off-topic: recipes, sport, etc.",
            bench.table(thresholds, THRESHOLD_COLUMNS),
        ]
    )
    print(body)
    bench.SECTION = "search-tuning"
    bench.write_section(body)


if __name__ == "__main__":
    main()
