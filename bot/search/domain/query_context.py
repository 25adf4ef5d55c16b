"""What the candidate list says of a question as a whole (query-performance prediction), as
the gate (gate.py) reads it."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class QueryContext:
    """What the candidate list says of a question as a whole (query-performance prediction):
    ratios of the ranking's scores, so that they read alike at any archive size."""

    top_gap: float = 0.0
    nqc: float = 0.0
    dense_best: float = 0.0
    dense_gap: float = 0.0
    # The best lexical score among the candidates: a passage's own reads against it.
    best: float = 0.0

    @classmethod
    def of(cls, lexical: list[float], cosines: list[float] | None) -> QueryContext:
        """The context of candidates' lexical scores (best first) and their cosines."""
        top = sorted(lexical, reverse=True)[:10]
        best = top[0] if top and top[0] > 0 else 0.0
        gap = (top[0] - top[1]) / best if best and len(top) > 1 else (1.0 if best else 0.0)
        mean = sum(top) / len(top) if top else 0.0
        spread = math.sqrt(sum((v - mean) ** 2 for v in top) / len(top)) / mean if mean else 0.0
        dense_best = max(cosines) if cosines else 0.0
        dense_gap = dense_best - sum(cosines) / len(cosines) if cosines else 0.0
        return cls(gap, spread, dense_best, dense_gap, best)
