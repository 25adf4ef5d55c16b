"""How late the bot's event loop runs while heavy work happens beside it (target: < 50 ms).

A ticker task sleeps 5 ms at a time and records how late it wakes up, while the bot's own code runs
what it runs on the loop: a guild's 10,000 moderation filters compiling, hostile and real messages
being checked, the busiest kcna-2024 week's digest being built and rendered with its chart, and a
bulk ingest. (The search index refit has its own measurement in bench_search.py.)

    python bench/bench_event_loop.py [--write-results]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_moderation import SEED, load_messages, make_filters  # noqa: E402
from bench.results import replace_section, require, shared_data  # noqa: E402
from bot.app import build_app, close_app  # noqa: E402
from bot.core.settings import Settings  # noqa: E402
from bot.moderation.decisions import ActionOutcome, MessageContext  # noqa: E402
from bot.moderation.domain import FilterSpec  # noqa: E402
from bot.moderation.storage import FilterRepository  # noqa: E402
from bot.run import digest_process, prepare_event_loop  # noqa: E402

GUILD = 4242
DATA = shared_data(REPO)


async def max_lag(work: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """(seconds the work took, the most the loop woke up late meanwhile, in ms)."""
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            before = loop.time()
            await asyncio.sleep(0.005)
            lags.append((loop.time() - before - 0.005) * 1000)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.02)
    started = loop.time()
    await work()
    elapsed = loop.time() - started
    done.set()
    await task
    return elapsed, max(lags, default=0.0)


async def run(tmp: Path) -> list[tuple[str, float, float]]:
    settings = Settings(db_path=tmp / "bot.sqlite3", seeds_dir=REPO / "seeds",
                        digests_dir=REPO / "digests")  # fmt: skip
    app = await build_app(settings)
    builds = digest_process()  # as run_bot does
    app.digests.use_executor(builds)
    prepare_event_loop(app)  # as DigestBot.setup_hook does
    rows: list[tuple[str, float, float]] = []
    try:
        rng = random.Random(SEED)
        specs = make_filters(rng)
        extra = [
            FilterSpec(0, "keyword", f"zzw{n}x", 2, specs[0].action)
            for n in range(10_000 - len(specs))
        ]
        await FilterRepository(app.db).add_many(
            GUILD, [*specs, *extra], created_by=None, now=datetime.now(UTC)
        )
        seconds, lag = await max_lag(lambda: app.moderation.engine_for(GUILD))
        rows.append(("10,000 moderation filters compiled for a guild", seconds, lag))

        messages = load_messages(2000)
        hostile = ["a" * 4000, "Z\u0351\u0360\u0361a\u035c\u0362l\u0336g\u0338o " * 200, "\U0001f600" * 1000,
                   "\x00" * 100 + "durian", " ".join(rng.choice(messages) for _ in range(30))[:4000]]  # fmt: skip

        async def check_all() -> None:
            for n, text in enumerate([*hostile, *messages]):
                context = MessageContext(GUILD, 1, n, 99, text, timestamp=float(n))
                decision = await app.moderation.check_message(context)
                if decision.acts:  # as the listener does after acting: the event and the alert
                    outcome = ActionOutcome(deleted=decision.delete or None)
                    await app.moderation.record_outcome(decision, context, outcome)

        seconds, lag = await max_lag(check_all)
        rows.append(
            (
                f"{len(hostile) + len(messages):,} messages checked (hostile ones first)",
                seconds,
                lag,
            )
        )

        kcna = tmp / "kcna.jsonl"
        kcna.write_bytes((DATA / "kcna-2024" / "articles.jsonl").read_bytes())
        seconds, lag = await max_lag(lambda: app.ingest.ingest([str(kcna)]))
        rows.append(("kcna-2024 ingested (2,111 lines) and indexed", seconds, lag))

        async def digest() -> None:
            built = await app.digests.build("2024-W37", ZoneInfo("Asia/Seoul"))
            await app.digests.render(built)

        seconds, lag = await max_lag(digest)
        rows.append(
            ("busiest kcna-2024 week's digest built and rendered with its chart", seconds, lag)
        )
    finally:  # a failure half-way must not leave the digest process behind
        await close_app(app)
        builds.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    require(DATA / "kcna-2024" / "articles.jsonl", DATA / "davidson-2017" / "tweets.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        rows = asyncio.run(run(Path(tmp)))
    table = [
        "| work beside the loop | seconds | loop late by at most | target |",
        "|---|---|---|---|",
    ]
    for name, seconds, lag in rows:
        table.append(
            f"| {name} | {seconds:.2f} | {lag:.1f} ms | {'ok' if lag < 50 else 'OVER'} < 50 ms |"
        )
    text = "\n".join(
        [
            "## Event-loop lag (bench/bench_event_loop.py)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.machine()}, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}. A 5 ms "
            "ticker on the bot's loop; the search refit's lag is in the search section.",
            "",
            *table,
        ]
    )
    print(text)
    if args.write_results:
        replace_section(REPO / "bench" / "RESULTS.md", "event-loop", text)


if __name__ == "__main__":
    main()
