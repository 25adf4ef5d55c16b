"""The registry of built-in detectors that ship enabled (explicit, in rule order).

Detectors load lexicons and model weights: they are built on first use, once per process, so
commands that never check a message never pay for them.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol, runtime_checkable

from bot.moderation.domain.names import BUILTIN_FILTER_NAMES
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import FilterHit

__all__ = [
    "BUILTIN_FILTER_NAMES",
    "Detector",
    "ReplyReader",
    "build_detectors",
    "builtin_detectors",
]


class Detector(Protocol):
    """A built-in detector: reads a normalised text and returns its hits."""

    @property
    def name(self) -> str: ...

    @property
    def rule(self) -> int: ...

    def detect(self, text: NormalizedText) -> list[FilterHit]: ...


@runtime_checkable
class ReplyReader(Protocol):
    """A detector that also reads the message a reply answers (rule 3: 'that never
    happened' under an account of the famine)."""

    def detect(
        self, text: NormalizedText, context: NormalizedText | None = None
    ) -> list[FilterHit]: ...

    def reads_replies(self) -> bool: ...


def build_detectors() -> tuple[Detector, ...]:
    """Fresh instances of every built-in detector (they are stateless after construction)."""
    from bot.moderation.domain.detectors_chinese import ChineseDenialDetector, ChineseHateDetector
    from bot.moderation.domain.detectors_denial import DenialDetector
    from bot.moderation.domain.detectors_harassment import HarassmentDetector
    from bot.moderation.domain.detectors_hate import HateDetector
    from bot.moderation.domain.detectors_japanese import JapaneseDenialDetector
    from bot.moderation.domain.detectors_korean import KoreanDenialDetector, KoreanHateDetector
    from bot.moderation.domain.detectors_spam import SpamTextDetector
    from bot.moderation.domain.normalize import preload

    preload()
    # The Korean and Chinese readings flag Hangul or Han messages only (detectors_korean.py,
    # detectors_chinese.py), the Japanese one (rule 3 only) messages with kana; they run after
    # the English detectors of their rules, never remove.
    return (
        HateDetector(),
        KoreanHateDetector(),
        ChineseHateDetector(),
        HarassmentDetector(),
        SpamTextDetector(),
        DenialDetector(),
        KoreanDenialDetector(),
        ChineseDenialDetector(),
        JapaneseDenialDetector(),
    )


@cache
def builtin_detectors() -> tuple[Detector, ...]:
    """The shared built-in detectors, built on first use."""
    return build_detectors()
