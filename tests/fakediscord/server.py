"""FakeDiscord: the loopback server and the API tests drive it with.

Lifecycle: ``fake = FakeDiscord(); await fake.start()`` ... ``await fake.stop()`` (or ``async
with FakeDiscord() as fake``). Build the world (guilds, channels, roles, members) before the bot
connects; act as members (messages, slash commands, clicks); observe what the bot sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from aiohttp import web

from .gateway import RECONNECT, Gateway
from .handles import InteractionHandle
from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    InteractionRecord,
    InvalidInteraction,
    command_data,
    interaction_payload,
)
from .models import JSON, Attachment, Channel, Guild, Member, Message, User
from .permissions import DEFAULT_BOT_PERMISSIONS, PRIVILEGED_INTENTS, PermissionSpec
from .recording import DEFAULT_TIMEOUT, Fault, GatewayFrame, RecordedRequest, Recorder
from .rest import RestApi
from .routes_basic import ROUTES as BASIC_ROUTES
from .routes_interactions import ROUTES as INTERACTION_ROUTES
from .routes_messages import ROUTES as MESSAGE_ROUTES
from .state import Clock, Deletion, Reaction, Timeout, World, utc_now

ROUTES = (*BASIC_ROUTES, *MESSAGE_ROUTES, *INTERACTION_ROUTES)
BUTTON, STRING_SELECT = 2, 3


class FakeDiscord:
    """A Discord REST v10 + JSON gateway on 127.0.0.1 for the unmodified discord.py client."""

    def __init__(
        self,
        port: int = 0,
        *,
        token: str = "fake-bot-token",
        bot_name: str = "digestbot",
        shard_count: int = 1,
        clock: Clock = utc_now,
        interaction_deadline: float | None = 3.0,
        enabled_privileged_intents: int = PRIVILEGED_INTENTS,
        heartbeat_interval_ms: int = 41_250,
    ) -> None:
        self._port = port
        self.token = token
        self.world = World(token=token, bot_name=bot_name, clock=clock)
        self.recorder = Recorder()
        self.gateway = Gateway(
            self.world,
            self.recorder,
            shard_count=shard_count,
            heartbeat_interval_ms=heartbeat_interval_ms,
            enabled_privileged_intents=enabled_privileged_intents,
        )
        self.rest = RestApi(
            self.world, self.gateway, self.recorder, interaction_deadline=interaction_deadline
        )
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> FakeDiscord:
        """Listen on 127.0.0.1 (a free port unless one was given)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/gateway/", self.gateway.handle)
        self.rest.install(app, ROUTES)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets, "the site is listening"  # type: ignore[attr-defined]
        self._port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self.gateway.url = self.gateway_url
        return self

    async def stop(self) -> None:
        """Close gateway connections and the server."""
        if self._runner is None:
            return
        await self.gateway.close_all()
        await self.recorder.signal.wait_until(lambda: not self.gateway.connections, timeout=2.0)
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def api_base(self) -> str:
        """What DISCORD_API_BASE should be: ``http://127.0.0.1:PORT/api/v10``."""
        return f"http://127.0.0.1:{self._port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """What ``GET /gateway/bot`` answers: ``ws://127.0.0.1:PORT/gateway``."""
        return f"ws://127.0.0.1:{self._port}/gateway"

    @property
    def interaction_deadline(self) -> float | None:
        """Seconds the bot has for its first callback (Discord: 3); None disables the check."""
        return self.rest.interaction_deadline

    @interaction_deadline.setter
    def interaction_deadline(self, seconds: float | None) -> None:
        self.rest.interaction_deadline = seconds

    @property
    def bot(self) -> User:
        """The bot's user (its id is also the application id)."""
        return self.world.bot

    @property
    def application_id(self) -> int:
        return self.world.application_id

    # ------------------------------------------------------------------ building the world
    def add_guild(
        self,
        name: str = "Test Server",
        *,
        bot_permissions: PermissionSpec = DEFAULT_BOT_PERMISSIONS,
    ) -> Guild:
        """A guild with an owner and the bot (holding ``bot_permissions`` via a managed role)."""
        return self.world.add_guild(name, bot_permissions=bot_permissions)

    async def delete_channel(self, channel: Channel, *, notify: bool = True) -> None:
        """Delete a channel: the API then answers 404 Unknown Channel; CHANNEL_DELETE if notify."""
        channel.deleted = True
        if notify:
            self.gateway.dispatch("CHANNEL_DELETE", channel.payload(), channel.guild)

    # ------------------------------------------------------------------ acting as members
    async def send_message(
        self,
        channel: Channel,
        author: Member | User,
        content: str = "",
        *,
        embeds: Sequence[JSON] = (),
        files: Iterable[tuple[str, bytes]] = (),
        reply_to: Message | None = None,
    ) -> Message:
        """A member (or, in a DM channel, a user) writes a message: MESSAGE_CREATE."""
        user = author.user if isinstance(author, Member) else author
        body: JSON = {"content": content, "embeds": list(embeds)}
        if reply_to is not None:
            body["message_reference"] = {
                "message_id": str(reply_to.id),
                "channel_id": str(reply_to.channel.id),
            }
        attachments = [Attachment(self.world.next_id(), n, d) for n, d in files]
        message = self.world.add_message(channel, user, body, attachments)
        self.world.announce_message("MESSAGE_CREATE", message)
        return message

    async def send_dm(self, user: Member | User, content: str) -> Message:
        """A user writes to the bot in DMs (delivered only with the DIRECT_MESSAGES intent)."""
        account = user.user if isinstance(user, Member) else user
        return await self.send_message(self.world.dm_channel_for(account), account, content)

    async def edit_message(
        self, message: Message, content: str | None = None, *, embeds: Sequence[JSON] | None = None
    ) -> Message:
        """The author edits a message: MESSAGE_UPDATE with the full new message."""
        body: JSON = {}
        if content is not None:
            body["content"] = content
        if embeds is not None:
            body["embeds"] = list(embeds)
        self.world.apply_edit(message, body, [])
        self.world.announce_message("MESSAGE_UPDATE", message)
        return message

    async def delete_message(self, message: Message) -> None:
        """The author (or another moderator) deletes a message: MESSAGE_DELETE."""
        message.deleted = True
        self.world.announce_message("MESSAGE_DELETE", message)

    def _interaction(
        self,
        type: int,
        channel: Channel,
        member: Member,
        data: JSON,
        message: Message | None = None,
    ) -> InteractionHandle:
        interaction_id = self.world.next_id()
        token = f"fake-interaction-token-{interaction_id}"
        payload = interaction_payload(
            self.world,
            interaction_id=interaction_id,
            token=token,
            type=type,
            channel=channel,
            member=member,
            data=data,
            message=message,
        )
        record = InteractionRecord(
            interaction_id,
            token,
            type,
            payload,
            channel,
            member,
            created=asyncio.get_running_loop().time(),
            component_message=message,
        )
        self.rest.interactions[interaction_id] = record
        self.rest.interactions_by_token[token] = record
        self.gateway.dispatch("INTERACTION_CREATE", payload, channel.guild)
        return InteractionHandle(record, self.recorder.signal)

    async def send_slash_command(
        self,
        channel: Channel,
        member: Member,
        command: str,
        options: Mapping[str, Any] | None = None,
        *,
        validate: bool = True,
        permission_override: bool = False,
    ) -> InteractionHandle:
        """``member`` runs ``/command`` in ``channel``; ``command`` may be "filter add".

        Options are Python values: str/int/float/bool, or a Channel, Role, Member for
        channel/role/user options (Discord's ``resolved`` data is filled in). With ``validate``
        the synced definition is enforced as Discord's client would (required, choices,
        lengths, ranges, and default_member_permissions unless ``permission_override``).
        """
        data = command_data(
            self.world,
            channel,
            member,
            command,
            options or {},
            validate=validate,
            permission_override=permission_override,
        )
        return self._interaction(APPLICATION_COMMAND, channel, member, data)

    async def autocomplete(
        self,
        channel: Channel,
        member: Member,
        command: str,
        options: Mapping[str, Any],
        *,
        focused: str,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
        validate: bool = True,
    ) -> list[JSON]:
        """Type into an autocomplete option; return the bot's choices (``[{name, value}]``)."""
        if focused not in options:
            raise InvalidInteraction(f"focused option {focused!r} must be among the options")
        data = command_data(
            self.world,
            channel,
            member,
            command,
            options,
            validate=validate,
            permission_override=True,
            focused=focused,
        )
        handle = self._interaction(AUTOCOMPLETE, channel, member, data)
        return (await handle.response(timeout)).choices

    async def click_button(
        self, message: Message, custom_id: str, member: Member, *, validate: bool = True
    ) -> InteractionHandle:
        """``member`` clicks the button ``custom_id`` on ``message`` (must exist and be enabled)."""
        return self._component(message, custom_id, member, BUTTON, None, validate)

    async def select(
        self,
        message: Message,
        custom_id: str,
        member: Member,
        values: Sequence[str],
        *,
        validate: bool = True,
    ) -> InteractionHandle:
        """``member`` picks ``values`` in the select menu ``custom_id`` on ``message``."""
        return self._component(message, custom_id, member, STRING_SELECT, list(values), validate)

    def _component(
        self,
        message: Message,
        custom_id: str,
        member: Member,
        kind: int,
        values: list[str] | None,
        validate: bool,
    ) -> InteractionHandle:
        component = message.find_component(custom_id)
        if validate:
            if message.deleted:
                raise InvalidInteraction("the message was deleted")
            if component is None:
                raise InvalidInteraction(f"no component {custom_id!r}; has {message.custom_ids()}")
            if component.get("disabled"):
                raise InvalidInteraction(f"component {custom_id!r} is disabled")
            if message.ephemeral and message.interaction_metadata is not None:
                owner = message.interaction_metadata["user"]["id"]
                if owner != str(member.id):
                    raise InvalidInteraction("only the recipient can see an ephemeral message")
        component_type = int(component["type"]) if component else kind
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return self._interaction(MESSAGE_COMPONENT, message.channel, member, data, message)

    async def submit_modal(
        self,
        channel: Channel,
        member: Member,
        custom_id: str,
        fields: Mapping[str, str],
        *,
        message: Message | None = None,
    ) -> InteractionHandle:
        """``member`` submits the modal ``custom_id`` with text inputs ``{custom_id: value}``."""
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
            for key, value in fields.items()
        ]
        data: JSON = {"custom_id": custom_id, "components": rows}
        return self._interaction(MODAL_SUBMIT, channel, member, data, message)

    # ------------------------------------------------------------------ observing
    @property
    def recorded(self) -> list[RecordedRequest]:
        """Every REST call the bot made, in order."""
        return self.recorder.requests

    @property
    def frames(self) -> list[GatewayFrame]:
        """Every gateway frame, both directions, in order."""
        return self.recorder.frames

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

    # ------------------------------------------------------------------ faults and the gateway
    def fail_next(
        self,
        method: str,
        path_pattern: str,
        status: int = 500,
        *,
        times: int = 1,
        retry_after: float = 0.01,
        code: int | None = None,
        message: str | None = None,
    ) -> Fault:
        """The next ``times`` matching calls answer ``status`` (500, 429, 403, 404...)."""
        fault = Fault(method, path_pattern, status, times, retry_after, code, message)
        self.recorder.faults.append(fault)
        return fault

    async def drop_gateway(self, *, code: int = 4000, abort: bool = False) -> None:
        """Close every gateway connection (or kill the TCP socket) and wait until they are gone."""
        dropped = set(self.gateway.connections)
        self.gateway.drop(code=code, abort=abort)
        await self.recorder.signal.wait_until(
            lambda: not (dropped & self.gateway.connections), timeout=DEFAULT_TIMEOUT
        )

    def request_reconnect(self) -> None:
        """Send OP 7 RECONNECT: the client closes and resumes."""
        self.gateway.send_op(RECONNECT)

    def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send OP 9 INVALID_SESSION; non-resumable forces a new IDENTIFY.

        discord.py then reconnects to ``DiscordWebSocket.DEFAULT_GATEWAY``, so point that at
        ``gateway_url`` too (``point_discord_at(api_base, gateway_url=...)``).
        """
        self.gateway.invalidate_sessions(resumable=resumable)

    def dispatch(self, event: str, data: JSON, guild: Guild | None = None) -> None:
        """Send any gateway event as-is (for events this fake does not model)."""
        self.gateway.dispatch(event, data, guild)
