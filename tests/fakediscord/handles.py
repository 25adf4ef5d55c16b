"""What a test holds after sending an interaction: a handle to await the bot's answers."""

from __future__ import annotations

from typing import Any

from .interactions import Callback, InteractionRecord
from .messages import Message
from .models import JSON
from .recording import DEFAULT_TIMEOUT, Signal


class InteractionHandle:
    """One interaction sent to the bot; await what the bot did with it.

    ``await handle.response()`` is the first callback (type 4 reply, 5 defer, 7 update, 8
    autocomplete...); ``followups()`` the messages posted with the token; ``edits()`` the PATCH
    bodies on ``@original`` or followups; ``original()`` the response message as it stands now.
    """

    def __init__(self, record: InteractionRecord, signal: Signal) -> None:
        self.record = record
        self._signal = signal

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.record.type}>"

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def token(self) -> str:
        return self.record.token

    @property
    def payload(self) -> JSON:
        """The INTERACTION_CREATE payload the bot received."""
        return self.record.payload

    def _describe(self) -> str:
        r = self.record
        return (
            f"interaction {r.id}: {len(r.callbacks)} callback(s), {len(r.followups)} followup(s),"
            f" {len(r.edits)} edit(s)"
        )

    async def _wait(self, predicate: Any, timeout: float) -> Any:  # noqa: ASYNC109
        return await self._signal.wait_until(predicate, timeout=timeout, describe=self._describe)

    async def response(self, timeout: float = DEFAULT_TIMEOUT) -> Callback:  # noqa: ASYNC109
        """The bot's first (and only) interaction callback."""
        await self._wait(lambda: self.record.callbacks, timeout)
        return self.record.callbacks[0]

    async def shown(self, timeout: float = DEFAULT_TIMEOUT) -> Callback | Message:  # noqa: ASYNC109
        """What the member sees: the first response, or, when the bot deferred it (a slow
        answer), the message that replaced its "thinking…" placeholder."""
        first = await self.response(timeout)
        return await self.final_message(timeout) if first.type == 5 else first

    async def followups(self, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> list[Message]:  # noqa: ASYNC109
        """Wait until at least ``count`` followups were sent; return them all."""
        await self._wait(lambda: len(self.record.followups) >= count, timeout)
        return list(self.record.followups)

    async def edits(self, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> list[JSON]:  # noqa: ASYNC109
        """Wait until at least ``count`` edits were made; return their request bodies."""
        await self._wait(lambda: len(self.record.edits) >= count, timeout)
        return list(self.record.edits)

    async def original(self, timeout: float = DEFAULT_TIMEOUT) -> Message:  # noqa: ASYNC109
        """The response message (after a type 4/5/6/7 callback), with later edits applied."""
        await self._wait(lambda: self.record.original is not None, timeout)
        assert self.record.original is not None
        return self.record.original

    async def final_message(self, timeout: float = DEFAULT_TIMEOUT) -> Message:  # noqa: ASYNC109
        """The response message once it is no longer a loading ("thinking") placeholder."""
        await self._wait(
            lambda: self.record.original is not None and not self.record.original.flags & (1 << 7),
            timeout,
        )
        assert self.record.original is not None
        return self.record.original
