"""The index as plain numpy arrays and back: vocabulary, idf, statistics, matrices, columns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.search.domain import arrays as packing
from bot.search.domain.model import IndexFormatError
from bot.search.domain.rows import ScoredRows
from bot.search.domain.tables import ArticleTable, PassageTable
from bot.search.domain.text import AnalyzerConfig, TextAnalyzer
from bot.search.domain.vectors import FitStats, TermWeights


@dataclass(frozen=True)
class IndexParts:
    """Everything a SearchIndex is made of, in its constructor's order."""

    weights: TermWeights
    articles: ArticleTable
    article_rows: ScoredRows
    passages: PassageTable
    passage_rows: ScoredRows
    alive_articles: NDArray[np.bool_] | None
    alive_passages: NDArray[np.bool_] | None
    vectors: NDArray[np.float16] | None
    term_tokens: sp.csr_matrix | None = None

    def __iter__(self) -> Any:
        return iter(
            (
                self.weights,
                self.articles,
                self.article_rows,
                self.passages,
                self.passage_rows,
                self.alive_articles,
                self.alive_passages,
                self.vectors,
                self.term_tokens,
            )
        )


def to_arrays(parts: IndexParts, terms: list[str]) -> dict[str, NDArray[Any]]:
    """The index as arrays; replaced articles are dropped, so a reload holds only live rows."""
    n_articles, n_passages = len(parts.articles), len(parts.passages)
    keep_articles = (
        parts.alive_articles
        if parts.alive_articles is not None
        else np.ones(n_articles, dtype=bool)
    )
    keep_passages = (
        parts.alive_passages
        if parts.alive_passages is not None
        else np.ones(n_passages, dtype=bool)
    )
    renumber = (np.cumsum(keep_articles) - 1).astype(np.int64)
    vocab_blob, vocab_offsets = packing.pack_strings(terms)
    weights = parts.weights
    meta = {
        "analyzer": _config_dict(weights.analyzer.config),
        "stats": weights.stats.to_dict(),
        "bm25": [weights.k1, weights.b_article, weights.b_passage],
    }
    out: dict[str, NDArray[Any]] = {
        "format_version": np.asarray([packing.FORMAT_VERSION], dtype=np.int64),
        "meta": packing.pack_json(meta),
        "vocab_blob": vocab_blob,
        "vocab_offsets": vocab_offsets,
        "idf": weights.idf.astype(np.float32),
        **packing.pack_matrix("articles", parts.article_rows.merged(keep_articles)),
        **packing.pack_matrix("passages", parts.passage_rows.merged(keep_passages)),
        **parts.articles.subset(keep_articles).to_arrays(),
        **parts.passages.subset(keep_passages, renumber).to_arrays(),
    }
    if parts.vectors is not None and parts.term_tokens is not None:
        out["article_vectors"] = parts.vectors[keep_articles].astype(np.float16)
        tokens = parts.term_tokens
        out["term_tokens_indices"] = tokens.indices.astype(np.int32)
        out["term_tokens_indptr"] = tokens.indptr.astype(np.int64)
        out["term_tokens_shape"] = np.asarray(tokens.shape, dtype=np.int64)
    return out


def from_arrays(arrays: Any) -> IndexParts:
    """Inverse of :func:`to_arrays`; IndexFormatError on any mismatch."""
    try:
        return _from_arrays(arrays)
    except IndexFormatError:
        raise
    except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise IndexFormatError(f"index arrays are damaged: {exc}") from exc


def _config_dict(config: AnalyzerConfig) -> dict[str, bool]:
    return {"stem": config.stem, "stop_words": config.stop_words, "bigrams": config.bigrams}


def _from_arrays(arrays: Any) -> IndexParts:
    version = packing.require(arrays, "format_version")
    if version.shape != (1,) or int(version[0]) != packing.FORMAT_VERSION:
        raise IndexFormatError(
            f"index format {version.tolist()} is not the supported {packing.FORMAT_VERSION}"
        )
    meta = packing.unpack_json(packing.require(arrays, "meta"))
    terms = packing.unpack_strings(
        packing.require(arrays, "vocab_blob"), packing.require(arrays, "vocab_offsets")
    )
    idf = packing.require(arrays, "idf").astype(np.float32)
    if idf.shape != (len(terms),) or not np.all(np.isfinite(idf)):
        raise IndexFormatError("idf does not match the vocabulary")
    k1, b_article, b_passage = (float(x) for x in meta["bm25"])
    weights = TermWeights(
        TextAnalyzer(AnalyzerConfig(**meta["analyzer"])),
        {t: i for i, t in enumerate(terms)},
        idf,
        FitStats.from_dict(meta["stats"]),
        k1,
        b_article,
        b_passage,
    )
    articles = ArticleTable.from_arrays(arrays)
    passages = PassageTable.from_arrays(arrays, len(articles))
    article_matrix = packing.unpack_matrix("articles", arrays)
    passage_matrix = packing.unpack_matrix("passages", arrays)
    n_terms = len(terms)
    if article_matrix.shape != (len(articles), n_terms):
        raise IndexFormatError("article matrix does not match the article columns")
    if passage_matrix.shape != (len(passages), n_terms):
        raise IndexFormatError("passage matrix does not match the passage columns")
    vectors = None
    if "article_vectors" in arrays:
        vectors = packing.require(arrays, "article_vectors")
        if vectors.dtype != np.float16 or vectors.ndim != 2 or vectors.shape[0] != len(articles):
            raise IndexFormatError("article vectors do not match the article columns")
        if not np.all(np.isfinite(vectors)):
            raise IndexFormatError("article vectors are not finite")
    term_tokens = _term_tokens(arrays, n_terms) if vectors is not None else None
    return IndexParts(
        weights,
        articles,
        ScoredRows.from_matrix(article_matrix, n_terms),
        passages,
        ScoredRows.from_matrix(passage_matrix, n_terms),
        None,
        None,
        vectors if term_tokens is not None else None,
        term_tokens,
    )


def _term_tokens(arrays: Any, n_terms: int) -> sp.csr_matrix:
    """The terms' token counts (rows of ones), validated like the matrices."""
    indices = packing.require(arrays, "term_tokens_indices")
    indptr = packing.require(arrays, "term_tokens_indptr")
    shape = packing.require(arrays, "term_tokens_shape")
    if shape.shape != (2,) or int(shape[0]) != n_terms or int(shape[1]) < 0:
        raise IndexFormatError("term tokens do not match the vocabulary")
    width = int(shape[1])
    if indptr.ndim != 1 or indptr.size != n_terms + 1 or indptr[0] != 0:
        raise IndexFormatError("term token pointers are damaged")
    if indptr[-1] != indices.size or np.any(np.diff(indptr) < 0):
        raise IndexFormatError("term token pointers are damaged")
    if indices.size and (indices.min() < 0 or indices.max() >= width):
        raise IndexFormatError("term token indices out of range")
    return sp.csr_matrix(
        (
            np.ones(indices.size, dtype=np.float32),
            indices.astype(np.int32, copy=False),
            indptr.astype(np.int64, copy=False),
        ),
        shape=(n_terms, width),
    )
