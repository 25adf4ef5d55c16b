"""A pattern's required string (prefilter.required_literal): every match holds it, so a text
without it is ruled out by a substring test before any regex runs."""

from __future__ import annotations

import random
import re

import pytest

from bot.moderation.domain.prefilter import Prefiltered, prefiltered, required_literal
from tests.moderation.domain.test_moderation_prefilter import TEXTS, _records


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        (r"\({3} ?[a-z][^()]{0,40}\){3}", "((("),
        (r"\bthere (?:has|have)\b", "there ha"),  # the parser factors out 'ha'
        (r"\bfoo\b", "foo"),
        (r"a{2,5}bc", "abc"),  # a repeat of varying length ends with its character
        (r"x+yz", "xyz"),
        (r"^ab$", "ab"),
        (r"ab(?=c)d", "ab"),  # a lookaround ends a run
        (r"ab|cd", None),
        (r"(?i)abc", None),
        (r"a", None),  # one character rules out too little
        (r"[ab]c", None),
    ],
)
def test_required_literal(pattern: str, needle: str | None) -> None:
    assert required_literal(re.compile(pattern)) == needle


def test_no_required_literal_when_case_is_ignored() -> None:
    assert required_literal(re.compile("abc", re.IGNORECASE)) is None


def test_a_pattern_with_a_needle_and_no_twin_is_wrapped() -> None:
    raw = re.compile(r"\({3} ?[a-z][^()]{0,40}\){3}")
    fast = prefiltered(raw)
    assert isinstance(fast, Prefiltered) and fast._twin is None
    assert fast.search("so (((they))) did it") is not None
    assert fast.search("so ((they)) did it") is None
    assert fast.findall("(((a))) and (((b)))") == raw.findall("(((a))) and (((b)))")


def _random_texts(needle: str, rng: random.Random) -> list[str]:
    """Texts built around the needle and with one of its characters dropped."""
    out = []
    for _ in range(20):
        cut = rng.randrange(len(needle))
        out.append("x " + needle + " y")
        out.append(needle[:cut] + needle[cut + 1 :])
    return out


def test_every_shipped_match_holds_its_needle() -> None:
    """For every shipped record, stance record and union: each match on every case text and
    record example holds the needle, and searching through it finds what Python's re finds."""
    rng = random.Random(7)
    with_needle = 0
    for pattern in _records():
        raw = pattern if type(pattern) is re.Pattern else pattern.regex  # type: ignore[attr-defined]
        needle = required_literal(raw)
        if needle is None:
            continue
        with_needle += 1
        fast = Prefiltered(raw)
        for text in [*TEXTS, *_random_texts(needle, rng)]:
            for match in raw.finditer(text):
                assert needle in match.group(0), (raw.pattern, text)
            ours, theirs = fast.search(text), raw.search(text)
            assert (ours and ours.span()) == (theirs and theirs.span()), (raw.pattern, text)
    assert with_needle >= 20
