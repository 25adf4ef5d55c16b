"""How rare a question word is within the source a passage comes from.

A grown archive can hold one prolific source (2,000 reports of a news agency) beside a handful
of community posts. A word the agency uses every day ("Moscow", "border") is common in the
archive as a whole, yet rare among the posts: a post that matches it says more than an agency
report does. The gate reads the rarest question word a passage matches; with this, it reads that
word's rarity in the passage's own source too, so that the small source's rare words still
count after a large source is added.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from bot.search.domain.query import Question
from bot.search.domain.rows import ScoredRows
from bot.search.domain.vectors import TermWeights


def source_rarity(
    question: Question,
    weights: TermWeights,
    rows: ScoredRows,
    sources: list[str],
    alive: NDArray[np.bool_],
) -> dict[str, tuple[tuple[float, ...], ...]]:
    """Per source, per question concept, per way of writing it (the concept's options): its
    idf among that source's live articles over ln(articles in the source + 1), the scale of
    GateFeatures.rarest_matched."""
    concepts = question.vector.concepts
    if not concepts or not sources:
        return {}
    names, codes = source_codes(sources)
    live = alive[: len(codes)]
    sizes = np.bincount(codes[live], minlength=len(names)).astype(np.float64)
    stems = sorted({t for options in concepts for option in options for t in option})
    known = [t for t in stems if t in weights.vocabulary]
    ids = np.asarray([weights.vocabulary[t] for t in known], dtype=np.int64)
    df = {t: np.zeros(len(names)) for t in stems}
    if len(ids):
        for part, offset in ((rows.base, 0), (rows.delta.tocsc(), rows.base.shape[0])):
            if part.shape[0] == 0:
                continue
            columns = part[:, ids].tocsc()
            for j, term in enumerate(known):
                hit = columns.indices[columns.indptr[j] : columns.indptr[j + 1]] + offset
                hit = hit[live[hit]]
                df[term] += np.bincount(codes[hit], minlength=len(names))
    idf = {t: _idf(df[t], sizes) for t in stems}
    scale = np.log(sizes + 1.0)
    out: dict[str, tuple[tuple[float, ...], ...]] = {}
    for s, name in enumerate(names):
        if sizes[s] <= 0:
            continue
        out[str(name)] = tuple(
            tuple(
                math.sqrt(sum(float(idf[t][s]) ** 2 for t in option)) / float(scale[s])
                for option in options
            )
            for options in concepts
        )
    return out


# The last index's sources as codes: one index answers many questions (read once per question
# into a local, so threads never see a half-written pair).
_CODES: tuple[list[str], NDArray[np.object_], NDArray[np.intp]] | None = None


def source_codes(sources: list[str]) -> tuple[NDArray[np.object_], NDArray[np.intp]]:
    """The distinct sources and each article's code among them (cached for the last list)."""
    global _CODES
    cached = _CODES
    if cached is not None and cached[0] is sources:
        return cached[1], cached[2]
    names, codes = np.unique(np.asarray(sources, dtype=object), return_inverse=True)
    _CODES = (sources, names, codes)
    return names, codes


def _idf(df: NDArray[np.float64], sizes: NDArray[np.float64]) -> NDArray[np.float64]:
    """Okapi idf per source (as vectors.bm25_idf, with each source's own article count)."""
    result: NDArray[np.float64] = np.log1p((sizes - df + 0.5) / (df + 0.5))
    return result
