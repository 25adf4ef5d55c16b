"""The `--batch` contract of the CLI: JSON lines in, one JSON line out per line, in order."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TextIO

from bot.core.exits import EXIT_FAILURE, EXIT_OK


def read_batch(stream: TextIO, field: str) -> Iterator[tuple[int, Any, str | None, str | None]]:
    """(line number, id, text, error) per non-empty line of JSON lines input."""
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, None, f"stdin:{lineno}: not valid JSON ({exc.msg})"
            continue
        if not isinstance(record, dict):
            yield lineno, None, None, f"stdin:{lineno}: expected a JSON object"
            continue
        text = record.get(field)
        if not isinstance(text, str):
            error = f"stdin:{lineno}: missing string field {field!r}"
            yield lineno, record.get("id"), None, error
            continue
        yield lineno, record.get("id"), text, None


async def run_batch(
    field: str, out_key: str, answer: Callable[[str], Awaitable[list[dict[str, Any]]]]
) -> int:
    """The --batch contract: one JSON line out per line in, in order; a bad line gets an error
    record (with its id and line number) in its place and a line on stderr. Exit 0 when every
    line was handled, reported bad lines included; 1 when lines came and none could be read."""
    failures = lines = 0
    for lineno, record_id, text, error in read_batch(sys.stdin, field):
        lines += 1
        if error or text is None:
            failures += 1
            print(f"error: {error}", file=sys.stderr)
            emit({"id": record_id, "line": lineno, out_key: [], "error": error})
            continue
        emit({"id": record_id, out_key: await answer(text)})
        sys.stdout.flush()
    return EXIT_FAILURE if lines and failures == lines else EXIT_OK


def emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
