"""FakeDiscord: the loopback server and the API tests drive it with.

Lifecycle: ``fake = FakeDiscord(); await fake.start()`` ... ``await fake.stop()`` (or ``async
with FakeDiscord() as fake``). Build the world (guilds, channels, roles, members) before the bot
connects; act as members (messages, slash commands, clicks); observe what the bot sent.
"""

from __future__ import annotations

from aiohttp import web

from .acting import MemberActions
from .gateway import RECONNECT, Gateway
from .models import JSON, Channel, Guild, User
from .observing import Observations
from .permissions import DEFAULT_BOT_PERMISSIONS, PRIVILEGED_INTENTS, PermissionSpec
from .recording import DEFAULT_TIMEOUT, Fault, Recorder
from .rest import RestApi
from .routes_basic import ROUTES as BASIC_ROUTES
from .routes_interactions import ROUTES as INTERACTION_ROUTES
from .routes_messages import ROUTES as MESSAGE_ROUTES
from .state import Clock, World, utc_now

ROUTES = (*BASIC_ROUTES, *MESSAGE_ROUTES, *INTERACTION_ROUTES)


class FakeDiscord(MemberActions, Observations):
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
        try:
            await self.recorder.signal.wait_until(lambda: not self.gateway.connections, timeout=2.0)
        except AssertionError:
            self.gateway.drop(abort=True)  # a client that ignores the close frame
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
