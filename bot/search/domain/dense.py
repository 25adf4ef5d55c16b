"""Static word embeddings: a light semantic signal mixed into the lexical ranking.

A text's vector is the mean of its tokens' vectors (WordLlama's "l2_supercat" 256-dimension
codebook and LLaMA-2 tokenizer, both shipped inside the ``wordllama`` wheel), L2-normalised.
Nothing is downloaded: the files are read from the installed package, found without importing
it (its import configures logging and pulls in an HTTP client). When the package is missing,
:func:`default_embedder` returns None and the search is purely lexical.

Mixing, measured by training/tune_search.py: /search re-ranks the lexical top ``RERANK`` articles
by ``(1 - w) * score / best + w * cosine``; /ask does the same with its candidate passages.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

MODEL = "l2_supercat"
DIMENSIONS = 256
# Share of the cosine similarity in the mixed score (SciFact tuning part, XQuAD, seed questions).
SEARCH_WEIGHT = 0.4
# /ask's passages: 0.2 before round 9; with the proximity term (answers.py) 0.3 ranked our dev
# seed questions (gate off) 0.831 -> 0.840 hit@1 on the seed, 0.726 -> 0.730 grown. Round 11,
# chosen leave-one-set-out over fifteen dev sets (675 questions) among 0.3 / 0.45 / 0.6 / 0.8:
# 0.6 in every fold; held out 0.824 -> 0.833 seed, 0.724 -> 0.738 grown (2,129 articles): a
# news agency's passage sharing one rare word with the question needs the meaning to outrank it.
ASK_WEIGHT = 0.6
RERANK = 100
# Characters embedded per document: a long article's gist is in its first few thousand.
MAX_CHARS = 4_000
_BATCH = 500
# Words per tokenizer call, and rows per product, when embedding a whole index.
_ENCODE_BATCH = 4_096
_PROJECT_ROWS = 2_048
# Distinct words remembered by an embedder before it starts afresh (a few tens of MB).
_MAX_WORDS = 2_000_000
# Texts whose vectors embed_one remembers before it starts afresh (about 1 KB each).
_MAX_REMEMBERED = 8_192


@dataclass(frozen=True)
class _Words:
    """Known words: word -> row, and each row's token counts (words x tokenizer vocabulary)."""

    rows: dict[str, int]
    tokens: sp.csr_matrix


class StaticEmbedder:
    """Mean-of-token-vectors embeddings over a tokenizer and a (vocabulary x dim) codebook.

    The tokenizer (LLaMA's, a space-prefixed BPE) never merges across spaces, so a text's tokens
    are its whitespace-separated words' tokens: each distinct word is tokenised once and
    remembered, and a text's vector is its word counts times the words' token counts times the
    codebook (two sparse products). About three times faster than tokenising every text whole
    on news articles, with the same vectors up to line breaks (not tokens here).

    Thread-safe: the known words are an immutable snapshot that a learner replaces under a lock,
    so readers (queries on the event loop) never wait for a build in a worker thread.
    """

    def __init__(self, tokenizer: Any, codebook: NDArray[np.float32]) -> None:
        self._tokenizer = tokenizer
        self._codebook = codebook
        self.dimensions = int(codebook.shape[1])
        self._words = _Words({}, sp.csr_matrix((0, codebook.shape[0]), dtype=np.float32))
        self._learning = threading.Lock()
        self._remembered: dict[str, NDArray[np.float32]] = {}

    def embed(self, texts: list[str], *, learn: bool = True) -> NDArray[np.float32]:
        """One unit-length float32 row per text (zeros for a text without tokens).

        ``learn=False`` (queries) keeps new words to this call, so odd words typed by members
        do not accumulate.
        """
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            batch = [t[:MAX_CHARS].split() for t in texts[start : start + _BATCH]]
            out[start : start + len(batch)] = self._embed_words(batch, learn)
        return out

    def embed_one(self, text: str) -> NDArray[np.float32]:
        """``embed([text])[0]`` (its words learnt), remembered: /ask embeds each candidate's
        shown excerpt, and the same excerpts come back question after question. A text's
        vector does not depend on the words learnt before it (its counts are exact), so the
        one remembered is the one computed again."""
        vector = self._remembered.get(text)
        if vector is None:
            vector = self.embed([text])[0].copy()
            vector.flags.writeable = False
            if len(self._remembered) >= _MAX_REMEMBERED:
                self._remembered = {}
            self._remembered[text] = vector
        return vector

    def token_rows(self, words: Sequence[str]) -> sp.csr_matrix:
        """Each word's token counts, one row per word (words x tokenizer vocabulary)."""
        # The fast variant (tokenizers >= 0.21) skips the offsets this never reads.
        encode = getattr(self._tokenizer, "encode_batch_fast", self._tokenizer.encode_batch)
        lengths: list[int] = []
        ids: list[int] = []
        # In batches: an encoding object weighs about a kilobyte, and only its ids are kept.
        for start in range(0, len(words), _ENCODE_BATCH):
            for encoding in encode(
                list(words[start : start + _ENCODE_BATCH]), add_special_tokens=False
            ):
                word_ids = encoding.ids  # a new list on every access
                lengths.append(len(word_ids))
                ids.extend(word_ids)
        indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        flat = np.asarray(ids, dtype=np.int64)
        np.clip(flat, 0, self._codebook.shape[0] - 1, out=flat)
        return sp.csr_matrix(
            (np.ones(flat.size, dtype=np.float32), flat.astype(np.int32), indptr),
            shape=(len(lengths), self._codebook.shape[0]),
        )

    def project(self, tokens: sp.csr_matrix) -> NDArray[np.float32]:
        """Unit-length vectors of rows of token counts (zeros for an empty row)."""
        return self._normalised(tokens)

    def _embed_words(self, batch: list[list[str]], learn: bool) -> NDArray[np.float32]:
        known = self._words
        try:
            ids = [list(map(known.rows.__getitem__, words)) for words in batch]
        except KeyError:
            new = {w for words in batch for w in words}.difference(known.rows)
            if not learn:
                return self._embed_with(batch, known, new)
            known = self._learn(new)
            ids = [list(map(known.rows.__getitem__, words)) for words in batch]
        tokens = _word_matrix(ids, known.tokens.shape[0]) @ known.tokens
        return self._normalised(tokens)

    def _embed_with(
        self, batch: list[list[str]], known: _Words, new: set[str]
    ) -> NDArray[np.float32]:
        """Embeddings using ``new`` words only for this call (questions: a few words, so the
        token rows are gathered directly, without copying the known words)."""
        ordered = sorted(new)
        encoded = self._tokenizer.encode_batch(ordered, add_special_tokens=False)
        local = dict(zip(ordered, (e.ids for e in encoded), strict=True))
        indptr, indices = known.tokens.indptr, known.tokens.indices
        top = self._codebook.shape[0] - 1
        out = np.zeros((len(batch), self.dimensions), dtype=np.float32)
        for row, words in enumerate(batch):
            ids: list[int] = []
            for w in words:
                r = known.rows.get(w)
                ids.extend(local[w] if r is None else indices[indptr[r] : indptr[r + 1]])
            if ids:
                out[row] = self._codebook[np.clip(np.asarray(ids, dtype=np.int64), 0, top)].sum(0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        result: NDArray[np.float32] = out / np.maximum(norms, 1e-9)
        return result

    def _normalised(self, tokens: sp.csr_matrix) -> NDArray[np.float32]:
        vectors = np.asarray(tokens @ self._codebook, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        result: NDArray[np.float32] = vectors / np.maximum(norms, 1e-9)
        return result

    def project_weighted(
        self, weighted: sp.csr_matrix, tokens: sp.csr_matrix
    ) -> NDArray[np.float32]:
        """Unit vectors of rows of term weights, with ``tokens`` each term's token counts.

        In slices of rows: the (rows x tokenizer vocabulary) product in between is several
        times the size of the vectors.
        """
        out = np.zeros((weighted.shape[0], self.dimensions), dtype=np.float32)
        for start in range(0, weighted.shape[0], _PROJECT_ROWS):
            rows = weighted[start : start + _PROJECT_ROWS]
            out[start : start + rows.shape[0]] = self._normalised(rows @ tokens)
        return out

    def _learn(self, words: set[str]) -> _Words:
        with self._learning:
            known = self._words
            if len(known.rows) + len(words) > _MAX_WORDS:
                # A bound on memory for a long-running bot; words are learnt again when needed.
                known = _Words({}, known.tokens[:0])
            known = self._extended(known, words.difference(known.rows))
            self._words = known
            return known

    def _extended(self, known: _Words, words: set[str]) -> _Words:
        ordered = sorted(words)
        added = self.token_rows(ordered)
        rows = dict(known.rows)
        start = len(rows)
        rows.update(zip(ordered, range(start, start + len(ordered)), strict=True))
        return _Words(rows, sp.csr_matrix(sp.vstack([known.tokens, added], format="csr")))


def _word_matrix(ids: list[list[int]], n_words: int) -> sp.csr_matrix:
    """Texts x words counts from each text's word rows."""
    lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    indptr = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    flat = np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64, count=int(indptr[-1]))
    return sp.csr_matrix(
        (np.ones(flat.size, dtype=np.float32), flat, indptr), shape=(len(ids), n_words)
    )


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def read_safetensors(path: Path, key: str) -> NDArray[np.float32]:
    """One tensor of a safetensors file (8-byte header size, JSON header, raw little-endian)."""
    dtypes = {"F16": np.float16, "F32": np.float32, "BF16": None}
    with path.open("rb") as handle:
        (size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(size))
        entry = header[key]
        dtype = dtypes.get(entry["dtype"])
        if dtype is None:
            raise ValueError(f"unsupported tensor type {entry['dtype']}")
        begin, end = entry["data_offsets"]
        handle.seek(8 + size + begin)
        raw = handle.read(end - begin)
    return np.frombuffer(raw, dtype=dtype).reshape(entry["shape"]).astype(np.float32)


@cache
def default_embedder() -> StaticEmbedder | None:
    """The shipped WordLlama embedder, or None when the package (or its files) is missing."""
    folder = _package_dir()
    if folder is None:
        return None
    weights = folder / "weights" / f"{MODEL}_{DIMENSIONS}.safetensors"
    tokenizer_file = folder / "tokenizers" / f"{MODEL}_tokenizer_config.json"
    if not (weights.is_file() and tokenizer_file.is_file()):
        return None
    try:
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return StaticEmbedder(tokenizer, read_safetensors(weights, "embedding.weight"))


def mix(
    scores: NDArray[np.float32], cosines: NDArray[np.float32], weight: float
) -> NDArray[np.float32]:
    """Lexical scores (scaled by their best) mixed with cosine similarities."""
    best = float(scores.max()) if scores.size else 0.0
    if best <= 0:
        return scores
    mixed: NDArray[np.float32] = ((1.0 - weight) * scores / best + weight * cosines).astype(
        np.float32
    )
    return mixed


def term_tokens(words: Sequence[str]) -> sp.csr_matrix | None:
    """Token counts of each index term's word (terms x tokenizer vocabulary), or None without
    embeddings: what article and query vectors are made of."""
    embedder = default_embedder()
    if embedder is None:
        return None
    return embedder.token_rows(words)


def weighted_vectors(
    counts: sp.csr_matrix, idf: NDArray[np.float32], tokens: sp.csr_matrix
) -> NDArray[np.float32] | None:
    """Unit vectors of documents from their term counts: each term's word vector weighted by
    count x idf (rare words say what a text is about; stop words are not terms). Building from
    the index's counts costs two sparse products instead of tokenising every text again."""
    embedder = default_embedder()
    if embedder is None:
        return None
    if counts.shape[1] != tokens.shape[0]:
        raise ValueError("counts and term tokens disagree on the vocabulary")
    weighted = sp.csr_matrix(
        (counts.data * idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape
    )
    return embedder.project_weighted(weighted, tokens)
