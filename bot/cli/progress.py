"""A progress bar for long ingests: rich on a terminal, silent otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from bot.core.clock import ProgressCallback


@contextmanager
def ingest_progress(stream: TextIO) -> Iterator[ProgressCallback]:
    if not stream.isatty():
        yield lambda done, total, what: None
        return
    console = Console(file=stream)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def update(done: int, total: int | None, what: str) -> None:
            label = what if len(what) <= 40 else "…" + what[-39:]
            if what not in tasks:
                tasks[what] = progress.add_task(label, total=total)
            progress.update(tasks[what], completed=done, total=total)

        yield update
