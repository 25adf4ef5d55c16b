"""Pieces of names in label candidates: a name cut short or glued to the next word by a lost
space (moved out of bot.digest.domain.labels, issue 15 round 13, unchanged)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.digest.domain.lexicon import FUNCTION_WORDS


def glued_word(word: str, pieces: frozenset[str]) -> bool:
    """A name's word glued to a verb by a lost space: "Ilvisited", "Sunghosted"."""
    if len(word) < 6 or not word.endswith(("ed", "ing")):
        return False
    return any(
        word.startswith(piece) and len(word) - len(piece) >= 4 and word[len(piece) :] not in pieces
        for piece in pieces
    )


def glued_to(phrase: Sequence[str], name: Sequence[str]) -> bool:
    """A name glued to the next word by a lost space: "Kim Il Sunghosted"."""
    size = len(name)
    for i in range(len(phrase) - size + 1):
        window = phrase[i : i + size]
        if (
            list(window[:-1]) == list(name[:-1])
            and window[-1] != name[-1]
            and window[-1].startswith(name[-1])
        ):
            return True
    return False


def cuts_name(phrase: Sequence[str], name: Sequence[str]) -> bool:
    """Whether ``phrase`` holds part of ``name`` but not all of it, at either of its ends."""
    if len(name) < 2 or contains_name(phrase, name):
        return False
    # A cut before "of" or "the" leaves a whole name ("Kumsusan Palace" of the Sun).
    for size in range(1, len(name)):
        head, tail = list(name[:size]), list(name[-size:])
        if list(phrase[-size:]) == head and name[size] not in FUNCTION_WORDS:
            return True
        if list(phrase[:size]) == tail and name[-size - 1] not in FUNCTION_WORDS:
            return True
    return False


def contains_name(phrase: Sequence[str], name: Sequence[str]) -> bool:
    return any(
        list(phrase[i : i + len(name)]) == list(name) for i in range(len(phrase) - len(name) + 1)
    )
