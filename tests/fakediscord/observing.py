"""Observing the bot: the request log, waiting helpers, and what it did to the world."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .gateway import Gateway
from .messages import Message
from .models import JSON, Channel
from .recording import DEFAULT_TIMEOUT, GatewayFrame, RecordedRequest, Recorder
from .rest import RestApi
from .state import Deletion, Reaction, Timeout, World


class Observations:
    """Read-only views and waits over what the fake recorded (no sleeping: signal-driven)."""

    # Provided by FakeDiscord.
    world: World
    recorder: Recorder
    gateway: Gateway
    rest: RestApi

    @property
    def recorded(self) -> list[RecordedRequest]:
        """Every REST call the bot made, in order."""
        return self.recorder.requests

    @property
    def frames(self) -> list[GatewayFrame]:
        """Every gateway frame, both directions, in order."""
        return self.recorder.frames

    @property
    def log(self) -> list[RecordedRequest | GatewayFrame]:
        """REST calls and gateway frames (both directions) interleaved, in order."""
        return self.recorder.log

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        """Calls to routes the fake does not model (answered 404 Unknown route)."""
        return [r for r in self.recorder.requests if not r.route]

    def mark(self) -> int:
        """A position in ``recorded``: pass it as ``since=`` to ignore earlier requests."""
        return len(self.recorder.requests)

    def requests(
        self, method: str = "*", path_pattern: str | None = None, *, since: int = 0
    ) -> list[RecordedRequest]:
        """Finished requests matching ``method`` and ``path_pattern`` (see ``wait_for_request``)."""
        if path_pattern is None:
            return [r for r in self.recorder.requests[since:] if method in ("*", r.method)]
        return self.recorder.find_requests(method, path_pattern, since=since)

    async def wait_for_request(
        self,
        method: str,
        path_pattern: str,
        *,
        since: int = 0,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> RecordedRequest:
        """The first finished request from ``since`` on matching method and pattern.

        ``path_pattern`` is relative to the API base; ``{name}`` segments are wildcards:
        ``"/channels/{id}/messages"`` or ``f"/channels/{channel.id}/messages"``.
        """
        found = await self.wait_for_requests(
            method, path_pattern, 1, since=since, predicate=predicate, timeout=timeout
        )
        return found[0]

    async def wait_for_requests(
        self,
        method: str,
        path_pattern: str,
        count: int,
        *,
        since: int = 0,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> list[RecordedRequest]:
        """At least ``count`` matching finished requests (all of them, oldest first)."""

        def matches() -> list[RecordedRequest] | None:
            found = self.recorder.find_requests(
                method, path_pattern, since=since, predicate=predicate
            )
            return found if len(found) >= count else None

        result: list[RecordedRequest] = await self.recorder.signal.wait_until(
            matches,
            timeout=timeout,
            describe=lambda: (
                f"for {count}x {method} {path_pattern}. " + self.recorder.describe_recent()
            ),
        )
        return result

    async def wait_until(
        self,
        predicate: Callable[[], Any],
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> Any:
        """Wait until ``predicate()`` (re-checked whenever the fake records anything) is truthy."""
        return await self.recorder.signal.wait_until(predicate, timeout=timeout)

    def _frames(self, direction: str, op: int, event: str | None = None) -> list[GatewayFrame]:
        return [
            f
            for f in self.recorder.frames
            if f.direction == direction and f.op == op and (event is None or f.t == event)
        ]

    @property
    def identify_count(self) -> int:
        return len(self._frames("received", 2))

    @property
    def resume_count(self) -> int:
        """RESUMED events actually delivered."""
        return len(self._frames("sent", 0, "RESUMED"))

    async def wait_for_ready(self, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> None:  # noqa: ASYNC109
        """Wait until READY and the GUILD_CREATEs after it reached the bot ``count`` times."""

        def delivered() -> bool:
            ready = self._frames("sent", 0, "READY")
            if len(ready) < count:
                return False
            session = ready[count - 1].session_id
            sess = self.gateway.sessions.get(session or "")
            expected = len(self.gateway._guilds_for(sess)) if sess else 0
            creates = [
                f for f in self._frames("sent", 0, "GUILD_CREATE") if f.session_id == session
            ]
            return len(creates) >= expected

        await self.recorder.signal.wait_until(delivered, timeout=timeout)

    async def wait_for_identify_count(self, count: int, timeout: float = DEFAULT_TIMEOUT) -> None:  # noqa: ASYNC109
        await self.recorder.signal.wait_until(lambda: self.identify_count >= count, timeout=timeout)

    async def wait_for_resume(self, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> None:  # noqa: ASYNC109
        await self.recorder.signal.wait_until(lambda: self.resume_count >= count, timeout=timeout)

    def channel_messages(self, channel: Channel | int) -> list[Message]:
        """Visible messages in a channel, oldest first (what history would return)."""
        found = channel if isinstance(channel, Channel) else self.world.find_channel(channel)
        return [] if found is None else self.world.channel_history(found)

    def bot_messages(self, channel: Channel | int | None = None) -> list[Message]:
        """Messages the bot posted (channel sends and interaction replies, ephemeral included)."""
        return [
            m
            for m in self.world.messages.values()
            if m.author is self.world.bot
            and (
                channel is None
                or m.channel.id == (channel if isinstance(channel, int) else channel.id)
            )
        ]

    @property
    def deleted_messages(self) -> list[Message]:
        """Messages the bot deleted, in order."""
        return [d.message for d in self.world.deletions]

    @property
    def deletions(self) -> list[Deletion]:
        """Deletions with the audit-log reason."""
        return self.world.deletions

    @property
    def timeouts(self) -> list[Timeout]:
        return self.world.timeouts

    @property
    def reactions(self) -> list[Reaction]:
        return self.world.reactions

    @property
    def dms(self) -> list[Message]:
        """Messages the bot sent in DM channels, in order."""
        return [
            m
            for m in self.world.messages.values()
            if m.channel.guild is None and m.author is self.world.bot
        ]

    @property
    def synced_commands(self) -> dict[int | None, list[JSON]]:
        """Synced commands: key None for global, a guild id for guild commands."""
        synced: dict[int | None, list[JSON]] = {None: self.world.global_commands}
        for guild_id, commands in self.world.guild_commands.items():
            synced[guild_id] = commands
        return synced
