"""Readers for files on disk: the community page dump, Markdown/text articles, directories."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from bot.archive.domain.articles import (
    Article,
    derive_title,
    normalize_whitespace,
    stable_article_id,
)
from bot.archive.domain.seed_dump import (
    SeedDumpError,
    approximate_date,
    looks_like_seed_dump,
    parse_seed_dump,
)
from bot.archive.readers.base import SUPPORTED_SUFFIXES, Problem, SourceBatch, SourceError

MAX_FILE_BYTES = 50 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<meta>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"\A#\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
_FRONT_MATTER_KEYS = {"title", "url", "published", "date", "author", "source", "id", "guid"}


def read_text_file(path: Path) -> tuple[str, list[Problem]]:
    """UTF-8 text of a file, decoded line by line: a line with an invalid byte is left out and
    reported (``path:line: ...``), never the whole file. A SourceError names an unreadable file."""
    return decode_lines(read_file_bytes(path), str(path))


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a file within the size limit, or a SourceError that names it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file or directory") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from exc
    if size > MAX_FILE_BYTES:
        raise SourceError(f"{path}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from exc


def decode_lines(data: bytes, location: str) -> tuple[str, list[Problem]]:
    """UTF-8 text (a BOM dropped); a line with an invalid byte becomes empty and a Problem."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass  # the slow path: find the bad lines and keep the others
    lines: list[str] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            lines.append("")
            problems.append(
                Problem(
                    f"{location}:{number}",
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                    "line skipped",
                )
            )
    return "\n".join(lines), problems


def iter_supported_files(directory: Path) -> Iterator[Path]:
    """Every supported file under ``directory``, in a stable order, hidden files skipped."""
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def read_document(path: Path, *, now: datetime) -> SourceBatch:
    """A .txt/.md file: the community page dump (sniffed by content) or one article."""
    text, problems = read_text_file(path)
    if looks_like_seed_dump(text):
        batch = read_seed_dump(text, str(path), now=now)
    else:
        batch = _read_article_file(text, path, now=now)
    batch.problems[:0] = problems
    return batch


def read_seed_dump(text: str, location: str, *, now: datetime) -> SourceBatch:
    """The community page's posts. A post's age ("submitted 1 year ago") becomes an approximate
    publication date counted back from ``now`` (see bot.archive.domain.seed_dump); posts
    without one stay undated (``published`` is None)."""
    try:
        dump = parse_seed_dump(text, location)
    except SeedDumpError as exc:
        raise SourceError(str(exc)) from exc
    source = f"seed:{dump.profile.name}"
    articles = [
        Article(
            id=stable_article_id(source=source, guid=None, url=None, body=post.body),
            source=source,
            title=post.title,
            body=post.body,
            author=post.author,
            published=approximate_date(post.age, now) if post.age else None,
            ingested=now,
        )
        for post in dump.posts
    ]
    return SourceBatch(location=location, articles=articles, profile=dump.profile)


def _read_article_file(text: str, path: Path, *, now: datetime) -> SourceBatch:
    meta: dict[str, object] = {}
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group("meta")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = (mark.line + 2) if mark is not None else 1
            raise SourceError(f"{path}:{line}: the front matter is not valid YAML") from exc
        if not isinstance(loaded, dict):
            raise SourceError(f"{path}:2: the front matter must be 'key: value' lines")
        unknown = sorted(str(key) for key in loaded if str(key) not in _FRONT_MATTER_KEYS)
        if unknown:
            raise SourceError(
                f"{path}:2: unknown front matter key(s) {', '.join(unknown)} "
                f"(known: {', '.join(sorted(_FRONT_MATTER_KEYS))})"
            )
        meta = {str(key): value for key, value in loaded.items()}
        body = text[match.end() :]
    title = _text_field(meta, "title")
    heading = _HEADING.search(body.lstrip())
    if heading and body.lstrip().startswith("#"):
        title = title or heading.group("title")
        body = body.lstrip()[heading.end() :]
    body = body.strip()
    if not body:
        raise SourceError(f"{path}: the article has no body text")
    published_raw = meta.get("published", meta.get("date"))
    try:
        published = parse_datetime(published_raw)
    except ValueError as exc:
        raise SourceError(f"{path}:2: {exc}") from exc
    source = _text_field(meta, "source") or "file"
    url = _text_field(meta, "url")
    guid = _text_field(meta, "guid")
    article_id = _text_field(meta, "id") or stable_article_id(
        source=source, guid=guid, url=url, body=body
    )
    article = Article(
        id=article_id,
        source=source,
        title=normalize_whitespace(title) if title else derive_title(body),
        body=body,
        url=url,
        author=_text_field(meta, "author"),
        published=published,
        ingested=now,
        guid=guid,
    )
    return SourceBatch(location=str(path), articles=[article])


def _text_field(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_datetime(value: object) -> datetime | None:
    """ISO 8601 (a date or a date-time; naive means UTC) to an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'published' is not an ISO 8601 date: {value!r}") from None
    else:
        raise ValueError(f"'published' is not an ISO 8601 date: {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
