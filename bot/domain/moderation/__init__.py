"""The moderation engine: normalisation, moderator filters, built-in detectors, verdicts.

Pure domain code: callers hand it messages (``MessageInput``) and filter specs; it returns a
``Verdict`` that describes actions, which the Discord layer carries out.
"""

from bot.domain.moderation.builtins import BUILTIN_FILTER_NAMES
from bot.domain.moderation.engine import ModerationEngine, RejectedFilter
from bot.domain.moderation.filters import (
    FILTER_KINDS,
    FilterSpec,
    FilterValidationError,
    MessageInput,
    validate_filter,
)
from bot.domain.moderation.normalize import NormalizedText, normalize
from bot.domain.moderation.spam import SpamLimits, SpamTracker
from bot.domain.moderation.verdict import (
    DEFAULT_RULES,
    Action,
    FilterHit,
    Verdict,
    merge_hits,
)

__all__ = [
    "BUILTIN_FILTER_NAMES",
    "DEFAULT_RULES",
    "FILTER_KINDS",
    "Action",
    "FilterHit",
    "FilterSpec",
    "FilterValidationError",
    "MessageInput",
    "ModerationEngine",
    "NormalizedText",
    "RejectedFilter",
    "SpamLimits",
    "SpamTracker",
    "Verdict",
    "merge_hits",
    "normalize",
    "validate_filter",
]
