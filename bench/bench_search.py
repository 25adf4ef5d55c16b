"""Search benchmark: our index (BM25 + embeddings) vs SQLite FTS5 (porter, bm25()) vs bm25s.

    .venv/bin/python bench/bench_search.py [--quick] [--data ../shared/data]

Relevance: nDCG@10 and Recall@100 on SciFact train, split once (seed 13) into a tuning half and a
held-out half that no choice looked at; top-1 and MRR on XQuAD-en (question to paragraph).
Answers: our question sets (training/data/search) on the seed and on a grown archive (seed, then
kcna-2024, then ten small ingests one at a time, through IndexManager), gate on. Scale: build time, memory and per-query latency at 10k/50k/200k passages (kcna-2024 +
SciFact, replicated), each in a fresh subprocess so memory is measured cleanly. Freshness:
event-loop lag while IndexManager.refit runs. Prints tables and refreshes the "search" section of
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import platform
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from search_systems import BUILD_ONLY_SYSTEMS, SYSTEMS, Doc  # noqa: E402

from bench.results import replace_section  # noqa: E402
from bot.archive.domain.articles import Article, Passage  # noqa: E402
from bot.archive.domain.passages import split_passages  # noqa: E402
from bot.search.index_manager import ISOLATE_MIN_PASSAGES, IndexManager, warm_up  # noqa: E402

DEFAULT_DATA = ev.DATA
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "search"


def read_jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_scifact(data: Path) -> tuple[list[Doc], dict[str, str], dict[str, set[str]]]:
    docs = [Doc(d["id"], d["title"], d["text"]) for d in read_jsonl(data / "scifact/corpus.jsonl")]
    queries = {q["id"]: q["query"] for q in read_jsonl(data / "scifact/queries-train.jsonl")}
    qrels: dict[str, set[str]] = defaultdict(set)
    lines = (data / "scifact/qrels-train.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        qid, doc_id = line.split("\t")[:2]
        qrels[qid].add(doc_id)
    return docs, {q: t for q, t in queries.items() if q in qrels}, dict(qrels)


def load_xquad(data: Path) -> tuple[list[Doc], list[tuple[str, str]]]:
    paragraphs = read_jsonl(data / "xquad-en/paragraphs.jsonl")
    docs = [Doc(p["id"], p["title"], p["text"]) for p in paragraphs]
    questions = [
        (q["question"], q["paragraph_id"]) for q in read_jsonl(data / "xquad-en/questions.jsonl")
    ]
    return docs, questions


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if d in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def timed_queries(
    system: object, queries: Sequence[str], k: int
) -> tuple[list[list[str]], list[float]]:
    ranked, times = [], []
    for text in queries:
        start = time.perf_counter()
        ranked.append(system.query(text, k))  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return ranked, times


def ms(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, q)) if values else float("nan")


def relevance(data: Path, quick: bool) -> list[dict[str, object]]:
    docs, _, qrels = load_scifact(data)
    _, tuning, held_out, _ = ev.scifact(data)
    xdocs, xquestions = load_xquad(data)
    if quick:
        xquestions = xquestions[:300]
    rows = []
    for key, cls in SYSTEMS.items():
        system = cls()
        start = time.perf_counter()
        system.build(docs)
        build = time.perf_counter() - start
        row: dict[str, object] = {"system": cls.name, "key": key, "scifact_build_s": build}
        for part, queries in (("tune", tuning), ("held", held_out)):
            ranked, times = timed_queries(system, list(queries.values()), 100)
            pairs = list(zip(ranked, queries, strict=True))
            row[f"{part}_ndcg10"] = float(np.mean([ndcg_at(r, qrels[q]) for r, q in pairs]))
            row[f"{part}_recall100"] = float(
                np.mean([len(set(r) & qrels[q]) / len(qrels[q]) for r, q in pairs])
            )
            row[f"{part}_p50_ms"] = ms(times, 50)
            row[f"{part}_p99_ms"] = ms(times, 99)
        xsystem = cls()
        xsystem.build(xdocs)
        xranked, xtimes = timed_queries(xsystem, [q for q, _ in xquestions], 10)
        ranks = [
            r.index(p) + 1 if p in r else None
            for r, (_, p) in zip(xranked, xquestions, strict=True)
        ]
        row["xquad_top1"] = float(np.mean([r == 1 for r in ranks]))
        row["xquad_mrr"] = float(np.mean([1 / r if r else 0.0 for r in ranks]))
        row["xquad_p50_ms"] = ms(xtimes, 50)
        rows.append(row)
        print(f"  relevance: {cls.name} done", flush=True)
    return rows


async def grown_manager(data: Path) -> IndexManager:
    """The grown archive as the bot grows it: seed, then kcna-2024, then small ingests."""
    corpus: list[Article] = []

    async def load() -> tuple[list[Article], list[Passage]]:
        return list(corpus), ev.passages_of(corpus)

    async def version() -> str:
        return str(len(corpus))

    manager = IndexManager(None, load, version, isolate_refit=False)
    await manager.start()
    small, _ = ev.small_ingests(data)
    for batch in ([*ev.seed_articles()], ev.kcna(data), *([a] for a in small)):
        corpus.extend(batch)
        await manager.add(batch, ev.passages_of(batch))
    await manager.flush()
    return manager


def answer_rows(data: Path) -> list[dict[str, object]]:
    """hit@1, hit@3 and off-topic answered, gate on, on the seed and on the grown archive."""
    questions = {
        "dev": ev.questions("seed_questions_dev"),
        "own": ev.questions("seed_questions_own"),
    }
    offtopic = ev.offtopic_questions()
    everyday = [q for q in offtopic if q.kind == "everyday"]
    seed_index = ev.build(ev.seed_articles())
    grown = asyncio.run(grown_manager(data)).current
    rows = []
    for archive, index in (("seed", seed_index), (f"grown ({grown.article_count:,})", grown)):
        for name, qs in questions.items():
            hit1, hit3 = ev.hit_rates(ev.answer_ranks(index, qs))
            rows.append(
                {
                    "archive": archive,
                    "set": f"{name} ({len(qs)})",
                    "hit1": hit1,
                    "hit3": hit3,
                    "everyday": f"{len(ev.answered(index, everyday))}/{len(everyday)}",
                    "offtopic": f"{len(ev.answered(index, offtopic))}/{len(offtopic)}",
                }
            )
    return rows


def startup_times(runs: int = 3) -> list[dict[str, object]]:
    """Wall time of `digestbot ask` in a fresh process: first run (builds) and later runs."""
    import os
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DIGESTBOT_DB=str(Path(tmp) / "bench.sqlite3"))
        command = [
            sys.executable,
            "-m",
            "bot",
            "ask",
            "How many people in North Korea use the internet?",
        ]
        for i in range(runs + 1):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=tmp)
            rows.append(
                {
                    "run": "first (seeds, builds index)" if i == 0 else f"later {i}",
                    "s": time.perf_counter() - start,
                }
            )
    return rows


def scale_corpus(data: Path, n_passages: int) -> list[Doc]:
    """kcna-2024 articles + SciFact abstracts, replicated (with new ids) to ~n_passages passages."""
    base = [
        Doc(a["id"], a["title"], a["text"]) for a in read_jsonl(data / "kcna-2024/articles.jsonl")
    ]
    base += load_scifact(data)[0]
    sizes = [
        len(split_passages(Article(id=d.id, source="s", title=d.title, body=d.text))) for d in base
    ]
    docs: list[Doc] = []
    total = copy = 0
    while total < n_passages:
        for doc, size in zip(base, sizes, strict=True):
            docs.append(Doc(f"{doc.id}~{copy}", doc.title, doc.text))
            total += size
            if total >= n_passages:
                break
        copy += 1
    return docs


def scale_worker(data: Path, key: str, n_passages: int, n_queries: int) -> dict[str, object]:
    """Run in a fresh process: build one system at one size, report time, memory, latency."""
    docs = scale_corpus(data, n_passages)
    queries = list(load_scifact(data)[1].values())[:n_queries]
    loaded = rss_kb("VmRSS")
    system = (SYSTEMS | BUILD_ONLY_SYSTEMS)[key]()
    warm_up = getattr(system, "warm_up", None)
    if warm_up is not None:
        warm_up()  # the embeddings, loaded once when the bot starts
    model_mb = (rss_kb("VmRSS") - loaded) / 1024
    gc.collect()
    reset_peak_rss()
    before = rss_kb("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    system.build(docs)
    build = time.perf_counter() - start
    # CPU seconds of this process (threads included): less sensitive to the other work on
    # the shared cores than the wall time, which is what counts.
    build_cpu = time.process_time() - cpu
    gc.collect()
    peak, after = rss_kb("VmHWM"), rss_kb("VmRSS")
    _, times = timed_queries(system, queries, 10)
    split = float(getattr(system, "split_s", 0.0))
    return {
        "system": system.name,
        "passages": n_passages,
        "docs": len(docs),
        "build_s": build,
        "build_cpu_s": build_cpu,
        "index_s": build - split,
        "model_mb": model_mb,
        "peak_mb": (peak - before) / 1024,
        "held_mb": (after - before) / 1024,
        "p50_ms": ms(times, 50),
        "p99_ms": ms(times, 99),
    }


def reset_peak_rss() -> None:
    """Reset the kernel's peak-RSS mark (VmHWM) so it measures only what follows (Linux)."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def rss_kb(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def scale(data: Path, sizes: Sequence[int], n_queries: int) -> list[dict[str, object]]:
    rows = []
    for n in sizes:
        for key in SYSTEMS:
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--data",
                    str(data),
                    "--scale-worker",
                    key,
                    str(n),
                    str(n_queries),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  scale: {key} {n} done", flush=True)
    return rows


async def refit_lag(
    articles: list[Article], passages: list[Passage], isolate: bool
) -> dict[str, object]:
    """Max and p99 overshoot of a 5 ms asyncio sleep while IndexManager.refit runs."""

    async def load() -> tuple[list[Article], list[Passage]]:
        return articles, passages

    async def version() -> str:
        return str(len(articles))

    manager = IndexManager(None, load, version, isolate_refit=isolate)
    await warm_up()  # as IndexManager.start does before the bot serves
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            start = time.perf_counter()
            await asyncio.sleep(0.005)
            lags.append(time.perf_counter() - start - 0.005)

    tick = asyncio.create_task(ticker())
    start = time.perf_counter()
    await manager.refit()
    elapsed = time.perf_counter() - start
    done.set()
    await tick
    return {
        "mode": "child process" if isolate else "thread",
        "passages": manager.current.passage_count,
        "refit_s": elapsed,
        "lag_max_ms": max(lags) * 1000,
        "lag_p99_ms": ms(lags, 99),
        "ticks": len(lags),
    }


def refit_lags(data: Path, n_passages: int) -> list[dict[str, object]]:
    """Both modes at ``n_passages``, and a thread just under ISOLATE_MIN_PASSAGES (where the
    bot itself refits in a thread)."""
    rows = []
    for size, modes in ((n_passages, (True, False)), (ISOLATE_MIN_PASSAGES - 1_000, (False,))):
        docs = scale_corpus(data, size)
        articles = [Article(id=d.id, source="bench", title=d.title, body=d.text) for d in docs]
        passages = [p for a in articles for p in split_passages(a)]
        rows += [asyncio.run(refit_lag(articles, passages, isolate)) for isolate in modes]
    return rows


def table(rows: Sequence[dict[str, object]], columns: Sequence[tuple[str, str, str]]) -> str:
    """A Markdown table: columns are (key, header, format)."""
    lines = ["| " + " | ".join(h for _, h, _ in columns) + " |"]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        cells = [format(row[key], fmt) if fmt else str(row[key]) for key, _, fmt in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


RELEVANCE_COLUMNS = [
    ("system", "system", ""),
    ("tune_ndcg10", "SciFact tuning nDCG@10", ".4f"),
    ("held_ndcg10", "held-out nDCG@10", ".4f"),
    ("held_recall100", "held-out Recall@100", ".4f"),
    ("held_p50_ms", "query p50 ms", ".2f"),
    ("held_p99_ms", "query p99 ms", ".2f"),
    ("scifact_build_s", "build s", ".2f"),
    ("xquad_top1", "XQuAD top-1", ".4f"),
    ("xquad_mrr", "XQuAD MRR", ".4f"),
    ("xquad_p50_ms", "XQuAD p50 ms", ".2f"),
]
ANSWER_COLUMNS = [
    ("archive", "archive", ""),
    ("set", "questions", ""),
    ("hit1", "hit@1", ".3f"),
    ("hit3", "hit@3", ".3f"),
    ("everyday", "everyday off-topic answered", ""),
    ("offtopic", "all off-topic answered", ""),
]
STARTUP_COLUMNS = [("run", "digestbot ask", ""), ("s", "wall s", ".2f")]
SCALE_COLUMNS = [
    ("passages", "passages", ","),
    ("system", "system", ""),
    ("docs", "docs", ","),
    ("build_s", "build s", ".2f"),
    ("index_s", "of which index s", ".2f"),
    ("peak_mb", "build peak +MB", ".0f"),
    ("held_mb", "index RSS MB", ".0f"),
    ("model_mb", "embeddings MB", ".0f"),
    ("p50_ms", "query p50 ms", ".2f"),
    ("p99_ms", "query p99 ms", ".2f"),
]

LAG_COLUMNS = [
    ("mode", "refit in", ""),
    ("passages", "passages", ","),
    ("refit_s", "refit s", ".1f"),
    ("lag_max_ms", "lag max ms", ".1f"),
    ("lag_p99_ms", "lag p99 ms", ".1f"),
    ("ticks", "ticks", ","),
]


def write_section(body: str) -> None:
    replace_section(RESULTS, SECTION, body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small run: fewer queries, 10k only")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--scale-worker", nargs=3, metavar=("SYSTEM", "PASSAGES", "QUERIES"))
    parser.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md")
    parser.add_argument(
        "--answers-only", action="store_true", help="only the answers table (printed)"
    )
    args = parser.parse_args()
    if args.answers_only:
        print(table(answer_rows(args.data), ANSWER_COLUMNS))
        return
    if args.scale_worker:
        key, n, q = args.scale_worker
        print(json.dumps(scale_worker(args.data, key, int(n), int(q))))
        return

    sizes = [10_000] if args.quick else [10_000, 50_000, 200_000]
    print("relevance (SciFact train, XQuAD-en) ...", flush=True)
    rel = relevance(args.data, args.quick)
    print("scale ...", flush=True)
    sc = scale(args.data, sizes, 100 if args.quick else 300)
    lag_size = 10_000 if args.quick else 200_000
    print(f"event-loop lag during refit ({lag_size:,} passages) ...", flush=True)
    lags = refit_lags(args.data, lag_size)

    print("answers (seed, grown) ...", flush=True)
    answers = answer_rows(args.data)
    print("start-up of digestbot ask ...", flush=True)
    startup = startup_times()

    ours = next(r for r in rel if r["key"] == "ours")
    fts = next(r for r in rel if r["key"] == "fts5")
    ratios = {
        part: float(ours[f"{part}_ndcg10"]) / float(fts[f"{part}_ndcg10"])  # type: ignore[arg-type]
        for part in ("tune", "held")
    }
    speed = float(ours["held_p50_ms"]) / float(fts["held_p50_ms"])  # type: ignore[arg-type]
    mode = "quick" if args.quick else "full"
    body = "\n\n".join(
        [
            f"## Search: BM25 + embeddings vs SQLite FTS5 vs bm25s ({mode} run)",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: 2 cores shared with other work "
            f"(timings noisy), Python {platform.python_version()}, "
            f"`bench/bench_search.py{' --quick' if args.quick else ''}`.",
            "Relevance (SciFact: 5,183 abstracts, train claims split once, seed 13, into 404 "
            "tuning and 405 held-out claims; only the tuning half informed any choice; k=100. "
            "XQuAD-en: 240 paragraphs, 1,190 questions, k=10):",
            table(rel, RELEVANCE_COLUMNS),
            f"Ours vs FTS5: nDCG@10 ratio {ratios['tune']:.3f} on the tuning half, "
            f"{ratios['held']:.3f} held-out (target >= 1.02); held-out query time ratio "
            f"{speed:.3f} (target <= 0.1).",
            "Answers, gate on (hit@k: an answer string in one of the first k excerpts; "
            "grown: seed, then kcna-2024, then ten XQuAD paragraphs added one at a time "
            "through IndexManager):",
            table(answers, ANSWER_COLUMNS),
            "Scale (kcna-2024 + SciFact replicated; fresh process each; 10 results per query, "
            "SciFact claims as queries). Build: from the articles, splitting them into passages "
            "included ('of which index': the index alone from articles and passages, as a refit "
            "builds it from the stored passages); the embeddings are loaded before timing, as "
            "the bot loads them once at start (their memory is the 'embeddings MB' column, "
            "outside 'index RSS'):",
            table(sc, SCALE_COLUMNS),
            f"Event-loop lag during IndexManager.refit of {lag_size:,} passages, and of "
            f"{ISOLATE_MIN_PASSAGES - 1_000:,} in a thread as the bot does below "
            f"{ISOLATE_MIN_PASSAGES:,} (overshoot of a 5 ms asyncio.sleep ticker; target < 50 ms "
            "max):",
            table(lags, LAG_COLUMNS),
            "Start-up: `digestbot ask QUESTION` in a fresh process on a new database (the first "
            "run seeds and builds the index; later runs load it):",
            table(startup, STARTUP_COLUMNS),
        ]
    )
    print()
    print(body)
    if not args.no_write:
        write_section(body)


if __name__ == "__main__":
    main()
