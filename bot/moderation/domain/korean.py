"""Rules 3 and 1 in Korean, read in Hangul before the normaliser romanises it.

The normaliser writes Hangul as unidecode's romanisation ('게이들은' -> 'ge ideul eun'), which
loses the syllable boundaries the words are made of and collides with English ('sin', 'nom'),
so the English readings cannot be taught Korean through it. Korean is read here instead, from
the message as written: a noun's particle follows it without a space ('기근은', '기근이',
'기근도') and spacing slips are common ('다 뻥임', '다뻥임'), so rule 3's stems are searched in
the message with its spaces removed; slurs are searched in the spaced text, where a word's left
edge is still known ('왜 놈이' is 'why the guy', '왜놈' a slur). The words are data
(data/korean_reading.json, with examples a test runs); the reading itself is shared with
Chinese (script_reading.py).

- Rule 3: a crisis word (famine, camps, executions, repatriation, defectors, ...) and a word
  of denial or belittling (fabricated, paid actors, does not exist, exaggerated, deserved it,
  ...) in one message, with no reporting, rebuttal or sympathy word.
- Rule 1: a Korean slur aimed at a people, a sex or a sexuality; or a group word and a word
  of contempt (vermin, mental illness, criminals, ...) in one sentence, with no government
  word and no sign that the slur is being named to condemn it.

Every hit flags: with one Korean writer, no removal precision can be shown (bench/RESULTS.md).
A message without Hangul costs one ``str.isascii`` test, or one regex search when it holds
other non-ASCII characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.script_reading import ListData, ReadingLists, Script, compile_lists

HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
# A slur inside quote marks, or followed by a word that names it ('-이라는 말'), is mentioned.
_QUOTED = re.compile(r"[\"“”‘’'`]([^\"“”‘’'`]{1,20})[\"“”‘’'`]")
_NAMED_AFTER = re.compile(r"^\s*(?:이?라는|이?란|이?라고)")
# What, right after a denial word (spaces removed), says the member does not claim it: negated
# ('조작이 아님', '가짜가 아니라'; not '아님?', 'isn't it ...?', an insinuation) or reported
# ('범죄자래', '없다고 하시겠죠', '가짜라는 주장'). Round 21 (moderation49), written from writer
# AE's ok lines.
_NOT_OWN_AFTER = re.compile(
    r"(?:이|가|은|는|도)?(?:아니(?!냐|야|지|가|었|잖|겠)|아님(?![?ㅋ])|아냐(?![?ㅋ])|아닌(?!가|지|듯))"
    r"|(?:이)?(?:래(?!서|도)|라잖|라하|라며|라던|란다|랍니다|라고(?!봄|본|봐|생각|확신|믿|할수)"
    r"|라는(?:데|말|주장|얘기|소리))"
    r"|고(?:하시|하는|하던|하더|주장|우기|떠들|발표|했|그러)"
    r"|(?:쟁이)?(?:라|다)?는(?:사람|애들|분들|놈들|주장|(?:건|게|거)아니)"
)

#: The lists of one Korean data mapping (kept under this name for callers of round 18).
KoreanLists = ReadingLists

__all__ = [
    "KOREAN",
    "KoreanLists",
    "compile_lists",
    "denial_cue",
    "has_hangul",
    "hate_cue",
    "reading_data",
    "shipped_lists",
]


def _prepared(text: str) -> str:
    """The text composed (NFC: jamo typed apart become syllables) and casefolded."""
    return unicodedata.normalize("NFC", text).casefold()


KOREAN = Script(
    prepare=_prepared,
    sentences=re.compile(r"[.!?\n]+"),
    quoted=_QUOTED,
    named_after=_NAMED_AFTER,
    closers="\"“”‘’'`)",
    attributed_after=_NOT_OWN_AFTER,
)


def reading_data() -> ListData:
    """The shipped lists (examples included, under 'examples')."""
    raw = resources.files("bot.moderation").joinpath("data/korean_reading.json").read_text("utf-8")
    return dict(json.loads(raw))


@lru_cache(maxsize=1)
def shipped_lists() -> ReadingLists:
    return compile_lists(reading_data())


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Hangul (the cheap gate: ASCII text never does)."""
    return not text.isascii() and HANGUL.search(text) is not None


def denial_cue(text: str, lists: ReadingLists | None = None) -> str:
    """The denial or belittling word of a Korean message that denies the crisis, else ''."""
    return KOREAN.denial_cue(text, lists or shipped_lists())


def hate_cue(text: str, lists: ReadingLists | None = None) -> str:
    """The slur or the contempt of a Korean message that insults a protected group, else ''."""
    return KOREAN.hate_cue(text, lists or shipped_lists())
