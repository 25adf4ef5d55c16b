"""The detector shape of the readings in other scripts (detectors_korean.py, detectors_chinese.py).

Each reading reports under the name of the English detector of its rule, so a guild that
switches off or shadows 'builtin:rule3-denial' or 'builtin:rule1-hate' switches off or shadows
it too, and flags only. A message the reading's cheap gate refuses (one ``str.isascii`` test
for ASCII text) returns at once.
"""

from __future__ import annotations

from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import Action, FilterHit


def own_text(original: str) -> str:
    """The member's own lines: a line quoted with '>' is what the message answers."""
    lines = original.splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith(">"))


def evidence(text: str, cue: str) -> str:
    """The message around the cue, up to about 80 characters."""
    flat = " ".join(text.split())
    at = flat.find(cue.split(" … ")[0]) if cue else -1
    start = max(0, at - 30) if at >= 0 else 0
    piece = flat[start : start + 80]
    return piece if len(piece) < 80 else piece[:79] + "…"


class ScriptReadingDetector:
    """A flag when the member's own lines (not a quoted '>' line) give this reading's cue."""

    name: str
    rule: int
    record: str
    says: str
    language: str

    def gate(self, original: str) -> bool:
        """Whether a message that is not ASCII holds this reading's script."""
        raise NotImplementedError

    def cue(self, own: str) -> str:
        """The words that break the rule, or ''."""
        raise NotImplementedError

    def detect(self, text: NormalizedText) -> list[FilterHit]:
        """A flag when the member's own lines hold the cue."""
        original = text.original
        if original.isascii() or not self.gate(original):
            return []
        own = own_text(original)
        cue = self.cue(own)
        if not cue:
            return []
        reason = f"{self.says} in {self.language} ('{cue}')"
        piece = evidence(own, cue)
        return [FilterHit(self.name, self.rule, Action.FLAG, piece, reason, False, self.record)]
