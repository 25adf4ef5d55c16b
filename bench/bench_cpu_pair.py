"""Do two busy processes each run slower than one? (issue 14, item 7: `moderate --batch`'s two
workers spend more CPU a message than its one.)

    python bench/bench_cpu_pair.py [--messages 3000] [--rounds 3]

Forks from one built engine, as the CLI's workers do, and runs the same fixed work in one
process alone, then in two processes at once, each pinned to its own CPU: (a) the moderation
check of the bench's messages (the CLI's work: a large, pointer-chasing working set) and (b) a
tiny integer loop that fits in L1 (only the execution units). CPU seconds per process are its
own (``os.times`` in the child), so waiting for a core does not count, but a core shared with
another busy thread does: on a quiet machine, a ratio near 1.0 for both says the two vCPUs are
independent cores; (b) near 1.4-1.7 says they are two hardware threads of one core; (a) well
above (b) says the working sets contend for cache or memory. Meaningful only on a quiet machine
(load under 1): under load, "alone" has a busy neighbour too.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_moderation import SEED, load_messages, make_filters  # noqa: E402
from bot.moderation.domain import ModerationEngine  # noqa: E402


def _spin(iterations: int) -> None:
    total = 0
    for i in range(iterations):
        total = (total + i * i) & 0xFFFF


def _cpu_in_children(work: Callable[[], None], cpus: list[int]) -> list[float]:
    """CPU seconds each forked child spent on ``work``, the children started together."""
    pipes = []
    for cpu in cpus:
        read, write = os.pipe()
        if os.fork() == 0:  # the child
            os.close(read)
            os.sched_setaffinity(0, {cpu})
            before = os.times()
            work()
            after = os.times()
            used = (after.user - before.user) + (after.system - before.system)
            os.write(write, repr(used).encode())
            os._exit(0)
        os.close(write)
        pipes.append(read)
    used = []
    for read in pipes:
        with os.fdopen(read) as handle:
            used.append(float(handle.read()))
    for _ in cpus:
        os.wait()
    return used


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spin", type=int, default=20_000_000)
    args = parser.parse_args()
    messages = load_messages(args.messages + 1_000)
    engine = ModerationEngine(make_filters(random.Random(SEED)))
    for text in messages[:1_000]:  # warm-up, as a worker is after its first chunk
        engine.check_text(text)
    gc.freeze()
    fresh = messages[1_000:]

    def check() -> None:
        for text in fresh:
            engine.check_text(text)

    cpus = sorted(os.sched_getaffinity(0))[:2]
    print(f"load average {os.getloadavg()[0]:.1f}, CPUs {cpus}, {len(fresh):,} messages")
    print("| work | alone: CPU s | two at once: CPU s each | ratio |")
    print("|---|---|---|---|")
    for name, work in (("moderation check", check), ("integer loop", lambda: _spin(args.spin))):
        for _ in range(args.rounds):
            alone = _cpu_in_children(work, cpus[:1])[0]
            pair = _cpu_in_children(work, cpus)
            mean = sum(pair) / len(pair)
            each = " / ".join(f"{p:.2f}" for p in pair)
            print(f"| {name} | {alone:.2f} | {each} | {mean / alone:.2f} |")
        print(f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
