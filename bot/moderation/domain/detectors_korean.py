"""Rules 3 and 1 on messages in Korean (bot/moderation/domain/korean.py reads them).

Two detectors under the names of the English ones (detectors_script.py), flag only. A message
without Hangul returns at once (one ``str.isascii`` test for ASCII text).
"""

from __future__ import annotations

from bot.moderation.domain.detectors_script import (
    ScriptCues,
    ScriptDenialDetector,
    ScriptHateDetector,
)
from bot.moderation.domain.korean import denial_cue, has_hangul, hate_cue, shipped_lists

KOREAN_CUES = ScriptCues("Korean", "korean", has_hangul, denial_cue, hate_cue, shipped_lists)
DENIAL_RECORD = "korean-denial"
HATE_RECORD = "korean-hate"


class KoreanDenialDetector(ScriptDenialDetector):
    """Rule 3 in Korean: a crisis word and a word of denial or belittling."""

    def __init__(self) -> None:
        super().__init__(KOREAN_CUES)


class KoreanHateDetector(ScriptHateDetector):
    """Rule 1 in Korean: a slur, or a group word beside a word of contempt."""

    def __init__(self) -> None:
        super().__init__(KOREAN_CUES)
