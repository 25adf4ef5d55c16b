"""A loopback Discord (REST v10 + JSON gateway) for running the real discord.py client in tests.

Start with ``FakeDiscord`` (see README.md in this directory)::

    fake = await FakeDiscord().start()
    guild = fake.add_guild("North Korea News")
    news = guild.add_channel("news")
    member = guild.add_member("reader")
    restore = point_discord_at(fake.api_base)
    ...  # start the bot with fake.token, then drive it:
    handle = await fake.send_slash_command(news, member, "ask", {"question": "..."})
    reply = await handle.response()
"""

from .handles import InteractionHandle
from .interactions import Callback, InteractionRecord, InvalidInteraction
from .messages import Attachment, Message, Pings
from .models import Channel, Guild, Member, Role, User
from .permissions import (
    DEFAULT_BOT_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    MODERATOR_PERMISSIONS,
    PERMISSION_BITS,
    resolve_permissions,
)
from .pointing import point_discord_at
from .recording import Fault, GatewayFrame, RecordedRequest, path_matches
from .server import FakeDiscord
from .state import Deletion, Reaction, Timeout

__all__ = [
    "DEFAULT_BOT_PERMISSIONS",
    "DEFAULT_EVERYONE_PERMISSIONS",
    "MODERATOR_PERMISSIONS",
    "PERMISSION_BITS",
    "Attachment",
    "Callback",
    "Channel",
    "Deletion",
    "FakeDiscord",
    "Fault",
    "GatewayFrame",
    "Guild",
    "InteractionHandle",
    "InteractionRecord",
    "InvalidInteraction",
    "Member",
    "Message",
    "Pings",
    "Reaction",
    "RecordedRequest",
    "Role",
    "Timeout",
    "User",
    "path_matches",
    "point_discord_at",
    "resolve_permissions",
]
