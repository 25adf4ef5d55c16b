"""Reader for JSON-lines archives: one article a line."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from bot.archive.domain.articles import (
    Article,
    derive_title,
    normalize_whitespace,
    stable_article_id,
)
from bot.archive.readers.base import Problem, SourceBatch
from bot.archive.readers.files import parse_datetime, read_text_file

MAX_LINE_CHARS = 2_000_000


def read_jsonl(path: Path, *, now: datetime, default_source: str | None = None) -> SourceBatch:
    """Every valid line becomes an article; a bad line is a Problem with its line number."""
    text, problems = read_text_file(path)
    batch = SourceBatch(location=str(path), problems=problems)
    source_default = default_source or path.stem
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        location = f"{path}:{lineno}"
        if len(line) > MAX_LINE_CHARS:
            batch.problems.append(Problem(location, f"line is over {MAX_LINE_CHARS:,} characters"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.problems.append(Problem(location, f"not valid JSON ({exc.msg})"))
            continue
        try:
            batch.articles.append(article_from_record(record, source_default, now=now))
        except ValueError as exc:
            batch.problems.append(Problem(location, str(exc)))
    return batch


def article_from_record(record: object, default_source: str, *, now: datetime) -> Article:
    """One JSON object (id, title, text or body, url, published, author, source) to an Article."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    body = record.get("text", record.get("body"))
    if not isinstance(body, str) or not body.strip():
        raise ValueError("missing 'text' (or 'body')")
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "url", "author", "source", "guid"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            raise ValueError(f"'{key}' must be a string")
        fields[key] = str(value).strip() or None if value is not None else None
    source = fields["source"] or default_source
    body = body.strip()
    article_id = fields["id"] or stable_article_id(
        source=source, guid=fields["guid"], url=fields["url"], body=body
    )
    title = fields["title"]
    return Article(
        id=article_id,
        source=source,
        title=normalize_whitespace(title) if title else derive_title(body),
        body=body,
        url=fields["url"],
        author=fields["author"],
        published=parse_datetime(record.get("published")),
        ingested=now,
        # The archive's own id identifies the item across re-ingests, like a feed GUID.
        guid=fields["guid"] or fields["id"],
        score=_score(record.get("score")),
    )


def _score(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("'score' must be a number")
    return float(value)
