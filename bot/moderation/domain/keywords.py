"""Keyword matching: every keyword of every filter in one Aho-Corasick pass.

Keywords follow Discord AutoMod: 'word' matches the whole word, 'pre*' a word start, '*suf' a
word end and '*part*' anywhere. Matching runs on the squeezed view (repeated letters collapsed)
and then checks letter runs, so 'asssss' is 'ass' but 'as' is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from bot.moderation.domain.filters import KeywordTerm
from bot.moderation.domain.normalize import NormalizedText, runs_cover


@dataclass(frozen=True, slots=True)
class KeywordGroup:
    """The keywords of one owner (a filter or a built-in lexicon) and its allow list."""

    owner: int
    terms: tuple[KeywordTerm, ...]
    allow: tuple[KeywordTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """A keyword of ``owner`` found in a text; ``matched`` is the covering normalised words."""

    owner: int
    term: KeywordTerm
    matched: str


def covering_words(text: NormalizedText, start: int, end: int) -> str:
    """The canonical tokens that cover the squeezed span [start, end)."""
    first = text.token_index_at(start)
    last = text.token_index_at(max(start, end - 1))
    return " ".join(text.tokens[first : last + 1])


def is_allowed(allow: Sequence[KeywordTerm], words: str) -> bool:
    """Whether an allow-list entry covers the matched words ('assistance' is not 'ass')."""
    if not allow:
        return False
    candidates = (words, *words.split(" ")) if " " in words else (words,)
    return any(entry.matches_word(word) for entry in allow for word in candidates)


class KeywordMatcher:
    """One automaton over the keywords of many owners; ``find`` is one pass over a message."""

    def __init__(self, groups: Sequence[KeywordGroup]) -> None:
        table: dict[str, list[tuple[KeywordGroup, KeywordTerm]]] = {}
        for group in groups:
            for term in group.terms:
                table.setdefault(term.squeezed, []).append((group, term))
        self._automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._size = len(table)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, text: NormalizedText) -> list[KeywordMatch]:
        """Every (owner, keyword) that matches, at most once per owner."""
        if not self._size:
            return []
        haystack = text.squeezed
        found: list[KeywordMatch] = []
        seen: set[int] = set()
        for end_index, (length, entries) in self._automaton.iter(haystack):
            start = end_index - length + 1
            at_word_start = haystack[start - 1] == " "
            at_word_end = haystack[end_index + 1] == " "
            for group, term in entries:
                if group.owner in seen:
                    continue
                if not term.prefix_wild and not at_word_start:
                    continue
                if not term.suffix_wild and not at_word_end:
                    continue
                if not runs_cover(text.runs, start, term.runs):
                    continue
                words = covering_words(text, start, end_index + 1)
                if is_allowed(group.allow, words):
                    continue
                seen.add(group.owner)
                found.append(KeywordMatch(group.owner, term, words))
        return found
