"""The registry of built-in detectors that ship enabled (explicit, in rule order)."""

from __future__ import annotations

from typing import Protocol

from bot.domain.moderation.detectors_denial import DenialDetector
from bot.domain.moderation.detectors_harassment import HarassmentDetector
from bot.domain.moderation.detectors_hate import HateDetector
from bot.domain.moderation.normalize import NormalizedText
from bot.domain.moderation.spam import SPAM_FILTER_NAME
from bot.domain.moderation.verdict import FilterHit


class Detector(Protocol):
    """A built-in detector: reads a normalised text and returns its hits."""

    @property
    def name(self) -> str: ...

    @property
    def rule(self) -> int: ...

    def detect(self, text: NormalizedText) -> list[FilterHit]: ...


def build_detectors() -> tuple[Detector, ...]:
    """Fresh instances of every built-in detector (they are stateless after construction)."""
    return (HateDetector(), HarassmentDetector(), DenialDetector())


BUILTIN_DETECTORS: tuple[Detector, ...] = build_detectors()

#: Names of the shipped detectors (plus the spam tracker, which needs per-guild state).
BUILTIN_FILTER_NAMES: tuple[str, ...] = (
    *(d.name for d in BUILTIN_DETECTORS),
    SPAM_FILTER_NAME,
)
