"""Rule 3 in Japanese, read in kana and kanji before the normaliser romanises them.

A first reading (round 21): unidecode writes kana as romaji syllables and kanji as Chinese
pinyin ('北朝鮮の飢餓は嘘' -> 'Bei Chao Xian noJi E haXu'), so neither the English nor the
Chinese reading can read Japanese; and the Chinese reading leaves a message with kana alone.
Here script_reading.py's reading (shared with Korean and Chinese) runs over word lists kept as
data (data/japanese_reading.json, with examples a test runs): a crisis word and a word of
denial or belittling in one message, with no reporting, rebuttal or sympathy word, and the
denial word not negated or given to others after it ('嘘ではない', not a lie; '捏造だと主張する',
claims it is fabricated). Only rule 3, and it flags only: nobody has written Japanese test sets
for it yet, so no removal precision can be shown. A message with kanji but no kana is read as
Chinese (chinese.py), as before.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Hiragana and katakana (and the half-width forms): a message with any is read as Japanese; the
# Chinese reading leaves such a message alone by the same test.
from bot.moderation.domain.chinese import KANA
from bot.moderation.domain.script_reading import ListData, ReadingLists, Script, union

_NEVER = re.compile(r"(?!)")
_QUOTES = "\"“”‘’'`「」『』"
_QUOTED = re.compile(f"[{_QUOTES}]([^{_QUOTES}]{{1,20}})[{_QUOTES}]")
# Japanese negates and reports after the word: '嘘ではない', '捏造じゃなく', 'デマだと言う人',
# '嘘という主張', '作り話だと報じた'.
_NOT_OWN_AFTER = re.compile(
    r"(?:だ|な)?(?:では|じゃ|でも)(?:ない|なく|なかった|ありません|ありませ)"
    r"|(?:だ|である)?(?:と|って)(?:言|い|主張|報|発表|称|決めつけ|叫|騒)"
    r"|(?:だ)?という(?:人|主張|説|声|連中|意見)"
)

__all__ = ["JAPANESE", "denial_cue", "has_kana", "reading_data", "shipped_lists"]


def reading_data() -> ListData:
    """The shipped lists (with 'examples')."""
    raw = (
        resources.files("bot.moderation").joinpath("data/japanese_reading.json").read_text("utf-8")
    )
    return dict(json.loads(raw))


def _prepared(text: str) -> str:
    """The text as the lists are written: NFKC (half-width kana and full-width Latin folded),
    casefolded."""
    return unicodedata.normalize("NFKC", text).casefold()


JAPANESE = Script(
    prepare=_prepared,
    sentences=re.compile(r"[.!?\n。！？…]+"),
    quoted=_QUOTED,
    named_after=_NEVER,
    closers=_QUOTES + ")",
    attributed_after=_NOT_OWN_AFTER,
)


@lru_cache(maxsize=1)
def shipped_lists() -> ReadingLists:
    """Rule 3's lists compiled; rule 1 is not read in Japanese (its lists never match)."""
    r3 = reading_data()["rule3"]
    return ReadingLists(
        union(r3["topic"]),
        union(r3["denial"]),
        union(r3["counter"]),
        *(_NEVER,) * 5,
        alone=union(r3["alone"]) if r3.get("alone") else _NEVER,
    )


def has_kana(text: str) -> bool:
    """Whether ``text`` holds kana (the cheap gate: ASCII text never does)."""
    return not text.isascii() and KANA.search(text) is not None


def denial_cue(text: str, lists: ReadingLists | None = None) -> str:
    """The denial or belittling word of a Japanese message that denies the crisis, else ''."""
    return JAPANESE.denial_cue(text, lists or shipped_lists())


def hate_cue(text: str, lists: ReadingLists | None = None) -> str:
    """Rule 1 is not read in Japanese yet: always ''."""
    return ""
