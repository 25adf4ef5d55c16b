"""`digestbot moderate --batch`: JSON lines in, one verdict line out per line, in input order.

A line is ``{"id", "text"}`` plus, optionally, ``author``, ``channel``, ``timestamp`` (ISO 8601 or
seconds) and ``mentions`` (a count or a list of ids). Lines with an author are judged as messages
in a stream: the spam tracker sees floods, repeats and mass mentions per author, in input order.
Lines without one are judged alone, as before.

Big inputs are split over processes: this one and ``workers - 1`` forked children that inherit
the built engine (so ``--workers 2`` uses two processes, one per core on a 2-core machine).
Lines are partitioned by author, so one author's messages always meet the same tracker, in
order; this process checks its share while the children check theirs.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import re
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.exits import EXIT_FAILURE, EXIT_OK
from bot.moderation.domain import MessageInput, ModerationEngine, SpamTracker, Verdict

# Below this many lines a chunk is checked in this process (forking costs more).
PARALLEL_MIN_LINES = 2_000
_EVERYONE = re.compile(r"@(everyone|here)\b")

_worker_engine: ModerationEngine | None = None
_worker_tracker: SpamTracker | None = None


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


@dataclass(frozen=True, slots=True)
class BatchLine:
    """One input line, parsed: a message to check, or the error that replaces it."""

    number: int
    record_id: Any
    message: MessageInput | None
    error: str | None = None
    streamed: bool = False  # has an author: judged with the spam tracker

    def error_json(self) -> str:
        return json.dumps(
            {"id": self.record_id, "line": self.number, "verdict": None, "error": self.error},
            ensure_ascii=False,
        )


def parse_line(number: int, line: str) -> BatchLine | None:
    """None for a blank line; otherwise the parsed line (errors keep the id when there is one)."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return BatchLine(number, None, None, f"stdin:{number}: not valid JSON ({exc.msg})")
    if not isinstance(record, dict):
        return BatchLine(number, None, None, f"stdin:{number}: expected a JSON object")
    record_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return BatchLine(number, record_id, None, f"stdin:{number}: missing string field 'text'")
    try:
        author = _identity(record.get("author"), "author")
        mentions = record.get("mentions", 0)
        if isinstance(mentions, list):
            mention_count = len(mentions)
        elif isinstance(mentions, int) and not isinstance(mentions, bool) and mentions >= 0:
            mention_count = mentions
        else:
            raise ValueError("'mentions' must be a count or a list of ids")
        message = MessageInput(
            text=text,
            author_id=author or 0,
            channel_id=_identity(record.get("channel"), "channel") or 0,
            mention_count=mention_count,
            mentions_everyone=bool(_EVERYONE.search(text)),
            timestamp=_timestamp(record.get("timestamp"), number),
        )
    except ValueError as exc:
        return BatchLine(number, record_id, None, f"stdin:{number}: {exc}")
    return BatchLine(number, record_id, message, streamed=author is not None)


def _identity(value: object, name: str) -> int | None:
    """An author or channel: a number, or any string (hashed to a stable number)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{name}' must be an id or a name")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip():
        return (value.strip().isdigit() and int(value)) or zlib.crc32(value.encode()) + 1
    raise ValueError(f"'{name}' must be an id or a name")


def _timestamp(value: object, number: int) -> float:
    if value is None:
        return float(number)  # no time given: one second per line, in input order
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            pass
    raise ValueError(f"'timestamp' is not ISO 8601 or seconds: {value!r}")


def check_lines(
    engine: ModerationEngine, tracker: SpamTracker, lines: list[BatchLine]
) -> list[tuple[int, str]]:
    """(line number, output JSON) for parsed lines, in the given order."""
    outputs = []
    for line in lines:
        if line.message is None:
            outputs.append((line.number, line.error_json()))
            continue
        if line.streamed:
            verdict = engine.check(line.message, tracker)
        else:
            verdict = engine.check_text(line.message.text)
        outputs.append(
            (line.number, json.dumps(verdict_json(line.record_id, verdict), ensure_ascii=False))
        )
    return outputs


def _check_in_worker(lines: list[BatchLine]) -> list[tuple[int, str]]:
    global _worker_tracker
    if _worker_engine is None:  # only reachable if a worker were not forked from the CLI
        raise RuntimeError("the moderation worker has no engine")
    if _worker_tracker is None:
        _worker_tracker = SpamTracker()  # one per worker: it sees the same authors every time
    return check_lines(_worker_engine, _worker_tracker, lines)


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


def _start_workers(engine: ModerationEngine, workers: int) -> list[ProcessPoolExecutor]:
    """One single-process pool per worker, so bucket k always reaches the same process (and
    the same spam tracker). Forked after the engine is built: nothing is rebuilt or pickled."""
    global _worker_engine
    _worker_engine = engine
    context = multiprocessing.get_context("fork")
    pools: list[ProcessPoolExecutor] = []
    try:
        for _ in range(workers):
            pools.append(ProcessPoolExecutor(1, mp_context=context))
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
    number = 0
    checked = failures = 0
    loop = asyncio.get_running_loop()
    try:
        while True:
            raw = await asyncio.to_thread(sys.stdin.readlines, 1 << 20)
            if not raw:
                break
            parsed: list[BatchLine] = []
            for text in raw:
                number += 1
                line = parse_line(number, text)
                if line is not None:
                    parsed.append(line)
            for line in parsed:
                if line.error is not None:
                    failures += 1
                    print(f"error: {line.error}", file=sys.stderr)
            if pools is None:
                big = workers > 1 and len(parsed) >= PARALLEL_MIN_LINES
                pools = _start_workers(engine, workers - 1) if big else []
            if pools:
                own, *parts = partition(parsed, len(pools) + 1)
                pending = [
                    loop.run_in_executor(pool, _check_in_worker, part)
                    for pool, part in zip(pools, parts, strict=True)
                    if part
                ]
                # This process's share, while the children check theirs (bucket 0 always
                # comes here, so its authors always meet this process's tracker).
                outputs = check_lines(engine, tracker, own)
                for result in await asyncio.gather(*pending):
                    outputs.extend(result)
                outputs.sort()
            else:
                outputs = check_lines(engine, tracker, parsed)
            checked += len(parsed)
            if outputs:
                sys.stdout.write("\n".join(text for _, text in outputs) + "\n")
        sys.stdout.flush()
    finally:
        for pool in pools or []:
            pool.shutdown()
        _worker_engine = None
    return EXIT_FAILURE if checked and failures == checked else EXIT_OK
