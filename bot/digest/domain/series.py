"""Recurring series: one title pattern with a changing slot ("Receives Greetings from {sender}").

Two titles belong to one pattern when they share most of their words in order, at the start
and the end, and differ in one short stretch (the slot). A slot that directly follows a verb
is the story itself ("Inspects {a factory}"), not a slot, so such titles are no series.
Patterns are found within the week (several items become one line listing the slot values)
and against earlier weeks (what recurs every week is no news).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from bot.digest.domain.lexicon import fold, newsroom, words

MAX_SLOT_WORDS = 4
MIN_FIXED_WORDS = 3
MIN_FIXED_SHARE = 0.6
SLOT = "{…}"
# Round 16: a formula whose changing words name WHICH party acted ("Russian Delegation of
# {Experts / Education Officials} Returns Home": the slot sits in a subject headed by a party
# noun, newsroom.yaml ``series_actors``) joins no series within the week: two delegations'
# departures are two events (W35's mixed highlight). False keeps round 15's joins.
SPLIT_PARTY_SLOTS = True


@dataclass(frozen=True)
class TitleMatch:
    """Two titles of one pattern: the pattern's words (SLOT where they differ) and both slots."""

    pattern: tuple[str, ...]
    slot_a: str
    slot_b: str


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Light plural folding, so that "Sends" matches "Send" and "Baskets" matches "Basket".
    key = fold(word)
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def title_words(title: str) -> list[str]:
    """The words of a title as the pattern sees them (original case)."""
    return words(title)


def match_titles(
    a: Sequence[str],
    b: Sequence[str],
    keys_a: Sequence[str] | None = None,
    keys_b: Sequence[str] | None = None,
    set_a: frozenset[str] | None = None,
    set_b: frozenset[str] | None = None,
) -> TitleMatch | None:
    """The pattern two titles (as word lists) share, or None when they are not one series.

    The titles are aligned word by word (longest common subsequence, plurals folded). They are
    one pattern when the shared words are at least MIN_FIXED_WORDS and MIN_FIXED_SHARE of the
    longer title, and they differ in at most two short stretches: the slot (where both have
    words of their own) and an optional extra word or two ("Staged"). A slot right after a verb
    is the story itself ("Inspects {…}"), so such titles are not one pattern.
    """
    ka = list(keys_a) if keys_a is not None else [_stem(w) for w in a]
    kb = list(keys_b) if keys_b is not None else [_stem(w) for w in b]
    if ka == kb:
        return None
    longest = max(len(ka), len(kb))
    shared = (set_a or frozenset(ka)) & (set_b or frozenset(kb))
    if len(shared) < max(MIN_FIXED_WORDS, MIN_FIXED_SHARE * longest):
        return None  # cheap test first: too few shared words for any alignment to work
    pairs = _align(ka, kb)
    if len(pairs) < MIN_FIXED_WORDS or len(pairs) < MIN_FIXED_SHARE * longest:
        return None
    gaps = _gaps(pairs, len(ka), len(kb))
    if not 1 <= len(gaps) <= 2:
        return None
    slots = [g for g in gaps if g[1] > g[0] and g[3] > g[2]]
    if len(slots) != 1:
        return None
    start_a, end_a, start_b, end_b = slots[0]
    if end_a - start_a > MAX_SLOT_WORDS or end_b - start_b > MAX_SLOT_WORDS:
        return None
    if any(max(g[1] - g[0], g[3] - g[2]) > 2 for g in gaps if g is not slots[0]):
        return None
    room = newsroom()
    if end_a == len(a) and start_a > 0 and room.is_verb(a[start_a - 1]):
        return None  # "Inspects {…}": what follows the verb is the story, not a slot
    if room.is_verb(a[start_a]) or room.is_verb(b[start_b]):
        return None  # "Delegation {Arrives}" / "Delegation {Leaves}": one subject, one event
    pattern = tuple(
        SLOT if i == start_a else w
        for i, w in enumerate(a)
        if i == start_a or not start_a < i < end_a
    )
    return TitleMatch(pattern, " ".join(a[start_a:end_a]), " ".join(b[start_b:end_b]))


def _align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of two word lists."""
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
            )
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < cols:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _gaps(
    pairs: Sequence[tuple[int, int]], len_a: int, len_b: int
) -> list[tuple[int, int, int, int]]:
    """The stretches between aligned words: (start_a, end_a, start_b, end_b), non-empty ones."""
    gaps = []
    previous = (-1, -1)
    for pair in [*pairs, (len_a, len_b)]:
        start_a, start_b = previous[0] + 1, previous[1] + 1
        if pair[0] > start_a or pair[1] > start_b:
            gaps.append((start_a, pair[0], start_b, pair[1]))
        previous = pair
    return gaps


def names_party(match: TitleMatch) -> bool:
    """Whether a match's slot says which party acted: it lies before the formula's first verb,
    in a subject with a party noun ("DPRK {Civil Aviation} Delegation Returns", "{Mongolian}
    Delegation Returns Home"), not in what the subject did ("Receives Greetings from {…}")."""
    room = newsroom()
    pattern = match.pattern
    cut = pattern.index(SLOT)
    first_verb = next(
        (i for i, w in enumerate(pattern) if w != SLOT and room.is_verb(w)), len(pattern)
    )
    if cut > first_verb:
        return False
    subject = [*pattern[:first_verb], *match.slot_a.split(), *match.slot_b.split()]
    return any(room.is_actor(w) for w in subject if w != SLOT)


def pattern_text(pattern: Sequence[str]) -> str:
    """A pattern for people: "Kim Jong Un Receives Greetings from {…}"."""
    return " ".join(pattern)


@dataclass(frozen=True)
class Recurrence:
    """How often a title (or its pattern) appeared in earlier weeks."""

    weeks: int  # distinct earlier ISO weeks with the same title or pattern
    example: str | None  # one such earlier title


class TitleHistory:
    """Earlier titles indexed for quick pattern look-ups (by first and by last word)."""

    def __init__(self, titles: Sequence[tuple[str, date]]) -> None:
        self._entries: list[tuple[list[str], list[str], frozenset[str], tuple[int, int]]] = []
        self._by_first: defaultdict[str, list[int]] = defaultdict(list)
        self._by_last: defaultdict[str, list[int]] = defaultdict(list)
        for title, day in titles:
            tokens = title_words(title)
            if not tokens:
                continue
            iso = day.isocalendar()
            index = len(self._entries)
            keys = [_stem(w) for w in tokens]
            self._entries.append((tokens, keys, frozenset(keys), (iso.year, iso.week)))
            self._by_first[_stem(tokens[0])].append(index)
            self._by_last[_stem(tokens[-1])].append(index)

    def recurrence(self, title: str) -> Recurrence:
        """In how many earlier weeks this title, or a title of its pattern, appeared."""
        tokens = title_words(title)
        if not tokens:
            return Recurrence(0, None)
        keys = [_stem(w) for w in tokens]
        own = frozenset(keys)
        candidates = set(self._by_first.get(keys[0], ())) | set(self._by_last.get(keys[-1], ()))
        weeks: set[tuple[int, int]] = set()
        example: str | None = None
        for index in sorted(candidates):
            other, other_keys, other_set, week = self._entries[index]
            if week in weeks:
                continue  # that week is counted already
            if other_keys == keys or match_titles(tokens, other, keys, other_keys, own, other_set):
                weeks.add(week)
                example = example or " ".join(other)
        return Recurrence(len(weeks), example)


def find_series(titles: Sequence[Sequence[str]], *, same_title: bool = False) -> list[list[int]]:
    """Groups (of at least two) of the given single-title items that form a series this week.

    ``titles`` are word lists; items of one pattern are joined transitively. Items with the
    very same title join only with ``same_title`` (daily roundups): elsewhere one title over
    different texts is different news ("Press Statement of ..."), which only their texts can
    tie together. Nor do titles whose slot names the party that acted (:func:`names_party`).
    """
    parent = list(range(len(titles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [[_stem(w) for w in t] for t in titles]
    for i in range(len(titles)):
        for j in range(i + 1, len(titles)):
            if keys[i] == keys[j]:
                if same_title:
                    parent[find(j)] = find(i)
            elif (match := match_titles(titles[i], titles[j], keys[i], keys[j])) and not (
                SPLIT_PARTY_SLOTS and names_party(match)
            ):
                parent[find(j)] = find(i)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(titles)):
        groups[find(i)].append(i)
    return [members for members in groups.values() if len(members) > 1]


def party_pairs(titles: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Pairs of the given titles that are one formula whose slot names two different parties
    ("Russian Delegation of {Experts / Education Officials} Returns Home"): different events,
    however alike the formula makes their texts."""
    if not SPLIT_PARTY_SLOTS:
        return []
    room = newsroom()
    keys = [[_stem(w) for w in t] for t in titles]
    sets = [frozenset(k) for k in keys]
    # Only titles with a party noun can name a party: skip the rest before aligning.
    party = [i for i, t in enumerate(titles) if any(room.is_actor(w) for w in t)]
    found = []
    for x, i in enumerate(party):
        for j in party[x + 1 :]:
            match = match_titles(titles[i], titles[j], keys[i], keys[j], sets[i], sets[j])
            if match is not None and names_party(match):
                found.append((i, j))
    return found


def parties_apart(
    alike: np.ndarray, items: Sequence[Sequence[int]], titles: Sequence[str]
) -> np.ndarray:
    """``alike`` (stories x stories) with no tie between two stories that report two parties
    of one formula (``items``: each story's indices into ``titles``, the week's headlines):
    their formula and formula-made texts make them alike, not one event."""
    pairs = party_pairs([words(t) for t in titles])
    if not pairs:
        return alike
    owner = {item: story for story, members in enumerate(items) for item in members}
    result = np.array(alike, dtype=np.float64, copy=True)
    for i, j in pairs:
        a, b = owner.get(i), owner.get(j)
        if a is not None and b is not None and a != b:
            result[a, b] = result[b, a] = 0.0
    return result


def describe_series(titles: Sequence[Sequence[str]]) -> tuple[str, list[str]]:
    """The display pattern of a series and each item's slot value, in the given order.

    The pattern keeps the words all titles begin and end with; the rest of each title is its
    slot. Titles that share no beginning or end (joined through a neighbour) fall back to the
    first pair's pattern. Identical titles give the title and empty slots (the caller shows
    dates instead).
    """
    keys = [[_stem(w) for w in title] for title in titles]
    if all(k == keys[0] for k in keys):
        return " ".join(titles[0]), ["" for _ in titles]
    shortest = min(len(k) for k in keys)
    prefix = 0
    while prefix < shortest and all(k[prefix] == keys[0][prefix] for k in keys):
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and all(k[-1 - suffix] == keys[0][-1 - suffix] for k in keys):
        suffix += 1
    first = titles[0]
    if prefix or suffix:
        pattern = (*first[:prefix], SLOT, *first[len(first) - suffix :])
    else:
        match = next(
            (m for other in titles[1:] if (m := match_titles(first, other)) is not None), None
        )
        if match is None:
            return " ".join(first), [" ".join(t) for t in titles]
        pattern = match.pattern
    return pattern_text(pattern), [_slot_of(pattern, title) for title in titles]


def _slot_of(pattern: Sequence[str], title: Sequence[str]) -> str:
    """The words of ``title`` where ``pattern`` has its slot (the whole title if it does not fit
    the pattern: series are joined transitively, so a member may follow a neighbour's pattern)."""
    cut = list(pattern).index(SLOT)
    head, tail = list(pattern[:cut]), list(pattern[cut + 1 :])
    end = len(title) - len(tail)
    fits = (
        end > len(head)
        and [_stem(w) for w in title[: len(head)]] == [_stem(w) for w in head]
        and [_stem(w) for w in title[end:]] == [_stem(w) for w in tail]
    )
    return " ".join(title[len(head) : end]) if fits else " ".join(title)
