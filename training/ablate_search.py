"""Ablation of the TF-IDF weighting choices on SciFact train (whole abstracts, nDCG@10).

    /work/venv/bin/python training/ablate_search.py [--data ../shared/data]

Each row changes one choice from the shipped configuration (sublinear tf, Snowball stemming,
curated stop words, title counted twice, unigrams, pivoted normalisation slope 0.4). Prints a
table and refreshes the "search-ablation" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import bench_search as bench  # noqa: E402

from bot.search.domain import text as search_text  # noqa: E402
from bot.search.domain.text import AnalyzerConfig, TextAnalyzer  # noqa: E402

SHIPPED = {"config": AnalyzerConfig(), "title": 2, "sublinear": True, "slope": 0.4}
VARIANTS: list[tuple[str, dict[str, object]]] = [
    ("shipped", {}),
    ("title not repeated (x1)", {"title": 1}),
    ("no title", {"title": 0}),
    ("title x3", {"title": 3}),
    ("raw tf (no sublinear)", {"sublinear": False}),
    ("no stemming", {"config": AnalyzerConfig(stem=False)}),
    ("no stop words", {"config": AnalyzerConfig(stop_words=False)}),
    ("sklearn stop list", {"stop_list": "sklearn"}),
    ("unigrams + bigrams", {"config": AnalyzerConfig(bigrams=True)}),
    ("plain L2 norm", {"slope": None}),
    ("pivot slope 0.2", {"slope": 0.2}),
    ("pivot slope 0.7", {"slope": 0.7}),
]


def evaluate(data: Path, options: dict[str, object]) -> tuple[float, float, float]:
    docs, queries, qrels = bench.load_scifact(data)
    settings = {**SHIPPED, **options}
    saved = search_text.STOP_WORDS
    if settings.get("stop_list") == "sklearn":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        search_text.STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
    try:
        start = time.perf_counter()
        analyzer = TextAnalyzer(settings["config"])  # type: ignore[arg-type]
        title = int(settings["title"])  # type: ignore[call-overload]
        texts = ["\n".join([d.title] * title + [d.text]) for d in docs]
        slope = settings["slope"]
        vectorizer = TfidfVectorizer(
            analyzer=analyzer,
            sublinear_tf=bool(settings["sublinear"]),
            norm="l2" if slope is None else None,
            dtype=np.float32,
        )
        matrix = vectorizer.fit_transform(texts).tocsr()
        if slope is not None:
            norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
            factors = 1.0 / ((1 - float(slope)) * norms.mean() + float(slope) * norms)  # type: ignore[arg-type]
            matrix = sp.csr_matrix(sp.diags(factors) @ matrix)
        ids = [d.id for d in docs]
        ndcg, recall = [], []
        for qid, text in queries.items():
            scores = (matrix @ vectorizer.transform([text]).T).toarray().ravel()
            top = [ids[i] for i in np.argsort(-scores)[:100] if scores[i] > 0]
            ndcg.append(bench.ndcg_at(top, qrels[qid]))
            recall.append(len(set(top) & qrels[qid]) / len(qrels[qid]))
        return float(np.mean(ndcg)), float(np.mean(recall)), time.perf_counter() - start
    finally:
        search_text.STOP_WORDS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    args = parser.parse_args()
    rows = []
    for name, options in VARIANTS:
        ndcg, recall, seconds = evaluate(args.data, options)
        rows.append({"variant": name, "ndcg": ndcg, "recall": recall, "seconds": seconds})
        print(f"  {name}: {ndcg:.4f}", flush=True)
    columns = [
        ("variant", "variant", ""),
        ("ndcg", "SciFact train nDCG@10", ".4f"),
        ("recall", "Recall@100", ".4f"),
        ("seconds", "fit + 809 queries s", ".1f"),
    ]
    body = "\n\n".join(
        [
            "## Search ablation: TF-IDF weighting choices (SciFact train, whole abstracts)",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: 2 cores, `training/ablate_search.py`.",
            bench.table(rows, columns),
        ]
    )
    print(body)
    bench.SECTION = "search-ablation"
    bench.write_section(body)


if __name__ == "__main__":
    main()
