"""What moderation tells the Discord layer: a message as seen, the decision on it, a backtest."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.moderation.domain import FilterSpec, Verdict


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
    event_id: int | None = None
    alerts_channel_id: int | None = None
    exempt_reason: str | None = None

    @property
    def acts(self) -> bool:
        return not self.verdict.allowed


@dataclass(frozen=True, slots=True)
class BacktestReport:
    filter: FilterSpec
    scanned: int
    caught: list[tuple[int, str, str]] = field(default_factory=list)  # (message id, excerpt, why)
