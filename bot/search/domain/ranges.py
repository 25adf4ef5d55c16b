"""Documents as ranges of one flat array of term ids, and their counts as CSR matrices.

The corpus analysis (counts.py) appends each article's term ids once; an article's document and
its passages' documents are then a few integers each: ranges of those ids.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

# Rows counted per numpy pass: bounds the temporary token arrays (and so peak memory).
_CHUNK_TOKENS = 200_000


class RangeDocuments:
    """Every document as two ranges of one flat list of term ids, counted into CSR at the end.

    An article's title, body and passages' windows are ranges of the same ids, so each word is
    looked up once and a passage costs a few integers until counting. A document is a first
    range counted ``repeat`` times (the title; empty when unused) and a second counted once.
    Documents are numbered in the order they are added.
    """

    def __init__(self) -> None:
        # Documents added one at a time, as lists (start1, end1, repeat1, start2, end2), and
        # everything before them as int64 arrays: a Python int per bound would weigh 36 bytes
        # and be kept until counting.
        self._lists: tuple[list[int], ...] = ([], [], [], [], [])
        self._arrays: list[tuple[NDArray[np.int64], ...]] = []
        self._sealed = 0

    @property
    def n_docs(self) -> int:
        return self._sealed + len(self._lists[0])

    def add(self, first: tuple[int, int, int], second: tuple[int, int]) -> None:
        """One document: ``first`` (start, end, repeat) and ``second`` (start, end)."""
        start1, end1, repeat1, start2, end2 = self._lists
        start1.append(first[0])
        end1.append(first[1])
        repeat1.append(first[2])
        start2.append(second[0])
        end2.append(second[1])

    def add_many(
        self,
        start1: NDArray[np.int64],
        end1: NDArray[np.int64],
        repeat1: int,
        start2: NDArray[np.int64],
        end2: NDArray[np.int64],
    ) -> None:
        """Documents whose first ranges (each counted ``repeat1`` times) and second ranges are
        given as arrays."""
        self._seal()
        repeat = np.full(len(start1), repeat1, dtype=np.int64)
        columns = (start1, end1, repeat, start2, end2)
        self._arrays.append(tuple(np.asarray(c, dtype=np.int64) for c in columns))
        self._sealed += len(start1)

    def _seal(self) -> None:
        if self._lists[0]:
            self._arrays.append(tuple(np.asarray(c, dtype=np.int64) for c in self._lists))
            self._sealed += len(self._lists[0])
            self._lists = ([], [], [], [], [])

    def ranges(
        self, kept_before: NDArray[np.signedinteger[Any]]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.float32]]:
        """(document, start, length, repeat) of every range, each document's two together, on
        the ids without stop words: ``kept_before[i]`` is how many of the first ``i`` were kept."""
        self._seal()
        columns = [
            np.concatenate([part[i] for part in self._arrays])
            if self._arrays
            else np.zeros(0, dtype=np.int64)
            for i in range(5)
        ]
        start1, end1, start2, end2 = (
            kept_before[columns[i]].astype(np.int64) for i in (0, 1, 3, 4)
        )
        doc = np.repeat(np.arange(self.n_docs, dtype=np.int64), 2)
        start = np.column_stack([start1, start2]).ravel()
        length = np.column_stack([end1 - start1, end2 - start2]).ravel()
        repeat = np.column_stack(
            [columns[2].astype(np.float32), np.ones(self.n_docs, np.float32)]
        ).ravel()
        return doc, start, length, repeat

    def terms_present(
        self, flat: NDArray[np.int32], kept_before: NDArray[np.signedinteger[Any]], n_terms: int
    ) -> NDArray[np.bool_]:
        """Which of the ``n_terms`` ids occur in these documents."""
        _, start, length, _ = self.ranges(kept_before)
        # One document's ranges never overlap another's (each is its own run of ids) and its two
        # ranges are apart: so each position is covered 0 or 1 times.
        start, length = start[length > 0], length[length > 0]
        cover = np.zeros(flat.size + 1, dtype=np.int8)
        np.add.at(cover, start, 1)
        np.subtract.at(cover, start + length, 1)
        covered = np.cumsum(cover[:-1], dtype=np.int8).view(np.bool_)
        present = np.zeros(n_terms, dtype=np.bool_)
        present[flat[covered]] = True
        return present

    def matrix(
        self, flat: NDArray[np.int32], kept_before: NDArray[np.signedinteger[Any]], n_terms: int
    ) -> sp.csr_matrix:
        """Float32 counts (documents x provisional terms, sorted indices) of ``flat``'s ids."""
        doc, start, length, repeat = self.ranges(kept_before)
        row_nnz: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
        total = np.cumsum(length)
        # A document has at most as many entries as words: room for all of them, filled in
        # place and then given back (untouched pages never become resident memory).
        capacity = int(total[-1]) if total.size else 0
        cols = np.empty(capacity, dtype=np.int32)
        counts = np.empty(capacity, dtype=np.float32)
        nnz = 0
        # Ranges per pass, cut at document boundaries: bounds the temporary arrays.
        first = 0
        while first < doc.size:
            limit = (int(total[first - 1]) if first else 0) + _CHUNK_TOKENS
            last = max(int(np.searchsorted(total, limit, side="right")), first + 1)
            last = int(np.searchsorted(doc, doc[last - 1], side="right"))
            part = slice(first, last)
            chunk = _count_ranges(flat, doc[part], start[part], length[part], repeat[part], n_terms)
            row_nnz.append(np.diff(chunk.indptr))
            cols[nnz : nnz + chunk.nnz] = chunk.indices
            counts[nnz : nnz + chunk.nnz] = chunk.data
            nnz += chunk.nnz
            first = last
        cols.resize(nnz, refcheck=False)  # in place
        counts.resize(nnz, refcheck=False)
        # Every document has two ranges, so the chunks' rows are all documents in order.
        indptr = np.zeros(self.n_docs + 1, dtype=np.int64)
        np.cumsum(np.concatenate(row_nnz), out=indptr[1:])
        return sp.csr_matrix((counts, cols, indptr), shape=(self.n_docs, n_terms))


def _count_ranges(
    flat: NDArray[np.int32],
    doc: NDArray[np.int64],
    start: NDArray[np.int64],
    length: NDArray[np.int64],
    repeat: NDArray[np.float32],
    n_terms: int,
) -> sp.csr_matrix:
    """Counts of the documents these ranges belong to (consecutive), one row each."""
    n_rows = int(doc[-1] - doc[0]) + 1
    rows = np.repeat((doc - doc[0]).astype(np.int32), length)
    offsets = np.cumsum(length) - length
    positions = np.arange(int(length.sum()), dtype=np.int64)
    positions += np.repeat(start - offsets, length)
    data = np.repeat(repeat, length)
    # COO to CSR sums the duplicates and sorts each row's columns.
    return sp.csr_matrix((data, (rows, flat[positions])), shape=(n_rows, n_terms))


def without_last_column(counts: sp.csr_matrix) -> sp.csr_matrix:
    """``counts`` without its last column (indices sorted, so its entries end their rows)."""
    n_rows, n_terms = counts.shape[0], counts.shape[1] - 1
    keep = counts.indices < n_terms
    if keep.all():
        return sp.csr_matrix((counts.data, counts.indices, counts.indptr), shape=(n_rows, n_terms))
    kept_before = np.zeros(keep.size + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    return sp.csr_matrix(
        (counts.data[keep], counts.indices[keep], kept_before[counts.indptr]),
        shape=(n_rows, n_terms),
    )
