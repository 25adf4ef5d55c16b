"""Moderation's SQLite repositories, one module per aggregate."""

from bot.moderation.storage.events import ModerationEvent, ModerationEventRepository
from bot.moderation.storage.exemptions import Exemption, ExemptionRepository
from bot.moderation.storage.filters import FilterRepository, StoredFilter

__all__ = [
    "Exemption",
    "ExemptionRepository",
    "FilterRepository",
    "ModerationEvent",
    "ModerationEventRepository",
    "StoredFilter",
]
