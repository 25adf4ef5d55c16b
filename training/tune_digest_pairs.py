"""The grids and pair lists training/tune_digest.py scores per setting: lede links per lede
length and occasion pairs per quoted-work length (both need the week's texts, so they are found
once per week)."""

from __future__ import annotations

import itertools
from typing import Any

import bot.digest.domain.ledelinks as ledelinks
import bot.digest.domain.occasions as occasions

LEDE_CHARS_GRID = (300, 600, 1000)
WORK_GRID = (4, 5, 6, 8, 10, 12, 99)  # quoted-work words (occasions.WORK_WORDS); 99: none
# lede chars, rare docs, shared terms, statement days, trip days (-1: none of that kind)
LEDE_GRID = list(
    itertools.product(LEDE_CHARS_GRID, (0, 1, 2, 4), (1, 2, 3), (-1, 0, 1, 2, 3), (-1, 0, 1))
)
# profiles (bot.digest.domain.features): headline words, days apart (-1: none)
PROFILE_GRID = [(w, d) for w in (2, 3, 4, 5, 6, 8) for d in (-1, 0, 1, 2)]


def lede_pairs(analysed: Any, selected: list[Any]) -> dict[int, tuple[Any, ...]]:
    """The week's statement and trip pairs for every LEDE_CHARS_GRID lede length."""
    return {
        chars: tuple(
            ledelinks.lede_pairs(
                [s.items for s in analysed.stories],
                [s.kind for s in analysed.stories],
                analysed.copies,
                selected,
                analysed.text,
                analysed.common,
                chars,
            )
        )
        for chars in LEDE_CHARS_GRID
    }


def work_pairs(analysed: Any, selected: list[Any]) -> dict[int, tuple[Any, ...]]:
    """The week's occasion pairs for every WORK_GRID value of occasions.WORK_WORDS."""
    shipped = occasions.WORK_WORDS
    found = {}
    for value in WORK_GRID:
        occasions.WORK_WORDS = value
        found[value] = tuple(
            occasions.occasion_pairs(
                [s.items for s in analysed.stories],
                [s.kind for s in analysed.stories],
                analysed.copies,
                selected,
                analysed.common,
            )
        )
    occasions.WORK_WORDS = shipped
    return found
