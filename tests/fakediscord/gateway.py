"""The JSON gateway: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME, dispatches.

Every connection has an outbox drained by one writer task, so dispatches keep their order and
can be queued from synchronous code. A session outlives its connection: events dispatched while
the bot is disconnected are buffered and replayed on RESUME, as Discord does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .messages import Message
from .models import JSON, Guild
from .permissions import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MEMBERS,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    PRIVILEGED_INTENTS,
)
from .recording import Recorder
from .state import World

# Opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME, RECONNECT = 0, 1, 2, 3, 6, 7
REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 8, 9, 10, 11

# Which intent an event needs (explicit registry; events not listed are always sent).
EVENT_INTENTS: dict[str, int] = {
    "CHANNEL_CREATE": INTENT_GUILDS,
    "CHANNEL_UPDATE": INTENT_GUILDS,
    "CHANNEL_DELETE": INTENT_GUILDS,
    "GUILD_ROLE_CREATE": INTENT_GUILDS,
    "GUILD_MEMBER_ADD": INTENT_GUILD_MEMBERS,
    "GUILD_MEMBER_UPDATE": INTENT_GUILD_MEMBERS,
}


@dataclass(frozen=True)
class _Close:
    code: int
    abort: bool = False


@dataclass(eq=False)
class Connection:
    """One websocket; frames go through ``outbox`` so they are written in order."""

    ws: web.WebSocketResponse
    request: web.Request
    outbox: asyncio.Queue[JSON | _Close] = field(default_factory=asyncio.Queue)
    session: Session | None = None


@dataclass(eq=False)
class Session:
    """An identified gateway session (survives disconnects until resumed or invalidated)."""

    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0
    buffer: list[JSON] = field(default_factory=list)
    connection: Connection | None = None

    def wants(self, intent: int) -> bool:
        return bool(self.intents & intent)


class Gateway:
    """Serves ``/gateway`` and fans world events out to the sessions that should see them."""

    def __init__(
        self,
        world: World,
        recorder: Recorder,
        *,
        shard_count: int = 1,
        heartbeat_interval_ms: int = 41_250,
        enabled_privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self.world = world
        self.recorder = recorder
        self.shard_count = shard_count
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.enabled_privileged_intents = enabled_privileged_intents
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.url = ""  # set by the server once the port is known
        self._session_counter = 0
        world.subscribe(self._on_world_event, self._on_message_event)

    # ---------------------------------------------------------------- connection handling
    async def handle(self, request: web.Request) -> web.StreamResponse:
        """The aiohttp handler for ``GET /gateway`` (the websocket)."""
        ws = web.WebSocketResponse(autoclose=True, max_msg_size=0)
        await ws.prepare(request)
        conn = Connection(ws, request)
        self.connections.add(conn)
        writer = asyncio.create_task(self._writer(conn))
        self._send(conn, {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._received(conn, json.loads(msg.data))
                elif msg.type is WSMsgType.ERROR:
                    break
        finally:
            self.connections.discard(conn)
            if conn.session is not None and conn.session.connection is conn:
                conn.session.connection = None
            conn.outbox.put_nowait(_Close(1000))
            with contextlib.suppress(asyncio.CancelledError):
                await writer
            self.recorder.signal.notify()
        return ws

    async def _writer(self, conn: Connection) -> None:
        while True:
            item = await conn.outbox.get()
            if isinstance(item, _Close):
                if item.abort and conn.request.transport is not None:
                    conn.request.transport.abort()
                elif not conn.ws.closed:
                    await conn.ws.close(code=item.code)
                return
            if conn.ws.closed:
                continue
            try:
                await conn.ws.send_str(json.dumps(item))
            except ConnectionError:
                continue
            session_id = conn.session.id if conn.session else None
            self.recorder.add_frame("sent", session_id, item)

    def _send(self, conn: Connection, frame: JSON) -> None:
        conn.outbox.put_nowait(frame)

    async def _received(self, conn: Connection, frame: JSON) -> None:
        self.recorder.add_frame("received", conn.session.id if conn.session else None, frame)
        op, data = frame.get("op"), frame.get("d")
        if op == HEARTBEAT:
            self._send(conn, {"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            self._identify(conn, data or {})
        elif op == RESUME:
            self._resume(conn, data or {})
        elif op == REQUEST_MEMBERS and conn.session is not None:
            self._send_member_chunk(conn.session, data or {})

    def _identify(self, conn: Connection, data: JSON) -> None:
        if str(data.get("token", "")).removeprefix("Bot ") != self.world.token:
            conn.outbox.put_nowait(_Close(4004))  # Authentication failed
            return
        shard = tuple(data.get("shard") or (0, 1))
        if len(shard) != 2 or shard[1] != self.shard_count or not 0 <= shard[0] < shard[1]:
            conn.outbox.put_nowait(_Close(4010))  # Invalid shard
            return
        intents = int(data.get("intents", 0))
        if intents & PRIVILEGED_INTENTS & ~self.enabled_privileged_intents:
            conn.outbox.put_nowait(_Close(4014))  # Disallowed intents
            return
        self._session_counter += 1
        session = Session(f"fake-session-{self._session_counter}", (shard[0], shard[1]), intents)
        self.sessions[session.id] = session
        session.connection = conn
        conn.session = session
        guilds = self._guilds_for(session)
        self.dispatch_to(
            session,
            "READY",
            {
                "v": 10,
                "user": {**self.world.bot.payload(), "verified": True, "mfa_enabled": False},
                "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
                "session_id": session.id,
                "resume_gateway_url": self.url,
                "shard": list(session.shard),
                "application": {"id": str(self.world.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "user_settings": {},
                "session_type": "normal",
                "geo_ordered_rtc_regions": [],
            },
        )
        for guild in guilds:
            self.dispatch_to(session, "GUILD_CREATE", self._guild_create(session, guild))

    def _resume(self, conn: Connection, data: JSON) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        token_ok = str(data.get("token", "")).removeprefix("Bot ") == self.world.token
        if session is None or not token_ok:
            self._send(conn, {"op": INVALID_SESSION, "d": False})
            return
        if session.connection is not None and session.connection is not conn:
            session.connection.outbox.put_nowait(_Close(4000))
        session.connection = conn
        conn.session = session
        last_seen = int(data.get("seq") or 0)
        for frame in session.buffer:
            if frame["s"] > last_seen:
                self._send(conn, frame)
        self.dispatch_to(session, "RESUMED", {})

    def _send_member_chunk(self, session: Session, data: JSON) -> None:
        guild = self.world.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        members = list(guild.members.values())
        wanted = data.get("user_ids")
        if wanted:
            ids = {int(x) for x in (wanted if isinstance(wanted, list) else [wanted])}
            members = [m for m in members if m.id in ids]
        self.dispatch_to(
            session,
            "GUILD_MEMBERS_CHUNK",
            {
                "guild_id": str(guild.id),
                "members": [m.payload() for m in members],
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [],
                "nonce": data.get("nonce"),
            },
        )

    # ---------------------------------------------------------------- dispatching
    def _guilds_for(self, session: Session) -> list[Guild]:
        index, count = session.shard
        return [g for g in self.world.guilds.values() if (g.id >> 22) % count == index]

    def _guild_create(self, session: Session, guild: Guild) -> JSON:
        # Without GUILD_MEMBERS, Discord only sends the bot's own member; member_count stays true.
        everyone = list(guild.members.values())
        if session.wants(INTENT_GUILD_MEMBERS):
            members = everyone
        else:
            members = [m for m in everyone if m.id == self.world.bot.id]
        return guild.payload(members=members, member_count=len(everyone))

    def dispatch_to(self, session: Session, event: str, data: Any) -> None:
        """Send one DISPATCH to a session (buffered for RESUME if it is disconnected)."""
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.buffer.append(frame)
        if session.connection is not None:
            self._send(session.connection, frame)

    def sessions_for(self, guild: Guild | None) -> list[Session]:
        """Live (resumable) sessions whose shard holds ``guild`` (all sessions for DMs)."""
        result = []
        for session in self.sessions.values():
            index, count = session.shard
            if guild is None or (guild.id >> 22) % count == index:
                result.append(session)
        return result

    def dispatch(self, event: str, data: Any, guild: Guild | None = None) -> None:
        """Dispatch an event to every session that should receive it."""
        for session in self.sessions_for(guild):
            needed = EVENT_INTENTS.get(event, 0)
            if needed and not session.wants(needed):
                continue
            payload = (
                self._guild_create(session, guild) if event == "GUILD_CREATE" and guild else data
            )
            self.dispatch_to(session, event, payload)

    def _on_world_event(self, event: str, data: JSON, guild: Guild | None) -> None:
        if guild is not None and guild.id not in self.world.guilds:
            return  # still being built by World.add_guild; GUILD_CREATE will carry it
        self.dispatch(event, data, guild)

    def _on_message_event(self, event: str, message: Message) -> None:
        guild = message.channel.guild
        needed = INTENT_GUILD_MESSAGES if guild is not None else INTENT_DIRECT_MESSAGES
        bot_id = self.world.bot.id
        for session in self.sessions_for(guild):
            if not session.wants(needed):
                continue
            if event == "MESSAGE_DELETE":
                data: JSON = {"id": str(message.id), "channel_id": str(message.channel.id)}
                if guild is not None:
                    data["guild_id"] = str(guild.id)
                self.dispatch_to(session, event, data)
                continue
            # MESSAGE_CONTENT hides content except in DMs, the bot's own messages and mentions.
            visible = (
                session.wants(INTENT_MESSAGE_CONTENT)
                or guild is None
                or message.author.id == bot_id
                or bot_id in message.pings.users
            )
            self.dispatch_to(session, event, message.payload(with_content=visible))

    # ---------------------------------------------------------------- test controls
    def drop(self, *, code: int = 4000, abort: bool = False) -> int:
        """Close every live connection (``abort`` kills the TCP socket instead); returns count."""
        live = list(self.connections)
        for conn in live:
            conn.outbox.put_nowait(_Close(code, abort))
        return len(live)

    def send_op(self, op: int, data: Any = None) -> None:
        """Send a raw opcode (RECONNECT, INVALID_SESSION...) on every live connection."""
        for conn in list(self.connections):
            self._send(conn, {"op": op, "d": data})

    def invalidate_sessions(self, *, resumable: bool = False) -> None:
        """OP 9: the client must re-identify (or resume when ``resumable``)."""
        if not resumable:
            for session in list(self.sessions.values()):
                if session.connection is not None:
                    self.sessions.pop(session.id)
        self.send_op(INVALID_SESSION, resumable)

    async def close_all(self) -> None:
        """Close every connection with 1001 (going away) and wait for the handlers."""
        for conn in list(self.connections):
            conn.outbox.put_nowait(_Close(1001))
