"""The two detectors of a reading in another script (detectors_korean.py, detectors_chinese.py).

A script's reading module gives its cues (``ScriptCues``); ``ScriptDenialDetector`` and
``ScriptHateDetector`` are the same for every script. Each reports under the name of the English detector of its rule, so a guild that
switches off or shadows 'builtin:rule3-denial' or 'builtin:rule1-hate' switches off or shadows
it too, and flags only. A message the reading's cheap gate refuses (one ``str.isascii`` test
for ASCII text) returns at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.moderation.domain.names import DENIAL_FILTER_NAME, HATE_FILTER_NAME
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


@dataclass(frozen=True)
class ScriptCues:
    """What a script's reading module gives its two detectors."""

    language: str  # named in the reason: "... in Korean ('...')"
    record: str  # the records' prefix: "korean" -> "korean-denial", "korean-hate"
    gate: Callable[[str], bool]  # whether a text that is not ASCII holds the script
    denial_cue: Callable[[str], str]  # rule 3's words in the text, or ''
    hate_cue: Callable[[str], str]  # rule 1's words in the text, or ''
    preload: Callable[[], object]  # compiles the lists, before the bot connects


class ScriptReadingDetector:
    """A flag when the member's own lines (not a quoted '>' line) give this reading's cue."""

    name: str
    rule: int
    kind: str
    says: str

    def __init__(self, cues: ScriptCues) -> None:
        # The lists compile with the detectors (about 9 ms for Korean), before the bot
        # connects, not on the first message in the script on the event loop.
        cues.preload()
        self.cues = cues
        self.language = cues.language
        self.record = f"{cues.record}-{self.kind}"

    def gate(self, original: str) -> bool:
        """Whether a message that is not ASCII holds this reading's script."""
        return self.cues.gate(original)

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


class ScriptDenialDetector(ScriptReadingDetector):
    """Rule 3 in the script: a crisis word and a word of denial or belittling."""

    name = DENIAL_FILTER_NAME
    rule = 3
    kind = "denial"
    says = "denies or belittles the humanitarian crisis"

    def cue(self, own: str) -> str:
        return self.cues.denial_cue(own)


class ScriptHateDetector(ScriptReadingDetector):
    """Rule 1 in the script: a slur, or a group word beside a word of contempt."""

    name = HATE_FILTER_NAME
    rule = 1
    kind = "hate"
    says = "insults a protected group"

    def cue(self, own: str) -> str:
        return self.cues.hate_cue(own)
