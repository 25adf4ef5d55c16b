"""Near-duplicate detection: a 64-bit SimHash finds candidates, shingle overlap confirms them."""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np
from numpy.typing import NDArray

_WORD = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 2
# Candidates: SimHash within this Hamming distance (small edits of short bodies move it by up to ~8,
# unrelated bodies sit near 32). Confirmation: Jaccard overlap of word-pair shingles.
CANDIDATE_DISTANCE = 12
MIN_JACCARD = 0.75
# Below this many words a fingerprint says little; exact hashes still catch copies of short posts.
MIN_WORDS = 15


def shingles(text: str) -> set[str]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < _SHINGLE:
        return set(words)
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _mix64(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """splitmix64's finaliser: spreads each 64-bit value over all bits (uint64 arithmetic wraps)."""
    z = values ^ (values >> np.uint64(30))
    z = z * np.uint64(0xBF58476D1CE4E5B9)
    z = z ^ (z >> np.uint64(27))
    z = z * np.uint64(0x94D049BB133111EB)
    mixed: NDArray[np.uint64] = z ^ (z >> np.uint64(31))
    return mixed


def simhash(text: str) -> int:
    """A signed 64-bit SimHash of the body's word pairs (signed so SQLite's INTEGER can store it).

    Words are hashed with CRC-32 (stable across processes, unlike hash()) and word pairs are mixed
    in numpy, so fingerprinting an article costs microseconds per word. 0 when the body is too short.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < MIN_WORDS:
        return 0
    codes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    pairs = np.unique(_mix64(codes[:-1] * np.uint64(0x9E3779B97F4A7C15) ^ codes[1:]))
    hashed = _mix64(pairs)
    # Big-endian bytes so the bit order, and so the fingerprint, is the same on every machine.
    bits = np.unpackbits(hashed.astype(">u8").view(np.uint8)).reshape(len(hashed), 64)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(hashed)
    packed = np.packbits(votes > 0).view(">u8")[0]
    return int(np.int64(packed.astype(np.uint64).view(np.int64)))


def jaccard(a: str, b: str) -> float:
    """Overlap of the two bodies' word-pair shingles (1.0 = same words in the same order)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 1.0 if sa == sb else 0.0
    return len(sa & sb) / len(sa | sb)


def is_near_duplicate(a: str, b: str) -> bool:
    return jaccard(a, b) >= MIN_JACCARD


class NearDuplicateIndex:
    """SimHash fingerprints of the archive; ``candidates`` is one vectorised pass over all of them."""

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._chunks: list[np.ndarray] = []
        self._pending: list[int] = []
        self._all = np.zeros(0, dtype=np.uint64)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, fingerprint: int) -> None:
        if fingerprint == 0:
            return
        self._ids.append(article_id)
        self._pending.append(fingerprint & 0xFFFFFFFFFFFFFFFF)

    def _fingerprints(self) -> np.ndarray:
        if self._pending:
            self._all = np.concatenate([self._all, np.array(self._pending, dtype=np.uint64)])
            self._pending = []
        return self._all

    def candidates(self, fingerprint: int, *, limit: int = 5) -> list[str]:
        """Ids of indexed articles whose fingerprint is close, closest first."""
        if fingerprint == 0 or not self._ids:
            return []
        prints = self._fingerprints()
        distances = np.bitwise_count(prints ^ np.uint64(fingerprint & 0xFFFFFFFFFFFFFFFF))
        close = np.flatnonzero(distances <= CANDIDATE_DISTANCE)
        if close.size == 0:
            return []
        order = close[np.argsort(distances[close], kind="stable")][:limit]
        return [self._ids[i] for i in order.tolist()]
