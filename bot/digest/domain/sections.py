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
_WORD = re.compile(r"[a-z0-9][a-z0-9.'’-]*")


@dataclass(frozen=True)
class Section:
    """One section: its heading, the words (or prefixes ending in "*") that mark it in a
    headline, the words one of which the headline or summary must also use for it to count
    (none: no such condition), and the headline words that rule it out."""

    name: str
    words: tuple[str, ...]
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    lead: float = 0.0  # added to its highlights' importance when ordering (layout.py)

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


def parse_sections(text: str, key: str = "sections") -> tuple[Section, ...]:
    """The sections of a sections.yaml text (its list ``key``), in priority order."""
    raw = parse_yaml(text).get(key)
    if not isinstance(raw, list):
        raise ValueError(f"sections.yaml must hold a list {key!r}")
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError("each section needs a name")
        words = _string_list(entry, "words")
        if not words:
            raise ValueError(f"section {entry['name']!r} has no words")
        lead = entry.get("lead", 0.0)
        if not isinstance(lead, int | float) or isinstance(lead, bool):
            raise ValueError(f"section {entry['name']!r}: lead must be a number")
        needs, unless = _string_list(entry, "needs"), _string_list(entry, "unless")
        out.append(Section(entry["name"], words, needs, unless, float(lead)))
    return tuple(out)


def _shipped_text() -> str:
    return resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")


@lru_cache(maxsize=1)
def shipped_sections() -> tuple[Section, ...]:
    """The shipped taxonomy (read once)."""
    return parse_sections(_shipped_text())


@lru_cache(maxsize=1)
def section_leads() -> dict[str, float]:
    """Each shipped section's ordering bonus by name, "Other news" (``other_lead``) included."""
    other = parse_yaml(_shipped_text()).get("other_lead", 0.0)
    if not isinstance(other, int | float) or isinstance(other, bool):
        raise ValueError("sections.yaml: other_lead must be a number")
    leads = {section.name: section.lead for section in shipped_sections()}
    leads[OTHER] = float(other)
    return leads


def uses_words(words: Sequence[str], text: str) -> bool:
    """Whether ``text`` uses one of ``words`` (or prefixes ending in "*"), as a section would."""
    return _uses(words, _padded(text))


def _padded(text: str) -> str:
    # A hyphenated word also counts as its parts ("DPRK-Russia", "U.S.-ROK").
    words = []
    for word in _WORD.findall(text.casefold().replace("’", "'")):
        words.append(word)
        if "-" in word:
            words += [piece for piece in word.split("-") if piece]
    return " " + " ".join(words) + " "


def section_of(headline: str, summary: str = "", sections: Sequence[Section] = ()) -> str:
    """The section a highlight belongs to: the first whose words its headline uses (the
    headline says what the news is; a word of the summary is no evidence: round 14, after the
    fourth reader's misfiled highlights), whose ``needs`` the headline or summary meets and
    none of whose ``unless`` words the headline uses; else "Other news"."""
    table = sections or shipped_sections()
    head, body = _padded(headline), _padded(summary)
    for section in table:
        if not section.uses(head) or _uses(section.unless, head):
            continue
        if section.needs and not _uses(section.needs, head + body):
            continue
        return section.name
    return OTHER
