"""Messages the fake knows, their attachments, and who they actually ping."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .models import EPHEMERAL_FLAG, JSON, Channel, Guild, Member, User, iso, snowflake_time


@dataclass(eq=False)
class Attachment:
    """A file uploaded with a message (multipart ``files[n]``)."""

    id: int
    filename: str
    data: bytes
    content_type: str = "application/octet-stream"

    def payload(self) -> JSON:
        url = f"https://cdn.fake.invalid/attachments/{self.id}/{self.filename}"
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": url,
            "proxy_url": url,
            "content_type": self.content_type,
        }


_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_EVERYONE = re.compile(r"@(everyone|here)\b")


@dataclass(frozen=True)
class Pings:
    """Who a message actually notifies, after Discord applies ``allowed_mentions``."""

    users: frozenset[int] = frozenset()
    roles: frozenset[int] = frozenset()
    everyone: bool = False

    def __bool__(self) -> bool:
        return bool(self.users or self.roles or self.everyone)


def compute_pings(content: str, allowed_mentions: JSON | None) -> Pings:
    """Apply Discord's allowed_mentions rules to the mentions written in ``content``."""
    users = {int(x) for x in _USER_MENTION.findall(content)}
    roles = {int(x) for x in _ROLE_MENTION.findall(content)}
    everyone = bool(_EVERYONE.search(content))
    if allowed_mentions is None:  # Discord's default: everything written pings
        return Pings(frozenset(users), frozenset(roles), everyone)
    parse = set(allowed_mentions.get("parse", []))
    allowed_users = {int(x) for x in allowed_mentions.get("users", [])}
    allowed_roles = {int(x) for x in allowed_mentions.get("roles", [])}
    return Pings(
        frozenset(u for u in users if "users" in parse or u in allowed_users),
        frozenset(r for r in roles if "roles" in parse or r in allowed_roles),
        everyone and "everyone" in parse,
    )


def walk_components(components: Sequence[JSON]) -> Iterable[JSON]:
    """Every component in a message, depth first (action rows, containers, sections...)."""
    for component in components:
        yield component
        yield from walk_components(component.get("components", []))
        accessory = component.get("accessory")
        if isinstance(accessory, dict):
            yield accessory


@dataclass(eq=False)
class Message:
    """A message the fake knows: sent by a test member, by the bot, or as an interaction reply."""

    id: int
    channel: Channel
    author: User
    content: str = ""
    member: Member | None = None
    embeds: list[JSON] = field(default_factory=list)
    components: list[JSON] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    type: int = 0
    allowed_mentions: JSON | None = None
    webhook_id: int | None = None
    application_id: int | None = None
    interaction_metadata: JSON | None = None
    message_reference: JSON | None = None
    # The message replied to, sent along as Discord does ("referenced_message", type 19).
    referenced: Message | None = None
    nonce: str | int | None = None
    tts: bool = False
    edited_at: datetime | None = None
    deleted: bool = False
    # Earlier versions (payloads) in edit order, so tests can see what a message used to say.
    previous_versions: list[JSON] = field(default_factory=list)

    @property
    def created_at(self) -> datetime:
        return snowflake_time(self.id)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL_FLAG)

    @property
    def guild(self) -> Guild | None:
        return self.channel.guild

    @property
    def pings(self) -> Pings:
        """Who this message notifies (mentions in content filtered by allowed_mentions)."""
        return compute_pings(self.content, self.allowed_mentions)

    def find_component(self, custom_id: str) -> JSON | None:
        """The component with this custom_id, or None."""
        for component in walk_components(self.components):
            if component.get("custom_id") == custom_id:
                return component
        return None

    def custom_ids(self) -> list[str]:
        """custom_ids of all interactive components, in display order."""
        return [c["custom_id"] for c in walk_components(self.components) if "custom_id" in c]

    def payload(self, *, with_content: bool = True) -> JSON:
        """The message object; ``with_content=False`` blanks what the MESSAGE_CONTENT intent hides."""
        pings = self.pings
        guild = self.channel.guild
        mentioned: list[JSON] = []
        for user_id in sorted(pings.users):
            member = guild.get_member(user_id) if guild else None
            if member is not None:
                mentioned.append(
                    {**member.user.payload(), "member": member.payload(with_user=False)}
                )
        data: JSON = {
            "id": str(self.id),
            "channel_id": str(self.channel.id),
            "type": self.type,
            "author": self.author.payload(),
            "content": self.content if with_content else "",
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at),
            "tts": self.tts,
            "mention_everyone": pings.everyone,
            "mentions": mentioned,
            "mention_roles": [str(r) for r in sorted(pings.roles)],
            "attachments": [a.payload() for a in self.attachments] if with_content else [],
            "embeds": list(self.embeds) if with_content else [],
            "components": list(self.components) if with_content else [],
            "reactions": [],
            "pinned": False,
            "flags": self.flags,
        }
        if guild is not None:
            data["guild_id"] = str(guild.id)
            if self.member is not None:
                data["member"] = self.member.payload(with_user=False)
        optional = {
            "webhook_id": None if self.webhook_id is None else str(self.webhook_id),
            "application_id": None if self.application_id is None else str(self.application_id),
            "interaction_metadata": self.interaction_metadata,
            "message_reference": self.message_reference,
            "referenced_message": (
                None
                if self.referenced is None
                else self.referenced.payload(with_content=with_content)
            ),
            "nonce": self.nonce,
        }
        data.update({k: v for k, v in optional.items() if v is not None})
        return data
