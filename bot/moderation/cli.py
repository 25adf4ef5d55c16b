"""`digestbot moderate` and `digestbot filters`: the moderation engine from the shell."""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bot.core.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError
from bot.core.payloads import payload_to_text
from bot.moderation.domain import BUILTIN_FILTER_NAMES, ModerationEngine, Verdict
from bot.moderation.render import describe_filter, verdict_payload
from bot.moderation.service import ModerationService
from bot.moderation.specs import ModerationError


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


def check_moderate_args(args: argparse.Namespace) -> None:
    """Usage errors, found before anything is opened."""
    if not args.batch and args.text is None:
        raise CliError("moderate needs a text, or --batch with JSON lines on stdin", EXIT_USAGE)
    if args.workers is not None and args.workers < 1:
        raise CliError("--workers must be at least 1", EXIT_USAGE)


async def run_moderate(args: argparse.Namespace, service: ModerationService) -> int:
    workers = args.workers if args.workers is not None else min(os.cpu_count() or 1, 4)
    engine = await service.engine_for(args.guild)
    if args.batch:
        return await _moderate_batch(engine, workers)
    verdict = engine.check_text(args.text)
    if args.json:
        print(json.dumps(verdict_json(None, verdict), ensure_ascii=False))
    else:
        print(payload_to_text(verdict_payload(args.text, verdict, engine.explain(args.text))))
    return EXIT_OK


# Checks are pure CPU work, so a big batch is split over worker processes (one per core). They
# are forked after the engine is built and inherit it: nothing is rebuilt or pickled but the
# lines and the verdicts. Below this many lines a chunk is checked in this process.
PARALLEL_MIN_LINES = 2_000
_worker_engine: ModerationEngine | None = None


async def _moderate_batch(engine: ModerationEngine, workers: int) -> int:
    global _worker_engine
    pool: ProcessPoolExecutor | None = None
    if workers > 1:
        _worker_engine = engine
        try:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        except (OSError, ValueError) as exc:  # no fork or no semaphores here: one process
            print(f"note: checking in one process ({exc})", file=sys.stderr)
    failures = 0
    loop = asyncio.get_running_loop()
    try:
        while True:
            lines = await asyncio.to_thread(sys.stdin.readlines, 1 << 20)
            if not lines:
                break
            if pool is not None and len(lines) >= PARALLEL_MIN_LINES:
                size = -(-len(lines) // (workers * 4))
                parts = [lines[i : i + size] for i in range(0, len(lines), size)]
                results = await asyncio.gather(
                    *(loop.run_in_executor(pool, _check_in_worker, part) for part in parts)
                )
            else:
                results = [check_lines(engine, lines)]
            for outputs, errors in results:
                for message in errors:
                    print(f"error: {message}", file=sys.stderr)
                failures += len(errors)
                if outputs:
                    sys.stdout.write("\n".join(outputs) + "\n")
        sys.stdout.flush()
    finally:
        if pool is not None:
            pool.shutdown()
            _worker_engine = None
    return EXIT_FAILURE if failures else EXIT_OK


def _check_in_worker(lines: list[str]) -> tuple[list[str], list[str]]:
    if _worker_engine is None:  # only reachable if a worker were not forked from the CLI
        raise RuntimeError("the moderation worker has no engine")
    return check_lines(_worker_engine, lines)


def check_lines(engine: ModerationEngine, lines: list[str]) -> tuple[list[str], list[str]]:
    """JSON verdict lines for JSON input lines, and the errors of the bad ones (each bad line
    still gets an output line, so outputs and inputs pair up)."""
    outputs: list[str] = []
    errors: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
        except ValueError as exc:
            message = f"stdin: {exc}"
            errors.append(message)
            outputs.append(json.dumps({"id": None, "verdict": None, "error": message}))
            continue
        verdict = engine.check_text(record["text"])
        outputs.append(json.dumps(verdict_json(record.get("id"), verdict), ensure_ascii=False))
    return outputs, errors


async def run_filters(args: argparse.Namespace, service: ModerationService) -> int:
    guild = args.guild
    try:
        if args.filters_command == "list":
            stored = await service.list_filters(guild)
            for item in stored:
                print(describe_filter(item.spec))
            print(f"{len(stored)} filter(s); built-in: {', '.join(BUILTIN_FILTER_NAMES)}")
        elif args.filters_command == "add":
            spec = await service.add_filter(
                guild,
                kind=args.kind,
                pattern=args.pattern,
                rule=args.rule,
                action=args.action,
                moderator_id=None,
                allow_list=args.allow,
                shadow=not args.active,
                name=args.name,
            )
            print(f"Added {describe_filter(spec)}")
        elif args.filters_command == "remove":
            if not await service.remove_filter(guild, args.filter_id):
                raise CliError(f"there is no filter #{args.filter_id} in guild {guild}")
            print(f"Removed filter #{args.filter_id}")
        elif args.filters_command == "import":
            text = await asyncio.to_thread(_read, Path(args.file))
            count = await service.import_filters(
                guild, text, moderator_id=None, replace_existing=args.replace
            )
            print(f"Imported {count} filter(s) into guild {guild}")
        elif args.filters_command == "export":
            sys.stdout.write(await service.export_filters(guild, args.format))
    except ModerationError as exc:
        raise CliError(str(exc)) from None
    return EXIT_OK


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read ({exc})") from None
