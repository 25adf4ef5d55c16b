"""What every reader yields: articles as read, and problems with where they happened."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.archive.domain.articles import Article
from bot.archive.domain.seed_dump import CommunityProfile

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".xml", ".rss", ".atom")
_LOCATED = re.compile(r"^(?P<line>:\d+)?: (?P<message>.*)$", re.DOTALL)


class SourceError(ValueError):
    """A whole input cannot be read (missing file, not a dump, a feed that is not a feed)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad record: ``location`` is "file:line" or a URL; the rest of the input still counts."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    @classmethod
    def from_error(cls, error: SourceError, location: str) -> Problem:
        """A whole-file error as a problem, without naming the file twice."""
        text = str(error)
        match = _LOCATED.match(text[len(location) :]) if text.startswith(location) else None
        if match is None:
            return cls(location, text)
        return cls(location + (match["line"] or ""), match["message"])


@dataclass(slots=True)
class SourceBatch:
    """Everything read from one input."""

    location: str
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    profile: CommunityProfile | None = None
    not_modified: bool = False
    title: str | None = None  # a feed's own title (RSS channel / Atom feed), when it has one
