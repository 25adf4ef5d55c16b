"""Regex matching with RE2: linear time, memory-capped, all patterns in one RE2::Set pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import re2

from bot.moderation.domain.filters import KeywordTerm, compile_regex, regex_options
from bot.moderation.domain.keywords import is_allowed
from bot.moderation.domain.normalize import NormalizedText, tokenize


@dataclass(frozen=True, slots=True)
class RegexGroup:
    """One owner's regex and its allow list."""

    owner: int
    pattern: str
    allow: tuple[KeywordTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class RegexMatch:
    """A regex of ``owner`` that matched; ``matched`` is the matched text (plain view)."""

    owner: int
    matched: str


def _widen_to_words(text: str, start: int, end: int) -> str:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return " ".join(tokenize(text[start:end]))


class RegexMatcher:
    """Run many regexes over the ``plain`` view: one set pass finds which fired, then each of
    those alone finds its matched text (RE2::Set reports indices, not spans)."""

    def __init__(self, groups: Sequence[RegexGroup]) -> None:
        self._groups = tuple(groups)
        self._compiled = [compile_regex(group.pattern) for group in self._groups]
        self._set: re2.Set | None = None
        if self._groups:
            regex_set = re2.Set.SearchSet(regex_options())
            for group in self._groups:
                regex_set.Add(group.pattern)
            regex_set.Compile()
            self._set = regex_set
            # The pybind11 method under re2.Set.Match, called with the encoded text: the same
            # indices without the wrapper's two Python frames on every message.
            self._match_encoded = regex_set._set.Match

    def __len__(self) -> int:
        return len(self._groups)

    def find(self, text: NormalizedText) -> list[RegexMatch]:
        """Every owner whose regex matches (and whose allow list does not excuse it)."""
        if self._set is None or not text.plain:
            return []
        indices = self._match_encoded(text.plain.encode())
        if not indices:
            return []
        found: list[RegexMatch] = []
        for index in sorted(indices):
            group = self._groups[index]
            for match in self._compiled[index].finditer(text.plain):
                words = _widen_to_words(text.plain, match.start(), match.end())
                if not is_allowed(group.allow, words):
                    found.append(RegexMatch(group.owner, match.group(0)))
                    break
        return found
