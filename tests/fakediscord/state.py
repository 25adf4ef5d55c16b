"""The fake's single source of truth: ids, guilds, DMs, messages, synced commands, timeouts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .messages import Attachment, Message
from .models import DISCORD_EPOCH_MS, DM_CHANNEL, JSON, Channel, Guild, Member, User
from .permissions import ALL_PERMISSIONS, DEFAULT_BOT_PERMISSIONS, PermissionSpec

Clock = Callable[[], datetime]
Listener = Callable[[str, JSON, Guild | None], None]
MessageListener = Callable[[str, Message], None]


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Timeout:
    """A PATCH of ``communication_disabled_until`` on a member (None lifts the timeout)."""

    guild_id: int
    user_id: int
    until: datetime | None
    reason: str | None


@dataclass(frozen=True)
class Deletion:
    """A message deleted through the API (``by`` is the user whose token deleted it)."""

    message: Message
    by: User
    reason: str | None


@dataclass(frozen=True)
class Reaction:
    """A reaction the bot added or removed on a message."""

    message: Message
    emoji: str
    added: bool


class World:
    """Everything the fake Discord knows; REST handlers and the test API both mutate it."""

    def __init__(self, *, token: str, bot_name: str, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._last_id = 0
        self.token = token
        self.bot = User(self.next_id(), bot_name, bot=True)
        self.application_id = self.bot.id  # Discord gives a bot the id of its application
        self.owner = User(self.next_id(), "app-owner")
        self.guilds: dict[int, Guild] = {}
        self.dm_channels: dict[int, Channel] = {}  # by recipient user id
        self.messages: dict[int, Message] = {}
        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}
        self.timeouts: list[Timeout] = []
        self.deletions: list[Deletion] = []
        self.reactions: list[Reaction] = []
        self._listeners: list[Listener] = []
        self._message_listeners: list[MessageListener] = []

    # ids, time, change notification -------------------------------------------------------
    def now(self) -> datetime:
        return self._clock()

    def next_id(self) -> int:
        """A snowflake for now, strictly greater than every earlier one."""
        millis = int(self.now().timestamp() * 1000) - DISCORD_EPOCH_MS
        candidate = max(millis, 0) << 22
        self._last_id = max(candidate, self._last_id + 1)
        return self._last_id

    def subscribe(self, listener: Listener, message_listener: MessageListener) -> None:
        self._listeners.append(listener)
        self._message_listeners.append(message_listener)

    def announce(self, event: str, data: JSON, guild: Guild | None) -> None:
        """Tell subscribers (the gateway) that something happened in ``guild``."""
        for listener in self._listeners:
            listener(event, data, guild)

    def announce_message(self, event: str, message: Message) -> None:
        for listener in self._message_listeners:
            listener(event, message)

    # lookups -------------------------------------------------------------------------------
    def add_guild(
        self,
        name: str,
        *,
        bot_permissions: PermissionSpec = DEFAULT_BOT_PERMISSIONS,
        owner_name: str = "server-owner",
    ) -> Guild:
        """A guild with an owner member and the bot as a member holding its managed role."""
        owner = User(self.next_id(), owner_name)
        guild = Guild(self, self.next_id(), name, owner)
        guild.add_member(owner_name, user=owner)
        bot_role = guild.add_role(self.bot.username, bot_permissions, managed=True)
        guild.add_member(self.bot.username, [bot_role], user=self.bot)
        self.guilds[guild.id] = guild
        self.announce("GUILD_CREATE", {"id": str(guild.id)}, guild)
        return guild

    def find_channel(self, channel_id: int) -> Channel | None:
        for guild in self.guilds.values():
            channel = guild.channels.get(channel_id)
            if channel is not None:
                return None if channel.deleted else channel
        for channel in self.dm_channels.values():
            if channel.id == channel_id:
                return channel
        return None

    def find_user(self, user_id: int) -> User | None:
        if user_id == self.bot.id:
            return self.bot
        for guild in self.guilds.values():
            member = guild.get_member(user_id)
            if member is not None:
                return member.user
        return None

    def bot_member(self, guild: Guild) -> Member:
        member = guild.get_member(self.bot.id)
        assert member is not None, "the bot is always a member of the fake's guilds"
        return member

    def permissions_in(self, user: User, channel: Channel) -> int:
        """A user's permissions in a channel (DMs allow everything that makes sense there)."""
        if channel.guild is None:
            return ALL_PERMISSIONS
        member = channel.guild.get_member(user.id)
        return 0 if member is None else member.permissions

    def dm_channel_for(self, user: User) -> Channel:
        channel = self.dm_channels.get(user.id)
        if channel is None:
            channel = Channel(self.next_id(), "", DM_CHANNEL, recipients=[user])
            self.dm_channels[user.id] = channel
        return channel

    # messages ------------------------------------------------------------------------------
    def add_message(
        self,
        channel: Channel,
        author: User,
        body: JSON,
        files: list[Attachment] | None = None,
        **extra: Any,
    ) -> Message:
        """Store a message built from a Discord message body (content, embeds, components...)."""
        guild = channel.guild
        reference = body.get("message_reference")
        referenced = None
        if reference is not None and reference.get("message_id") is not None:
            referenced = self.messages.get(int(reference["message_id"]))
            if referenced is not None and "type" not in extra:
                extra["type"] = 19  # REPLY
        message = Message(
            id=self.next_id(),
            channel=channel,
            author=author,
            content=str(body.get("content") or ""),
            member=guild.get_member(author.id) if guild else None,
            embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []),
            attachments=list(files or []),
            flags=int(body.get("flags") or 0),
            allowed_mentions=body.get("allowed_mentions"),
            message_reference=reference,
            referenced=referenced,
            nonce=body.get("nonce"),
            tts=bool(body.get("tts", False)),
            **extra,
        )
        self.messages[message.id] = message
        return message

    def apply_edit(self, message: Message, body: JSON, files: list[Attachment]) -> None:
        """Apply a PATCH body to a message, keeping the previous version."""
        message.previous_versions.append(message.payload())
        if "content" in body:
            message.content = str(body["content"] or "")
        if "embeds" in body:
            message.embeds = list(body["embeds"] or [])
        if "components" in body:
            message.components = list(body["components"] or [])
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        if "flags" in body and body["flags"] is not None:
            # Only SUPPRESS_EMBEDS may change on edit; ephemeral/loading are fixed (loading clears).
            message.flags = (message.flags & ~(1 << 2) & ~(1 << 7)) | (
                int(body["flags"]) & (1 << 2)
            )
        else:
            message.flags &= ~(1 << 7)
        if "attachments" in body:
            keep = {int(a["id"]) for a in body["attachments"] or [] if "id" in a}
            message.attachments = [a for a in message.attachments if a.id in keep]
        message.attachments.extend(files)
        message.edited_at = self.now()

    def channel_history(self, channel: Channel) -> list[Message]:
        """Visible messages in a channel, oldest first (no ephemeral, no deleted)."""
        return [
            m
            for m in self.messages.values()
            if m.channel is channel and not m.deleted and not m.ephemeral
        ]

    # commands ------------------------------------------------------------------------------
    def store_commands(self, guild_id: int | None, payload: list[JSON]) -> list[JSON]:
        """Bulk overwrite (PUT): keep ids of commands whose name and type did not change."""
        previous = (
            self.global_commands if guild_id is None else self.guild_commands.get(guild_id, [])
        )
        old_ids = {(c["name"], c.get("type", 1)): c["id"] for c in previous}
        stored: list[JSON] = []
        for command in payload:
            key = (command["name"], command.get("type", 1))
            entry = {
                "type": 1,
                "description": "",
                "options": [],
                "default_member_permissions": None,
                **command,
                "id": old_ids.get(key) or str(self.next_id()),
                "application_id": str(self.application_id),
                "version": str(self.next_id()),
            }
            if entry["default_member_permissions"] is not None:
                entry["default_member_permissions"] = str(entry["default_member_permissions"])
            if guild_id is not None:
                entry["guild_id"] = str(guild_id)
            stored.append(entry)
        if guild_id is None:
            self.global_commands = stored
        else:
            self.guild_commands[guild_id] = stored
        return stored

    def find_command(self, name: str, guild_id: int | None, type: int = 1) -> JSON | None:
        """A synced command as Discord would resolve it (guild commands shadow global ones)."""
        if guild_id is not None:
            for command in self.guild_commands.get(guild_id, []):
                if command["name"] == name and command.get("type", 1) == type:
                    return command
        for command in self.global_commands:
            if command["name"] == name and command.get("type", 1) == type:
                return command
        return None
