"""The fake Discord's world: users, guilds, roles, members, channels (messages: messages.py).

Each entity renders itself as the JSON payload Discord would send (``payload()``), with ids as
strings and timestamps in ISO 8601, so discord.py parses them exactly as it parses Discord's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from .permissions import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    PermissionSpec,
    resolve_permissions,
)

JSON = dict[str, Any]
DISCORD_EPOCH_MS = 1_420_070_400_000

# Channel types (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).
TEXT_CHANNEL = 0
DM_CHANNEL = 1
VOICE_CHANNEL = 2
CATEGORY_CHANNEL = 4
NEWS_CHANNEL = 5

EPHEMERAL_FLAG = 1 << 6
LOADING_FLAG = 1 << 7


def iso(moment: datetime | None) -> str | None:
    """Discord's timestamp format (ISO 8601 with an offset), or None."""
    return None if moment is None else moment.astimezone(UTC).isoformat()


def snowflake_time(snowflake: int) -> datetime:
    """The creation time encoded in a snowflake, as Discord and discord.py read it."""
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, tz=UTC)


class Registry(Protocol):
    """What entities need from the world: fresh ids, the time, and a way to announce changes."""

    def next_id(self) -> int: ...

    def now(self) -> datetime: ...

    def announce(self, event: str, data: JSON, guild: Guild | None) -> None: ...


@dataclass(eq=False)
class User:
    """A Discord user (a member's account, or the bot itself)."""

    id: int
    username: str
    bot: bool = False
    global_name: str | None = None
    accepts_dms: bool = True  # False: DMs fail with 403 50007 like a user who closed them

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(eq=False)
class Role:
    """A guild role; the @everyone role shares the guild's id."""

    id: int
    guild_id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = False

    @property
    def mention(self) -> str:
        return "@everyone" if self.id == self.guild_id else f"<@&{self.id}>"

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": self.managed,
            "mentionable": self.mentionable,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass(eq=False)
class Member:
    """A user's membership in one guild (roles, timeout)."""

    guild: Guild
    user: User
    role_ids: list[int]
    joined_at: datetime
    nick: str | None = None
    communication_disabled_until: datetime | None = None

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def mention(self) -> str:
        return self.user.mention

    @property
    def roles(self) -> list[Role]:
        return [self.guild.roles[rid] for rid in self.role_ids if rid in self.guild.roles]

    @property
    def permissions(self) -> int:
        """Guild-level permissions, computed as Discord does (owner and administrator get all)."""
        return self.guild.base_permissions(self)

    def payload(self, *, with_user: bool = True) -> JSON:
        data: JSON = {
            "roles": [str(rid) for rid in self.role_ids],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": iso(self.joined_at),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": iso(self.communication_disabled_until),
        }
        if with_user:
            data["user"] = self.user.payload()
        return data


@dataclass(eq=False)
class Channel:
    """A guild text/voice/category channel, or a DM channel (``guild`` is None)."""

    id: int
    name: str
    type: int = TEXT_CHANNEL
    guild: Guild | None = None
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    recipients: list[User] = field(default_factory=list)
    deleted: bool = False

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def guild_id(self) -> int | None:
        return None if self.guild is None else self.guild.id

    def payload(self) -> JSON:
        if self.guild is None:
            return {
                "id": str(self.id),
                "type": self.type,
                "last_message_id": None,
                "recipients": [u.payload() for u in self.recipients],
                "flags": 0,
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild.id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "topic": self.topic,
            "nsfw": False,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }


class Guild:
    """A server with its roles, channels and members; build it with the ``add_*`` methods.

    Changes made while the bot is connected are announced on the gateway (CHANNEL_CREATE,
    GUILD_ROLE_CREATE, GUILD_MEMBER_ADD), as Discord would.
    """

    def __init__(self, registry: Registry, guild_id: int, name: str, owner: User) -> None:
        self._registry = registry
        self.id = guild_id
        self.name = name
        self.owner_id = owner.id
        self.roles: dict[int, Role] = {
            guild_id: Role(guild_id, guild_id, "@everyone", DEFAULT_EVERYONE_PERMISSIONS)
        }
        self.channels: dict[int, Channel] = {}
        self.members: dict[int, Member] = {}

    def __repr__(self) -> str:
        return f"<fake Guild id={self.id} name={self.name!r}>"

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def add_channel(
        self, name: str, *, type: int = TEXT_CHANNEL, topic: str | None = None
    ) -> Channel:
        """Create a channel (text by default)."""
        channel = Channel(
            self._registry.next_id(), name, type, self, position=len(self.channels), topic=topic
        )
        self.channels[channel.id] = channel
        self._registry.announce("CHANNEL_CREATE", channel.payload(), self)
        return channel

    def add_role(
        self, name: str, permissions: PermissionSpec = None, *, managed: bool = False
    ) -> Role:
        """Create a role; permissions as an int, a name or names (see ``PERMISSION_BITS``)."""
        role = Role(
            self._registry.next_id(),
            self.id,
            name,
            resolve_permissions(permissions),
            position=len(self.roles),
            managed=managed,
        )
        self.roles[role.id] = role
        self._registry.announce(
            "GUILD_ROLE_CREATE", {"guild_id": str(self.id), "role": role.payload()}, self
        )
        return role

    def add_member(
        self,
        name: str,
        roles: Iterable[Role] = (),
        permissions: PermissionSpec = None,
        *,
        bot: bool = False,
        accepts_dms: bool = True,
        user: User | None = None,
    ) -> Member:
        """Add a member; ``permissions`` (Discord has no per-member grants) becomes a personal role."""
        account = user or User(self._registry.next_id(), name, bot=bot, accepts_dms=accepts_dms)
        role_ids = [role.id for role in roles]
        if permissions is not None:
            role_ids.append(self.add_role(f"{name} permissions", permissions).id)
        member = Member(self, account, role_ids, joined_at=self._registry.now())
        self.members[account.id] = member
        self._registry.announce(
            "GUILD_MEMBER_ADD", {**member.payload(), "guild_id": str(self.id)}, self
        )
        return member

    def get_member(self, user_id: int) -> Member | None:
        return self.members.get(user_id)

    def text_channels(self) -> list[Channel]:
        return [c for c in self.channels.values() if c.type == TEXT_CHANNEL and not c.deleted]

    def base_permissions(self, member: Member) -> int:
        """Discord's base permission computation (no channel overwrites in this fake)."""
        if member.id == self.owner_id:
            return ALL_PERMISSIONS
        value = self.everyone.permissions
        for role in member.roles:
            value |= role.permissions
        return ALL_PERMISSIONS if value & ADMINISTRATOR else value

    def payload(self, *, members: Sequence[Member], member_count: int) -> JSON:
        """A GUILD_CREATE payload carrying the given members."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "large": member_count >= 250,
            "member_count": member_count,
            "joined_at": iso(self._registry.now()),
            "features": [],
            "roles": [role.payload() for role in self.roles.values()],
            "channels": [c.payload() for c in self.channels.values() if not c.deleted],
            "members": [m.payload() for m in members],
            "voice_states": [],
            "presences": [],
            "threads": [],
            "emojis": [],
            "stickers": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "system_channel_id": None,
            "rules_channel_id": None,
        }
