"""Import time per `digestbot` command: what each command loads before it does its work.

Runs each command in a fresh interpreter with ``-X importtime`` against a throwaway database and
sums the self time of every module imported (the interpreter's own start-up included). With
``--repo DIR`` it measures another checkout (e.g. a worktree of an older commit) the same way.

    python bench/bench_imports.py [--repo DIR] [--runs 5] [--write]

--write refreshes the "imports" section of bench/RESULTS.md, next to the figures measured the same
way on commit 633ffd5 (before the feature packages and lazy imports).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.results import replace_section  # noqa: E402

COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "db check": ["db", "check"],
    "filters list": ["filters", "list", "--guild", "1"],
    "ingest": ["ingest", "{tmp}/one.txt"],
    "moderate": ["moderate", "hello there"],
    "ask": ["ask", "How many people in North Korea can use the internet?"],
}
HEAVY = ("sklearn", "matplotlib", "discord", "scipy", "apscheduler", "jinja2", "feedparser")
# Measured with this script on 633ffd5 (2026-12-05, median of 3): import seconds per command.
BEFORE = {"--help": 0.15, "db check": 2.69, "filters list": 2.89, "ingest": 3.08,
          "moderate": 2.44, "ask": 2.99}  # fmt: skip


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
    parser.add_argument("--write", action="store_true", help="refresh bench/RESULTS.md")
    args = parser.parse_args()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as raw:
        tmp = Path(raw)
        (tmp / "one.txt").write_text("---\ntitle: One\n---\nA short article about nothing.\n")
        # Warm the database and the index once, so later runs time the imports, not the seeding.
        measure(args.repo, COMMANDS["ask"], tmp)
        print(f"repo: {args.repo}  runs: {args.runs} (median)\n")
        header = "| command | imports s before (633ffd5) | imports s now | wall s now | heavy packages loaded now |"
        rows += [header, "|---|---|---|---|---|"]
        print(header)
        for name, command in COMMANDS.items():
            samples = [measure(args.repo, command, tmp) for _ in range(args.runs)]
            imports = statistics.median(s[1] for s in samples)
            wall = statistics.median(s[0] for s in samples)
            heavy = ", ".join(samples[-1][2]) or "none"
            row = f"| `{name}` | {BEFORE[name]:.2f} | {imports:.2f} | {wall:.2f} | {heavy} |"
            rows.append(row)
            print(row)
    if args.write:
        body = (
            "## Import time per command (bench/bench_imports.py)\n\n"
            f"{datetime.now(UTC):%Y-%m-%d}, 2 cores (shared), Python {sys.version.split()[0]}. "
            f"Each command in a fresh interpreter with -X importtime, median of {args.runs}; "
            "'imports s' sums every module's own import time. 'ask' and 'ingest' load "
            "scikit-learn/scipy because they use the index; the others load nothing heavy.\n\n"
            + "\n".join(rows)
        )
        replace_section(REPO / "bench" / "RESULTS.md", "imports", body)


if __name__ == "__main__":
    main()
