"""The input side of `digestbot moderate --batch`: one JSON line parsed into a message to check,
or into the error that takes its place (see bot/moderation/batch.py)."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.moderation.domain import MessageInput

_EVERYONE = re.compile(r"@(everyone|here)\b")


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
