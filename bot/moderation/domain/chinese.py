"""Rules 3 and 1 in Chinese, read in Han characters before the normaliser romanises them.

unidecode writes Han characters as toneless pinyin syllables ('饥荒根本不存在' -> 'Ji Huang Gen
Ben Bu Cun Zai'): every word falls apart into syllables that thousands of other characters share
and that collide with English ('shi', 'bang', 'ban'), so the English readings cannot read
Chinese through it. Chinese is read here instead, with script_reading.py's reading (shared with
Korean) over word lists kept as data (data/chinese_reading.json, with examples a test runs).

Chinese writes no spaces, so there is no segmenting step: every list entry is searched as a run
of characters anywhere in the message (the alternatives of a list are tried longest first, so
the longest entry that fits at a position wins), and an entry that would also match inside an
unrelated word says so with a look-around ('(?<!印度)支那', not Indochina; '(?<![放请度休寒暑年])
假的', not '放假的', a holiday). Before searching, a message is folded: NFKC (full-width Latin
and punctuation to ASCII), casefolded, and every traditional form of a character the lists use
written as its simplified form ('脫北者的證詞' -> '脱北者的证词'), so the lists are written once,
in simplified characters.

Every hit flags: with one Chinese writer, no removal precision can be shown (bench/RESULTS.md).
A message without Han characters costs one ``str.isascii`` test, or one regex search when it
holds other non-ASCII characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.script_reading import ListData, ReadingLists, Script, compile_lists

#: CJK unified ideographs (and extension A, and the compatibility block).
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Hiragana, katakana (and the half-width forms): Japanese writes kanji too, and its sentences
#: are not Chinese ones ('北朝鮮の飢餓...' is not read by the Chinese lists).
KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_QUOTES = "\"“”‘’'`「」『』"
_QUOTED = re.compile(f"[{_QUOTES}]([^{_QUOTES}]{{1,20}})[{_QUOTES}]")
_NAMED_AFTER = re.compile(
    r"\s*(?:这个词|这种词|这两个字|一词|这种说法|这个说法|这种称呼|这个称呼|是蔑称|是歧视|是贬义|是侮辱)"
)

__all__ = ["CHINESE", "denial_cue", "has_han", "hate_cue", "reading_data", "shipped_lists"]


def reading_data() -> ListData:
    """The shipped lists (with 'traditional', the fold table, and 'examples')."""
    raw = resources.files("bot.moderation").joinpath("data/chinese_reading.json").read_text("utf-8")
    return dict(json.loads(raw))


@lru_cache(maxsize=1)
def _folds() -> dict[int, str]:
    table: dict[str, str] = dict(reading_data()["traditional"])  # type: ignore[arg-type]
    return str.maketrans(table)


def _prepared(text: str) -> str:
    """The text as the lists are written: NFKC, casefolded, in simplified characters."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_folds())


CHINESE = Script(
    prepare=_prepared,
    sentences=re.compile(r"[.!?;\n。…]+"),
    quoted=_QUOTED,
    named_after=_NAMED_AFTER,
    closers=_QUOTES + ")",
    negated_before=re.compile(
        r"(?:不是|并非|不算|不叫|说成|称为|当成|当作|不等于)(?:什么|个|一个)?$"
    ),
    attributed_after=re.compile(r"(?:的人|的那些人|那些人|的说法)"),
)


@lru_cache(maxsize=1)
def shipped_lists() -> ReadingLists:
    _folds()
    return compile_lists(reading_data())


def has_han(text: str) -> bool:
    """Whether ``text`` holds Han characters and no kana (the cheap gate: ASCII text never
    does). A message with kana is Japanese: the Chinese reading leaves it alone."""
    return not text.isascii() and HAN.search(text) is not None and KANA.search(text) is None


def denial_cue(text: str, lists: ReadingLists | None = None) -> str:
    """The denial or belittling word of a Chinese message that denies the crisis, else ''."""
    return CHINESE.denial_cue(text, lists or shipped_lists())


def hate_cue(text: str, lists: ReadingLists | None = None) -> str:
    """The slur or the contempt of a Chinese message that insults a protected group, else ''."""
    return CHINESE.hate_cue(text, lists or shipped_lists())
