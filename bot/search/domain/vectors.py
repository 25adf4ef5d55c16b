"""TF-IDF weighting for the index: fit with scikit-learn once, then vectorise anything cheaply.

Choices measured on SciFact train by bench/ablate_search.py (section "search-ablation" of
bench/RESULTS.md, nDCG@10 of the shipped set-up 0.697): sublinear tf (raw tf: 0.602), Snowball
stemming (none: 0.671), the title counted twice (once: 0.692, none: 0.675), unigrams only (with
bigrams: 0.671 and 2-3x the fit time), pivoted length normalisation with slope 0.4 (plain L2:
0.683; long documents are penalised less, and relevant abstracts tend to be long). The curated
stop list costs 0.003 against none but keeps question words out of the confidence measure and
makes common-word queries cheaper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer

from bot.search.domain.text import TextAnalyzer

TITLE_REPEAT = 2
_CHUNK = 2_000
PIVOT_SLOPE = 0.4


def document_text(title: str, text: str, title_repeat: int = TITLE_REPEAT) -> str:
    """The text indexed for a passage or article: the title ``title_repeat`` times, then the text."""
    # The separator keeps a title's last word and the text's first word from forming a bigram.
    return "\n".join([title] * title_repeat + [text])


@dataclass(frozen=True)
class QueryVector:
    """A question as index terms: term ids with their L2-normalised weights, plus coverage data."""

    term_ids: NDArray[np.int64]
    weights: NDArray[np.float32]
    # Sum of squared idf of all the question's distinct terms, including unknown words (which get
    # the highest idf): the denominator of the coverage confidence measure.
    total_idf2: float

    @property
    def is_empty(self) -> bool:
        return self.term_ids.size == 0


class TermWeights:
    """A fitted vocabulary with idf and the length-normalisation pivot: the vectoriser of the index."""

    def __init__(
        self,
        analyzer: TextAnalyzer,
        vocabulary: dict[str, int],
        idf: NDArray[np.float32],
        pivot: float,
        slope: float = PIVOT_SLOPE,
        n_documents: int = 0,
    ) -> None:
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float32, copy=False)
        self.pivot = pivot
        self.slope = slope
        self.n_documents = n_documents
        # Unknown words are at least as rare as the rarest known term.
        self.max_idf = float(idf.max()) if idf.size else 1.0

    @classmethod
    def fit(
        cls, analyzer: TextAnalyzer, documents: Sequence[str]
    ) -> tuple[TermWeights, sp.csr_matrix]:
        """Fit vocabulary and idf on ``documents``; return the weights and their normalised matrix."""
        if not any(analyzer(doc) for doc in documents):
            # scikit-learn refuses an empty vocabulary; an empty archive is still a valid index.
            empty = cls(
                analyzer, {}, np.zeros(0, dtype=np.float32), 1.0, n_documents=len(documents)
            )
            return empty, sp.csr_matrix((len(documents), 0), dtype=np.float32)
        vectorizer = TfidfVectorizer(
            analyzer=analyzer, sublinear_tf=True, norm=None, dtype=np.float32
        )
        raw = vectorizer.fit_transform(documents).tocsr()
        vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
        norms = _row_norms(raw)
        pivot = float(norms.mean()) if norms.size else 1.0
        idf = np.asarray(vectorizer.idf_, dtype=np.float32)
        weights = cls(analyzer, vocabulary, idf, pivot, n_documents=len(documents))
        return weights, weights._pivot_normalize(raw, norms)

    @classmethod
    def fit_counts(
        cls, analyzer: TextAnalyzer, terms: list[str], counts: sp.csr_matrix, n_documents: int
    ) -> tuple[TermWeights, sp.csr_matrix]:
        """:meth:`fit` from raw counts already made (``terms`` sorted, as scikit-learn sorts).

        The same scikit-learn transformer weighs them, so the result equals :meth:`fit` on the
        documents the counts came from.
        """
        if not terms:
            empty = cls(analyzer, {}, np.zeros(0, dtype=np.float32), 1.0, n_documents=n_documents)
            return empty, sp.csr_matrix((n_documents, 0), dtype=np.float32)
        transformer = TfidfTransformer(sublinear_tf=True, norm=None)
        raw = sp.csr_matrix(transformer.fit_transform(counts.astype(np.float32, copy=False)))
        norms = _row_norms(raw)
        pivot = float(norms.mean()) if norms.size else 1.0
        idf = np.asarray(transformer.idf_, dtype=np.float32)
        vocabulary = {term: i for i, term in enumerate(terms)}
        weights = cls(analyzer, vocabulary, idf, pivot, n_documents=n_documents)
        return weights, weights._pivot_normalize(raw, norms)

    def weigh_counts(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """:meth:`transform` from raw counts over this vocabulary (float32, sorted indices)."""
        tf = counts.data.astype(np.float32, copy=False)
        cols = counts.indices
        data = (1.0 + np.log(tf)) * self.idf[cols] if cols.size else tf
        raw = sp.csr_matrix(
            (
                data.astype(np.float32, copy=False),
                cols.astype(np.int32, copy=False),
                counts.indptr.astype(np.int64, copy=False),
            ),
            shape=(counts.shape[0], len(self.vocabulary)),
        )
        return self._pivot_normalize(raw, _row_norms(raw))

    def extended(self, documents: Sequence[str]) -> TermWeights:
        """Weights that also know the new words of ``documents`` (known words keep their idf).

        New words get the idf they would have had in a refit of the grown corpus, so a word that
        only a just-added article contains is searchable at once; existing weights are untouched.
        """
        df: Counter[str] = Counter()
        for doc in documents:
            df.update({t for t in self.analyzer(doc) if t not in self.vocabulary})
        if not df:
            return self
        vocabulary = dict(self.vocabulary)
        for term in df:
            vocabulary[term] = len(vocabulary)
        n = self.n_documents + len(documents)
        # scikit-learn's smoothed idf: ln((1 + n) / (1 + df)) + 1.
        new_idf = np.log((1.0 + n) / (1.0 + np.fromiter(df.values(), dtype=np.float64))) + 1.0
        idf = np.concatenate([self.idf, new_idf.astype(np.float32)])
        return TermWeights(self.analyzer, vocabulary, idf, self.pivot, self.slope, n)

    def transform(self, documents: Sequence[str]) -> sp.csr_matrix:
        """Weight new documents with the fitted vocabulary (no refit); unknown terms are dropped."""
        # In chunks: turning one huge Python list into an array holds the GIL for long enough
        # to stall the event loop when this runs in a worker thread.
        chunks = [
            self._transform_chunk(documents[i : i + _CHUNK])
            for i in range(0, len(documents), _CHUNK)
        ]
        if not chunks:
            return sp.csr_matrix((0, len(self.vocabulary)), dtype=np.float32)
        raw = chunks[0] if len(chunks) == 1 else sp.vstack(chunks, format="csr")
        return self._pivot_normalize(raw, _row_norms(raw))

    def _transform_chunk(self, documents: Sequence[str]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        counts: list[int] = []
        for doc in documents:
            tf = Counter(self.analyzer(doc))
            row = sorted((self.vocabulary[t], c) for t, c in tf.items() if t in self.vocabulary)
            indices.extend(i for i, _ in row)
            counts.extend(c for _, c in row)
            indptr.append(len(indices))
        cols = np.asarray(indices, dtype=np.int32)
        tf_array = np.asarray(counts, dtype=np.float32)
        data = (1.0 + np.log(tf_array)) * self.idf[cols] if cols.size else tf_array
        return sp.csr_matrix(
            (data.astype(np.float32), cols, np.asarray(indptr, dtype=np.int64)),
            shape=(len(documents), len(self.vocabulary)),
        )

    def query(self, text: str) -> QueryVector:
        """Vectorise a question: sublinear tf times idf, L2-normalised."""
        counts = Counter(self.analyzer(text))
        known = sorted((self.vocabulary[t], c) for t, c in counts.items() if t in self.vocabulary)
        unknown = len(counts) - len(known)
        ids = np.asarray([i for i, _ in known], dtype=np.int64)
        tf = np.asarray([c for _, c in known], dtype=np.float32)
        idf = self.idf[ids] if ids.size else np.zeros(0, dtype=np.float32)
        weights = (1.0 + np.log(tf)) * idf if ids.size else tf
        norm = float(np.linalg.norm(weights))
        if norm > 0:
            weights = weights / norm
        total = float(np.square(idf).sum()) + unknown * self.max_idf**2
        return QueryVector(ids, weights.astype(np.float32), total)

    def _pivot_normalize(self, raw: sp.csr_matrix, norms: NDArray[np.float32]) -> sp.csr_matrix:
        # Pivoted normalisation (Singhal et al.): divide by a blend of the document's L2 norm and the
        # corpus mean, so long documents are not penalised as hard as with plain L2.
        factors = 1.0 / ((1.0 - self.slope) * self.pivot + self.slope * np.maximum(norms, 1e-9))
        out: sp.csr_matrix = sp.csr_matrix(sp.diags(factors.astype(np.float32)) @ raw)
        return out


def _row_norms(matrix: sp.csr_matrix) -> NDArray[np.float32]:
    squared = np.asarray(matrix.multiply(matrix).sum(axis=1), dtype=np.float32).ravel()
    return np.sqrt(squared)
