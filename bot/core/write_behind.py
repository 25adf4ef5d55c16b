"""Writes that must not be lost when the database cannot take them right now.

``WriteBehind.submit`` tries a write at once; when the storage refuses it (StorageUnavailable)
the write waits in a bounded in-memory queue, in order, and ``flush`` retries the queue until it
drains. The caller never waits on a failing disk and never sees the failure: moderation goes on,
and the storage fault itself is reported through StorageHealth.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.database import StorageUnavailable

log = logging.getLogger(__name__)

Write = Callable[[], Awaitable[object]]
DEFAULT_CAPACITY = 10_000


@dataclass(slots=True)
class _Pending:
    what: str
    write: Write


class WriteBehind:
    """A bounded, ordered queue of writes the storage refused; the oldest are dropped when full."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._queue: deque[_Pending] = deque()
        self.capacity = capacity
        self.dropped = 0
        self._flushing = asyncio.Lock()  # one drain at a time keeps the order

    @property
    def pending(self) -> int:
        return len(self._queue)

    async def submit(self, what: str, write: Write) -> bool:
        """Write now if the queue is empty and the storage takes it; else queue. True if written."""
        if self._queue:
            # Keep the order: an older queued write must land before this one.
            self._enqueue(what, write)
            await self.flush()
            return False
        try:
            await write()
            return True
        except StorageUnavailable as exc:
            log.warning("kept in memory until the database can be written (%s): %s", exc, what)
            self._enqueue(what, write)
            return False

    async def flush(self) -> int:
        """Retry the queued writes in order; stop at the first refusal. Returns how many landed."""
        async with self._flushing:
            return await self._drain()

    async def _drain(self) -> int:
        written = 0
        while self._queue:
            item = self._queue[0]
            try:
                await item.write()
            except StorageUnavailable:
                break
            except Exception:
                # A write that fails for another reason (a bug, a constraint) would block the
                # queue for ever: log it and move on.
                log.exception("dropped a queued write that failed: %s", item.what)
            else:
                written += 1
            self._queue.popleft()
        if written:
            log.warning("wrote %d queued write(s); %d still waiting", written, len(self._queue))
        return written

    def _enqueue(self, what: str, write: Write) -> None:
        if len(self._queue) >= self.capacity:
            dropped = self._queue.popleft()
            self.dropped += 1
            log.error("write-behind queue full (%d): dropped %s", self.capacity, dropped.what)
        self._queue.append(_Pending(what, write))
