"""The one SQLite database: connection, pragmas, migrations and transactions."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.core.errors import DatabaseError, StorageUnavailable
from bot.core.storage_health import StorageHealth, storage_problem

__all__ = ["ConnectionHook", "Database", "DatabaseError", "Migration", "StorageUnavailable"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000  # another process writing: wait this long before "database is locked"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


ConnectionHook = Callable[[aiosqlite.Connection], Any]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The numbered migrations shipped in bot/core/migrations, in order, without gaps."""
    folder = resources.files("bot.core").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise DatabaseError(
                f"migration {migration.name} breaks the numbering (expected {expected})"
            )
    return found


class Database:
    """An aiosqlite connection with WAL, foreign keys, migrations and explicit transactions.

    The connection runs in autocommit mode; every multi-row write goes through ``transaction()`` so a
    process killed mid-write leaves the last committed state.
    """

    def __init__(
        self,
        connection: aiosqlite.Connection,
        path: Path | None,
        *,
        health: StorageHealth | None = None,
        read_only: bool = False,
    ) -> None:
        self._conn = connection
        self.path = path
        self.read_only = read_only
        self.health = health or StorageHealth()
        # One writer at a time inside this process; SQLite serialises across processes.
        self._write_lock = asyncio.Lock()
        # Which file we opened: removing or replacing it while running makes every later write
        # land in a deleted inode, silently lost at restart (see check_identity).
        self._identity = _file_identity(path)
        self._vanished = False
        if read_only:
            self.health.fail(
                "the database was opened read-only (DIGESTBOT_READ_ONLY)", permanent=True
            )

    @classmethod
    async def open(
        cls,
        path: Path | str | None,
        *,
        migrate: bool = True,
        read_only: bool = False,
        health: StorageHealth | None = None,
        on_connect: ConnectionHook | None = None,
    ) -> Database:
        """Open (creating the directory and file) and migrate; ``None`` or ":memory:" is in-memory.

        ``read_only`` opens the file without write access and never migrates (an operator's
        choice when the disk cannot be written). ``on_connect`` runs on the new connection first
        (tests use it to inject storage faults with SQLite's own pragmas).
        """
        target: Path | None = None
        uri = False
        if path is None or str(path) == ":memory:":
            location = ":memory:"
        elif read_only:
            target = Path(path)
            if not target.is_file():
                raise DatabaseError(f"cannot open {target} read-only: there is no such file")
            location, uri = f"{target.resolve().as_uri()}?mode=ro", True
        else:
            target = Path(path)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"cannot create the directory for {target}: {exc.strerror}"
                ) from exc
            location = str(target)
        try:
            conn = await aiosqlite.connect(location, isolation_level=None, uri=uri)
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open the database {location}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        db = cls(conn, target, health=health, read_only=read_only)
        try:
            if on_connect is not None:
                await on_connect(conn)
            await db._configure()
            if migrate and not read_only:
                await db.migrate()
        except BaseException:
            await conn.close()
            raise
        return db

    async def _run(self, sql: str) -> None:
        # Close every cursor at once: a statement left unreset (PRAGMA journal_mode returns a row)
        # keeps a read snapshot open, and a later BEGIN IMMEDIATE then fails with "locked".
        async with self._conn.execute(sql) as cursor:
            await cursor.fetchall()

    async def _configure(self) -> None:
        try:
            await self._run(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path is not None and not self.read_only:
                await self._run("PRAGMA journal_mode = WAL")
                await self._run("PRAGMA synchronous = NORMAL")
            await self._run("PRAGMA foreign_keys = ON")
            await self.fetch_value("PRAGMA user_version")
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                f"{self.path or ':memory:'} is not a usable SQLite database: {exc}"
            ) from exc

    async def close(self) -> None:
        await self._conn.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- migrations -------------------------------------------------------------------------------

    async def schema_version(self) -> int:
        return int(await self.fetch_value("PRAGMA user_version") or 0)

    async def migrate(self, migrations: Sequence[Migration] | None = None) -> list[int]:
        """Apply pending migrations, each in one transaction; refuse a database newer than the code."""
        available = list(migrations) if migrations is not None else load_migrations()
        latest = available[-1].version if available else 0
        current = await self.schema_version()
        if current > latest:
            raise DatabaseError(
                f"the database {self.path} is at schema version {current}, newer than this digestbot "
                f"(knows up to {latest}); upgrade digestbot or use another DIGESTBOT_DB"
            )
        applied: list[int] = []
        for migration in available:
            if migration.version <= current:
                continue
            script = f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            async with self._write_lock:
                try:
                    await self._conn.executescript(script)
                except sqlite3.Error as exc:
                    if self._conn.in_transaction:
                        await self._run("ROLLBACK")
                    raise DatabaseError(f"migration {migration.name} failed: {exc}") from exc
            log.info("applied migration %s", migration.name)
            applied.append(migration.version)
        return applied

    # -- queries ----------------------------------------------------------------------------------

    # -- storage faults ---------------------------------------------------------------------------

    def check_identity(self) -> bool:
        """True while the file on disk is still the one opened; else a permanent storage fault."""
        if self.path is None or self._vanished:
            return not self._vanished
        if _file_identity(self.path) != self._identity:
            self._vanished = True
            self.health.fail(
                f"the database file {self.path} was removed or replaced while the bot was running; "
                "restart the bot (writes since then are kept in memory only)",
                permanent=True,
            )
        return not self._vanished

    async def probe_writable(self) -> str | None:
        """None when a write commits; otherwise why not (for start-up and `db check`)."""
        if self.read_only:
            return "the database was opened read-only"
        try:
            async with self.transaction() as conn:
                await conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('write_probe', datetime('now')) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                )
        except StorageUnavailable as exc:
            return str(exc)
        return None

    def _refuse_if_unwritable(self) -> None:
        if self._vanished or self.read_only:
            fault = self.health.fault
            raise StorageUnavailable(fault.reason if fault else "the database cannot be written")

    def _storage_failed(self, exc: BaseException) -> None:
        """Turn a storage-level SQLite error into a fault and StorageUnavailable; else re-raise."""
        problem = storage_problem(exc)
        if problem is None:
            return
        self.check_identity()
        self.health.fail(problem)
        raise StorageUnavailable(problem) from exc

    # -- queries ----------------------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (cancellation included).

        A write the storage refuses (disk full, read-only, file gone) raises StorageUnavailable
        and marks the storage faulty; the next successful commit clears it.
        """
        self._refuse_if_unwritable()
        async with self._write_lock:
            try:
                await self._begin_immediate()
            except sqlite3.Error as exc:
                self._storage_failed(exc)
                raise
            try:
                yield self._conn
            except BaseException as exc:
                if self._conn.in_transaction:
                    await self._run("ROLLBACK")
                self._storage_failed(exc)
                raise
            try:
                await self._run("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    await self._run("ROLLBACK")
                self._storage_failed(exc)
                raise
        self.health.recover()

    async def _begin_immediate(self) -> None:
        # SQLite's busy handler waits for another process's write lock, but some contention
        # (a WAL snapshot taken just before another commit) returns "locked" at once: retry
        # with a short backoff, up to the same busy timeout.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BUSY_TIMEOUT_MS / 1000
        delay = 0.005
        while True:
            try:
                await self._run("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or loop.time() + delay > deadline:
                    raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.2)

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """One statement in its own implicit transaction; returns lastrowid."""
        rowid, _ = await self._write(sql, params)
        return rowid

    async def execute_rowcount(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        _, count = await self._write(sql, params)
        return count

    async def _write(self, sql: str, params: Sequence[Any] | dict[str, Any]) -> tuple[int, int]:
        self._refuse_if_unwritable()
        async with self._write_lock:
            try:
                cursor = await self._conn.execute(sql, params)
            except sqlite3.Error as exc:
                self._storage_failed(exc)
                raise
            result = (cursor.lastrowid or 0, cursor.rowcount)
            await cursor.close()
        self.health.recover()
        return result

    async def fetch_all(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> list[sqlite3.Row]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetch_one(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> sqlite3.Row | None:
        async with self._conn.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def fetch_value(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        async with self._conn.execute(sql, params) as cursor:
            row = await cursor.fetchone()
        return None if row is None else row[0]

    async def integrity_check(self) -> list[str]:
        """SQLite's integrity and foreign-key checks; an empty list means healthy."""
        problems: list[str] = []
        for row in await self.fetch_all("PRAGMA integrity_check"):
            if row[0] != "ok":
                problems.append(str(row[0]))
        for row in await self.fetch_all("PRAGMA foreign_key_check"):
            problems.append(f"foreign key violation in {row[0]} rowid {row[1]} -> {row[2]}")
        return problems

    async def tables(self) -> Iterable[str]:
        rows = await self.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        return [str(row[0]) for row in rows]


def _file_identity(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of the file, or None when there is no file."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino
