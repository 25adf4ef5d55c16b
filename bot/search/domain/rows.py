"""A document-term matrix that scores a query with one sparse product and grows without a refit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.search.domain.vectors import QueryVector

# Rows added since the last merge live in a small row-major matrix; folding them into the
# term-major base costs a full copy, so it happens only once the delta is a sizeable share.
_MERGE_MIN_ROWS = 2_000
_MERGE_FRACTION = 0.25


@dataclass(frozen=True)
class ScoredRows:
    """Weighted documents: a term-major (CSC) base plus a row-major delta of recent additions."""

    base: sp.csc_matrix
    delta: sp.csr_matrix

    @classmethod
    def from_matrix(cls, matrix: sp.spmatrix, n_terms: int) -> ScoredRows:
        """Wrap ``matrix`` (documents x terms) as the base, with an empty delta."""
        return cls(sp.csc_matrix(matrix, dtype=np.float32), _empty_csr(n_terms))

    @property
    def n_rows(self) -> int:
        return int(self.base.shape[0] + self.delta.shape[0])

    def scores(self, query: QueryVector) -> NDArray[np.float32]:
        """Dot product of every row with the query: one sparse product over the query's columns."""
        # Selecting the query's columns of a CSC matrix touches only their postings, so cost
        # grows with how common the query words are, not with the corpus.
        ids, weights = query.term_ids, query.weights
        base = np.asarray(self.base[:, ids] @ weights, dtype=np.float32).ravel()
        if self.delta.shape[0] == 0:
            return base
        delta = np.asarray(self.delta[:, ids] @ weights, dtype=np.float32).ravel()
        return np.concatenate([base, delta])

    def widened(self, n_terms: int) -> ScoredRows:
        """The same rows with room for ``n_terms`` terms (new vocabulary words); no data copy."""
        if n_terms == self.base.shape[1]:
            return self
        extra = n_terms - self.base.shape[1]
        indptr = np.concatenate(
            [self.base.indptr, np.full(extra, self.base.indptr[-1], dtype=self.base.indptr.dtype)]
        )
        base = sp.csc_matrix(
            (self.base.data, self.base.indices, indptr), shape=(self.base.shape[0], n_terms)
        )
        delta = sp.csr_matrix(
            (self.delta.data, self.delta.indices, self.delta.indptr),
            shape=(self.delta.shape[0], n_terms),
        )
        return ScoredRows(base, delta)

    def appended(self, rows: sp.csr_matrix) -> ScoredRows:
        """A new matrix with ``rows`` added at the end (this one is left unchanged)."""
        delta = sp.csr_matrix(sp.vstack([self.delta, rows], format="csr"), dtype=np.float32)
        if delta.shape[0] >= max(_MERGE_MIN_ROWS, _MERGE_FRACTION * self.base.shape[0]):
            merged = sp.vstack([self.base.tocsr(), delta], format="csc")
            return ScoredRows(sp.csc_matrix(merged, dtype=np.float32), _empty_csr(delta.shape[1]))
        return ScoredRows(self.base, delta)

    def merged(self, keep: NDArray[np.bool_] | None = None) -> sp.csc_matrix:
        """The whole matrix as CSC, optionally only the rows where ``keep`` is true."""
        whole = self.base
        if self.delta.shape[0]:
            whole = sp.csc_matrix(sp.vstack([self.base.tocsr(), self.delta], format="csc"))
        if keep is not None and not bool(keep.all()):
            whole = sp.csc_matrix(whole.tocsr()[np.flatnonzero(keep)])
        return whole


def _empty_csr(n_terms: int) -> sp.csr_matrix:
    return sp.csr_matrix((0, n_terms), dtype=np.float32)


def top_k(scores: NDArray[np.float32], k: int) -> list[int]:
    """Indices of the ``k`` highest positive scores, best first (argpartition, then a small sort)."""
    if scores.size == 0:
        return []
    k = min(k, scores.size)
    part = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
    part = part[scores[part] > 0]
    order = np.lexsort((part, -scores[part]))  # ties: earlier documents first, deterministic
    return [int(i) for i in part[order]]
