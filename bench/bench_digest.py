"""Benchmark: the weekly digest of kcna-2024's busiest week, built and rendered without ingestion.

Loads ../shared/data/kcna-2024/articles.jsonl with the project's own JSONL reader, finds the
busiest ISO week, and times build_digest (with every earlier article as history) plus all the
rendering (Markdown, Discord payloads, chart PNG, JSON). Also checks 2024-W40, the week of the
issue's acceptance test. Prints a table and refreshes the `digest` section of bench/RESULTS.md.

    /work/venv/bin/python bench/bench_digest.py [--data PATH] [--runs N] [--tz Asia/Seoul]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.results import replace_section  # noqa: E402
from bot.archive.domain.articles import Article  # noqa: E402
from bot.archive.readers.jsonl import read_jsonl  # noqa: E402
from bot.digest.domain.build import Digest, build_digest  # noqa: E402
from bot.digest.domain.weeks import format_iso_week  # noqa: E402
from bot.digest.render.outputs import (  # noqa: E402
    chart_filename,
    digest_to_json,
    payload_violations,
    render_chart_png,
    render_discord_messages,
    render_markdown,
)

DEFAULT_DATA = REPO.parent / "shared" / "data" / "kcna-2024" / "articles.jsonl"
RESULTS = REPO / "bench" / "RESULTS.md"
TARGET_SECONDS = 2.0


def load(path: Path) -> list[Article]:
    batch = read_jsonl(path, now=datetime(2024, 11, 11, tzinfo=UTC), default_source="KCNA")
    return [a for a in batch.articles if a.date is not None]


def busiest_week(articles: list[Article], tz: ZoneInfo) -> tuple[str, int]:
    weeks = Counter(format_iso_week(a.date.astimezone(tz).date()) for a in articles if a.date)
    week, count = max(weeks.items(), key=lambda item: (item[1], item[0]))
    return week, count


def build_and_render(
    articles: list[Article], week: str, tz: ZoneInfo
) -> tuple[Digest, dict[str, float]]:
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    digest = build_digest(articles, week, tz, history=articles)
    timings["build"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_markdown(digest, chart_filename(digest))
    timings["markdown"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_discord_messages(digest, chart_filename(digest))
    timings["discord"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_chart_png(digest)
    timings["chart"] = time.perf_counter() - clock
    clock = time.perf_counter()
    json.dumps(digest_to_json(digest))
    timings["json"] = time.perf_counter() - clock
    timings["total"] = sum(timings.values())
    return digest, timings


def check(digest: Digest) -> dict[str, object]:
    messages = render_discord_messages(digest)
    in_week = all(digest.start <= a.published < digest.end for a in digest.highlighted)
    return {
        "articles": digest.total_articles,
        "highlighted": len(digest.highlighted),
        "topics": len(digest.topics),
        "all_in_week": in_week,
        "messages": len(messages),
        "violations": sum(len(payload_violations(m)) for m in messages),
        "labels": [t.label for t in digest.topics],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tz", default="Asia/Seoul")
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"bench_digest: {args.data} not found; pass --data PATH", file=sys.stderr)
        return 2
    tz = ZoneInfo(args.tz)
    clock = time.perf_counter()
    articles = load(args.data)
    load_seconds = time.perf_counter() - clock
    busy, busy_count = busiest_week(articles, tz)

    rows: list[tuple[str, dict[str, object], dict[str, float], dict[str, float]]] = []
    for week in (busy, "2024-W40"):
        cold_digest, cold = build_and_render(articles, week, tz)
        warm_runs = [build_and_render(articles, week, tz)[1] for _ in range(args.runs)]
        warm = {key: statistics.median(run[key] for run in warm_runs) for key in cold}
        rows.append((week, check(cold_digest), cold, warm))

    lines = [
        f"Loaded {len(articles)} articles in {load_seconds:.2f} s; busiest ISO week in {args.tz}: "
        f"{busy} ({busy_count} articles). Timings: first run of the process (cold: imports "
        f"warmed, caches empty) and median of {args.runs} further runs.",
        "",
        "| week | articles | highlighted | topics | all in week | messages | limit violations "
        "| build s | render s (md/discord/chart/json) | total cold s | total warm s | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for week, facts, cold, warm in rows:
        render = "/".join(f"{warm[k]:.3f}" for k in ("markdown", "discord", "chart", "json"))
        verdict = "ok" if cold["total"] < TARGET_SECONDS else "SLOW"
        lines.append(
            f"| {week} | {facts['articles']} | {facts['highlighted']} | {facts['topics']} | "
            f"{'yes' if facts['all_in_week'] else 'NO'} | {facts['messages']} | "
            f"{facts['violations']} | {warm['build']:.3f} | {render} | {cold['total']:.3f} | "
            f"{warm['total']:.3f} | < {TARGET_SECONDS:.0f} s {verdict} |"
        )
    lines.append("")
    for week, facts, _, _ in rows:
        labels = facts["labels"]
        assert isinstance(labels, list)
        lines.append(f"- {week} topics: " + "; ".join(str(label) for label in labels))
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        write_section(table)
    return 0


def write_section(table: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    machine = f"2 cores, {platform.machine()}, Python {platform.python_version()}"
    body = (
        "## Weekly digest (bench/bench_digest.py)\n\n"
        f"{stamp}, {machine}. kcna-2024, build_digest + every renderer, no ingestion.\n\n"
        f"{table}"
    )
    replace_section(RESULTS, "digest", body)


if __name__ == "__main__":
    raise SystemExit(main())
