"""/ask's semantic share: a passage about the question outranks one that only shares a word.

Round 11 raised the cosine's share in /ask's candidate order (dense.ASK_WEIGHT) so that, in a
big archive, a news agency's passage that matches the question's rarest word by chance ("a
new heyday" of a delegation's visit) does not outrank the post the question is about when the
post's lexical score is nearly as high and its meaning much closer.
"""

from __future__ import annotations

import numpy as np
import pytest

import bot.search.domain.answers as answers
from bot.search.domain import dense


def _order(lexical: list[float], cosines: list[float], weight: float) -> list[int]:
    mixed = dense.mix(np.asarray(lexical, np.float32), np.asarray(cosines, np.float32), weight)
    return [int(i) for i in np.argsort(-mixed, kind="stable")]


def test_a_close_meaning_outranks_a_slightly_better_word_match() -> None:
    # Candidate 0: the best lexical score, little in common in meaning (cosine 0.2);
    # candidate 1: four fifths of that score, about what was asked (cosine 0.6).
    lexical, cosines = [5.0, 4.0], [0.2, 0.6]
    assert _order(lexical, cosines, answers.SETTINGS.dense_weight) == [1, 0]
    # Before round 11 (0.3) the word match won: the share is what decides it.
    assert _order(lexical, cosines, 0.3) == [0, 1]


def test_the_lexical_order_still_rules_when_meanings_are_alike() -> None:
    lexical, cosines = [5.0, 2.0, 1.0], [0.5, 0.52, 0.5]
    assert _order(lexical, cosines, answers.SETTINGS.dense_weight) == [0, 1, 2]


@pytest.mark.parametrize("weight", [0.0, dense.ASK_WEIGHT, 1.0])
def test_the_mix_is_bounded_by_its_parts(weight: float) -> None:
    lexical = np.asarray([3.0, 1.5, 0.0], np.float32)
    cosines = np.asarray([0.1, 0.9, 0.4], np.float32)
    mixed = dense.mix(lexical, cosines, weight)
    low = np.minimum(lexical / lexical.max(), cosines) - 1e-6
    high = np.maximum(lexical / lexical.max(), cosines) + 1e-6
    assert np.all(mixed >= low) and np.all(mixed <= high)
