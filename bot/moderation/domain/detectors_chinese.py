"""Rules 3 and 1 on messages in Chinese (bot/moderation/domain/chinese.py reads them).

Two detectors under the names of the English ones (detectors_script.py), flag only. A message
without Han characters returns at once (one ``str.isascii`` test for ASCII text).
"""

from __future__ import annotations

from bot.moderation.domain.chinese import denial_cue, has_han, hate_cue, shipped_lists
from bot.moderation.domain.detectors_script import (
    ScriptCues,
    ScriptDenialDetector,
    ScriptHateDetector,
)

CHINESE_CUES = ScriptCues("Chinese", "chinese", has_han, denial_cue, hate_cue, shipped_lists)
DENIAL_RECORD = "chinese-denial"
HATE_RECORD = "chinese-hate"


class ChineseDenialDetector(ScriptDenialDetector):
    """Rule 3 in Chinese: a crisis word and a word of denial or belittling."""

    def __init__(self) -> None:
        super().__init__(CHINESE_CUES)


class ChineseHateDetector(ScriptHateDetector):
    """Rule 1 in Chinese: a slur, or a group word beside a word of contempt."""

    def __init__(self) -> None:
        super().__init__(CHINESE_CUES)
