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
import gc
import json
import multiprocessing
import re
import sys
import zlib
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.exits import EXIT_FAILURE, EXIT_OK
from bot.moderation.domain import MessageInput, ModerationEngine, SpamTracker, Verdict
from bot.moderation.domain.verdict import ALLOW_VERDICT

# Below this many lines a chunk is checked in this process (forking costs more).
PARALLEL_MIN_LINES = 2_000
_EVERYONE = re.compile(r"@(everyone|here)\b")

# Lines without an author are handed out in chunks of this many, to whichever process is
# free: the processes share the cores with other work, so an even split would wait for the
# slowest.
LOOSE_CHUNK = 250
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
        replied = record.get("reply_to")
        if replied is not None and not isinstance(replied, str):
            raise ValueError("'reply_to' must be the text of the message replied to")
        message = MessageInput(
            text=text,
            author_id=author or 0,
            channel_id=_identity(record.get("channel"), "channel") or 0,
            mention_count=mention_count,
            mentions_everyone=bool(_EVERYONE.search(text)),
            timestamp=_timestamp(record.get("timestamp"), number),
            replied_text=replied,
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


# A line without an author as it travels to a worker: (line number, id, text). Three plain
# values pickle several times faster than a BatchLine with its MessageInput.
LooseLine = tuple[int, Any, str]


def check_texts(
    engine: ModerationEngine, lines: list[LooseLine], cache: dict[str, Verdict]
) -> list[tuple[int, str]]:
    """(line number, output JSON) for lines without an author, each text judged alone."""
    return [
        (number, verdict_line(record_id, _judge_text(engine, text, cache)))
        for number, record_id, text in lines
    ]


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


def _check_in_worker(lines: list[BatchLine]) -> list[tuple[int, str]]:
    engine, tracker = _worker()
    return check_lines(engine, tracker, lines, _worker_cache)


def _check_texts_in_worker(lines: list[LooseLine]) -> list[tuple[int, str]]:
    return check_texts(_worker()[0], lines, _worker_cache)


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
) -> tuple[list[list[BatchLine]], list[list[LooseLine]], list[tuple[int, str]]]:
    """(streamed lines and error lines per lane, by author as in :func:`partition`; the other
    lines in chunks of LOOSE_CHUNK, for any lane; the outputs of the error lines)."""
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
    chunks = [loose[i : i + LOOSE_CHUNK] for i in range(0, len(loose), LOOSE_CHUNK)]
    return streamed, chunks, errors


async def _check_spread(
    engine: ModerationEngine,
    tracker: SpamTracker,
    cache: dict[str, Verdict],
    pools: list[ProcessPoolExecutor],
    lines: list[BatchLine],
) -> list[tuple[int, str]]:
    """Check ``lines`` in this process (lane 0, in a thread, so the loop keeps handing chunks
    to the children) and in the children (lanes 1..): each lane first checks its authors'
    lines, then takes chunks of lines without an author until none are left."""
    loop = asyncio.get_running_loop()
    streamed, chunks, outputs = plan(lines, len(pools) + 1)
    queue = deque(chunks)

    async def lane(index: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        if index == 0 and streamed[0]:
            out += await asyncio.to_thread(check_lines, engine, tracker, streamed[0], cache)
        elif streamed[index]:
            pool = pools[index - 1]
            out += await loop.run_in_executor(pool, _check_in_worker, streamed[index])
        while queue:
            chunk = queue.popleft()
            if index == 0:
                out += await asyncio.to_thread(check_texts, engine, chunk, cache)
            else:
                pool = pools[index - 1]
                out += await loop.run_in_executor(pool, _check_texts_in_worker, chunk)
        return out

    for result in await asyncio.gather(*(lane(i) for i in range(len(pools) + 1))):
        outputs.extend(result)
    outputs.sort()
    return outputs


def _ready() -> None:
    """A no-op task that makes a pool fork its process."""


def _start_workers(engine: ModerationEngine, workers: int) -> list[ProcessPoolExecutor]:
    """One single-process pool per worker, so bucket k always reaches the same process (and
    the same spam tracker). Forked after the engine is built: nothing is rebuilt or pickled."""
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
                # Lane 0 is this process, so its authors always meet this process's tracker.
                outputs = await _check_spread(engine, tracker, cache, pools, parsed)
            else:
                outputs = check_lines(engine, tracker, parsed, cache)
            checked += len(parsed)
            if outputs:
                sys.stdout.write("\n".join(text for _, text in outputs) + "\n")
        sys.stdout.flush()
    finally:
        for pool in pools or []:
            pool.shutdown()
        _worker_engine = None
    return EXIT_FAILURE if checked and failures == checked else EXIT_OK
