"""Rules 3 and 1 on messages in Korean (bot/moderation/domain/korean.py reads them).

Two detectors under the names of the English ones, so a guild that switches off or shadows
'builtin:rule3-denial' or 'builtin:rule1-hate' switches off or shadows the Korean reading too.
Both flag only. A message without Hangul returns at once (one ``str.isascii`` test for ASCII
text), so English messages pay two method calls.
"""

from __future__ import annotations

from bot.moderation.domain.korean import denial_cue, has_hangul, hate_cue, shipped_lists
from bot.moderation.domain.names import DENIAL_FILTER_NAME, HATE_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import Action, FilterHit

DENIAL_RECORD = "korean-denial"
HATE_RECORD = "korean-hate"


def _own_text(original: str) -> str:
    """The member's own lines: a line quoted with '>' is what the message answers."""
    lines = original.splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith(">"))


def _evidence(text: str, cue: str) -> str:
    """The message around the cue, up to about 80 characters."""
    flat = " ".join(text.split())
    at = flat.find(cue.split(" … ")[0]) if cue else -1
    start = max(0, at - 30) if at >= 0 else 0
    piece = flat[start : start + 80]
    return piece if len(piece) < 80 else piece[:79] + "…"


class _KoreanDetector:
    """A flag when the member's own lines (not a quoted '>' line) give this reading's cue."""

    name: str
    rule: int
    record: str
    says: str

    def __init__(self) -> None:
        # The lists compile here (about 9 ms), with the detectors before the bot connects, not
        # on the first Korean message on the event loop (as normalize.preload does).
        shipped_lists()

    def cue(self, own: str) -> str:
        """The words that break the rule, or ''."""
        raise NotImplementedError

    def detect(self, text: NormalizedText) -> list[FilterHit]:
        """A flag when the member's own lines hold the cue in Korean."""
        if not has_hangul(text.original):
            return []
        own = _own_text(text.original)
        cue = self.cue(own)
        if not cue:
            return []
        reason = f"{self.says} in Korean ('{cue}')"
        evidence = _evidence(own, cue)
        return [FilterHit(self.name, self.rule, Action.FLAG, evidence, reason, False, self.record)]


class KoreanDenialDetector(_KoreanDetector):
    """Rule 3 in Korean: a crisis word and a word of denial or belittling."""

    name = DENIAL_FILTER_NAME
    rule = 3
    record = DENIAL_RECORD
    says = "denies or belittles the humanitarian crisis"

    def cue(self, own: str) -> str:
        return denial_cue(own)


class KoreanHateDetector(_KoreanDetector):
    """Rule 1 in Korean: a slur, or a group word beside a word of contempt."""

    name = HATE_FILTER_NAME
    rule = 1
    record = HATE_RECORD
    says = "insults a protected group"

    def cue(self, own: str) -> str:
        return hate_cue(own)
