"""The `--batch` contract of the CLI: JSON lines in, one JSON line out per line, in order."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TextIO

from bot.core.exits import EXIT_FAILURE, EXIT_OK


def read_batch(stream: TextIO, field: str) -> Iterator[tuple[Any, str | None, str | None]]:
    """(id, text, error) per non-empty line of JSON lines input."""
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield None, None, f"stdin line {lineno}: not valid JSON ({exc.msg})"
            continue
        if not isinstance(record, dict):
            yield None, None, f"stdin line {lineno}: expected a JSON object"
            continue
        text = record.get(field)
        if not isinstance(text, str):
            yield record.get("id"), None, f"stdin line {lineno}: missing string field {field!r}"
            continue
        yield record.get("id"), text, None


async def run_batch(
    field: str, out_key: str, answer: Callable[[str], Awaitable[list[dict[str, Any]]]]
) -> int:
    """The --batch contract: one JSON line out per line in, in order; a bad line gets an error
    record in its place, a line on stderr, and exit 1 at the end."""
    failures = 0
    for record_id, text, error in read_batch(sys.stdin, field):
        if error or text is None:
            failures += 1
            print(f"error: {error}", file=sys.stderr)
            emit({"id": record_id, out_key: [], "error": error})
            continue
        emit({"id": record_id, out_key: await answer(text)})
        sys.stdout.flush()
    return EXIT_FAILURE if failures else EXIT_OK


def emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
