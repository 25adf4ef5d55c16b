"""Literal-word gates derived from compiled regexes: a cheap set test before a search.

A gate of a pattern is a set of words of which at least one appears, as a whole run of word
characters (``\\w+``), in every text the pattern matches. It is derived from the pattern's parse
tree (``re._parser``), never written by hand, so it cannot drift from the pattern: a literal word
counts only where the pattern itself bounds it on both sides (``\\b``, a non-word character
such as a space, the start or the end, looked for through optional and repeated parts); runs
of small alternations, optional letters and classes are enumerated (``camps?`` gives {camp,
camps}); an alternation's gate is the union of its branches' gates, a lookahead's or
lookbehind's that must match is its body's; anything else (unbounded classes, negative
lookarounds, backreferences, case-insensitive or ASCII flags) contributes nothing. A
pattern with no derivable gate gets ``None`` (no gates) and is always searched. Checking a
gate costs one ``isdisjoint`` against the text's word runs (:func:`word_runs`), instead of a
regex search that, for patterns opening with a long alternation, tries every phrase at every
word.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from bot.moderation.domain.text_runs import word_runs as word_runs  # re-exported

_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")

_LITERAL = sre_constants.LITERAL
_AT = sre_constants.AT
_IN = sre_constants.IN
_BRANCH = sre_constants.BRANCH
_SUBPATTERN = sre_constants.SUBPATTERN
_REPEATS = {
    sre_constants.MAX_REPEAT,
    sre_constants.MIN_REPEAT,
    *([sre_constants.POSSESSIVE_REPEAT] if hasattr(sre_constants, "POSSESSIVE_REPEAT") else []),
}
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
# A lookahead or lookbehind that must match ((?=...), (?<=...); not (?!...), (?<!...)).
_ASSERT = sre_constants.ASSERT
# Positions that a word run cannot continue through: the text's start or end, a \b.
_EDGES = {
    sre_constants.AT_BEGINNING,
    sre_constants.AT_BEGINNING_STRING,
    sre_constants.AT_END,
    sre_constants.AT_END_STRING,
}
_BOUNDARY = sre_constants.AT_BOUNDARY
_NON_WORD_CATEGORIES = {sre_constants.CATEGORY_SPACE, sre_constants.CATEGORY_NOT_WORD}
# Flags under which a literal may match other characters than itself.
_CASE_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE

Gate = frozenset[str]

GATES_FILE = "record_gates.json"
# Part of every key in GATES_FILE: raise it when the derivation changes what it finds.
DERIVATION_VERSION = 2
# False makes derive_gates derive every pattern (training/record_gates.py, the tests).
USE_SHIPPED = True
# Every pattern's gates derived in this process, by key: what training/record_gates.py writes.
DERIVED: dict[str, tuple[frozenset[str], ...]] = {}


def derive_gate(pattern: re.Pattern[str] | str) -> Gate | None:
    """The words of which one must be a word run of any text ``pattern`` matches, or None
    when the pattern gives no such set (it is then always searched)."""
    gates = derive_gates(pattern)
    return gates[0] if gates else None


def derive_gates(
    pattern: re.Pattern[str] | str, most: int = 3, shipped: bool = True
) -> tuple[Gate, ...]:
    """Up to ``most`` gates that every text ``pattern`` matches passes (each is a set of words
    of which one must be a word run of the text), the fewest and longest words first; empty
    when none can be derived (the pattern is then always searched).

    With ``shipped``, a pattern listed in data/record_gates.json (keyed by a hash of the
    pattern, its flags, ``most`` and the derivation's version) takes its gates from there:
    deriving every built-in record's gates costs about 0.25 s of CPU at start-up, reading them
    a few milliseconds. Any other pattern is derived here."""
    if isinstance(pattern, str):
        source, flags = pattern, 0
    else:  # a compiled pattern, or one with an RE2 twin (prefilter.Prefiltered)
        source, flags = pattern.pattern, pattern.flags
    if not isinstance(source, str):
        return ()
    key = gate_key(source, flags, most)
    if shipped and USE_SHIPPED:
        known = shipped_gates().get(key)
        if known is not None:
            return known
    DERIVED[key] = _derive(source, flags, most)
    return DERIVED[key]


def gate_key(source: str, flags: int, most: int = 3) -> str:
    """The key of a pattern's gates in data/record_gates.json."""
    text = f"{DERIVATION_VERSION}:{flags}:{most}:{source}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@cache
def shipped_gates() -> dict[str, tuple[Gate, ...]]:
    """The gates in data/record_gates.json by key (empty if the file is missing). Regenerate
    it with `.venv/bin/python training/record_gates.py` after changing a rule's pattern: a
    pattern not listed is derived at start-up, which is as correct, only slower."""
    resource = resources.files("bot.moderation").joinpath("data", GATES_FILE)
    try:
        payload = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {
        key: tuple(frozenset(words) for words in gates)
        for key, gates in payload.get("gates", {}).items()
    }


def _derive(source: str, flags: int, most: int) -> tuple[Gate, ...]:
    try:
        parsed = sre_parse.parse(source, flags)
    except re.error:
        return ()
    if parsed.state.flags & _CASE_FLAGS:
        return ()
    try:
        found = _sequence_gates(list(parsed), left=False, right=False)
    finally:
        _expanded.clear()
    return tuple(sorted(set(found), key=_cost)[:most])


def union_gate(gates: Iterable[Gate | None]) -> Gate | None:
    """The gate of an alternation of patterns with these gates (None if any has none)."""
    words: set[str] = set()
    for gate in gates:
        if gate is None:
            return None
        words |= gate
    return frozenset(words)


def _best(gates: list[Gate]) -> Gate | None:
    """The gate most likely to rule a text out: the fewest words, then the longest."""
    if not gates:
        return None
    return min(gates, key=_cost)


def _cost(gate: Gate) -> tuple[int, int, list[str]]:
    """How likely a text passes a gate, roughly: more words pass more texts, and short words
    are the common ones."""
    return (len(gate), -min(len(w) for w in gate), sorted(gate))


def _is_word_char(code: int) -> bool:
    return _WORD_CHAR.match(chr(code)) is not None


def _non_word_item(op: Any, av: Any) -> bool:
    """Whether the item always consumes exactly one non-word character."""
    if op is _LITERAL:
        return not _is_word_char(av)
    if op is _IN:
        for member_op, member_av in av:
            if member_op is _LITERAL and not _is_word_char(member_av):
                continue
            if member_op is sre_constants.CATEGORY and member_av in _NON_WORD_CATEGORIES:
                continue
            return False
        return True
    return False


# At most this many strings are enumerated for a run of literal items (an alternation of
# phrases, 'camps?', '(?:is|are) (?:not|never)'); a longer run is cut in two.
_MAX_STRINGS = 256
# Stand-ins in enumerated strings: a zero-width boundary (\b, ^, $) and "some non-word
# character" (a class such as [ ,.] or \s). Neither is a word character.
_EDGE_MARK = "\x00"
_NON_WORD_MARK = "\x01"


def _opens_bounded(items: list[tuple[Any, Any]], after: bool) -> bool:
    """Whether, when the text before a match of ``items`` ends with a word character, the
    match starts with a non-word character or a boundary (``after``: if it is empty)."""
    for index, (op, av) in enumerate(items):
        if op is _AT:
            return bool(av is _BOUNDARY or av in _EDGES)
        if _non_word_item(op, av):
            return True
        rest = items[index + 1 :]
        if op is _SUBPATTERN and not (av[1] & _CASE_FLAGS or av[2]):
            return _opens_bounded([*av[3], *rest], after)
        if op is _BRANCH:
            return all(_opens_bounded([*branch, *rest], after) for branch in av[1])
        if op in _REPEATS:
            low, _high, body = av
            return _opens_bounded([*body, *rest], after) and (
                low > 0 or _opens_bounded(rest, after)
            )
        return False
    return after


def _closes_bounded(items: list[tuple[Any, Any]], before: bool) -> bool:
    """Whether, when the text after a match of ``items`` starts with a word character, the
    match ends with a non-word character or a boundary (``before``: if it is empty)."""
    for index in range(len(items) - 1, -1, -1):
        op, av = items[index]
        if op is _AT:
            return bool(av is _BOUNDARY or av in _EDGES)
        if _non_word_item(op, av):
            return True
        rest = items[:index]
        if op is _SUBPATTERN and not (av[1] & _CASE_FLAGS or av[2]):
            return _closes_bounded([*rest, *av[3]], before)
        if op is _BRANCH:
            return all(_closes_bounded([*rest, *branch], before) for branch in av[1])
        if op in _REPEATS:
            low, _high, body = av
            return _closes_bounded([*rest, *body], before) and (
                low > 0 or _closes_bounded(rest, before)
            )
        return False
    return before


# _expand_item's answers for the parse tree being read (keyed by node identity: the tree
# stays alive meanwhile), so a long alternation is not listed again at each level of nesting.
_expanded: dict[tuple[int, int], set[str] | None] = {}


def _expand_item(op: Any, av: Any) -> set[str] | None:
    """Every string one item matches (boundaries as marks), when there are few; else None."""
    if op is _LITERAL:
        return {chr(av)}
    key = (op, id(av))
    if key not in _expanded:
        _expanded[key] = _expand_new(op, av)
    return _expanded[key]


def _expand_new(op: Any, av: Any) -> set[str] | None:
    if op is _LITERAL:
        return {chr(av)}
    if _non_word_item(op, av):
        return {_NON_WORD_MARK}
    if op is _IN:
        if len(av) > 16 or any(member_op is not _LITERAL for member_op, _ in av):
            return None
        return {chr(member_av) for _, member_av in av}
    if op is _AT:
        # Other zero-width tests (\B) are left out: the strings then cover more texts, which
        # only makes the gate looser.
        return {_EDGE_MARK} if av is _BOUNDARY or av in _EDGES else {""}
    if op is _SUBPATTERN:
        if av[1] & _CASE_FLAGS or av[2]:
            return None
        return _expand_sequence(list(av[3]))
    if op is _BRANCH:
        strings: set[str] = set()
        for branch in av[1]:
            more = _expand_sequence(list(branch))
            if more is None:
                return None
            strings |= more
            if len(strings) > _MAX_STRINGS:
                return None
        return strings
    if op in _REPEATS:
        low, high, body = av
        once = _expand_sequence(list(body))
        if once is None or high > 4:
            return None
        strings = {""} if low == 0 else set()
        power = {""}
        for count in range(1, high + 1):
            if len(power) * len(once) > _MAX_STRINGS:
                return None
            power = {a + b for a in power for b in once}
            if count >= low:
                strings |= power
        return strings if len(strings) <= _MAX_STRINGS else None
    return None


def _expand_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    strings = {""}
    for op, av in items:
        more = _expand_item(op, av)
        if more is None or len(strings) * len(more) > _MAX_STRINGS:
            return None
        strings = {a + b for a in strings for b in more}
    return strings


def _bounded_words(text: str, left: bool, right: bool) -> set[str]:
    """The word runs of an enumerated string that are whole words of any text it stands for:
    a non-word character, a mark or (per ``left``/``right``) the context on both sides."""
    words = set()
    for match in _WORD_RUN.finditer(text):
        start, end = match.span()
        if (start > 0 or left) and (end < len(text) or right):
            words.add(match.group())
    return words


def _strings_gate(strings: set[str], left: bool, right: bool) -> Gate | None:
    """A gate of a run whose matches are among ``strings``: one whole word of each (a word
    already chosen for another string when it has one, else the word most strings share,
    then the longest)."""
    options = sorted(
        (_bounded_words(text, left, right) for text in strings), key=lambda w: (len(w), sorted(w))
    )
    if not options or not options[0]:
        return None
    shared = Counter(word for words in options for word in words)
    chosen: set[str] = set()
    for words in options:
        if chosen.isdisjoint(words):
            chosen.add(max(sorted(words), key=lambda w: (shared[w], len(w))))
    return frozenset(chosen)


def _sequence_gates(items: list[tuple[Any, Any]], left: bool, right: bool) -> list[Gate]:
    """Every gate that a match of this sequence of items must pass.

    Runs of items whose matches can be listed (literals, small classes, boundaries, small
    alternations and repeats) are enumerated and each string's whole words read; any other
    item is analysed on its own. ``left``: when the text before the sequence ends with a word
    character, the sequence starts with a non-word one (or a boundary); ``right``: likewise
    after its end."""
    gates: list[Gate] = []
    index = 0
    while index < len(items):
        start = index
        strings = {""}
        while index < len(items):
            more = _expand_item(*items[index])
            if more is None or len(strings) * len(more) > _MAX_STRINGS:
                break
            strings = {a + b for a in strings for b in more}
            index += 1
        if index > start:
            gate = _strings_gate(
                strings,
                _closes_bounded(items[:start], left),
                _opens_bounded(items[index:], right),
            )
            if gate:
                gates.append(gate)
            continue
        op, av = items[index]
        sub = _item_gates(
            op, av, _closes_bounded(items[:index], left), _opens_bounded(items[index + 1 :], right)
        )
        if sub is not None:
            gates.append(sub)
        index += 1
    return gates


def _item_gates(op: Any, av: Any, left: bool, right: bool) -> Gate | None:
    """The best gate of one non-literal item that every match goes through, if any."""
    if op is _SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags & _CASE_FLAGS or del_flags:
            return None
        return _best(_sequence_gates(list(body), left, right))
    if _ATOMIC is not None and op is _ATOMIC:
        return _best(_sequence_gates(list(av), left, right))
    if op is _BRANCH:
        branches = []
        for branch in av[1]:
            gate = _best(_sequence_gates(list(branch), left, right))
            if gate is None:
                return None
            branches.append(gate)
        return union_gate(branches)
    if op in _REPEATS:
        low, high, body = av
        if low < 1:
            return None
        # The first repetition starts where the item does; it ends where the item does only
        # when it is the only one.
        return _best(_sequence_gates(list(body), left, right and high == 1))
    if op is _ASSERT:
        # A lookahead or lookbehind ('^(?=.*\b(?:lol|lmao)\b)...') must match too, so its
        # gates are the pattern's; what stands beside its match is unknown (no bounds).
        return _best(_sequence_gates(list(av[1]), left=False, right=False))
    return None
