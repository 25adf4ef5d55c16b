"""The registry of built-in detectors that ship enabled (explicit, in rule order)."""

from __future__ import annotations

from typing import Protocol

from bot.domain.moderation.detectors_denial import DENIAL_FILTER_NAME, DenialDetector
from bot.domain.moderation.detectors_harassment import HARASSMENT_FILTER_NAME, HarassmentDetector
from bot.domain.moderation.detectors_hate import (
    HATE_FILTER_NAME,
    MODEL_FILTER_NAME,
    SLUR_FILTER_NAME,
    HateDetector,
)
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

#: Every name a built-in hit can carry (detectors may report under several names: rule 1
#: reports statements, slurs and the trained model apart), plus the per-guild spam tracker.
BUILTIN_FILTER_NAMES: tuple[str, ...] = (
    HATE_FILTER_NAME,
    SLUR_FILTER_NAME,
    MODEL_FILTER_NAME,
    HARASSMENT_FILTER_NAME,
    SPAM_FILTER_NAME,
    DENIAL_FILTER_NAME,
)
