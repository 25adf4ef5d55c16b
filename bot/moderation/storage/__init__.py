"""Moderation's SQLite repositories, one module per aggregate."""

from bot.moderation.storage.events import ModerationEvent, ModerationEventRepository
from bot.moderation.storage.exemptions import Exemption, ExemptionRepository
from bot.moderation.storage.filters import FilterRepository, StoredFilter
from bot.moderation.storage.outbox import OutboxItem, OutboxRepository

__all__ = [
    "Exemption",
    "ExemptionRepository",
    "FilterRepository",
    "ModerationEvent",
    "ModerationEventRepository",
    "OutboxItem",
    "OutboxRepository",
    "StoredFilter",
]
