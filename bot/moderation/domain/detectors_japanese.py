"""Rule 3 on messages in Japanese (bot/moderation/domain/japanese.py reads them).

One detector under the name of the English one (detectors_script.py), flag only. A message
without kana returns at once (one ``str.isascii`` test for ASCII text).
"""

from __future__ import annotations

from bot.moderation.domain.detectors_script import ScriptCues, ScriptDenialDetector
from bot.moderation.domain.japanese import denial_cue, has_kana, hate_cue, shipped_lists

JAPANESE_CUES = ScriptCues("Japanese", "japanese", has_kana, denial_cue, hate_cue, shipped_lists)
DENIAL_RECORD = "japanese-denial"


class JapaneseDenialDetector(ScriptDenialDetector):
    """Rule 3 in Japanese: a crisis word and a word of denial or belittling."""

    def __init__(self) -> None:
        super().__init__(JAPANESE_CUES)
