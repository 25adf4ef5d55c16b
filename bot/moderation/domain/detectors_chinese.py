"""Rules 3 and 1 on messages in Chinese (bot/moderation/domain/chinese.py reads them).

Two detectors under the names of the English ones (detectors_script.py), flag only. A message
without Han characters returns at once (one ``str.isascii`` test for ASCII text).
"""

from __future__ import annotations

from bot.moderation.domain.chinese import denial_cue, has_han, hate_cue, shipped_lists
from bot.moderation.domain.detectors_script import ScriptReadingDetector
from bot.moderation.domain.names import DENIAL_FILTER_NAME, HATE_FILTER_NAME

DENIAL_RECORD = "chinese-denial"
HATE_RECORD = "chinese-hate"


class _ChineseDetector(ScriptReadingDetector):
    language = "Chinese"

    def __init__(self) -> None:
        # The lists compile with the detectors, before the bot connects (as Korean's do).
        shipped_lists()

    def gate(self, original: str) -> bool:
        return has_han(original)


class ChineseDenialDetector(_ChineseDetector):
    """Rule 3 in Chinese: a crisis word and a word of denial or belittling."""

    name = DENIAL_FILTER_NAME
    rule = 3
    record = DENIAL_RECORD
    says = "denies or belittles the humanitarian crisis"

    def cue(self, own: str) -> str:
        return denial_cue(own)


class ChineseHateDetector(_ChineseDetector):
    """Rule 1 in Chinese: a slur, or a group word beside a word of contempt."""

    name = HATE_FILTER_NAME
    rule = 1
    record = HATE_RECORD
    says = "insults a protected group"

    def cue(self, own: str) -> str:
        return hate_cue(own)
