"""The Discord cogs: thin translators between interactions/events and the services."""

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from bot.cogs import admin, ask, digest, filters, moderation, sources

if TYPE_CHECKING:
    from bot.client import DigestBot

# Explicit, in load order: no discovery.
COGS: tuple[Callable[["DigestBot"], Awaitable[Any]], ...] = (
    ask.setup,
    filters.setup,
    digest.setup,
    moderation.setup,
    sources.setup,
    admin.setup,
)
