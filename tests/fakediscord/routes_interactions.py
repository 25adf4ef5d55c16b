"""Interaction callbacks (types 4-9) and the interaction webhook (@original, followups).

Discord's rules modelled here: one callback per interaction, within the response deadline (3 s);
the webhook token only works once the interaction is acknowledged; the first followup after a
deferred "thinking" reply replaces the loading message; ephemeral messages never reach the
channel (no MESSAGE_CREATE, no history).
"""

from __future__ import annotations

from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    Callback,
    InteractionRecord,
    interaction_metadata,
)
from .limits import autocomplete_errors
from .messages import Message
from .models import EPHEMERAL_FLAG, JSON, LOADING_FLAG
from .rest import ApiError, Call, Reply, RestApi, RouteSpec, invalid_form, unknown
from .routes_messages import check_message_body, delete

CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9

# Which callback types each interaction type accepts (explicit registry).
ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    APPLICATION_COMMAND: frozenset({CHANNEL_MESSAGE, DEFERRED_MESSAGE, MODAL}),
    MESSAGE_COMPONENT: frozenset(
        {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL}
    ),
    AUTOCOMPLETE: frozenset({AUTOCOMPLETE_RESULT}),
    MODAL_SUBMIT: frozenset({CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE}),
}
INTERACTION_MESSAGE_TYPE = {APPLICATION_COMMAND: 20, MESSAGE_COMPONENT: 19, MODAL_SUBMIT: 19}


def _reply_message(api: RestApi, record: InteractionRecord, body: JSON, call: Call) -> Message:
    message = api.world.add_message(
        record.channel,
        api.world.bot,
        body,
        call.files,
        type=INTERACTION_MESSAGE_TYPE.get(record.type, 0),
        webhook_id=api.world.application_id,
        application_id=api.world.application_id,
        interaction_metadata=interaction_metadata(record),
    )
    if not message.ephemeral:
        api.world.announce_message("MESSAGE_CREATE", message)
    return message


def _edit(api: RestApi, message: Message, body: JSON, call: Call) -> None:
    check_message_body(body, len(call.files), editing=True)
    api.world.apply_edit(message, body, call.files)
    if not message.ephemeral:
        api.world.announce_message("MESSAGE_UPDATE", message)


def _check_callback(
    api: RestApi, record: InteractionRecord | None, token: str
) -> InteractionRecord:
    if record is None or record.token != token:
        raise ApiError(404, 10062, "Unknown interaction")
    deadline = api.interaction_deadline
    if not record.callbacks and deadline is not None and api.now_loop() - record.created > deadline:
        raise ApiError(404, 10062, "Unknown interaction")  # the 3 s window has passed
    if record.callbacks:
        raise ApiError(400, 40060, "Interaction has already been acknowledged.")
    return record


async def create_callback(api: RestApi, call: Call) -> Reply:
    record = _check_callback(
        api, api.interactions.get(call.snowflake("interaction_id")), call.param("token")
    )
    body: JSON = call.json or {}
    kind = int(body.get("type", 0))
    data: JSON = body.get("data") or {}
    if kind not in ALLOWED_CALLBACKS.get(record.type, frozenset()):
        raise invalid_form([f"type: callback {kind} is not valid for interaction {record.type}"])
    message: Message | None = None
    if kind == CHANNEL_MESSAGE:
        check_message_body(data, len(call.files))
        message = record.original = _reply_message(api, record, data, call)
    elif kind == DEFERRED_MESSAGE:
        flags = LOADING_FLAG | (int(data.get("flags") or 0) & EPHEMERAL_FLAG)
        message = record.original = _reply_message(api, record, {"flags": flags}, call)
    elif kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
        message = record.original = record.component_message
        if kind == UPDATE_MESSAGE and message is not None:
            _edit(api, message, data, call)
    elif kind == AUTOCOMPLETE_RESULT:
        errors = autocomplete_errors(data)
        if errors:
            raise invalid_form(errors)
    record.callbacks.append(Callback(kind, data, call.files))
    if call.record.query.get("with_response") not in ("1", "true", "True"):
        return 204, None
    interaction: JSON = {"id": str(record.id), "type": record.type}
    resource: JSON = {"type": kind}
    if message is not None:
        interaction.update(
            response_message_id=str(message.id),
            response_message_loading=kind == DEFERRED_MESSAGE,
            response_message_ephemeral=message.ephemeral,
        )
        if kind != DEFERRED_UPDATE:
            resource["message"] = message.payload()
    return 200, {"interaction": interaction, "resource": resource}


def _acknowledged(api: RestApi, call: Call) -> InteractionRecord:
    record = api.interaction_by_token(call.snowflake("application_id"), call.param("token"))
    if not record.callbacks:
        raise unknown("Webhook", 10015)  # the token only works after the first response
    return record


def _webhook_message(record: InteractionRecord, message_id: str) -> Message:
    if message_id == "@original":
        if record.original is None or record.original.deleted:
            raise unknown("Message", 10008)
        return record.original
    for message in [record.original, *record.followups]:
        if message is not None and str(message.id) == message_id and not message.deleted:
            return message
    raise unknown("Message", 10008)


async def get_webhook_message(api: RestApi, call: Call) -> Reply:
    record = _acknowledged(api, call)
    return 200, _webhook_message(record, call.param("message_id")).payload()


async def edit_webhook_message(api: RestApi, call: Call) -> Reply:
    record = _acknowledged(api, call)
    message = _webhook_message(record, call.param("message_id"))
    body: JSON = call.json or {}
    _edit(api, message, body, call)
    record.edits.append(body)
    return 200, message.payload()


async def delete_webhook_message(api: RestApi, call: Call) -> Reply:
    record = _acknowledged(api, call)
    delete(api, _webhook_message(record, call.param("message_id")), None)
    return 204, None


async def execute_followup(api: RestApi, call: Call) -> Reply:
    record = _acknowledged(api, call)
    body: JSON = call.json or {}
    original = record.original
    if original is not None and original.flags & LOADING_FLAG and not original.deleted:
        # Discord turns the first followup after a "thinking" defer into that message.
        check_message_body(body, len(call.files))
        _edit(api, original, {k: v for k, v in body.items() if k != "flags"}, call)
        message = original
    else:
        check_message_body(body, len(call.files))
        message = _reply_message(api, record, body, call)
    record.followups.append(message)
    if call.record.query.get("wait") not in ("1", "true", "True"):
        return 204, None
    return 200, message.payload()


ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec(
        "POST", "/interactions/{interaction_id}/{token}/callback", create_callback, auth=False
    ),
    RouteSpec("POST", "/webhooks/{application_id}/{token}", execute_followup, auth=False),
    RouteSpec(
        "GET",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        get_webhook_message,
        auth=False,
    ),
    RouteSpec(
        "PATCH",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        edit_webhook_message,
        auth=False,
    ),
    RouteSpec(
        "DELETE",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        delete_webhook_message,
        auth=False,
    ),
)
