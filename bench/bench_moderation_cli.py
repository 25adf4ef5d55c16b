"""Moderation through the CLI: `digestbot moderate --batch` throughput after start-up
(the event-loop lag of moderation in the bot is measured by bench_event_loop.py).

    python bench/bench_moderation_cli.py [--messages 20000] [--write-results]

The filters are bench_moderation's (6,000 keywords, 60 regexes, 50 examples, seeded), imported into
a guild with `digestbot filters import` and made active, so the CLI runs the same engine the bot does.
"""

from __future__ import annotations

import argparse
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
from bot.moderation.specs import filter_to_record  # noqa: E402

GUILD = 4242


def cli(args: list[str], db: Path, stdin: str | None = None) -> tuple[float, str]:
    wall, out, _ = cli_timed(args, db, stdin)
    return wall, out


# Runs `python -m bot ARGS` and, at exit, prints the CPU seconds of that process alone (not its
# workers: forked workers leave with os._exit, so this runs in the reading process only).
_OWN_CPU = (
    "import atexit, os, runpy, sys\n"
    "atexit.register(lambda: print(f'own-cpu {sum(os.times()[:2])}', file=sys.stderr))\n"
    "sys.argv[0] = 'bot'\n"
    "runpy.run_module('bot', run_name='__main__', alter_sys=True)\n"
)


def cli_timed(args: list[str], db: Path, stdin: str | None = None) -> tuple[float, str, float]:
    """(wall seconds, stdout, CPU seconds of the command and its worker processes)."""
    wall, out, cpu, _ = cli_run(args, db, stdin)
    return wall, out, cpu


def cli_run(args: list[str], db: Path, stdin: str | None = None) -> tuple[float, str, float, float]:
    """(wall seconds, stdout, CPU seconds of the command and its workers, CPU seconds of the
    command's own process: reading, handing out, collecting and writing)."""
    env = {**os.environ, "DIGESTBOT_DB": str(db), "PYTHONPATH": str(REPO), "LOG_LEVEL": "ERROR"}
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _OWN_CPU, *args], input=stdin,
                          capture_output=True, text=True, env=env, check=True, cwd=REPO)  # fmt: skip
    after = os.times()
    cpu = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    own = [line for line in done.stderr.splitlines() if line.startswith("own-cpu ")]
    return time.perf_counter() - started, done.stdout, cpu, float(own[-1].split()[1])


def measure_cli(messages: list[str], tmp: Path) -> dict[str, float]:
    db = tmp / "mod.sqlite3"
    specs = make_filters(random.Random(SEED))
    records = [{**filter_to_record(s), "shadow": False} for s in specs]
    path = tmp / "filters.json"
    path.write_text(json.dumps({"filters": records}), encoding="utf-8")
    cli(["filters", "import", str(path), "--guild", str(GUILD)], db)
    one = json.dumps({"id": 0, "text": "hello"}) + "\n"
    starts = [cli_run(["moderate", "--batch", "--guild", str(GUILD)], db, one) for _ in range(3)]
    startup = min(run[0] for run in starts)
    startup_cpu = min(run[2] for run in starts)
    # The reading process's own start-up: its CPU at exit in a run of one line.
    startup_own = min(run[3] for run in starts)
    batch = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(messages))
    total, out, cpu, own = cli_run(["moderate", "--batch", "--guild", str(GUILD)], db, batch)
    verdicts = [json.loads(line)["verdict"] for line in out.splitlines()]
    assert len(verdicts) == len(messages)
    single, single_out = cli(
        ["moderate", "--batch", "--guild", str(GUILD), "--workers", "1"], db, batch
    )
    assert single_out == out  # the same verdicts in the same order, however many processes
    return {
        "cpu_us": (cpu - startup_cpu) / len(messages) * 1e6,
        "own_cpu_us": (own - startup_own) / len(messages) * 1e6,
        "single_s": single,
        "rate_single": len(messages) / max(1e-9, single - startup),
        "filters": len(specs),
        "messages": len(messages),
        "startup_s": startup,
        "total_s": total,
        "rate_after_startup": len(messages) / max(1e-9, total - startup),
        "flagged": verdicts.count("flag"),
        "removed": verdicts.count("remove"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    messages = load_messages(args.messages)
    with tempfile.TemporaryDirectory() as tmp:
        speed = measure_cli(messages, Path(tmp))
    load = os.getloadavg()[0]
    text = "\n".join(
        [
            "## Moderation through the CLI (bench/bench_moderation_cli.py)",
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
            f"| messages/s after start-up (default: one worker process per core) | "
            f"{speed['rate_after_startup']:,.0f} | >= 5,000 (issue 14; was 2,000) |",
            f"| messages/s after start-up with `--workers 1` (one process) | "
            f"{speed['rate_single']:,.0f} | |",
            f"| CPU per message after start-up, all processes (default workers) | "
            f"{speed['cpu_us']:,.0f} us | |",
            f"| of it, the reading process (reading, handing out, collecting, writing) | "
            f"{speed['own_cpu_us']:,.0f} us | |",
            f"| verdicts | {speed['flagged']:,} flag, {speed['removed']:,} remove | |",
        ]
    )
    print(text)
    if args.write_results:
        replace_section(REPO / "bench" / "RESULTS.md", "moderation-cli", text)


if __name__ == "__main__":
    main()
