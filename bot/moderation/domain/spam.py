"""Rule-2 spam: the same message repeated, mass mentions, link floods, message floods.

State is per guild and per author, bounded in size; time comes only from
``MessageInput.timestamp``, never the wall clock, so tests and backtests replay exactly.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict, deque
from dataclasses import dataclass

from bot.moderation.domain.filters import MessageInput
from bot.moderation.domain.names import SPAM_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import Action, FilterHit

_LINK = re.compile(r"https?://\S+|discord(?:\.gg|app\.com/invite|\.com/invite)/\S+", re.I)


@dataclass(frozen=True, slots=True)
class SpamLimits:
    """Thresholds; the defaults follow common Discord anti-spam settings."""

    window_seconds: float = 60.0
    repeats: int = 3  # the same text this many times in the window
    mentions: int = 5  # user/role mentions in one message
    links_per_message: int = 5
    links_in_window: int = 8
    messages_in_burst: int = 8
    burst_seconds: float = 10.0
    max_authors: int = 10_000


@dataclass(slots=True)
class _Seen:
    timestamp: float
    fingerprint: bytes
    links: int


class SpamTracker:
    """Per-guild memory of recent messages by author; ``observe`` reports spam hits."""

    def __init__(self, limits: SpamLimits | None = None) -> None:
        self.limits = limits or SpamLimits()
        self._authors: OrderedDict[int, deque[_Seen]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._authors)

    def observe(self, message: MessageInput, text: NormalizedText) -> list[FilterHit]:
        """Record a new message and return the spam hits it causes (empty when none)."""
        limits = self.limits
        hits: list[FilterHit] = []
        links = len(_LINK.findall(message.text))
        if message.mentions_everyone or message.mention_count >= limits.mentions:
            what = (
                "@everyone/@here"
                if message.mentions_everyone
                else f"{message.mention_count} mentions"
            )
            hits.append(_hit(Action.REMOVE, what, f"mass mentions ({what})"))
        if links >= limits.links_per_message:
            hits.append(_hit(Action.REMOVE, f"{links} links", f"link flood ({links} links)"))

        history = self._history(message.author_id)
        cutoff = message.timestamp - limits.window_seconds
        while history and history[0].timestamp < cutoff:
            history.popleft()
        # Only texts with words are compared: 'ok', emoji and attachments alone repeat innocently.
        content = text.text if len(text.text) >= 8 else ""
        fingerprint = hashlib.blake2b(content.encode(), digest_size=8).digest() if content else b""
        history.append(_Seen(message.timestamp, fingerprint, links))
        if fingerprint:
            repeats = sum(1 for seen in history if seen.fingerprint == fingerprint)
            if repeats >= limits.repeats:
                hits.append(
                    _hit(
                        Action.REMOVE,
                        content[:80],
                        f"the same message {repeats} times in {int(limits.window_seconds)} s",
                    )
                )
        window_links = sum(seen.links for seen in history)
        if links and window_links >= limits.links_in_window and links < limits.links_per_message:
            hits.append(_hit(Action.FLAG, f"{window_links} links", "many links in a short time"))
        burst_cutoff = message.timestamp - limits.burst_seconds
        burst = sum(1 for seen in history if seen.timestamp >= burst_cutoff)
        if burst >= limits.messages_in_burst:
            hits.append(
                _hit(
                    Action.FLAG,
                    f"{burst} messages",
                    f"{burst} messages in {int(limits.burst_seconds)} s",
                )
            )
        return hits

    def _history(self, author_id: int) -> deque[_Seen]:
        history = self._authors.get(author_id)
        if history is None:
            history = deque(maxlen=64)
            self._authors[author_id] = history
            if len(self._authors) > self.limits.max_authors:
                self._authors.popitem(last=False)  # forget the least recently active author
        else:
            self._authors.move_to_end(author_id)
        return history


def _hit(action: Action, matched: str, reason: str) -> FilterHit:
    return FilterHit(SPAM_FILTER_NAME, 2, action, matched, reason, shadow=False)
