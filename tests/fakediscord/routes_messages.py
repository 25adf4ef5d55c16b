"""Channel messages: send (JSON or multipart), edit, delete, bulk delete, history, reactions."""

from __future__ import annotations

from urllib.parse import unquote

from .limits import message_errors
from .messages import Message
from .models import JSON, Channel
from .permissions import PERMISSION_BITS
from .rest import ApiError, Call, Reply, RestApi, RouteSpec, invalid_form
from .state import Deletion, Reaction

SEND = PERMISSION_BITS["view_channel"] | PERMISSION_BITS["send_messages"]
MANAGE_MESSAGES = PERMISSION_BITS["manage_messages"]
READ_HISTORY = PERMISSION_BITS["read_message_history"]
ADD_REACTIONS = PERMISSION_BITS["add_reactions"]
HISTORY_MAX = 100


def check_message_body(body: JSON, files: int, *, editing: bool = False) -> None:
    """Raise Discord's 400 for a body it would refuse (limits, or nothing to send)."""
    code, errors = message_errors(body, files=files, editing=editing)
    if code == 50006:
        raise ApiError(400, 50006, "Cannot send an empty message")
    if errors:
        raise invalid_form(errors)


async def create_message(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    body: JSON = call.json or {}
    if channel.guild is None:
        recipient = channel.recipients[0]
        if recipient.bot or not recipient.accepts_dms:
            raise ApiError(403, 50007, "Cannot send messages to this user")
    else:
        api.require(channel, SEND)
    check_message_body(body, len(call.files))
    reference = body.get("message_reference")
    if reference and reference.get("fail_if_not_exists", True):
        target = api.world.messages.get(int(reference.get("message_id", 0)))
        if target is None or target.deleted:
            raise invalid_form(["message_reference: Unknown message"])
    message = api.world.add_message(channel, api.world.bot, body, call.files)
    api.world.announce_message("MESSAGE_CREATE", message)
    return 200, message.payload()


async def get_message(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    if channel.guild is not None:
        api.require(channel, READ_HISTORY)
    return 200, api.message(channel, call.snowflake("message_id")).payload()


async def edit_message(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    message = api.message(channel, call.snowflake("message_id"))
    if message.author is not api.world.bot:
        raise ApiError(403, 50005, "Cannot edit a message authored by another user")
    body: JSON = call.json or {}
    check_message_body(body, len(call.files), editing=True)
    api.world.apply_edit(message, body, call.files)
    api.world.announce_message("MESSAGE_UPDATE", message)
    return 200, message.payload()


def delete(api: RestApi, message: Message, reason: str | None) -> None:
    """Mark deleted, log it, and dispatch MESSAGE_DELETE (shared with webhook deletes)."""
    message.deleted = True
    api.world.deletions.append(Deletion(message, api.world.bot, reason))
    if not message.ephemeral:
        api.world.announce_message("MESSAGE_DELETE", message)


async def delete_message(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    message = api.message(channel, call.snowflake("message_id"))
    if message.author is not api.world.bot:
        if channel.guild is None:
            raise ApiError(403, 50003, "Cannot execute action on a DM channel")
        api.require(channel, MANAGE_MESSAGES)
    delete(api, message, call.record.reason)
    return 204, None


async def bulk_delete(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    api.require(channel, MANAGE_MESSAGES)
    ids = [int(x) for x in (call.json or {}).get("messages", [])]
    if not 2 <= len(ids) <= 100:
        raise invalid_form(["messages: must contain 2 to 100 ids"])
    for message_id in ids:
        message = api.world.messages.get(message_id)
        if message is not None and message.channel is channel and not message.deleted:
            delete(api, message, call.record.reason)
    return 204, None


def _history_page(messages: list[Message], call: Call) -> list[Message]:
    limit = call.query_int("limit", 50) or 50
    if not 1 <= limit <= HISTORY_MAX:
        raise invalid_form([f"limit: must be 1 to {HISTORY_MAX}"])
    before, after, around = (call.query_int(k) for k in ("before", "after", "around"))
    if after is not None:
        # The ``limit`` oldest messages after the id, still returned newest first.
        page = [m for m in messages if m.id > after][:limit]
    elif around is not None:
        older = [m for m in messages if m.id < around][-(limit // 2) :] if limit > 1 else []
        newer = [m for m in messages if m.id >= around][: limit - len(older)]
        page = older + newer
    else:
        candidates = [m for m in messages if before is None or m.id < before]
        page = candidates[-limit:]
    return list(reversed(page))


async def get_history(api: RestApi, call: Call) -> Reply:
    channel: Channel = api.channel(call.snowflake("channel_id"))
    if channel.guild is not None:
        api.require(channel, 0)
        if not api.world.permissions_in(api.world.bot, channel) & READ_HISTORY:
            return 200, []  # Discord answers an empty list, not an error
    page = _history_page(api.world.channel_history(channel), call)
    return 200, [m.payload() for m in page]


async def typing(api: RestApi, call: Call) -> Reply:
    api.require(api.channel(call.snowflake("channel_id")), SEND)
    return 204, None


async def add_reaction(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    message = api.message(channel, call.snowflake("message_id"))
    if channel.guild is not None:
        api.require(channel, READ_HISTORY | ADD_REACTIONS)
    emoji = unquote(call.param("emoji"))
    api.world.reactions.append(Reaction(message, emoji, call.record.method == "PUT"))
    return 204, None


ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("POST", "/channels/{channel_id}/messages", create_message),
    RouteSpec("GET", "/channels/{channel_id}/messages", get_history),
    RouteSpec("POST", "/channels/{channel_id}/messages/bulk-delete", bulk_delete),
    RouteSpec("GET", "/channels/{channel_id}/messages/{message_id}", get_message),
    RouteSpec("PATCH", "/channels/{channel_id}/messages/{message_id}", edit_message),
    RouteSpec("DELETE", "/channels/{channel_id}/messages/{message_id}", delete_message),
    RouteSpec("POST", "/channels/{channel_id}/typing", typing),
    RouteSpec(
        "PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", add_reaction
    ),
    RouteSpec(
        "DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", add_reaction
    ),
)
