"""Rules 3 and 1 in Korean, read in Hangul before the normaliser romanises it.

The normaliser writes Hangul as unidecode's romanisation ('게이들은' -> 'ge ideul eun'), which
loses the syllable boundaries the words are made of and collides with English ('sin', 'nom'),
so the English readings cannot be taught Korean through it. Korean is read here instead, from
the message as written: a noun's particle follows it without a space ('기근은', '기근이',
'기근도') and spacing slips are common ('다 뻥임', '다뻥임'), so rule 3's stems are searched in
the message with its spaces removed; slurs are searched in the spaced text, where a word's left
edge is still known ('왜 놈이' is 'why the guy', '왜놈' a slur). The words are data
(data/korean_reading.json, with examples a test runs).

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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
_SPACES = re.compile(r"\s+")
_SENTENCES = re.compile(r"[.!?\n]+")
# A slur inside quote marks, or followed by a word that names it ('-이라는 말'), is mentioned.
_QUOTED = re.compile(r"[\"“”‘’'`]([^\"“”‘’'`]{1,20})[\"“”‘’'`]")
_NAMED_AFTER = re.compile(r"^\s*(?:이?라는|이?란|이?라고)")


@dataclass(frozen=True)
class KoreanLists:
    """data/korean_reading.json, compiled."""

    topic: re.Pattern[str]
    denial: re.Pattern[str]
    counter: re.Pattern[str]
    slurs: re.Pattern[str]
    groups: re.Pattern[str]
    contempt: re.Pattern[str]
    government: re.Pattern[str]
    naming: re.Pattern[str]


def _union(entries: list[str]) -> re.Pattern[str]:
    ordered = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(f"(?:{e})" for e in ordered))


def compile_lists(data: dict[str, dict[str, list[str]]]) -> KoreanLists:
    """The lists of one data mapping (the shipped file, or a fold's own in training)."""
    r3, r1 = data["rule3"], data["rule1"]
    return KoreanLists(
        _union(r3["topic"]),
        _union(r3["denial"]),
        _union(r3["counter"]),
        _union(r1["slurs"]),
        _union(r1["groups"]),
        _union(r1["contempt"]),
        _union(r1["government"]),
        _union(r1["naming"]),
    )


def reading_data() -> dict[str, dict[str, list[str]]]:
    """The shipped lists (examples included, under 'examples')."""
    raw = resources.files("bot.moderation").joinpath("data/korean_reading.json").read_text("utf-8")
    return dict(json.loads(raw))


@lru_cache(maxsize=1)
def shipped_lists() -> KoreanLists:
    return compile_lists(reading_data())


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Hangul (the cheap gate: ASCII text never does)."""
    return not text.isascii() and HANGUL.search(text) is not None


def _prepared(text: str) -> tuple[str, str]:
    """The text composed (NFC: jamo typed apart become syllables) and casefolded, and the
    same with every space removed."""
    spaced = unicodedata.normalize("NFC", text).casefold()
    return spaced, _SPACES.sub("", spaced)


def denial_cue(text: str, lists: KoreanLists | None = None) -> str:
    """The denial or belittling word of a Korean message that denies the crisis, else ''."""
    lists = lists or shipped_lists()
    _, compact = _prepared(text)
    cue = lists.denial.search(compact)
    if cue is None or lists.topic.search(compact) is None:
        return ""
    if lists.counter.search(compact) is not None:
        return ""
    return cue.group(0)


def _mentioned(spaced: str, start: int, end: int) -> bool:
    """Whether the slur at [start, end) is named rather than used ('"짱깨"라는 말')."""
    if any(q.start(1) <= start and end <= q.end(1) for q in _QUOTED.finditer(spaced)):
        return True
    return (
        _NAMED_AFTER.match(spaced, end) is not None
        or _NAMED_AFTER.match(spaced[end:].lstrip("\"“”‘’'`)")) is not None
    )


def hate_cue(text: str, lists: KoreanLists | None = None) -> str:
    """The slur or the contempt of a Korean message that insults a protected group, else ''."""
    lists = lists or shipped_lists()
    spaced, compact = _prepared(text)
    if lists.naming.search(compact) is None:
        for slur in lists.slurs.finditer(spaced):
            if not _mentioned(spaced, slur.start(), slur.end()):
                return slur.group(0)
    for sentence in _SENTENCES.split(spaced):
        packed = _SPACES.sub("", sentence)
        if lists.government.search(packed) or lists.naming.search(packed):
            continue
        group = lists.groups.search(packed)
        contempt = lists.contempt.search(packed) if group else None
        if group and contempt:
            return f"{group.group(0)} … {contempt.group(0)}"
    return ""
