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
from bot.digest.domain.lexicon import FUNCTION_WORDS, fold, newsroom, words
from bot.digest.domain.readable import capitalised_words
from bot.digest.domain.sections import OTHER

CATCHALL_PREFIX = "Also this week: "
CATCHALL_PARTS = 3  # at most this many highlights named in the heading
MAX_PART_CHARS = 36  # a longer part leaves no room for the others
MAX_FIRST_CHARS = 48  # when no highlight has a shorter one
MAX_PARTS_CHARS = 64  # the parts together (the heading is at most 80 characters)
MAX_PARTS_WORDS = 8  # round 16: reader g reads a longer heading as a sentence (poor)
LONGEST_PARTS = (MAX_PART_CHARS, MAX_FIRST_CHARS)
# False keeps round 15's bare "Other news".
NAME_CATCHALL = True
# False keeps every routine line under the "Series:" heading.
FOLD_REPEATED_SERIES = True
# A routine line joins a section only where that leaves it out of the week's first highlights.
FOLD_KEEPS_FIRST = False
# Round 16: the catch-all's features (a lead that says no date, a headline that names no actor
# and tells no action: reminiscences, profiles, articles) and its lone newspaper article join the
# articles section (sections.yaml; readers judged that heading ok 31 of 31 times) when there are
# at least FEATURES_MIN of them, so the catch-all keeps the few items its heading can name
# (reader g: "Also this week: A · B" is ok only when it names most of its items). 0: off.
FEATURES_MIN = 2
EDITORIALS = "Editorials and articles"
FEATURES = EDITORIALS
# Round 16: a catch-all whose heading names at most half of its highlights gives back the ones it
# cannot name to their own sections (the cap's fold), and one left is headed by its section.
SPLIT_UNNAMED = True
# Round 17: a catch-all left with one highlight of a section (the heading cap's fold) is headed
# by that section (reader h: "Also this week: <a headline>" is poor even over one highlight).
ONE_BY_SECTION = True
# Round 18b (digest21): readers 9, 11, 12 and 13 called every "Also this week: <headline> ·
# <headline>" poor, and each week genres_by_topic lost (W37, W40, W42) it lost to such a heading
# over items its headlines do not describe. False: the catch-all is never named by its items'
# headlines; it is headed by the one section all its highlights were filed under, else by
# HONEST (placed last, as before). True keeps round 16-18's named heading.
NAME_BY_HEADLINES = False
HONEST = "Other news this week"
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been"})  # an article's thesis, no action
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
    return catchall_naming(shown, contrast, vocabulary, is_common)[0]


def catchall_naming(
    shown: Sequence[StoryText],
    contrast: Sequence[Sequence[StoryText]],
    vocabulary: Vocabulary,
    is_common: Callable[[str], bool],
) -> tuple[str, list[bool]]:
    """:func:`catchall_label`'s heading and, for each of ``shown``, whether it names it."""
    if not NAME_CATCHALL or not shown:
        return OTHER, [False] * len(shown)
    singles = [[replace(story, first=True, shown=True)] for story in shown]
    labels = label_topics([*singles, *contrast], vocabulary, is_common, parts=1)[: len(singles)]
    capitalised = capitalised_words(s.lead for s in [*shown, *(t for c in contrast for t in c)])
    # Short parts, unless longer ones name more of the highlights (W35; round 16: a small
    # catch-all is read by how many of its items the heading names).
    tries = [_parts(shown, labels, capitalised, is_common, n) for n in LONGEST_PARTS]
    chosen = max(tries, key=lambda parts: sum(map(bool, parts)))
    if not any(chosen):
        return OTHER, [False] * len(shown)
    return CATCHALL_PREFIX + " · ".join(p for p in chosen if p), [bool(p) for p in chosen]


def split_catchall(
    picked: Sequence[int],
    texts: Sequence[StoryText],
    contrast: Sequence[Sequence[StoryText]],
    vocabulary: Vocabulary,
    is_common: Callable[[str], bool],
    filed: Callable[[int], str],
    room: int | None = None,
) -> tuple[str, list[int], list[int]]:
    """The catch-all's heading, the highlights it keeps and those that take their own section's
    heading again (``filed``: the section each was filed under before the cap): when the heading
    names at most half of ``picked`` (reader g's rule: poor), highlights it cannot name that have
    a section of their own leave it, the lowest first, until it names most of the rest (none
    leaves when that cannot be reached, nor when that adds more than ``room`` headings)."""
    if ONE_BY_SECTION and len(picked) == 1 and filed(picked[0]) != OTHER:
        return filed(picked[0]), list(picked), []  # a section over one highlight that fits it
    if not NAME_BY_HEADLINES:
        return honest_heading([filed(i) for i in picked]), list(picked), []
    label, named = catchall_naming(texts, contrast, vocabulary, is_common)
    if not SPLIT_UNNAMED or 2 * sum(named) > len(picked):
        return label, list(picked), []
    loose: list[int] = []
    unnamed = [i for i, n in zip(picked, named, strict=True) if not n and filed(i) != OTHER]
    # The lowest first, only as many as it takes for the heading to name most of the rest.
    while unnamed and 2 * sum(named) <= len(picked) - len(loose):
        loose.append(unnamed.pop())
    kept = [i for i in picked if i not in loose]
    if room is not None and len(loose) - (not kept) > room:
        return label, list(picked), []  # round 17: no more headings than the cap
    if not kept:
        return label, kept, loose
    again, named_kept = catchall_naming(
        [texts[picked.index(i)] for i in kept], contrast, vocabulary, is_common
    )
    if 2 * sum(named_kept) <= len(kept):
        return label, list(picked), []  # still poor: more headings would not help
    return again, kept, loose


def honest_heading(sections: Sequence[str]) -> str:
    """The catch-all's heading when its items' headlines do not name it: the section every one
    of its highlights was filed under (``sections``) when they share one, else HONEST."""
    names = set(sections)
    if len(names) == 1 and OTHER not in names:
        return next(iter(names))
    return HONEST


def features_apart(
    sections: dict[str, list[int]],
    shown: Callable[[int], bool],
    is_feature: Callable[[int], bool],
) -> dict[str, list[int]]:
    """``sections`` with the catch-all's shown features in the articles section (FEATURES) when
    there are at least FEATURES_MIN of them or the week has that section; the rest unchanged."""
    other = sections.get(OTHER, [])
    moved = [i for i in other if shown(i) and is_feature(i)]
    if not FEATURES_MIN or not moved or (len(moved) < FEATURES_MIN and EDITORIALS not in sections):
        return sections  # (joining a shown editorials section adds no heading)
    out: dict[str, list[int]] = {}
    for name, members in sections.items():
        if name == OTHER:
            if rest := [i for i in members if i not in moved]:
                out[OTHER] = rest
        elif name == EDITORIALS:
            out[FEATURES] = [*members, *moved]
        else:
            out[name] = list(members)
    if FEATURES not in out:
        out[FEATURES] = moved
    return out


def tells_no_action(title: str) -> bool:
    """A headline with no verb but a copula ("Tourism in DPRK", "Truth behind Murder of ...",
    "People's Demands Are Standard of All Work"): a feature's, not an event's."""
    room = newsroom()
    return not any(room.is_verb(w) and fold(w) not in _COPULAS for w in words(title))


def _parts(
    shown: Sequence[StoryText],
    labels: Sequence[str],
    capitalised: frozenset[str],
    is_common: Callable[[str], bool],
    longest: int,
) -> list[str]:
    """One part for each highlight that has one (best first), as many as fit; "" for the rest."""
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
        taken = [c for c in chosen if c]
        if (
            not label
            or len(taken) >= CATCHALL_PARTS
            or any(_shares_word(label, other) for other in taken)
            or len(" · ".join([*taken, label])) > MAX_PARTS_CHARS
            or len(" ".join([*taken, label]).split()) > MAX_PARTS_WORDS
        ):
            label = ""
        chosen.append(label)
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
    return label in (OTHER, HONEST) or label.startswith(CATCHALL_PREFIX)


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
