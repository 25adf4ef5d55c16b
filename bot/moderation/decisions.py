"""What moderation tells the Discord layer: a message as seen, the decision on it, a backtest."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.storage_health import StorageFault
from bot.moderation.domain import FilterSpec, Verdict
from bot.moderation.storage.events import ModerationEvent
from bot.moderation.storage.outbox import OutboxItem

__all__ = [
    "ActionOutcome",
    "BacktestReport",
    "MessageContext",
    "ModerationDecision",
    "ModerationEvent",
    "OutboxItem",
    "Pending",
]


@dataclass(frozen=True, slots=True)
class MessageContext:
    """A message as the Discord layer sees it, reduced to what moderation needs."""

    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    text: str
    author_is_bot: bool = False
    author_can_manage_messages: bool = False
    role_ids: tuple[int, ...] = ()
    mention_count: int = 0
    mentions_everyone: bool = False
    attachment_count: int = 0
    timestamp: float = 0.0
    edited: bool = False
    guild_name: str = ""
    #: The text of the message this one replies to, when Discord sent it (rule 3 reads a short
    #: 'that never happened' against it).
    replied_text: str | None = None


@dataclass(frozen=True, slots=True)
class ModerationDecision:
    """What the Discord layer must do about one message (nothing when ``verdict`` allows)."""

    verdict: Verdict
    delete: bool = False
    dm_author: bool = False
    warn: bool = False
    alert: bool = False
    timeout_minutes: int | None = None
    escalated: bool = False
    event: ModerationEvent | None = None
    alerts_channel_id: int | None = None
    exempt_reason: str | None = None

    @property
    def acts(self) -> bool:
        return not self.verdict.allowed

    @property
    def event_id(self) -> int | None:
        return None if self.event is None else self.event.id


@dataclass(slots=True)
class ActionOutcome:
    """What the Discord layer managed to do about a message, for the record and the alert."""

    deleted: bool | None = None  # None: no deletion was asked for
    delete_error: str | None = None
    done: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = list(self.done)
        if self.delete_error:
            parts.append(f"deletion failed: {self.delete_error}")
        return "; ".join(parts) or "no action"


@dataclass(frozen=True, slots=True)
class BacktestReport:
    filter: FilterSpec
    scanned: int
    caught: list[tuple[int, str, str]] = field(default_factory=list)  # (message id, excerpt, why)


@dataclass(frozen=True, slots=True)
class Pending:
    """What moderators should look at: flags nobody decided and deliveries still waiting."""

    undecided: list[ModerationEvent]
    undelivered: list[OutboxItem]
    unwritten_events: int
    storage: StorageFault | None
