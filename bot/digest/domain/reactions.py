"""Statements that tell an event again: the reaction to a weapons test, a speaker's follow-up.

Every reader counts these as repeats (issue 15, round 15), and the merge score misses them:

- A statement on a test: "ICBM Test-fire Conducted in DPRK" (Thursday) and, two days later,
  "Press Statement of Spokesperson for DPRK Foreign Ministry", whose lede opens "The test-fire
  of the latest ICBM Hwasongpho-19 recently conducted by the DPRK constitutes ...". Worded by
  another speaker about what followed, the texts are not alike (0.08), but the statement's lede
  names the test: a weapon and an event word of the test's headline (major.py's lists). It
  joins the test when it follows it by at most REACTION_DAYS.
- A speaker's follow-up: Kim Yo Jong's two statements on one drone incursion, a day apart,
  under one headline ("Press Statement of Kim Yo Jong, ..."). The second repeats the
  incursion's words too seldom to share SUBJECT_TERMS subject words with the first
  (bot.digest.domain.subjects). Two statements of one speaker (the same headline) at most
  SPEAKER_DAYS apart that share at least one subject word tell one story; in the development
  weeks the other same-speaker pairs are five or six days apart and share none.

Both thresholds are readers' rules ("a statement about a weapons test repeats the test"; "two
statements about the same drone incursion are repeats"; "different statements by the same
person on different subjects" are not), checked against every such pair of the 19 development
weeks, not tuned on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bot.archive.domain.articles import Article
from bot.digest.domain.copies import Copies, clean_title, is_title_only
from bot.digest.domain.lexicon import words
from bot.digest.domain.major import major_words
from bot.digest.domain.pairs import raise_pairs

REACTION_DAYS = 3  # a statement this many days after a test (or fewer) may be about it
REACTION_LEDE_CHARS = 400  # the start of the statement that must name the test
SPEAKER_DAYS = 2  # one speaker's statements this close may be one story ...
SPEAKER_TERMS = 1  # ... when they share this many subject words (subjects.py)
REACTION_SIMILARITY = 0.5  # folded like reports of one event (above the folding threshold)
_DATELINE_END = re.compile(r"^.{0,60}?(?:--|—|–)\s*")

FloatArray = np.ndarray


@dataclass(frozen=True)
class ReactionPair:
    """Two stories of the week and why they tell one story ("test" or "speaker")."""

    first: int
    second: int
    kind: str
    shared: tuple[str, ...]


def _keys(text: str) -> set[str]:
    tokens = words(text.casefold())
    return set(tokens) | {piece for token in tokens for piece in token.split("-")}


def weapon_test_words(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The event and weapon words of a headline that tells a military test (both empty when it
    tells none): "ICBM Test-fire Conducted" gives ({test-fire, test}, {icbm})."""
    lists = major_words()
    keys = _keys(title)
    if keys & lists.excluded:
        return frozenset(), frozenset()
    events, weapons = keys & lists.events, keys & lists.weapons
    if not events or not weapons:
        return frozenset(), frozenset()
    return frozenset(events), frozenset(weapons)


def _lede(group: Sequence[int], copies: Sequence[Copies], articles: Sequence[Article]) -> str:
    report = max((articles[i] for c in group for i in copies[c].members), key=lambda a: len(a.body))
    if is_title_only(report):
        return ""
    return _DATELINE_END.sub("", report.body[:REACTION_LEDE_CHARS], count=1)


def reaction_pairs(
    items: Sequence[Sequence[int]],
    kinds: Sequence[str],
    statements: Sequence[bool],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    subject_words: dict[tuple[int, int], tuple[str, ...]],
) -> list[ReactionPair]:
    """The week's statements on a test, and same-speaker follow-ups (stories as lists of Copies
    indices; ``statements`` flags the statements, ``subject_words`` the subject words two
    statements share, as bot.digest.domain.subjects found them)."""
    days = [[copies[c].day.toordinal() for c in group] for group in items]
    pairs: list[ReactionPair] = []
    spoken = [i for i, said in enumerate(statements) if said and kinds[i] == "event"]
    tests = {}
    for i, group in enumerate(items):
        if kinds[i] != "event" or statements[i]:
            continue
        found = weapon_test_words(copies[group[0]].title)
        if found[0]:
            tests[i] = found
    ledes = {i: _keys(_lede(items[i], copies, articles)) for i in spoken} if tests else {}
    for test, (events, weapons) in tests.items():
        for said in spoken:
            after = min(days[said]) - min(days[test])
            if not 0 <= after <= REACTION_DAYS:
                continue
            named = ledes[said]
            if named & events and named & weapons:
                shared = tuple(sorted((named & weapons) | (named & events)))
                pairs.append(ReactionPair(min(test, said), max(test, said), "test", shared))
    headline = {i: clean_title(articles[copies[items[i][0]].members[0]]).casefold() for i in spoken}
    for a, first in enumerate(spoken):
        for second in spoken[a + 1 :]:
            if headline[first] != headline[second]:
                continue
            gap = min(abs(x - y) for x in days[first] for y in days[second])
            shared = subject_words.get((first, second), ())
            if gap <= SPEAKER_DAYS and len(shared) >= SPEAKER_TERMS:
                pairs.append(ReactionPair(first, second, "speaker", shared))
    return pairs


def join_reactions(alike: FloatArray, pairs: Sequence[ReactionPair]) -> FloatArray:
    """``alike`` with every pair at least REACTION_SIMILARITY."""
    return raise_pairs(alike, ((pair.first, pair.second) for pair in pairs), REACTION_SIMILARITY)


def reaction_links(linked: NDArray[np.bool_], pairs: Sequence[ReactionPair]) -> NDArray[np.bool_]:
    """``linked`` (bot.digest.domain.occasions.occasion_links) with every pair linked too: a
    follow-up joins the highlight its first statement was folded into (W41: Kim Yo Jong's
    second statement joins the Foreign Ministry's crucial statement that leads her first)."""
    result = np.array(linked, dtype=np.bool_, copy=True)
    for pair in pairs:
        result[pair.first, pair.second] = result[pair.second, pair.first] = True
    return result
