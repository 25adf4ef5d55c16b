"""Moderation through the real front ends: `digestbot moderate --batch` throughput, and the bot's
event-loop lag while a server's 10,000 filters compile and while hostile messages are checked.

    python bench/bench_moderation_cli.py [--messages 20000] [--write-results]

The filters are bench_moderation's (6,000 keywords, 60 regexes, 50 examples, seeded), imported into
a guild with `digestbot filters import` and made active, so the CLI runs the same engine the bot does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_moderation import SEED, load_messages, make_filters  # noqa: E402
from bench.results import replace_section  # noqa: E402
from bot.services.moderation import filter_to_record  # noqa: E402

GUILD = 4242


def cli(args: list[str], db: Path, stdin: str | None = None) -> tuple[float, str]:
    env = {**os.environ, "DIGESTBOT_DB": str(db), "PYTHONPATH": str(REPO), "LOG_LEVEL": "ERROR"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=env, check=True)  # fmt: skip
    return time.perf_counter() - started, done.stdout


def measure_cli(messages: list[str], tmp: Path) -> dict[str, float]:
    db = tmp / "mod.sqlite3"
    specs = make_filters(random.Random(SEED))
    records = [{**filter_to_record(s), "shadow": False} for s in specs]
    path = tmp / "filters.json"
    path.write_text(json.dumps({"filters": records}), encoding="utf-8")
    cli(["filters", "import", str(path), "--guild", str(GUILD)], db)
    one = json.dumps({"id": 0, "text": "hello"}) + "\n"
    startup = min(cli(["moderate", "--batch", "--guild", str(GUILD)], db, one)[0] for _ in range(3))
    batch = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(messages))
    total, out = cli(["moderate", "--batch", "--guild", str(GUILD)], db, batch)
    verdicts = [json.loads(line)["verdict"] for line in out.splitlines()]
    assert len(verdicts) == len(messages)
    return {
        "filters": len(specs),
        "messages": len(messages),
        "startup_s": startup,
        "total_s": total,
        "rate_after_startup": len(messages) / max(1e-9, total - startup),
        "flagged": verdicts.count("flag"),
        "removed": verdicts.count("remove"),
    }


async def measure_loop_lag(messages: list[str], tmp: Path) -> dict[str, float]:
    """Run what the bot runs on its event loop while a ticker measures how late it wakes up."""
    from bot.domain.moderation import FilterSpec
    from bot.services.moderation import MessageContext, ModerationService
    from bot.services.ports import SystemClock
    from bot.storage.database import Database
    from bot.storage.guilds import (
        ExemptionRepository,
        FilterRepository,
        GuildSettingsRepository,
        ModerationEventRepository,
    )

    db = await Database.open(tmp / "lag.sqlite3")
    rng = random.Random(SEED)
    specs = make_filters(rng)
    extra = [
        FilterSpec(0, "keyword", ",".join(f"zzw{n}x{k}" for k in range(1)), 2, specs[0].action)
        for n in range(10_000 - len(specs))
    ]
    await FilterRepository(db).add_many(
        GUILD, [*specs, *extra], created_by=None, now=datetime.now(UTC)
    )
    service = ModerationService(FilterRepository(db), ExemptionRepository(db),
                                ModerationEventRepository(db), GuildSettingsRepository(db),
                                SystemClock())  # fmt: skip
    lags: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            before = loop.time()
            await asyncio.sleep(0.005)
            lags.append((loop.time() - before - 0.005) * 1000)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    await service.engine_for(GUILD)  # 10,000 filters compiled (in a worker thread)
    compile_s = time.perf_counter() - started
    compile_lag = max(lags, default=0.0)
    lags.clear()
    hostile = [
        "a" * 4000,
        "Z\u0351\u0360\u0361a\u035c\u0362l\u0336g\u0338o " * 200,
        "\U0001f600" * 1000,
        "\x00" * 100 + "durian",
        " ".join(rng.choice(messages) for _ in range(30))[:4000],
    ]
    for n, text in enumerate([*hostile, *messages[:2000]]):
        await service.check_message(MessageContext(GUILD, 1, n, 99, text, timestamp=float(n)))
        await asyncio.sleep(0)  # the gateway hands messages over one event at a time
    check_lag = max(lags, default=0.0)
    stop.set()
    await tick
    service.close()
    await db.close()
    return {"compile_s": compile_s, "compile_max_lag_ms": compile_lag, "check_max_lag_ms": check_lag,
            "filters": len(specs) + len(extra)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    messages = load_messages(args.messages)
    with tempfile.TemporaryDirectory() as tmp:
        speed = measure_cli(messages, Path(tmp))
        lag = asyncio.run(measure_loop_lag(messages, Path(tmp)))
    load = os.getloadavg()[0]
    text = "\n".join(
        [
            "## Moderation through the CLI and the bot's event loop (bench/bench_moderation_cli.py)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.machine()}, "
            f"Python {platform.python_version()}, load average {load:.1f}.",
            "",
            "| measure | value | target |",
            "|---|---|---|",
            "| `digestbot moderate --batch --guild` with 6,000 keywords, 60 regexes and 50 examples "
            f"({speed['filters']:,} filters) + built-ins: "
            f"{speed['messages']:,} messages | {speed['total_s']:.1f} s in all, start-up "
            f"{speed['startup_s']:.1f} s | |",
            f"| messages/s after start-up | {speed['rate_after_startup']:,.0f} | >= 2,000 |",
            f"| verdicts | {speed['flagged']:,} flag, {speed['removed']:,} remove | |",
            f"| {lag['filters']:,} filters compiled for a guild (worker thread) | "
            f"{lag['compile_s']:.2f} s, event loop late by at most {lag['compile_max_lag_ms']:.1f} ms "
            "| < 50 ms |",
            f"| checking 4,000-char, Zalgo, emoji, NUL and 2,000 real messages on the loop | "
            f"loop late by at most {lag['check_max_lag_ms']:.1f} ms | < 50 ms |",
        ]
    )
    print(text)
    if args.write_results:
        replace_section(REPO / "bench" / "RESULTS.md", "moderation-cli", text)


if __name__ == "__main__":
    main()
