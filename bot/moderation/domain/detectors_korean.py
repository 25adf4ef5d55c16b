"""Rules 3 and 1 on messages in Korean (bot/moderation/domain/korean.py reads them).

Two detectors under the names of the English ones (detectors_script.py), flag only. A message
without Hangul returns at once (one ``str.isascii`` test for ASCII text), so English messages
pay two method calls.
"""

from __future__ import annotations

from bot.moderation.domain.detectors_script import ScriptReadingDetector
from bot.moderation.domain.korean import denial_cue, has_hangul, hate_cue, shipped_lists
from bot.moderation.domain.names import DENIAL_FILTER_NAME, HATE_FILTER_NAME

DENIAL_RECORD = "korean-denial"
HATE_RECORD = "korean-hate"


class _KoreanDetector(ScriptReadingDetector):
    language = "Korean"

    def __init__(self) -> None:
        # The lists compile here (about 9 ms), with the detectors before the bot connects, not
        # on the first Korean message on the event loop (as normalize.preload does).
        shipped_lists()

    def gate(self, original: str) -> bool:
        return has_hangul(original)


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
