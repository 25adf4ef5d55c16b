"""Words that a missing space glued together in the source text ("ComradeKim", "Kim Jong Ungot"),
split again before titles and sentences are read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def unglue(text: str, known: frozenset[str] = frozenset()) -> str:
    """Split words that a missing space glued together: "ComradeKim" -> "Comrade Kim",
    "HEKim" -> "HE Kim", and "Kim Jong Ungot" -> "Kim Jong Un got" when "Kim Jong Un" stands
    alone elsewhere in ``text`` or is among the ``known`` names (see standalone_names)."""
    spaced = _CAPITALS_GLUED.sub(" ", _LOWER_UPPER_GLUED.sub(_split_pair, text))
    if not _NAME_GLUED.search(spaced):
        return spaced
    found = set(_THREE_NAMES.findall(spaced)) | {n for n in known if n in spaced}
    # Longest first, one (cached) pattern per name: names recur across texts, sets do not.
    for name in sorted(found, key=len, reverse=True):
        if _glued_somewhere(spaced, name):
            spaced = _glued_name(name).sub(r"\1 ", spaced)
    return spaced


def _glued_somewhere(text: str, name: str) -> bool:
    """Whether ``name`` is followed by two lower-case letters somewhere (a cheap test first)."""
    start = text.find(name)
    while start >= 0:
        tail = text[start + len(name) : start + len(name) + 2]
        if len(tail) == 2 and tail.isalpha() and tail.islower():
            return True
        start = text.find(name, start + 1)
    return False


def standalone_names(texts: Iterable[str]) -> frozenset[str]:
    """Names of three capitalised words that stand alone in ``texts`` (for unglue)."""
    found: set[str] = set()
    for text in texts:
        found.update(_THREE_NAMES.findall(text))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _glued_name(name: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + re.escape(name) + r")(?=[a-z]{2,})")


_LOWER_UPPER_GLUED = re.compile(r"\b([A-Za-z]*[a-z])([A-Z][a-z]+)\b")
_NAME_GLUED = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+[a-z]{2,}\b")


def _split_pair(match: re.Match[str]) -> str:
    # Only split when both halves look like words of their own (McDonald and iPhone stay whole).
    head, tail = match.group(1), match.group(2)
    if len(head) >= 4 and len(tail) >= 3:
        return f"{head} {tail}"
    return match.group(0)


_THREE_NAMES = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+\b")
_CAPITALS_GLUED = re.compile(r"(?<=\b[A-Z]{2})(?=[A-Z][a-z]{2,})")
