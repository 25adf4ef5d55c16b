"""News sections: topic headings a reader understands, from a small taxonomy kept as data.

The third blind reader (training/data/digest/dev/README_reader_ab_2026_12_07c.md) called a
heading ok only when it says what kind of news sits under it and fits most of its highlights;
labels lifted from one story (a name, a place, a title) did not. So a highlight is filed under a
section (bot/digest/data/sections.yaml) by the words its shown headline and summary use, and the
section's name heads it. No word list is written for one week.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.digest.domain.newsroom_data import parse_yaml

OTHER = "Other news"
HEADLINE_WEIGHT = 2
_WORD = re.compile(r"[a-z0-9][a-z0-9.'’-]*")


@dataclass(frozen=True)
class Section:
    """One section: its heading, the words (or prefixes ending in "*") that mark it, and the
    words one of which a text must also use for it to count (none: no such condition)."""

    name: str
    words: tuple[str, ...]
    needs: tuple[str, ...] = ()

    def uses(self, text: str) -> bool:
        """Whether ``text`` (case-folded, padded words) uses one of the section's words."""
        return _uses(self.words, text)


def _uses(words: Sequence[str], text: str) -> bool:
    for word in words:
        if word.endswith("*"):
            if (" " + word[:-1]) in text:
                return True
        elif (" " + word + " ") in text:
            return True
    return False


def _string_list(entry: dict[str, object], key: str) -> tuple[str, ...]:
    words = entry.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"section {entry['name']!r}: {key} must be a list of strings")
    return tuple(" ".join(w.casefold().split()) for w in words)


def parse_sections(text: str) -> tuple[Section, ...]:
    """The sections of a sections.yaml text, in priority order."""
    raw = parse_yaml(text).get("sections")
    if not isinstance(raw, list):
        raise ValueError("sections.yaml must hold a list 'sections'")
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError("each section needs a name")
        words = _string_list(entry, "words")
        if not words:
            raise ValueError(f"section {entry['name']!r} has no words")
        out.append(Section(entry["name"], words, _string_list(entry, "needs")))
    return tuple(out)


@lru_cache(maxsize=1)
def shipped_sections() -> tuple[Section, ...]:
    """The shipped taxonomy (read once)."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_sections(text)


def _padded(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold().replace("’", "'"))) + " "


def section_of(headline: str, summary: str = "", sections: Sequence[Section] = ()) -> str:
    """The section a highlight belongs to: its headline uses a section's word (2 points), its
    summary does (1 point); most points win, the earlier section on a tie."""
    table = sections or shipped_sections()
    head, body = _padded(headline), _padded(summary)
    best, best_score = OTHER, 0
    for section in table:
        if section.needs and not _uses(section.needs, head + body):
            continue
        score = HEADLINE_WEIGHT * section.uses(head) + section.uses(body)
        if score > best_score:
            best, best_score = section.name, score
    return best
