"""The catch-all heading and the routine lines that repeat a heading (issue 15, round 15b).

Six blind readers judged the catch-all heading "Other news" poor every time ("tells the reader
nothing about the items"), and a "Series: X" line poor when another heading of the week has the
same subject ("Series: Greetings" beside "Diplomacy and greetings"). So the catch-all is headed
by what sets its highlights apart, each labelled as its own topic against the rest of the week
(the way topic labels are chosen: distinctive phrases, no honorifics, verbs or single common
words): "Also this week: Laos · Cuba · Flood Housing". A routine line whose series name shares a
word with a news heading joins that heading's section instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.digest.domain.label_choice import (
    headline_subject,
    looks_like_person,
    says_what_happened,
)
from bot.digest.domain.labels import StoryText, Vocabulary, label_topics
from bot.digest.domain.lexicon import FUNCTION_WORDS, fold, words
from bot.digest.domain.readable import capitalised_words
from bot.digest.domain.sections import OTHER

CATCHALL_PREFIX = "Also this week: "
CATCHALL_PARTS = 3  # at most this many highlights named in the heading
MAX_PART_CHARS = 36  # a longer part leaves no room for the others
MAX_FIRST_CHARS = 48  # when no highlight has a shorter one
MAX_PARTS_CHARS = 64  # the parts together (the heading is at most 80 characters)
# False keeps round 15's bare "Other news".
NAME_CATCHALL = True
# False keeps every routine line under the "Series:" heading.
FOLD_REPEATED_SERIES = True
# A routine line joins a section only where that leaves it out of the week's first highlights.
FOLD_KEEPS_FIRST = False
_STEM = 5  # words match by their first letters ("Greetings" / "greetings", "Russia" / "Russian")
_MIN_WORD = 4
_FALLBACK_PREFIX = "More news ("  # label_topics' last resort names nothing


def catchall_label(
    shown: Sequence[StoryText],
    contrast: Sequence[Sequence[StoryText]],
    vocabulary: Vocabulary,
    is_common: Callable[[str], bool],
) -> str:
    """The catch-all's heading: "Also this week: " and one distinctive phrase for each of its
    ``shown`` highlights (best first) that fits, each chosen against the others and the week's
    other sections (``contrast``); "Other news" when none reads as a label."""
    if not NAME_CATCHALL or not shown:
        return OTHER
    singles = [[replace(story, first=True, shown=True)] for story in shown]
    labels = label_topics([*singles, *contrast], vocabulary, is_common, parts=1)[: len(singles)]
    capitalised = capitalised_words(s.lead for s in [*shown, *(t for c in contrast for t in c)])
    # Short parts first; a longer one only when no highlight has a short one (W35).
    for longest in (MAX_PART_CHARS, MAX_FIRST_CHARS):
        chosen = _parts(shown, labels, capitalised, is_common, longest)
        if chosen:
            return CATCHALL_PREFIX + " · ".join(chosen)
    return OTHER


def _parts(
    shown: Sequence[StoryText],
    labels: Sequence[str],
    capitalised: frozenset[str],
    is_common: Callable[[str], bool],
    longest: int,
) -> list[str]:
    """One part for each highlight that has one (best first), as many as fit."""
    chosen: list[str] = []
    for story, phrase in zip(shown, labels, strict=True):
        # A part the reader finds in the headline, short; else the headline's own subject.
        headline = story.title or story.headlines[0]
        subject = headline_subject(headline, capitalised) or ""
        label = next(
            (
                p
                for p in (phrase, subject)
                if _fits(p, headline, longest)
                and not _bare_person(p, capitalised)
                and not is_common(p)
            ),
            "",
        )
        if not label or any(_shares_word(label, other) for other in chosen):
            continue
        if len(" · ".join([*chosen, label])) > MAX_PARTS_CHARS:
            continue
        chosen.append(label)
        if len(chosen) >= CATCHALL_PARTS:
            break
    return chosen


def _fits(part: str, headline: str, longest: int) -> bool:
    """A part written by the headline, short enough to sit beside two others."""
    if not part[:1].isupper() or part.startswith(_FALLBACK_PREFIX) or len(part) > longest:
        return False
    if " " not in part or any(mark in part for mark in '",;:'):  # one word, or a fragment
        return False
    return f" {_folded(part)} " in f" {_folded(headline)} "


def _bare_person(part: str, capitalised: frozenset[str]) -> bool:
    """A person's name with no event ("Kim Tok Hun"; "Autumn Bowling Tournament" is none)."""
    return looks_like_person(part, capitalised) and not says_what_happened(part)


def _folded(text: str) -> str:
    return " ".join(fold(w) for w in words(text))


def is_catchall(label: str) -> bool:
    """Whether a heading is the catch-all's, named or not."""
    return label == OTHER or label.startswith(CATCHALL_PREFIX)


def repeated_heading(series: str | None, headings: Sequence[str]) -> int | None:
    """The index of the first news heading (the catch-all aside) that shares a word with a
    routine line's ``series`` name, or None (the line keeps its own heading)."""
    if not FOLD_REPEATED_SERIES or not series:
        return None
    for index, heading in enumerate(headings):
        if not is_catchall(heading) and _shares_word(series, heading):
            return index
    return None


def _stems(text: str) -> set[str]:
    return {
        fold(w)[:_STEM]
        for w in words(text)
        if len(w) >= _MIN_WORD
        and not any(ch.isdigit() for ch in w)
        and fold(w) not in FUNCTION_WORDS
    }


def _shares_word(one: str, other: str) -> bool:
    return bool(_stems(one) & _stems(other))
