"""Where the search index build spends its time and memory, stage by stage, at one size.

    .venv/bin/python bench/profile_search_build.py [--passages 50000] [--repeat 2] [--no-write]

The corpus is bench_search.py's scale corpus (kcna-2024 + SciFact, replicated). Each stage runs
as SearchIndex.build runs it, on the previous stage's output: making the Article objects (their
content hash), splitting passages, counting the corpus (normalising, tokenising, stemming new
words, term lookups, counting), BM25 weights, the terms' token rows (the embeddings' tokenizer),
the article vectors, and the term-major (CSC) matrices the queries read. Per stage: CPU seconds
(process time: less sensitive than wall time to the other work on the shared cores) and the
rise of peak RSS. Refreshes the "search-speed" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from bench_search import DEFAULT_DATA, reset_peak_rss, rss_kb, scale_corpus  # noqa: E402

from bench.results import replace_section  # noqa: E402
from bot.archive.domain.articles import Article  # noqa: E402
from bot.archive.domain.passages import split_passages  # noqa: E402
from bot.search.domain import dense  # noqa: E402
from bot.search.domain import index as search_index  # noqa: E402
from bot.search.domain.counts import count_corpus  # noqa: E402
from bot.search.domain.rows import ScoredRows  # noqa: E402
from bot.search.domain.text import TextAnalyzer  # noqa: E402
from bot.search.domain.vectors import TermWeights  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "search-speed"
T = TypeVar("T")


def stage(rows: list[dict[str, object]], name: str, work: Callable[[], T]) -> T:
    """Run one stage, recording its CPU seconds and the rise of peak RSS."""
    gc.collect()
    reset_peak_rss()
    before = rss_kb("VmRSS")
    start = time.process_time()
    result = work()
    rows.append(
        {
            "stage": name,
            "cpu_s": time.process_time() - start,
            "peak_mb": (rss_kb("VmHWM") - before) / 1024,
        }
    )
    return result


def profile(data: Path, n_passages: int) -> list[dict[str, object]]:
    """One build at ``n_passages``, stage by stage."""
    docs = scale_corpus(data, n_passages)
    dense.default_embedder()  # loaded once at start by the bot, not part of a build
    rows: list[dict[str, object]] = []
    articles = stage(
        rows,
        "Article objects (content hash)",
        lambda: [Article(id=d.id, source="bench", title=d.title, body=d.text) for d in docs],
    )
    passages = stage(
        rows, "split passages", lambda: [p for a in articles for p in split_passages(a)]
    )
    positions = {a.id: i for i, a in enumerate(articles)}
    owners = [positions[p.article_id] for p in passages]
    analyzer = TextAnalyzer()
    counts = stage(
        rows,
        "count the corpus (normalise, tokenise, stem, look up, count)",
        lambda: count_corpus(analyzer, articles, passages, owners),
    )
    weights, article_matrix, passage_matrix = stage(
        rows,
        "BM25 weights",
        lambda: TermWeights.fit_counts(analyzer, counts.terms, counts.articles, counts.passages),
    )
    tokens = stage(rows, "term token rows (tokenizer)", lambda: dense.term_tokens(counts.words))
    stage(
        rows,
        "article vectors",
        lambda: search_index._vectors(counts.articles, weights, tokens),
    )
    n_terms = len(weights.vocabulary)
    stage(
        rows,
        "term-major matrices (CSC)",
        lambda: (
            ScoredRows.from_matrix(article_matrix, n_terms),
            ScoredRows.from_matrix(passage_matrix, n_terms),
        ),
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md")
    args = parser.parse_args()
    runs = [profile(args.data, args.passages) for _ in range(args.repeat)]
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[0]
    lines = ["| stage | " + " | ".join(f"CPU s (run {i + 1})" for i in range(len(runs)))]
    lines[0] += " | peak +MB |"
    lines.append("|---|" + "---|" * len(runs) + "---|")
    for i, first in enumerate(runs[0]):
        cpu = " | ".join(f"{run[i]['cpu_s']:.2f}" for run in runs)
        peak = max(float(run[i]["peak_mb"]) for run in runs)  # type: ignore[arg-type]
        lines.append(f"| {first['stage']} | {cpu} | {peak:.0f} |")
    totals = " | ".join(f"{sum(float(r['cpu_s']) for r in run):.2f}" for run in runs)  # type: ignore[arg-type]
    lines.append(f"| total | {totals} | |")
    body = "\n\n".join(
        [
            "## Search index build, stage by stage",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, 2 cores shared with other work (load "
            f"average {load} at the end), Python {platform.python_version()}, "
            f"`bench/profile_search_build.py --passages {args.passages}`. {args.passages:,} "
            "passages of bench_search.py's scale corpus. CPU seconds of this process (the "
            "tokenizer's own threads included); peak +MB: the rise of peak RSS during the stage "
            "(the larger of the runs).",
            "\n".join(lines),
        ]
    )
    print(body)
    if not args.no_write:
        replace_section(RESULTS, SECTION, body)


if __name__ == "__main__":
    main()
