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
import json
import struct
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
ASK_WEIGHT = 0.2
RERANK = 100
# Characters embedded per document: a long article's gist is in its first few thousand.
MAX_CHARS = 4_000
_BATCH = 512


class StaticEmbedder:
    """Mean-of-token-vectors embeddings over a tokenizer and a (vocabulary x dim) codebook."""

    def __init__(self, tokenizer: Any, codebook: NDArray[np.float32]) -> None:
        self._tokenizer = tokenizer
        self._codebook = codebook
        self.dimensions = int(codebook.shape[1])

    def embed(self, texts: list[str]) -> NDArray[np.float32]:
        """One unit-length float32 row per text (zeros for a text without tokens)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            batch = [t[:MAX_CHARS] for t in texts[start : start + _BATCH]]
            encoded = self._tokenizer.encode_batch(batch, add_special_tokens=False)
            ids = [np.asarray(e.ids, dtype=np.int64) for e in encoded]
            lengths = np.asarray([i.size for i in ids], dtype=np.int64)
            indptr = np.zeros(len(ids) + 1, dtype=np.int64)
            np.cumsum(lengths, out=indptr[1:])
            flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
            flat = np.clip(flat, 0, self._codebook.shape[0] - 1)
            counts = sp.csr_matrix(
                (np.ones(flat.size, dtype=np.float32), flat, indptr),
                shape=(len(ids), self._codebook.shape[0]),
            )
            vectors = np.asarray(counts @ self._codebook, dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            out[start : start + len(batch)] = vectors / np.maximum(norms, 1e-9)
        return out


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
