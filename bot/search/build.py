"""Building the search index in a child process, so a refit never stalls the bot's event loop.

A thread is not enough at scale: fitting calls into scikit-learn and scipy routines that hold the
GIL for 100 ms and more on 200k passages (bench/RESULTS.md, section "search"). The parent streams
the corpus to the child as JSON lines in small slices, the child fits and writes the index file,
and the parent loads that file in a thread (numpy reads release the GIL).

Run as ``python -m bot.search.build OUT VERSION`` with the corpus on stdin.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import numpy as np

import bot
from bot.archive.domain.articles import Article, Passage
from bot.search.domain.index import SearchIndex

VERSION_KEY = "corpus_version"
_PACKAGE_ROOT = str(Path(bot.__file__).resolve().parents[1])
# Characters serialised per event-loop step: about 2 ms of json.dumps each.
_SLICE_CHARS = 200_000


class BuildError(RuntimeError):
    """The child process failed to build the index."""


def build_index(articles: Sequence[Article], passages: Sequence[Passage]) -> SearchIndex:
    """Fit the index in this process (without cyclic collection during the fit, as the bot's
    child process builds), then hand the build's freed memory back to the system.

    For benchmarks and tools that build large indexes in their own process. The bot does not
    call this: from ISOLATE_MIN_PASSAGES up it builds in a child process (whose memory goes
    with it) and loads the file, and below that the build's leftovers are small, while
    malloc_trim holds the allocator's lock and would stall the event loop's thread.
    """
    # As in the child process (main): cyclic collection would only slow the build while it
    # allocates millions of objects (measured: about 5% of its CPU time at 50,000 passages).
    enabled = gc.isenabled()
    gc.disable()
    try:
        index = SearchIndex.build(articles, passages)
    finally:
        if enabled:
            gc.enable()
    release_freed_memory()
    return index


def release_freed_memory() -> None:
    """Return free heap pages to the operating system (glibc ``malloc_trim``; else nothing).

    A build frees hundreds of MB of temporary arrays and lists, but glibc keeps much of it
    mapped, so a process's resident memory would overstate what the index holds.
    """
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return  # not glibc (macOS, musl): nothing to do
    trim(0)


def write_index(path: Path, index: SearchIndex, version: str) -> None:
    """Persist ``index`` with its corpus version atomically (temp file, then rename)."""
    arrays = index.to_arrays()
    arrays[VERSION_KEY] = np.frombuffer(json.dumps(version).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A crash mid-write leaves the previous file whole.
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            # numpy's stub types **kwds like its allow_pickle flag; the values are arrays.
            np.savez(handle, **cast(dict[str, Any], arrays))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_index(path: Path) -> tuple[SearchIndex, str]:
    """Load an index file and the corpus version it was built from (errors propagate)."""
    # Open the file ourselves: np.load leaks its handle when the zip is broken.
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files}
    version = json.loads(arrays.pop(VERSION_KEY).tobytes().decode("utf-8"))
    return SearchIndex.from_arrays(arrays), str(version)


async def build_in_child(
    articles: Sequence[Article], passages: Sequence[Passage], out: Path, version: str
) -> None:
    """Build the index of the corpus in a child process that writes it to ``out``."""
    env = dict(os.environ)
    # The child must import this very package, wherever the parent was started from.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.search.build",
        str(out),
        version,
        stdin=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    assert child.stdin is not None and child.stderr is not None
    errors = asyncio.create_task(child.stderr.read())
    try:
        for records in _slices(articles, passages):
            child.stdin.write(records)
            await child.stdin.drain()
        child.stdin.close()
        await child.stdin.wait_closed()
    except (BrokenPipeError, ConnectionResetError):
        pass  # the child died early; its exit status and stderr tell why
    code = await child.wait()
    stderr = (await errors).decode("utf-8", "replace").strip()
    if code != 0:
        raise BuildError(f"index build exited with {code}: {stderr[-2000:]}")


def _slices(articles: Sequence[Article], passages: Sequence[Passage]) -> Iterator[bytes]:
    lines: list[str] = []
    size = 0
    records = itertools.chain(
        ({"a": _article_record(a)} for a in articles),
        ({"p": [p.article_id, p.ordinal, p.start, p.end, p.text]} for p in passages),
    )
    for record in records:
        line = json.dumps(record)
        lines.append(line)
        size += len(line)
        if size >= _SLICE_CHARS:
            # json.dumps escapes non-ASCII (and lone surrogates), so this is plain ASCII.
            yield ("\n".join(lines) + "\n").encode("ascii")
            lines, size = [], 0
    if lines:
        yield ("\n".join(lines) + "\n").encode("ascii")


def _article_record(a: Article) -> list[object]:
    published = a.published.isoformat() if a.published else None
    return [a.id, a.source, a.title, a.body, a.url, published, a.author]


def _parse(lines: Iterable[str]) -> tuple[list[Article], list[Passage]]:
    articles: list[Article] = []
    passages: list[Passage] = []
    for line in lines:
        record = json.loads(line)
        if "a" in record:
            art_id, source, title, body, url, published, author = record["a"]
            when = datetime.fromisoformat(published) if published else None
            articles.append(
                Article(
                    id=art_id,
                    source=source,
                    title=title,
                    body=body,
                    url=url,
                    published=when,
                    author=author,
                )
            )
        else:
            passages.append(Passage(*record["p"]))
    return articles, passages


def main(argv: Sequence[str]) -> int:
    """Child entry point: corpus on stdin, index written to ``argv[0]``."""
    out, version = Path(argv[0]), argv[1]
    # A short-lived process that frees everything on exit: cyclic collection would only slow
    # the build while it allocates millions of objects.
    gc.disable()
    with open(sys.stdin.fileno(), encoding="utf-8", closefd=False) as stdin:
        articles, passages = _parse(stdin)
    write_index(out, SearchIndex.build(articles, passages), version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
