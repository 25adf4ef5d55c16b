"""An anniversary's routine lines stay lines of their own (issue 15, round 12): a story whose
headline earlier weeks keep using is not tied to the celebration by a shared name or occasion."""

from __future__ import annotations

import numpy as np

from bot.digest.domain.alike import (
    OCCASION_SIMILARITY,
    SHARED_NAMES_SIMILARITY,
    UNTIE_RECURRING_WEEKS,
    untie_recurring,
)
from bot.digest.domain.occasions import OccasionPair, apart_from_recurring


def test_a_recurring_line_loses_its_name_and_occasion_ties_only() -> None:
    alike = np.array(
        [
            [1.0, SHARED_NAMES_SIMILARITY, OCCASION_SIMILARITY, 0.9],
            [SHARED_NAMES_SIMILARITY, 1.0, 0.0, 0.0],
            [OCCASION_SIMILARITY, 0.0, 1.0, 0.0],
            [0.9, 0.0, 0.0, 1.0],
        ]
    )
    # Story 1 ("Floral Baskets to Statues ... from Abroad") recurs; 0, 2 and 3 are news.
    untied = untie_recurring(alike, [0, UNTIE_RECURRING_WEEKS, 0, UNTIE_RECURRING_WEEKS])
    assert untied[0, 1] == untied[1, 0] == 0.0
    assert untied[0, 2] == OCCASION_SIMILARITY  # two news stories keep their occasion
    assert untied[0, 3] == 0.9  # alike texts still fold a recurring story
    assert alike[0, 1] == SHARED_NAMES_SIMILARITY  # the input is not changed


def test_occasion_pairs_with_a_recurring_story_are_dropped() -> None:
    pairs = [OccasionPair(0, 1, "anniversary 76 DPRK", 1), OccasionPair(0, 2, "anniversary", 0)]
    kept = apart_from_recurring(pairs, [0, UNTIE_RECURRING_WEEKS, UNTIE_RECURRING_WEEKS - 1])
    assert kept == (pairs[1],)
