"""Import time per `digestbot` command: what each command loads before it does its work.

Runs each command in a fresh interpreter with ``-X importtime`` against a throwaway database and
sums the self time of every module imported (the interpreter's own start-up included). With
``--repo DIR`` it measures another checkout (e.g. a worktree of an older commit) the same way.

    python bench/bench_imports.py [--repo DIR] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "db check": ["db", "check"],
    "filters list": ["filters", "list", "--guild", "1"],
    "ingest": ["ingest", "{tmp}/one.txt"],
    "moderate": ["moderate", "hello there"],
    "ask": ["ask", "How many people in North Korea can use the internet?"],
}
HEAVY = ("sklearn", "matplotlib", "discord", "scipy", "apscheduler", "jinja2", "feedparser")


def measure(repo: Path, args: list[str], tmp: Path) -> tuple[float, float, list[str]]:
    """(wall seconds, import seconds, heavy top-level packages imported)."""
    env = dict(os.environ, PYTHONPATH=str(repo), DIGESTBOT_DB=str(tmp / "bench.sqlite3"))
    env["DIGESTBOT_SEEDS"] = str(repo / "seeds")
    env["DIGESTBOT_DIGESTS"] = str(repo / "digests")
    argv = [a.replace("{tmp}", str(tmp)) for a in args]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot", *argv],
        cwd=tmp, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - started
    total_us = 0
    heavy: set[str] = set()
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        total_us += int(self_us)
        top = name.strip().split(".")[0]
        if top in HEAVY:
            heavy.add(top)
    return wall, total_us / 1e6, sorted(heavy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as raw:
        tmp = Path(raw)
        (tmp / "one.txt").write_text("---\ntitle: One\n---\nA short article about nothing.\n")
        # Warm the database and the index once, so later runs time the imports, not the seeding.
        measure(args.repo, COMMANDS["ask"], tmp)
        print(f"repo: {args.repo}  runs: {args.runs} (median)\n")
        print("| command | imports s | wall s | heavy packages loaded |")
        print("|---|---|---|---|")
        for name, command in COMMANDS.items():
            samples = [measure(args.repo, command, tmp) for _ in range(args.runs)]
            imports = statistics.median(s[1] for s in samples)
            wall = statistics.median(s[0] for s in samples)
            heavy = ", ".join(samples[-1][2]) or "none"
            print(f"| `{name}` | {imports:.2f} | {wall:.2f} | {heavy} |")


if __name__ == "__main__":
    main()
