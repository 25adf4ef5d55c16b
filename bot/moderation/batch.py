"""`digestbot moderate --batch`: JSON lines in, one verdict line out per line, in input order.

A line is ``{"id", "text"}`` plus, optionally, ``author``, ``channel``, ``timestamp`` (ISO 8601 or
seconds) and ``mentions`` (a count or a list of ids). Lines with an author are judged as messages
in a stream: the spam tracker sees floods, repeats and mass mentions per author, in input order.
Lines without one are judged alone, as before.

Big inputs are checked by ``workers`` forked child processes that inherit the built engine
(``--workers 2``: two, one per core on a 2-core machine); this process only reads, hands out
and writes, so no check here holds the GIL its hand-off needs. Lines are partitioned by
author, so one author's messages always meet the same tracker, in order. Only lines that may
name an author are parsed before they are handed out (see ``routed``): the others travel raw
and are parsed by the process that checks them, so the reading process's serial work is small.
"""

from __future__ import annotations

import asyncio
import gc
import json
import multiprocessing
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from bot.core.exits import EXIT_FAILURE, EXIT_OK
from bot.moderation.batch_lanes import (
    IN_FLIGHT,
    Chunk,
    LooseLine,
    RawLine,
    lane_queues,
)
from bot.moderation.batch_lines import BatchLine, parse_line
from bot.moderation.domain import ModerationEngine, SpamTracker, Verdict
from bot.moderation.domain.verdict import ALLOW_VERDICT

__all__ = [
    "BatchLine",
    "check_lines",
    "check_raw",
    "check_texts",
    "moderate_batch",
    "parse_line",
    "partition",
    "plan",
    "verdict_json",
    "verdict_line",
]

# Below this many lines a chunk is checked in this process (forking costs more).
PARALLEL_MIN_LINES = 2_000

# Input is read this many bytes of lines at a time: bounded memory, and few blocks (the
# workers wait at the end of each block for the slower one and for the output to be written).
READ_BYTES = 4 << 20
# Verdicts kept per process for repeated texts (see check_lines).
CACHE_MAX_TEXTS = 50_000

_ALLOW_REASON = ALLOW_VERDICT.reason
# What follows the id in an allowed verdict's line (see verdict_line).
_ALLOW_TAIL = ", " + json.dumps(
    {"verdict": "allow", "rule": None, "filters": [], "reason": _ALLOW_REASON}, ensure_ascii=False
).removeprefix("{")

_worker_engine: ModerationEngine | None = None
_worker_tracker: SpamTracker | None = None
_worker_cache: dict[str, Verdict] = {}


def verdict_line(record_id: Any, verdict: Verdict) -> str:
    """The output line of one verdict: ``json.dumps(verdict_json(...))``, byte for byte.

    Nearly every message is allowed with no hit: its line is the id and a constant tail,
    which skips building and encoding a dict per message."""
    if not verdict.hits and verdict.outcome == "allow" and verdict.reason == _ALLOW_REASON:
        # An int's JSON is its str (bool, an int subclass, is not: it is 'true').
        head = (
            str(record_id) if type(record_id) is int else json.dumps(record_id, ensure_ascii=False)
        )
        return '{"id": ' + head + _ALLOW_TAIL
    return json.dumps(verdict_json(record_id, verdict), ensure_ascii=False)


def verdict_json(record_id: Any, verdict: Verdict) -> dict[str, Any]:
    names: list[str] = []
    for hit in verdict.hits:
        if hit.filter_name not in names:
            names.append(hit.filter_name)
    return {
        "id": record_id,
        "verdict": verdict.outcome,
        "rule": verdict.rule,
        "filters": names,
        "reason": verdict.reason,
    }


def check_lines(
    engine: ModerationEngine,
    tracker: SpamTracker,
    lines: list[BatchLine],
    cache: dict[str, Verdict] | None = None,
) -> list[tuple[int, str]]:
    """(line number, output JSON) for parsed lines, in the given order.

    ``cache`` keeps the verdicts of texts judged alone (no author): such a verdict depends on
    the text only, and batches repeat texts (copied spam, boilerplate news lines)."""
    outputs = []
    for line in lines:
        if line.message is None:
            outputs.append((line.number, line.error_json()))
            continue
        if line.streamed:
            verdict = engine.check(line.message, tracker)
        elif line.message.replied_text is not None:
            verdict = engine.check(line.message)  # a reply: its verdict depends on what it answers
        elif cache is None:
            verdict = engine.check_text(line.message.text)
        else:
            verdict = _judge_text(engine, line.message.text, cache)
        outputs.append((line.number, verdict_line(line.record_id, verdict)))
    return outputs


def check_texts(
    engine: ModerationEngine, lines: list[LooseLine], cache: dict[str, Verdict]
) -> list[tuple[int, str]]:
    """(line number, output JSON) for lines without an author, each text judged alone."""
    return [
        (number, verdict_line(record_id, _judge_text(engine, text, cache)))
        for number, record_id, text in lines
    ]


def routed(raw: str) -> bool:
    """Whether a raw JSON line may name an author, whose lines must all meet one process's
    spam tracker in order: only such lines are parsed here before being handed out. A key
    'author' is spelt '"author"' in JSON or with \\u escapes, so without both the line has
    none (the test is exact, and runs in C)."""
    return '"author"' in raw or "\\u" in raw


def check_raw(
    engine: ModerationEngine, lines: list[RawLine], cache: dict[str, Verdict]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line number, output JSON) of raw lines that are not :func:`routed`, parsed here, and
    (line number, error) for the bad ones. Parsing in the process that checks the line keeps
    it off the serial path of the process that reads the input."""
    outputs: list[tuple[int, str]] = []
    errors: list[tuple[int, str]] = []
    tracker = SpamTracker()
    for number, raw in lines:
        try:
            record = json.loads(raw)
        except ValueError:
            record = None  # parse_line says why
        if type(record) is dict and record.keys() == _PLAIN_KEYS and type(record["text"]) is str:
            # The common line, just an id and a text: judged as parse_line and check_lines
            # would judge it, without building the parsed line and its message.
            verdict = _judge_text(engine, record["text"], cache)
            outputs.append((number, verdict_line(record["id"], verdict)))
            continue
        line = parse_line(number, raw)
        if line is None:
            continue
        if line.streamed:  # cannot happen: see routed()
            raise ValueError("a line with an author reached a process without its tracker")
        if line.error is not None:
            errors.append((number, line.error))
        outputs += check_lines(engine, tracker, [line], cache)
    return outputs, errors


_PLAIN_KEYS = {"id": None, "text": None}.keys()


def _judge_text(engine: ModerationEngine, text: str, cache: dict[str, Verdict]) -> Verdict:
    verdict = cache.get(text)
    if verdict is None:
        if len(cache) >= CACHE_MAX_TEXTS:
            cache.clear()  # bounded memory; repeats are mostly close together
        verdict = cache[text] = engine.check_text(text)
    return verdict


def _worker() -> tuple[ModerationEngine, SpamTracker]:
    global _worker_tracker
    if _worker_engine is None:  # only reachable if a worker were not forked from the CLI
        raise RuntimeError("the moderation worker has no engine")
    if _worker_tracker is None:
        _worker_tracker = SpamTracker()  # one per worker: it sees the same authors every time
    return _worker_engine, _worker_tracker


# What a worker returns: (line number, output JSON) of the lines it checked, and (line number,
# error) of the raw lines it could not parse.
Checked = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def _check_in_worker(
    lines: list[BatchLine], texts: list[LooseLine], raws: list[RawLine]
) -> Checked:
    """A worker's task: parsed lines (with their authors: this worker's tracker), texts judged
    alone, or raw lines it parses itself."""
    engine, tracker = _worker()
    if lines:
        return check_lines(engine, tracker, lines, _worker_cache), []
    if texts:
        return check_texts(engine, texts, _worker_cache), []
    return check_raw(engine, raws, _worker_cache)


def partition(lines: list[BatchLine], parts: int) -> list[list[BatchLine]]:
    """Streamed lines by author (one author, one part, in order); the others spread evenly."""
    buckets: list[list[BatchLine]] = [[] for _ in range(parts)]
    loose = 0
    for line in lines:
        if line.streamed and line.message is not None:
            buckets[line.message.author_id % parts].append(line)
        else:
            buckets[loose % parts].append(line)
            loose += 1
    return buckets


def plan(
    lines: list[BatchLine], lanes: int
) -> tuple[list[list[BatchLine]], list[LooseLine], list[tuple[int, str]]]:
    """(streamed lines per lane, by author as in :func:`partition`; the other lines, in order,
    for any lane; the outputs of the error lines)."""
    streamed: list[list[BatchLine]] = [[] for _ in range(lanes)]
    loose: list[LooseLine] = []
    errors: list[tuple[int, str]] = []
    for line in lines:
        if line.message is None:
            errors.append((line.number, line.error_json()))
        elif line.streamed or line.message.replied_text is not None:
            streamed[line.message.author_id % lanes].append(line)  # replies travel whole
        else:
            loose.append((line.number, line.record_id, line.message.text))
    return streamed, loose, errors


async def _check_spread(
    pools: list[ProcessPoolExecutor], lines: list[BatchLine], raw: list[RawLine]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Check ``lines`` (parsed) and ``raw`` (lines without an author, not yet parsed) in the
    worker processes, one lane each: a lane first checks its authors' lines, then takes chunks
    of lines without an author until none are left, keeping IN_FLIGHT chunks queued so its
    process never waits for this one. This process only hands out and collects (it checks
    nothing: a check here would hold the GIL that the hand-off needs). Returns the outputs in
    line order, and the errors of the raw lines."""
    loop = asyncio.get_running_loop()
    lanes = len(pools)
    streamed, loose, outputs = plan(lines, lanes)
    queues = lane_queues(loose, raw, lanes)
    errors: list[tuple[int, str]] = []

    def take(index: int) -> Chunk | None:
        """The lane's next chunk; when its own are done, the last chunk of a busier lane."""
        if queues[index]:
            return queues[index].popleft()
        other = max(queues, key=len)
        return other.pop() if other else None

    async def lane(index: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        pool = pools[index]
        pending: deque[asyncio.Future[Checked]] = deque()
        if streamed[index]:
            pending.append(loop.run_in_executor(pool, _check_in_worker, streamed[index], [], []))
        while True:
            while len(pending) < IN_FLIGHT and (chunk := take(index)) is not None:
                texts, raws = chunk
                pending.append(loop.run_in_executor(pool, _check_in_worker, [], texts, raws))
            if not pending:
                break
            done, bad = await pending.popleft()
            out += done
            errors.extend(bad)
        return out

    for result in await asyncio.gather(*(lane(i) for i in range(len(pools)))):
        outputs.extend(result)
    outputs.sort()
    errors.sort()
    return outputs, errors


def _ready() -> None:
    """A no-op task that makes a pool fork its process."""


def _start_workers(engine: ModerationEngine, workers: int) -> list[ProcessPoolExecutor]:
    """One single-process pool per worker, so lane k always reaches the same process (and
    the same spam tracker), which runs its tasks in the order they were submitted. Forked
    after the engine is built: nothing is rebuilt or pickled."""
    global _worker_engine
    _worker_engine = engine
    # The built engine (lexicons, models, caches) moves out of the collector's reach, so the
    # children's collections do not touch, and so copy, the pages they share with this one.
    gc.freeze()
    context = multiprocessing.get_context("fork")
    pools: list[ProcessPoolExecutor] = []
    try:
        for _ in range(workers):
            pools.append(ProcessPoolExecutor(1, mp_context=context))
            # Fork now, while no other thread is busy: a pool forks on its first task, and
            # a fork while this process's lane checks lines in a thread can copy a held lock
            # into the child, which then waits forever.
            pools[-1].submit(_ready).result()
    except (OSError, ValueError) as exc:  # no fork or no semaphores here: one process
        for pool in pools:
            pool.shutdown()
        print(f"note: checking in one process ({exc})", file=sys.stderr)
        return []
    return pools


async def moderate_batch(engine: ModerationEngine, workers: int) -> int:
    """Read stdin to the end; exit 1 only when lines came and none could be checked."""
    global _worker_engine
    pools: list[ProcessPoolExecutor] | None = None  # decided on the first chunk
    tracker = SpamTracker()
    cache: dict[str, Verdict] = {}
    number = 0
    checked = failures = 0
    try:
        # Not read ahead: a read left pending when a check fails would keep the command waiting
        # for its input to end (a 4 MB block takes milliseconds to read).
        while raw := await asyncio.to_thread(sys.stdin.readlines, READ_BYTES):
            first = number + 1
            number += len(raw)
            if pools is None:
                lines = len(raw) - sum(map(str.isspace, raw))  # blank lines have no output
                big = workers > 1 and lines >= PARALLEL_MIN_LINES
                pools = _start_workers(engine, workers) if big else []
            # With workers, lines that cannot name an author are parsed by the process that
            # checks them; the others are parsed here, to be routed by author.
            loose: list[RawLine] = []
            parsed: list[BatchLine] = []
            for at, text in enumerate(raw, start=first):
                if pools and not routed(text):
                    loose.append((at, text))
                elif (line := parse_line(at, text)) is not None:
                    parsed.append(line)
            errors = [(line.number, line.error) for line in parsed if line.error is not None]
            if pools:
                outputs, raw_errors = await _check_spread(pools, parsed, loose)
                errors = sorted(errors + raw_errors)
            else:
                outputs = check_lines(engine, tracker, parsed, cache)
            for _, error in errors:
                print(f"error: {error}", file=sys.stderr)
            failures += len(errors)
            checked += len(outputs)
            if outputs:
                sys.stdout.write("\n".join(text for _, text in outputs) + "\n")
        sys.stdout.flush()
    finally:
        for pool in pools or []:
            pool.shutdown()
        _worker_engine = None
    return EXIT_FAILURE if checked and failures == checked else EXIT_OK
