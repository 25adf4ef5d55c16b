"""What the search index returns: passage and article hits, answers, and a highlighting helper."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


class IndexFormatError(ValueError):
    """Persisted index arrays are missing, damaged or written by another format version."""


@dataclass(frozen=True, slots=True)
class PassageHit:
    """One passage that answers a question.

    ``excerpt`` is plain text trimmed around the best sentence; ``matched_terms`` are the surface
    words of the excerpt that matched the question, so a renderer can bold them.
    """

    article_id: str
    title: str
    url: str | None
    excerpt: str
    score: float
    matched_terms: tuple[str, ...]
    passage_ordinal: int
    published: datetime | None
    source: str
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """One article matching a /search query (or a did-you-mean suggestion)."""

    article_id: str
    title: str
    url: str | None
    score: float
    published: datetime | None
    source: str
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of /ask: confident hits, or none with a reason and a few close titles."""

    question: str
    hits: list[PassageHit]
    suggestions: list[ArticleHit]
    reason: str | None = None
    # The question's kind when no news archive answers it as asked (answerability.py:
    # "community", "live", "prediction"), and the heading shown above its excerpts.
    kind: str | None = None
    notice: str | None = None


def highlight_spans(excerpt: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of whole-word, case-insensitive matches."""
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
    )
    return [(m.start(), m.end()) for m in pattern.finditer(excerpt)]
