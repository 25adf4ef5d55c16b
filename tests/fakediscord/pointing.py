"""Point the real discord.py client at a loopback Discord, as the product does in production."""

from __future__ import annotations

from collections.abc import Callable

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route


def point_discord_at(api_base: str, *, gateway_url: str | None = None) -> Callable[[], None]:
    """Send every REST call to ``api_base`` (e.g. ``http://127.0.0.1:PORT/api/v10``).

    This is what the product does with DISCORD_API_BASE: ``discord.http.Route.BASE`` is read
    for every route, interaction callbacks and webhooks included, and an AutoShardedBot takes
    its gateway URL from ``GET {api_base}/gateway/bot``. discord.py falls back to
    ``DiscordWebSocket.DEFAULT_GATEWAY`` when it must IDENTIFY afresh (after a non-resumable
    INVALID_SESSION or a reconnect after a network error), so pass ``gateway_url`` to point that
    at the loopback as well. Returns a function that restores the previous values.
    """
    previous_base = Route.BASE
    previous_gateway = DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = api_base.rstrip("/")
    if gateway_url is not None:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)

    def restore() -> None:
        Route.BASE = previous_base
        DiscordWebSocket.DEFAULT_GATEWAY = previous_gateway

    return restore
