"""Rules 3 and 1 read from word lists in a script the normaliser romanises (Korean, Chinese).

unidecode writes Hangul and Han characters as syllables ('기근' -> 'gi geun', '饥荒' -> 'Ji
Huang'), which lose the word boundaries and collide with English, so these languages are read
from the message as written, with lists of words kept as data (data/<language>_reading.json).
korean.py and chinese.py say how their text is prepared and split; the reading is shared:

- Rule 3: a crisis word and a word of denial or belittling in one message (searched with every
  space removed: a stem is enough, spacing slips and particles do not matter), or a phrase that
  names both (optional list 'alone': '북한 기사는 다 조작'), with no reporting, rebuttal or
  sympathy word.
- Rule 1: a slur (searched in the spaced text, where a word's left edge is still known) that is
  not named to condemn it; or a group word and a word of contempt in one sentence with no
  government word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")
_NEVER = re.compile(r"(?!)")

ListData = dict[str, dict[str, list[str]]]


@dataclass(frozen=True)
class ReadingLists:
    """One language's word lists, compiled (the shipped file, or a fold's own in training)."""

    topic: re.Pattern[str]
    denial: re.Pattern[str]
    counter: re.Pattern[str]
    slurs: re.Pattern[str]
    groups: re.Pattern[str]
    contempt: re.Pattern[str]
    government: re.Pattern[str]
    naming: re.Pattern[str]
    #: Rule 3: phrases that hold their own crisis word (no topic word needed).
    alone: re.Pattern[str] = _NEVER


def union(entries: list[str]) -> re.Pattern[str]:
    """One pattern for a list of entries (regular expressions), the longest tried first."""
    ordered = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(f"(?:{e})" for e in ordered))


def compile_lists(data: ListData) -> ReadingLists:
    """The lists of one data mapping ('rule3': topic, denial, counter and optionally alone;
    'rule1': slurs, groups, contempt, government, naming)."""
    r3, r1 = data["rule3"], data["rule1"]
    return ReadingLists(
        union(r3["topic"]),
        union(r3["denial"]),
        union(r3["counter"]),
        union(r1["slurs"]),
        union(r1["groups"]),
        union(r1["contempt"]),
        union(r1["government"]),
        union(r1["naming"]),
        union(r3["alone"]) if r3.get("alone") else _NEVER,
    )


@dataclass(frozen=True)
class Script:
    """How one language's messages are prepared and split before the lists are searched."""

    #: The text as the lists are written: composed, casefolded, variants folded.
    prepare: Callable[[str], str]
    #: Where sentences end (rule 1 reads a group and its contempt within one).
    sentences: re.Pattern[str]
    #: A short piece inside quote marks (group 1): a slur there is mentioned, not used.
    quoted: re.Pattern[str]
    #: What follows a slur that names it ('-이라는 말', '这个词').
    named_after: re.Pattern[str]
    #: Closing quote marks skipped before ``named_after`` is tried.
    closers: str
    #: What, just before a denial word, says the member does not say it ('不是瞎扯', not
    #: nonsense; '被说成维护主权', called defending sovereignty); searched in the few characters
    #: before the word, so it ends with '$'. None: every denial word counts (Korean).
    negated_before: re.Pattern[str] | None = None
    #: What, just after a denial word, gives it to others ('说双赢的人', those who say win-win)
    #: or negates it ('조작이 아님', not fabricated; Korean negates after the word).
    attributed_after: re.Pattern[str] | None = None

    def denial_cue(self, text: str, lists: ReadingLists) -> str:
        """The denial or belittling word of a message that denies the crisis, else ''."""
        compact = _SPACES.sub("", self.prepare(text))
        alone = lists.alone.search(compact)
        cue = alone or lists.denial.search(compact)
        if cue is None or (alone is None and lists.topic.search(compact) is None):
            return ""
        if lists.counter.search(compact) is not None:
            return ""
        if alone is not None or (self.negated_before is None and self.attributed_after is None):
            return cue.group(0)
        # The quoted spans are found once: a long message of quoted or negated denial words
        # must not cost a scan of the message per word.
        quoted = [(q.start(1), q.end(1)) for q in self.quoted.finditer(compact)]
        for found in lists.denial.finditer(compact):
            if self._own_claim(compact, found.start(), found.end(), quoted):
                return found.group(0)
        return ""

    def _own_claim(self, compact: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
        """Whether the denial word at [start, end) is the member's own, not negated ('不是
        瞎扯'), quoted ('“没有集中营”') or given to others ('说双赢的人')."""
        if self.negated_before is not None and self.negated_before.search(
            compact, max(0, start - 6), start
        ):
            return False
        if self.attributed_after is not None and self.attributed_after.match(compact, end):
            return False
        return not any(q_start <= start and end <= q_end for q_start, q_end in quoted)

    def mentioned(self, spaced: str, start: int, end: int) -> bool:
        """Whether the slur at [start, end) is named rather than used."""
        if any(q.start(1) <= start and end <= q.end(1) for q in self.quoted.finditer(spaced)):
            return True
        return (
            self.named_after.match(spaced, end) is not None
            or self.named_after.match(spaced[end:].lstrip(self.closers)) is not None
        )

    def hate_cue(self, text: str, lists: ReadingLists) -> str:
        """The slur or the contempt of a message that insults a protected group, else ''."""
        spaced = self.prepare(text)
        compact = _SPACES.sub("", spaced)
        if lists.naming.search(compact) is None:
            for slur in lists.slurs.finditer(spaced):
                if not self.mentioned(spaced, slur.start(), slur.end()):
                    return slur.group(0)
        for sentence in self.sentences.split(spaced):
            packed = _SPACES.sub("", sentence)
            if lists.government.search(packed) or lists.naming.search(packed):
                continue
            group = lists.groups.search(packed)
            contempt = lists.contempt.search(packed) if group else None
            if group and contempt:
                return f"{group.group(0)} … {contempt.group(0)}"
        return ""
