"""Ingestion speed: 10,000 articles through `digestbot ingest` on this machine (target < 60 s).

The corpus: kcna-2024 and the SciFact abstracts from ../shared/data, topped up to the target with
articles built from shuffled SciFact sentences (seeded), so every article is distinct. Measured:
the CLI end to end (process start, parsing, fingerprints, passages, de-duplication, SQLite writes
and the index build at the end), the same input again (everything a duplicate), and an in-process
ingest without the index, to separate the two costs.

    python bench/bench_ingest.py [--articles 10000] [--write-results]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from bench.results import replace_section  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def build_corpus(target: int, seed: int = 7) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    with open(DATA / "kcna-2024" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("text", "").strip():
                records.append(row)
    sentences: list[str] = []
    with open(DATA / "scifact" / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row["text"].strip():
                continue
            records.append({"id": f"scifact-{row['id']}", "title": row["title"], "text": row["text"],
                            "source": "scifact", "published": "2024-06-01"})  # fmt: skip
            sentences.extend(s for s in _SENTENCE.split(row["text"]) if len(s) > 40)
    rng = random.Random(seed)
    n = 0
    while len(records) < target:
        body = " ".join(rng.sample(sentences, rng.randint(4, 9)))
        records.append({"id": f"mix-{n}", "title": body[:70], "text": body, "source": "mix",
                        "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})  # fmt: skip
        n += 1
    return records[:target]


def run_cli(args: list[str], db: Path) -> tuple[float, str]:
    env = {**os.environ, "DIGESTBOT_DB": str(db), "PYTHONPATH": str(REPO), "LOG_LEVEL": "WARNING"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          env=env, check=True)  # fmt: skip
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


async def in_process(path: Path, db_path: Path) -> tuple[float, str]:
    from bot.archive.ingest import IngestService
    from bot.archive.storage.articles import ArticleRepository
    from bot.archive.storage.community import CommunityRepository
    from bot.archive.storage.feed_state import FeedStateRepository
    from bot.core.clock import SystemClock
    from bot.core.database import Database

    db = await Database.open(db_path)
    service = IngestService(ArticleRepository(db), CommunityRepository(db), FeedStateRepository(db),
                            SystemClock())  # fmt: skip
    started = time.perf_counter()
    report = await service.ingest([str(path)])
    elapsed = time.perf_counter() - started
    await db.close()
    return elapsed, report.summary()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    records = build_corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        size_mb = src.stat().st_size / 1e6
        first, first_summary = run_cli(["ingest", str(src)], Path(tmp) / "cli.sqlite3")
        again, again_summary = run_cli(["ingest", str(src)], Path(tmp) / "cli.sqlite3")
        inproc, inproc_summary = asyncio.run(in_process(src, Path(tmp) / "inproc.sqlite3"))
        db_mb = (Path(tmp) / "cli.sqlite3").stat().st_size / 1e6
    rows = [
        ("`digestbot ingest` (CLI, fresh database, incl. index build)", first, first_summary),
        ("`digestbot ingest` again (all duplicates)", again, again_summary),
        ("IngestService.ingest in-process (no index)", inproc, inproc_summary),
    ]
    table = ["| run | seconds | articles/s | result |", "|---|---|---|---|"]
    for name, seconds, summary in rows:
        table.append(f"| {name} | {seconds:.1f} | {len(records) / seconds:,.0f} | {summary} |")
    verdict = "ok" if first < 60 else "MISSED"
    text = "\n".join(
        [
            "## Ingestion (bench/bench_ingest.py)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.machine()}, "
            f"Python {platform.python_version()}. {len(records):,} distinct articles "
            f"({size_mb:.1f} MB of JSON lines: kcna-2024, SciFact abstracts, shuffled SciFact "
            f"sentences); database afterwards {db_mb:.0f} MB.",
            "",
            *table,
            "",
            f"Target: 10,000 articles in under 60 s: {first:.1f} s, {verdict}.",
        ]
    )
    print(text)
    if args.write_results:
        replace_section(REPO / "bench" / "RESULTS.md", "ingest", text)


if __name__ == "__main__":
    main()
