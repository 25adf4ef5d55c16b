"""Join two stories by raising their similarity: the one step every pair rule shares.

A pair rule (subjects.py, features.py, ledelinks.py, reactions.py) finds two stories of the
week that tell one story and lifts their entry of the similarity matrix to its own floor, so
the folding step (alike.py) puts them in one highlight.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

FloatArray = np.ndarray


def raise_pairs(alike: FloatArray, pairs: Iterable[tuple[int, int]], floor: float) -> FloatArray:
    """A copy of ``alike`` with each pair's two entries at least ``floor``."""
    result = np.array(alike, dtype=np.float64, copy=True)
    for first, second in pairs:
        value = max(result[first, second], floor)
        result[first, second] = result[second, first] = value
    return result
