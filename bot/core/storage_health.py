"""Whether the database can be written right now, and who is told when that changes.

A write that fails because the disk is full, the file is read-only or gone marks the storage as
faulty; the next write that succeeds clears it (a vanished file, or read-only by setting, is
permanent until a restart). Listeners hear each change once: moderation tells the moderators, and
/status shows it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StorageFault:
    reason: str
    since: datetime
    permanent: bool = False  # only a restart clears it (the file vanished; read-only by setting)


FaultListener = Callable[[StorageFault | None], None]

# SQLite result codes that mean "this database cannot be written now" (Python 3.11 exposes the
# name on every sqlite3.Error); anything else is a bug or a busy lock, not a storage fault.
_FAULTS = {
    "SQLITE_FULL": "the disk is full (database or disk is full)",
    "SQLITE_READONLY": "the database is read-only (attempt to write a readonly database)",
    "SQLITE_IOERR": "the disk failed (disk I/O error)",
    "SQLITE_CANTOPEN": "the database file cannot be opened",
    "SQLITE_NOTADB": "the database file is damaged",
    "SQLITE_CORRUPT": "the database file is damaged",
}


def storage_problem(exc: BaseException) -> str | None:
    """A sentence for errors that mean the storage cannot be written; None for anything else."""
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, sentence in _FAULTS.items():
        if name.startswith(prefix):
            return sentence
    text = str(exc).lower()
    if "disk is full" in text:
        return _FAULTS["SQLITE_FULL"]
    if "readonly" in text:
        return _FAULTS["SQLITE_READONLY"]
    return None


class StorageHealth:
    """The current storage fault, if any; listeners are called on every change (never raise)."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self._now = now or (lambda: datetime.now(UTC))
        self.fault: StorageFault | None = None
        self._listeners: list[FaultListener] = []

    @property
    def ok(self) -> bool:
        return self.fault is None

    def add_listener(self, listener: FaultListener) -> None:
        self._listeners.append(listener)

    def fail(self, reason: str, *, permanent: bool = False) -> None:
        """Mark the storage faulty; only the first report of an episode reaches the listeners."""
        current = self.fault
        if current is not None and (current.permanent or not permanent):
            return
        self.fault = StorageFault(reason, self._now(), permanent)
        log.error("storage fault: %s", reason)
        self._notify()

    def recover(self) -> None:
        """A write succeeded: clear a transient fault."""
        if self.fault is None or self.fault.permanent:
            return
        log.warning("storage recovered after: %s", self.fault.reason)
        self.fault = None
        self._notify()

    def _notify(self) -> None:
        for listener in self._listeners:
            try:
                listener(self.fault)
            except Exception:  # a listener must not break the write path
                log.exception("storage fault listener failed")
