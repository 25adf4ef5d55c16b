"""The ordered log of everything the bot sent, and the means to wait on it without sleeping.

Every REST call becomes a :class:`RecordedRequest`, every gateway frame (both directions) a
:class:`GatewayFrame`. Whenever anything is recorded or the fake's state changes, a
:class:`Signal` wakes whoever waits on a predicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from .messages import Attachment
from .models import JSON

DEFAULT_TIMEOUT = 5.0
POLL_INTERVAL = 0.02


class Signal:
    """Wakes waiters whenever ``notify()`` is called; waiters re-check their own predicate.

    Every waiting helper takes ``timeout`` (default 5 s): a bot that never answers fails fast
    with a description of what was recorded instead of hanging the test run.
    """

    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[None]] = []

    def notify(self) -> None:
        """Wake every waiter (safe to call from synchronous code on the loop thread)."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_until(
        self,
        predicate: Callable[[], Any],
        *,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
        describe: Callable[[], str] | None = None,
    ) -> Any:
        """Return ``predicate()`` once it is truthy; AssertionError after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                detail = describe() if describe else ""
                raise AssertionError(f"timed out after {timeout:.1f}s waiting. {detail}".strip())
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            # Also re-check on a short poll: predicates may look at the bot's own state
            # (bot.guilds, a list a listener appends to), which no fake event announces.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter, min(remaining, POLL_INTERVAL))


@dataclass(eq=False)
class RecordedRequest:
    """One REST call the bot made, with what the fake answered.

    ``path`` is relative to the API base (``/channels/12/messages``); ``route`` is the template it
    matched (``/channels/{channel_id}/messages``), empty for unknown routes; ``json`` is the JSON
    body, or the ``payload_json`` part of a multipart body; ``files`` the uploaded files.
    """

    seq: int
    method: str
    path: str
    route: str
    params: dict[str, str]
    query: dict[str, str]
    json: Any
    files: list[Attachment]
    headers: dict[str, str]
    status: int = 0
    response: Any = None
    fault: str | None = None
    order: int = -1  # position among requests and frames together (see ``Recorder.log``)

    @property
    def reason(self) -> str | None:
        """The audit-log reason (X-Audit-Log-Reason), decoded."""
        raw = self.headers.get("x-audit-log-reason")
        return None if raw is None else unquote(raw)

    def __repr__(self) -> str:
        return f"<{self.seq}: {self.method} {self.path} -> {self.status}>"


@dataclass(eq=False)
class GatewayFrame:
    """One gateway frame: ``direction`` is "received" (bot to fake) or "sent" (fake to bot)."""

    seq: int
    direction: str
    session_id: str | None
    op: int
    t: str | None
    s: int | None
    d: Any
    order: int = -1

    def __repr__(self) -> str:
        return f"<{self.seq}: {self.direction} op={self.op} t={self.t} s={self.s}>"


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    # "{anything}" in a pattern is a wildcard for one path segment.
    parts = re.split(r"(\{[^}]*\})", pattern)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts if p)
    return re.compile(f"^{body}$")


def path_matches(pattern: str, path: str, route: str = "") -> bool:
    """Does a request match ``pattern``? Placeholders (``{id}``) match any one segment.

    A pattern may be the route template itself, a concrete path, or a mix:
    ``/channels/{id}/messages`` matches every channel, ``f"/channels/{c.id}/messages"`` one.
    """
    if pattern in (path, route):
        return True
    return bool(_pattern_regex(pattern).match(path))


@dataclass(eq=False)
class Fault:
    """An injected failure: the next ``times`` matching calls get ``status`` instead of service."""

    method: str
    pattern: str
    status: int
    times: int = 1
    retry_after: float = 0.01
    code: int | None = None
    message: str | None = None
    used: int = 0

    def matches(self, method: str, path: str, route: str) -> bool:
        return (
            self.used < self.times
            and self.method in ("*", method)
            and path_matches(self.pattern, path, route)
        )

    def body(self) -> JSON:
        """The error body Discord sends for this status."""
        defaults: dict[int, tuple[int, str]] = {
            403: (50013, "Missing Permissions"),
            404: (10003, "Unknown Channel"),
            429: (0, "You are being rate limited."),
            500: (0, "500: Internal Server Error"),
            502: (0, "502: Bad Gateway"),
            503: (0, "503: Service Unavailable"),
        }
        code, message = defaults.get(self.status, (0, f"{self.status}: injected"))
        body: JSON = {"message": self.message or message, "code": self.code or code}
        if self.status == 429:
            body.update({"retry_after": self.retry_after, "global": False})
        return body


@dataclass
class Recorder:
    """Holds the request and frame logs, the injected faults, and the change signal."""

    requests: list[RecordedRequest] = field(default_factory=list)
    frames: list[GatewayFrame] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    signal: Signal = field(default_factory=Signal)

    _order: int = 0

    def _next_order(self) -> int:
        self._order += 1
        return self._order

    @property
    def log(self) -> list[RecordedRequest | GatewayFrame]:
        """Requests and gateway frames interleaved in the order they happened."""
        entries: list[RecordedRequest | GatewayFrame] = [*self.requests, *self.frames]
        return sorted(entries, key=lambda entry: entry.order)

    def add_request(self, request: RecordedRequest) -> None:
        request.order = self._next_order()
        self.requests.append(request)

    def finish_request(self, request: RecordedRequest, status: int, response: Any) -> None:
        request.status = status
        request.response = response
        self.signal.notify()

    def add_frame(self, direction: str, session_id: str | None, frame: JSON) -> GatewayFrame:
        entry = GatewayFrame(
            len(self.frames),
            direction,
            session_id,
            int(frame.get("op", -1)),
            frame.get("t"),
            frame.get("s"),
            frame.get("d"),
            self._next_order(),
        )
        self.frames.append(entry)
        self.signal.notify()
        return entry

    def take_fault(self, method: str, path: str, route: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, path, route):
                fault.used += 1
                return fault
        return None

    def find_requests(
        self,
        method: str,
        pattern: str,
        *,
        since: int = 0,
        predicate: Callable[[RecordedRequest], bool] | None = None,
    ) -> list[RecordedRequest]:
        """Finished requests from ``since`` on (a ``FakeDiscord.mark()``) matching the filter."""
        return [
            r
            for r in self.requests[since:]
            if r.status
            and method in ("*", r.method)
            and path_matches(pattern, r.path, r.route)
            and (predicate is None or predicate(r))
        ]

    def describe_recent(self, count: int = 12) -> str:
        recent = ", ".join(f"{r.method} {r.path} -> {r.status}" for r in self.requests[-count:])
        return f"Last requests: [{recent}]"
