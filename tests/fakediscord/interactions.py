"""INTERACTION_CREATE payloads as Discord builds them, and the record of how the bot answered.

Discord validates what a member types against the synced command definition before the bot
sees anything; :func:`command_data` does the same (required options, choices, lengths, ranges,
default_member_permissions) unless the test asks for raw input with ``validate=False``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .messages import Attachment, Message
from .models import EPHEMERAL_FLAG, JSON, Channel, Member, Role, User
from .state import World

# Interaction types and callback types (https://discord.com/developers/docs/interactions).
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

OPTION_STRING, OPTION_INTEGER, OPTION_BOOLEAN, OPTION_USER = 3, 4, 5, 6
OPTION_CHANNEL, OPTION_ROLE, OPTION_MENTIONABLE, OPTION_NUMBER = 7, 8, 9, 10


class InvalidInteraction(ValueError):
    """Discord's client would not let a member send this interaction (a mistake in the test)."""


@dataclass(eq=False)
class Callback:
    """One POST to ``/interactions/{id}/{token}/callback``: ``type`` 4-9 and its ``data``."""

    type: int
    data: JSON
    files: list[Attachment] = field(default_factory=list)

    @property
    def content(self) -> str:
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        return list(self.data.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        return list(self.data.get("components") or [])

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL_FLAG)

    @property
    def choices(self) -> list[JSON]:
        """Autocomplete choices (type 8)."""
        return list(self.data.get("choices") or [])

    @property
    def allowed_mentions(self) -> JSON | None:
        return self.data.get("allowed_mentions")


@dataclass(eq=False)
class InteractionRecord:
    """An interaction the fake sent, and everything the bot did with its token."""

    id: int
    token: str
    type: int
    payload: JSON
    channel: Channel
    member: Member
    created: float  # loop time, for the 3 s response deadline
    component_message: Message | None = None
    callbacks: list[Callback] = field(default_factory=list)
    original: Message | None = None
    followups: list[Message] = field(default_factory=list)
    edits: list[JSON] = field(default_factory=list)  # PATCH bodies on @original / followups


def _user_payloads(target: Member | User) -> tuple[str, JSON, JSON | None]:
    if isinstance(target, Member):
        member = {**target.payload(with_user=False), "permissions": str(target.permissions)}
        return str(target.id), target.user.payload(), member
    return str(target.id), target.payload(), None


def _resolve_value(
    world: World, member: Member, type_: int, value: Any, resolved: dict[str, JSON]
) -> Any:
    """Convert a test value to the wire value, filling ``resolved`` for snowflake options."""
    if type_ in (OPTION_USER, OPTION_MENTIONABLE) and isinstance(value, Member | User):
        key, user, member_data = _user_payloads(value)
        resolved.setdefault("users", {})[key] = user
        if member_data is not None:
            resolved.setdefault("members", {})[key] = member_data
        return key
    if type_ in (OPTION_ROLE, OPTION_MENTIONABLE) and isinstance(value, Role):
        resolved.setdefault("roles", {})[str(value.id)] = value.payload()
        return str(value.id)
    if type_ == OPTION_CHANNEL:
        channel = world.find_channel(int(value)) if isinstance(value, int | str) else value
        if not isinstance(channel, Channel):
            raise InvalidInteraction(f"no channel {value!r} for a channel option")
        resolved.setdefault("channels", {})[str(channel.id)] = {
            **channel.payload(),
            "permissions": str(world.permissions_in(member.user, channel)),
        }
        return str(channel.id)
    if type_ == OPTION_INTEGER and not isinstance(value, bool):
        return int(value)
    if type_ == OPTION_NUMBER:
        return float(value)
    return value


def _infer_type(value: Any) -> int:
    if isinstance(value, bool):
        return OPTION_BOOLEAN
    if isinstance(value, int):
        return OPTION_INTEGER
    if isinstance(value, float):
        return OPTION_NUMBER
    if isinstance(value, Member | User):
        return OPTION_USER
    if isinstance(value, Role):
        return OPTION_ROLE
    if isinstance(value, Channel):
        return OPTION_CHANNEL
    return OPTION_STRING


def _validate(spec: JSON, value: Any, where: str) -> None:
    choices = spec.get("choices") or []
    if choices and value not in [c["value"] for c in choices]:
        raise InvalidInteraction(f"{where}: {value!r} is not one of the choices")
    if isinstance(value, str) and spec.get("type") == OPTION_STRING:
        low, high = spec.get("min_length", 0), spec.get("max_length", 6000)
        if not low <= len(value) <= high:
            raise InvalidInteraction(f"{where}: length {len(value)} outside {low}..{high}")
    if isinstance(value, int | float) and spec.get("type") in (OPTION_INTEGER, OPTION_NUMBER):
        low, high = spec.get("min_value"), spec.get("max_value")
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidInteraction(f"{where}: {value} outside {low}..{high}")
    channel_types = spec.get("channel_types")
    if isinstance(value, Channel) and channel_types and value.type not in channel_types:
        raise InvalidInteraction(f"{where}: channel type {value.type} not allowed")


def build_options(
    world: World,
    member: Member,
    specs: Sequence[JSON] | None,
    values: Mapping[str, Any],
    resolved: dict[str, JSON],
    *,
    validate: bool,
    focused: str | None = None,
) -> list[JSON]:
    """Leaf options for one (sub)command; ``specs`` is the synced definition, if any."""
    by_name = {s["name"]: s for s in specs or []}
    if validate and specs is not None:
        unknown = set(values) - set(by_name)
        if unknown:
            raise InvalidInteraction(f"unknown options {sorted(unknown)}; known: {sorted(by_name)}")
        missing = [n for n, s in by_name.items() if s.get("required") and n not in values]
        if missing and focused is None:
            raise InvalidInteraction(f"missing required options {missing}")
    options: list[JSON] = []
    for name, value in values.items():
        spec = by_name.get(name, {})
        type_ = int(spec.get("type") or _infer_type(value))
        if name == focused:
            # Autocomplete sends what the member has typed so far, as text.
            if validate and specs is not None and not spec.get("autocomplete"):
                raise InvalidInteraction(f"option {name!r} has no autocomplete")
            options.append({"name": name, "type": type_, "value": str(value), "focused": True})
            continue
        if validate and spec:
            _validate(spec, value, f"option {name!r}")
        wire = _resolve_value(world, member, type_, value, resolved)
        options.append({"name": name, "type": type_, "value": wire})
    return options


def command_data(
    world: World,
    channel: Channel,
    member: Member,
    command: str,
    values: Mapping[str, Any],
    *,
    validate: bool = True,
    permission_override: bool = False,
    focused: str | None = None,
) -> JSON:
    """``data`` of an application-command (or autocomplete) interaction for "root sub ..."."""
    root, *path = command.split()
    guild = channel.guild
    definition = world.find_command(root, guild.id if guild else None)
    if definition is None and validate and (world.global_commands or world.guild_commands):
        raise InvalidInteraction(f"/{root} is not among the synced commands")
    if definition is not None and validate and not permission_override:
        needed = definition.get("default_member_permissions")
        if needed is not None and (member.permissions & int(needed)) != int(needed):
            raise InvalidInteraction(
                f"Discord hides /{root} from {member.user.username} (default_member_permissions);"
                " pass permission_override=True to model an admin's override"
            )
    specs: list[JSON] | None = None if definition is None else definition.get("options", [])
    resolved: dict[str, JSON] = {}
    nested: list[JSON] = []
    for index, part in enumerate(path):
        spec = next((s for s in specs or [] if s["name"] == part), None)
        if spec is None and specs is not None and validate:
            raise InvalidInteraction(f"/{root} has no subcommand {part!r}")
        entry: JSON = {
            "name": part,
            "type": int(spec["type"]) if spec else (2 if index < len(path) - 1 else 1),
            "options": [],
        }
        nested.append(entry)
        specs = None if spec is None else spec.get("options", [])
    leaf = build_options(world, member, specs, values, resolved, validate=validate, focused=focused)
    options: list[JSON] = leaf
    for entry in reversed(nested):
        entry["options"] = options
        options = [entry]
    data: JSON = {
        "id": definition["id"] if definition else str(world.next_id()),
        "name": root,
        "type": 1,
        "options": options,
    }
    if definition is not None and "guild_id" in definition:
        data["guild_id"] = definition["guild_id"]
    if resolved:
        data["resolved"] = resolved
    return data


def interaction_payload(
    world: World,
    *,
    interaction_id: int,
    token: str,
    type: int,
    channel: Channel,
    member: Member,
    data: JSON,
    message: Message | None = None,
) -> JSON:
    """A full INTERACTION_CREATE payload with the fields discord.py 2.7 reads."""
    guild = channel.guild
    assert guild is not None, "interactions in this fake come from guild channels"
    bot = world.bot_member(guild)
    payload: JSON = {
        "id": str(interaction_id),
        "application_id": str(world.application_id),
        "type": type,
        "token": token,
        "version": 1,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
        "channel_id": str(channel.id),
        "channel": {**channel.payload(), "permissions": str(member.permissions)},
        "member": {**member.payload(), "permissions": str(member.permissions)},
        "app_permissions": str(bot.permissions),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        "data": data,
    }
    if message is not None:
        payload["message"] = message.payload()
    return payload


def interaction_metadata(record: InteractionRecord) -> JSON:
    """``interaction_metadata`` of a message created by an interaction response."""
    data = record.payload.get("data", {})
    return {
        "id": str(record.id),
        "type": record.type,
        "user": record.member.user.payload(),
        "authorizing_integration_owners": record.payload["authorizing_integration_owners"],
        "name": data.get("name"),
    }
