"""Local inputs: a file of any supported kind, or a directory of them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.archive.readers.base import SUPPORTED_SUFFIXES, Problem, SourceBatch, SourceError
from bot.archive.readers.feeds import parse_feed
from bot.archive.readers.files import iter_supported_files, read_document, read_file_bytes
from bot.archive.readers.jsonl import read_jsonl


def read_file(path: Path, now: datetime) -> SourceBatch:
    """Dispatch on the file's kind: JSON lines, a feed document, or text/Markdown."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl(path, now=now)
    if suffix in (".xml", ".rss", ".atom"):
        return parse_feed(read_file_bytes(path), str(path), now=now, source=path.name)
    if suffix in (".txt", ".md", ".markdown"):
        return read_document(path, now=now)
    raise SourceError(
        f"{path}: unsupported file type '{suffix or path.name}' "
        f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"
    )


def read_path(path: Path, now: datetime) -> list[SourceBatch]:
    """Every batch a path yields; in a directory a bad file is a problem, not a failure."""
    if path.is_dir():
        files = list(iter_supported_files(path))
        if not files:
            raise SourceError(
                f"{path}: no supported files ({', '.join(SUPPORTED_SUFFIXES)}) in this directory"
            )
        batches = []
        for file in files:
            try:
                batches.append(read_file(file, now))
            except SourceError as exc:
                problem = Problem.from_error(exc, str(file))
                batches.append(SourceBatch(str(file), problems=[problem]))
        return batches
    if not path.exists():
        raise SourceError(f"{path}: no such file or directory")
    return [read_file(path, now)]
