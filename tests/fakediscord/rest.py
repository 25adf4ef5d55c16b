"""The REST side: routing, body parsing, auth, fault injection and recording of every call.

Routes are declared in explicit tables (``routes_*.py``) of :class:`RouteSpec`; each handler is a
plain ``async def handler(api, call) -> Reply``. Anything unmatched answers Discord's 404 JSON, so
a gap in the fake surfaces in the bot as ``discord.NotFound`` and in ``fake.recorded``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from .gateway import Gateway
from .interactions import InteractionRecord
from .messages import Attachment, Message
from .models import JSON, Channel, Guild
from .recording import RecordedRequest, Recorder
from .state import World

Reply = tuple[int, Any]  # (status, JSON body); a None body is sent as an empty 204-style reply
Handler = Callable[["RestApi", "Call"], Awaitable[Reply]]


class ApiError(Exception):
    """A Discord JSON error: ``{"message", "code"}`` (plus ``errors`` for 50035)."""

    def __init__(self, status: int, code: int, message: str, errors: list[str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> JSON:
        body: JSON = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = nest_errors(self.errors)
        return body


def nest_errors(errors: Iterable[str]) -> JSON:
    """Discord's nested error shape from "path.to.field: message" strings."""
    root: JSON = {}
    for error in errors:
        path, _, message = error.partition(": ")
        node = root
        for key in path.split("."):
            node = node.setdefault(key, {})
        node.setdefault("_errors", []).append({"code": "BASE_TYPE_INVALID", "message": message})
    return root


def invalid_form(errors: list[str]) -> ApiError:
    """400 Invalid Form Body (50035), as Discord answers a body that breaks its limits."""
    return ApiError(400, 50035, "Invalid Form Body", errors)


def unknown(what: str, code: int) -> ApiError:
    return ApiError(404, code, f"Unknown {what}")


MISSING_PERMISSIONS = (403, 50013, "Missing Permissions")
MISSING_ACCESS = (403, 50001, "Missing Access")


@dataclass(frozen=True)
class RouteSpec:
    """One REST route: method, path template relative to the API base, handler, auth needed."""

    method: str
    template: str
    handler: Handler
    auth: bool = True


@dataclass(eq=False)
class Call:
    """What a handler gets: the parsed request and its log entry."""

    record: RecordedRequest
    request: web.Request

    @property
    def json(self) -> Any:
        return self.record.json

    @property
    def files(self) -> list[Attachment]:
        return self.record.files

    def param(self, name: str) -> str:
        return self.record.params[name]

    def snowflake(self, name: str) -> int:
        try:
            return int(self.record.params[name])
        except ValueError:
            raise ApiError(400, 50035, f"Invalid Form Body: {name} is not a snowflake") from None

    def query_int(self, name: str, default: int | None = None) -> int | None:
        raw = self.record.query.get(name)
        return default if raw is None else int(raw)


def _json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py only parses bodies with that exact content type.
    if body is None:
        return web.Response(status=204 if status == 200 else status, headers=headers)
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )


class RestApi:
    """Shared state for the handlers, and the aiohttp glue that records every call."""

    def __init__(
        self,
        world: World,
        gateway: Gateway,
        recorder: Recorder,
        *,
        prefix: str = "/api/v10",
        interaction_deadline: float | None = 3.0,
    ) -> None:
        self.world = world
        self.gateway = gateway
        self.recorder = recorder
        self.prefix = prefix
        self.interaction_deadline = interaction_deadline
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}

    # ------------------------------------------------------------------------- wiring
    def install(self, app: web.Application, routes: Iterable[RouteSpec]) -> None:
        """Register the route table, then a catch-all that answers 404 Unknown route."""
        for spec in routes:
            app.router.add_route(spec.method, self.prefix + spec.template, self._wrap(spec))
        catch_all = RouteSpec("*", "", _unknown_route, auth=False)
        app.router.add_route("*", "/{tail:.*}", self._wrap(catch_all))

    def _wrap(self, spec: RouteSpec) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            record = await self._record(request, spec)
            fault = self.recorder.take_fault(record.method, record.path, record.route)
            if fault is not None:
                record.fault = f"injected {fault.status}"
                body = fault.body()
                self.recorder.finish_request(record, fault.status, body)
                # discord.py treats a 429 without "Via" as a Cloudflare ban, so say we are Discord.
                headers = {"Via": "1.1 google"} if fault.status == 429 else None
                if fault.status == 429:
                    headers = {**(headers or {}), "Retry-After": str(fault.retry_after)}
                return _json_response(fault.status, body, headers)
            try:
                if spec.auth and request.headers.get("Authorization") != f"Bot {self.world.token}":
                    raise ApiError(401, 0, "401: Unauthorized")
                status, body = await spec.handler(self, Call(record, request))
            except ApiError as error:
                status, body = error.status, error.body()
            self.recorder.finish_request(record, status, body)
            return _json_response(status, body)

        return handle

    async def _record(self, request: web.Request, spec: RouteSpec) -> RecordedRequest:
        path = request.path.removeprefix(self.prefix)
        payload, files = await self._read_body(request)
        headers = {
            k.lower(): v
            for k, v in request.headers.items()
            if k.lower() in ("authorization", "x-audit-log-reason", "content-type", "user-agent")
        }
        record = RecordedRequest(
            seq=len(self.recorder.requests),
            method=request.method,
            path=path,
            route=spec.template,
            params=dict(request.match_info) if spec.template else {},
            query=dict(request.query),
            json=payload,
            files=files,
            headers=headers,
        )
        self.recorder.add_request(record)
        return record

    async def _read_body(self, request: web.Request) -> tuple[Any, list[Attachment]]:
        if not request.can_read_body:
            return None, []
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            files: list[Attachment] = []
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    raise ApiError(400, 50035, "Invalid Form Body", ["_: nested multipart"])
                data = await part.read()
                if part.name == "payload_json":
                    payload = json.loads(data)
                else:
                    files.append(
                        Attachment(
                            self.world.next_id(),
                            part.filename or part.name or "file",
                            bytes(data),
                            part.headers.get("Content-Type", "application/octet-stream"),
                        )
                    )
            return payload, files
        raw = await request.read()
        if not raw:
            return None, []
        try:
            return json.loads(raw), []
        except ValueError:
            return raw.decode(errors="replace"), []

    # ------------------------------------------------------------------------- helpers
    def guild(self, guild_id: int) -> Guild:
        guild = self.world.guilds.get(guild_id)
        if guild is None:
            raise unknown("Guild", 10004)
        return guild

    def channel(self, channel_id: int) -> Channel:
        channel = self.world.find_channel(channel_id)
        if channel is None:
            raise unknown("Channel", 10003)
        return channel

    def message(self, channel: Channel, message_id: int) -> Message:
        message = self.world.messages.get(message_id)
        if message is None or message.deleted or message.channel is not channel:
            raise unknown("Message", 10008)
        return message

    def require(self, channel: Channel, permission: int) -> None:
        """403 unless the bot holds ``permission`` in ``channel`` (view is checked first)."""
        held = self.world.permissions_in(self.world.bot, channel)
        if not held & (1 << 10):
            raise ApiError(*MISSING_ACCESS)
        if held & permission != permission:
            raise ApiError(*MISSING_PERMISSIONS)

    def interaction_by_token(self, application_id: int, token: str) -> InteractionRecord:
        record = self.interactions_by_token.get(token)
        if record is None or application_id != self.world.application_id:
            raise unknown("Webhook", 10015)
        return record

    def now_loop(self) -> float:
        return asyncio.get_running_loop().time()


async def _unknown_route(api: RestApi, call: Call) -> Reply:
    return 404, {"message": "Unknown route", "code": 0}
