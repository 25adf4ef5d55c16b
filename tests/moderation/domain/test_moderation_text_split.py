"""normalize()'s splits by str methods (text_split.py) return exactly what the regexes they
replace return: on every case text, on texts full of the characters the regexes look for, and
on the plain views and sentences of both."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bot.moderation.domain.normalize import (
    _CLAUSE_SPLIT,
    _MARKUP_CHARS,
    _SENTENCE_SPLIT,
    normalize_plain,
)
from bot.moderation.domain.text_split import clause_pieces, has_markup, sentence_pieces

CASES = Path(__file__).resolve().parents[1] / "cases"
# Every character the three regexes treat specially, a few letters, whitespace of all kinds.
_ALPHABET = [
    *"ab z.!?;,:()-_*~|`]<>#@[\n\t\r\x0b\x1c ",
    "\u2013",
    "\u2014",
    "\u2028",
    "\u00a0",
    "é",
    "\x00",
    "  ",
    " - ",
    "> ",
    "\n#",
    "<@",
    "<a",
    "](",
]


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CASES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    rng = random.Random(20261207)
    for _ in range(6_000):
        texts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24))))
    return texts


TEXTS = _texts()


def test_has_markup_is_the_regex() -> None:
    differ = [t for t in TEXTS if has_markup(t) != (_MARKUP_CHARS.search(t) is not None)]
    assert differ == []
    assert any(has_markup(t) for t in TEXTS) and not all(has_markup(t) for t in TEXTS)


@pytest.mark.parametrize("view", ["plain", "plain of markup"])
def test_sentence_and_clause_pieces_are_the_regex_splits(view: str) -> None:
    clauses_by_str = 0
    for text in TEXTS:
        plain = normalize_plain(text if view == "plain" else f"**{text}** > _x_")
        assert sentence_pieces(plain) == _SENTENCE_SPLIT.split(plain), plain
        for sentence in sentence_pieces(plain):
            pieces = clause_pieces(sentence)
            if pieces is not None:
                clauses_by_str += 1
                assert pieces == _CLAUSE_SPLIT.split(sentence), sentence
    assert clauses_by_str > len(TEXTS) // 2  # the fast path is the common one


def test_clause_pieces_leave_dashes_and_other_text_to_the_regex() -> None:
    assert clause_pieces("a - b, c") is None
    assert clause_pieces("a \u2014 b") is None
    assert clause_pieces("a, b: c (d)") == ["a", " b", " c ", "d", ""]
    assert sentence_pieces("one. two! three? four; five") == [
        "one.",
        "two!",
        "three?",
        "four;",
        "five",
    ]
