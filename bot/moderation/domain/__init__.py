"""The moderation engine: normalisation, moderator filters, built-in detectors, verdicts.

Pure domain code: callers hand it messages (``MessageInput``) and filter specs; it returns a
``Verdict`` that describes actions, which the Discord layer carries out.
"""

from bot.moderation.domain.builtins import BUILTIN_FILTER_NAMES
from bot.moderation.domain.engine import ModerationEngine, RejectedFilter
from bot.moderation.domain.filters import (
    FILTER_KINDS,
    FilterSpec,
    FilterValidationError,
    MessageInput,
    validate_filter,
)
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.spam import SpamLimits, SpamTracker
from bot.moderation.domain.verdict import (
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
