"""Which passages /ask re-ranks, and how much a bulk archive's passage counts among them.

A news agency's archive repeats itself: kcna-2024 holds a thousand reports syndicated under
several ids, and 4,387 of its 10,007 passages are word-for-word copies of another. /ask shows a
copy once, but its candidates (the lexically best 40 passages) were taken before that: five
copies of one report could take five places and push out the community post that answers.
Copies now take one place.

A source of thousands of reports (an agency's feed ingested in bulk) matches a member's
question by chance far more often than a handful of posts does; ``bulk_factor`` lets such a
passage count a little less than an equal match in a small source.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from bot.search.domain.rows import top_k
from bot.search.domain.source_rarity import source_codes

# A source of at most this many live articles is never discounted.
BULK_ARTICLES = 100


def unique_candidates(
    scores: NDArray[np.float32], texts: Sequence[str], n: int, unique: bool = True
) -> list[int]:
    """Up to ``n`` passages with the highest positive ``scores``, best first, each text once
    (the best-scored, then earliest, copy of a repeated text); ``unique`` False: top_k."""
    pool = top_k(scores, n)
    if not unique or len({texts[i] for i in pool}) == len(pool):
        return pool
    # Copies took places: look further down, as far as needed and no further than 8 x n.
    depth = n
    while True:
        depth = min(depth * 2, n * 8)
        pool = top_k(scores, depth)
        seen: set[str] = set()
        picked = []
        for i in pool:
            if texts[i] not in seen:
                seen.add(texts[i])
                picked.append(i)
                if len(picked) == n:
                    return picked
        if depth >= n * 8 or len(pool) < depth:
            return picked


def bulk_factor(source_size: int, weight: float) -> float:
    """The factor on a passage's score for its source's size: 1 up to BULK_ARTICLES live
    articles, then 1 / (1 + weight x log10(size / BULK_ARTICLES))."""
    if weight <= 0 or source_size <= BULK_ARTICLES:
        return 1.0
    return 1.0 / (1.0 + weight * math.log10(source_size / BULK_ARTICLES))


def discount_bulk(
    values: NDArray[np.float32],
    rows: NDArray[np.intp] | Sequence[int],
    sources: list[str],
    alive: NDArray[np.bool_] | None,
    weight: float,
) -> NDArray[np.float32]:
    """``values`` (of passages of the articles ``rows``) times each source's bulk_factor."""
    if weight <= 0 or not len(rows) or not values.size:
        return values
    names, codes = source_codes(sources)
    live = codes if alive is None else codes[alive[: len(codes)]]
    sizes = np.bincount(live, minlength=len(names))
    per_source = np.asarray([bulk_factor(int(n), weight) for n in sizes], np.float32)
    factors = per_source[codes[np.asarray(rows, np.intp)]]
    # Lower either way: a negative score (a poor cosine) is divided, not multiplied.
    discounted: NDArray[np.float32] = np.where(values > 0, values * factors, values / factors)
    return discounted.astype(np.float32)


def admit_by_discount(
    scores: NDArray[np.float32],
    pool: list[int],
    owners: NDArray[np.intp],
    sources: list[str],
    alive: NDArray[np.bool_] | None,
    weight: float,
    n: int,
) -> list[int]:
    """The ``n`` of ``pool`` (best first) with the highest ``scores`` after the bulk discount:
    a small source's passage just below a bulk archive's 40 still becomes a candidate."""
    if weight <= 0 or len(pool) <= n:
        return pool[:n]
    values = discount_bulk(scores[pool], owners[pool], sources, alive, weight)
    order = sorted(range(len(pool)), key=lambda j: (-float(values[j]), j))
    return [pool[j] for j in order[:n]]


def source_passages(
    sources: Sequence[str],
    owners: NDArray[np.int64],
    alive: NDArray[np.bool_],
    source: str,
    taken: set[int],
) -> list[int]:
    """The live passages (``owners``: each passage's article row) of ``source``'s articles that
    are not in ``taken``."""
    rows = [r for r, name in enumerate(sources) if name == source]
    if not rows:
        return []
    found = np.flatnonzero(np.isin(owners, rows) & alive)
    return [int(i) for i in found if int(i) not in taken]
