"""Login, gateway discovery, command sync, guilds, members (timeouts) and DM channels."""

from __future__ import annotations

from datetime import datetime, timedelta

from .limits import command_errors
from .models import JSON, Member
from .permissions import ADMINISTRATOR, PERMISSION_BITS
from .rest import MISSING_PERMISSIONS, ApiError, Call, Reply, RestApi, RouteSpec, invalid_form
from .rest import unknown as unknown_error
from .state import Timeout

MAX_TIMEOUT = timedelta(days=28)


async def get_me(api: RestApi, call: Call) -> Reply:
    return 200, {**api.world.bot.payload(), "verified": True, "mfa_enabled": False, "flags": 0}


async def get_user(api: RestApi, call: Call) -> Reply:
    user = api.world.find_user(call.snowflake("user_id"))
    if user is None:
        raise unknown_error("User", 10013)
    return 200, user.payload()


async def get_application(api: RestApi, call: Call) -> Reply:
    world = api.world
    return 200, {
        "id": str(world.application_id),
        "name": world.bot.username,
        "description": "A loopback test application",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": world.owner.payload(),
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "bot": world.bot.payload(),
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "tags": [],
    }


async def get_gateway_bot(api: RestApi, call: Call) -> Reply:
    return 200, {
        "url": api.gateway.url,
        "shards": api.gateway.shard_count,
        "session_start_limit": {
            "total": 1000,
            "remaining": 999,
            "reset_after": 14_400_000,
            "max_concurrency": 1,
        },
    }


async def get_gateway(api: RestApi, call: Call) -> Reply:
    return 200, {"url": api.gateway.url}


def _check_application(api: RestApi, call: Call) -> None:
    if call.snowflake("application_id") != api.world.application_id:
        raise ApiError(403, 50001, "Missing Access")


async def put_commands(api: RestApi, call: Call) -> Reply:
    _check_application(api, call)
    guild_id = call.snowflake("guild_id") if "guild_id" in call.record.params else None
    if guild_id is not None:
        api.guild(guild_id)
    payload = call.json
    if not isinstance(payload, list):
        raise ApiError(400, 50035, "Invalid Form Body", ["_: expected an array of commands"])
    errors = command_errors(payload)
    if errors:
        raise invalid_form(errors)
    return 200, api.world.store_commands(guild_id, payload)


async def get_commands(api: RestApi, call: Call) -> Reply:
    _check_application(api, call)
    if "guild_id" in call.record.params:
        guild_id = call.snowflake("guild_id")
        api.guild(guild_id)
        return 200, api.world.guild_commands.get(guild_id, [])
    return 200, api.world.global_commands


async def get_guild(api: RestApi, call: Call) -> Reply:
    guild = api.guild(call.snowflake("guild_id"))
    data = guild.payload(members=[], member_count=len(guild.members))
    for key in ("members", "channels", "voice_states", "presences", "threads", "joined_at"):
        data.pop(key, None)
    return 200, data


async def get_guild_channels(api: RestApi, call: Call) -> Reply:
    guild = api.guild(call.snowflake("guild_id"))
    return 200, [c.payload() for c in guild.channels.values() if not c.deleted]


async def get_guild_roles(api: RestApi, call: Call) -> Reply:
    guild = api.guild(call.snowflake("guild_id"))
    return 200, [r.payload() for r in guild.roles.values()]


def _member(api: RestApi, call: Call) -> Member:
    guild = api.guild(call.snowflake("guild_id"))
    member = guild.get_member(call.snowflake("user_id"))
    if member is None:
        raise unknown_error("Member", 10007)
    return member


async def get_member(api: RestApi, call: Call) -> Reply:
    return 200, _member(api, call).payload()


async def patch_member(api: RestApi, call: Call) -> Reply:
    """Only what a moderation bot does: nick and timeouts (communication_disabled_until)."""
    member = _member(api, call)
    guild = member.guild
    body: JSON = call.json or {}
    bot_permissions = api.world.bot_member(guild).permissions
    if "communication_disabled_until" in body:
        if not bot_permissions & PERMISSION_BITS["moderate_members"]:
            raise ApiError(*MISSING_PERMISSIONS)
        # Discord refuses to time out the owner, administrators, and the bot itself.
        protected = member.id in (guild.owner_id, api.world.bot.id)
        if protected or member.permissions & ADMINISTRATOR:
            raise ApiError(*MISSING_PERMISSIONS)
        raw = body["communication_disabled_until"]
        until = None if raw is None else datetime.fromisoformat(raw)
        if until is not None and until - api.world.now() > MAX_TIMEOUT:
            raise invalid_form(["communication_disabled_until: must be at most 28 days ahead"])
        member.communication_disabled_until = until
        api.world.timeouts.append(Timeout(guild.id, member.id, until, call.record.reason))
    if "nick" in body:
        member.nick = body["nick"]
    api.world.announce(
        "GUILD_MEMBER_UPDATE", {**member.payload(), "guild_id": str(guild.id)}, guild
    )
    return 200, member.payload()


async def create_dm(api: RestApi, call: Call) -> Reply:
    body: JSON = call.json or {}
    user = api.world.find_user(int(body.get("recipient_id", 0)))
    if user is None:
        raise unknown_error("User", 10013)
    return 200, api.world.dm_channel_for(user).payload()


async def get_channel(api: RestApi, call: Call) -> Reply:
    channel = api.channel(call.snowflake("channel_id"))
    if channel.guild is not None:
        api.require(channel, 0)
    return 200, channel.payload()


ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("GET", "/users/@me", get_me),
    RouteSpec("GET", "/users/{user_id}", get_user),
    RouteSpec("GET", "/oauth2/applications/@me", get_application),
    RouteSpec("GET", "/applications/@me", get_application),
    RouteSpec("GET", "/gateway/bot", get_gateway_bot),
    RouteSpec("GET", "/gateway", get_gateway, auth=False),
    RouteSpec("PUT", "/applications/{application_id}/commands", put_commands),
    RouteSpec("GET", "/applications/{application_id}/commands", get_commands),
    RouteSpec("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", put_commands),
    RouteSpec("GET", "/applications/{application_id}/guilds/{guild_id}/commands", get_commands),
    RouteSpec("GET", "/guilds/{guild_id}", get_guild),
    RouteSpec("GET", "/guilds/{guild_id}/channels", get_guild_channels),
    RouteSpec("GET", "/guilds/{guild_id}/roles", get_guild_roles),
    RouteSpec("GET", "/guilds/{guild_id}/members/{user_id}", get_member),
    RouteSpec("PATCH", "/guilds/{guild_id}/members/{user_id}", patch_member),
    RouteSpec("POST", "/users/@me/channels", create_dm),
    RouteSpec("GET", "/channels/{channel_id}", get_channel),
)
