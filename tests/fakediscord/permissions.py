"""Discord permission bits and gateway intents, as plain integers.

The fake does not import discord.py's ``Permissions``/``Intents`` on purpose: it describes what
Discord does, and the client under test must not be able to bend it.
"""

from __future__ import annotations

from collections.abc import Iterable

# Bit positions from https://discord.com/developers/docs/topics/permissions (explicit registry).
PERMISSION_BITS: dict[str, int] = {
    "create_instant_invite": 1 << 0,
    "kick_members": 1 << 1,
    "ban_members": 1 << 2,
    "administrator": 1 << 3,
    "manage_channels": 1 << 4,
    "manage_guild": 1 << 5,
    "add_reactions": 1 << 6,
    "view_audit_log": 1 << 7,
    "view_channel": 1 << 10,
    "send_messages": 1 << 11,
    "manage_messages": 1 << 13,
    "embed_links": 1 << 14,
    "attach_files": 1 << 15,
    "read_message_history": 1 << 16,
    "mention_everyone": 1 << 17,
    "use_external_emojis": 1 << 18,
    "change_nickname": 1 << 26,
    "manage_roles": 1 << 28,
    "manage_webhooks": 1 << 29,
    "use_application_commands": 1 << 31,
    "manage_threads": 1 << 34,
    "send_messages_in_threads": 1 << 38,
    "moderate_members": 1 << 40,
}

ALL_PERMISSIONS = (1 << 51) - 1
ADMINISTRATOR = PERMISSION_BITS["administrator"]

# What a fresh server grants @everyone (a practical subset of Discord's defaults).
DEFAULT_EVERYONE_PERMISSIONS = (
    PERMISSION_BITS["create_instant_invite"]
    | PERMISSION_BITS["add_reactions"]
    | PERMISSION_BITS["view_channel"]
    | PERMISSION_BITS["send_messages"]
    | PERMISSION_BITS["embed_links"]
    | PERMISSION_BITS["attach_files"]
    | PERMISSION_BITS["read_message_history"]
    | PERMISSION_BITS["use_external_emojis"]
    | PERMISSION_BITS["change_nickname"]
    | PERMISSION_BITS["use_application_commands"]
    | PERMISSION_BITS["send_messages_in_threads"]
)

# The bot's managed role when a test does not say otherwise: what a moderation bot is invited with.
DEFAULT_BOT_PERMISSIONS = (
    DEFAULT_EVERYONE_PERMISSIONS
    | PERMISSION_BITS["manage_messages"]
    | PERMISSION_BITS["moderate_members"]
    | PERMISSION_BITS["read_message_history"]
)

MODERATOR_PERMISSIONS = PERMISSION_BITS["manage_guild"] | PERMISSION_BITS["manage_messages"]

PermissionSpec = int | str | Iterable[str] | None


def resolve_permissions(spec: PermissionSpec) -> int:
    """Turn ``0x20``, ``"manage_guild"`` or ``["manage_guild", "manage_messages"]`` into an int."""
    if spec is None:
        return 0
    if isinstance(spec, int):
        return spec
    names = [spec] if isinstance(spec, str) else list(spec)
    value = 0
    for name in names:
        try:
            value |= PERMISSION_BITS[name]
        except KeyError:
            known = ", ".join(sorted(PERMISSION_BITS))
            raise ValueError(f"unknown permission {name!r}; known: {known}") from None
    return value


# Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents).
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT
