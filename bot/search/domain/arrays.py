"""Packing helpers for persisting the index as plain numpy arrays (no pickles)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from bot.search.domain.model import IndexFormatError

# 4: articles carry their author; an index saved in an older format is rebuilt on start.
FORMAT_VERSION = 4


def pack_strings(values: Sequence[str]) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """Strings as one UTF-8 byte blob plus offsets (fixed-width numpy strings waste memory)."""
    encoded = [v.encode("utf-8", "surrogatepass") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    if encoded:
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
    blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
    return blob, offsets


def unpack_strings(blob: NDArray[Any], offsets: NDArray[Any]) -> list[str]:
    """Inverse of :func:`pack_strings`; raises IndexFormatError on inconsistent input."""
    if blob.dtype != np.uint8 or offsets.ndim != 1 or offsets.size == 0:
        raise IndexFormatError("string arrays have the wrong type or shape")
    if offsets[0] != 0 or offsets[-1] != blob.size or np.any(np.diff(offsets) < 0):
        raise IndexFormatError("string offsets are inconsistent with their data")
    # Decode slices of a view: copying the whole blob at once holds the GIL for tens of ms.
    view = memoryview(np.ascontiguousarray(blob).data)
    bounds = offsets.tolist()
    try:
        return [str(view[a:b], "utf-8", "surrogatepass") for a, b in itertools.pairwise(bounds)]
    except UnicodeDecodeError as exc:
        raise IndexFormatError("string data is not valid UTF-8") from exc


def pack_json(value: object) -> NDArray[np.uint8]:
    """A JSON-able value as UTF-8 bytes in a uint8 array."""
    return np.frombuffer(json.dumps(value).encode("utf-8"), dtype=np.uint8).copy()


def unpack_json(array: NDArray[Any]) -> Any:
    """Inverse of :func:`pack_json`; raises IndexFormatError on damage."""
    if array.dtype != np.uint8:
        raise IndexFormatError("JSON array has the wrong type")
    try:
        return json.loads(array.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexFormatError("JSON metadata is damaged") from exc


def pack_matrix(prefix: str, matrix: sp.csc_matrix) -> dict[str, NDArray[Any]]:
    """A CSC matrix as four arrays named ``<prefix>_data`` etc."""
    return {
        f"{prefix}_data": matrix.data.astype(np.float32),
        f"{prefix}_indices": matrix.indices.astype(np.int32),
        f"{prefix}_indptr": matrix.indptr.astype(np.int64),
        f"{prefix}_shape": np.asarray(matrix.shape, dtype=np.int64),
    }


def unpack_matrix(prefix: str, arrays: Mapping[str, NDArray[Any]]) -> sp.csc_matrix:
    """Inverse of :func:`pack_matrix`, fully validated (indices in range, indptr monotonic)."""
    data = require(arrays, f"{prefix}_data")
    indices = require(arrays, f"{prefix}_indices")
    indptr = require(arrays, f"{prefix}_indptr")
    shape = require(arrays, f"{prefix}_shape")
    if shape.shape != (2,) or np.any(shape < 0):
        raise IndexFormatError(f"{prefix}: bad shape")
    rows, cols = (int(x) for x in shape)
    if indptr.ndim != 1 or indptr.size != cols + 1 or data.shape != indices.shape:
        raise IndexFormatError(f"{prefix}: array sizes do not agree")
    if indptr[0] != 0 or indptr[-1] != data.size or np.any(np.diff(indptr) < 0):
        raise IndexFormatError(f"{prefix}: pointers are damaged")
    if indices.size and (indices.min() < 0 or indices.max() >= rows):
        raise IndexFormatError(f"{prefix}: indices out of range")
    if not np.all(np.isfinite(data)):
        raise IndexFormatError(f"{prefix}: non-finite weights")
    return sp.csc_matrix(
        (
            data.astype(np.float32, copy=False),
            indices.astype(np.int32, copy=False),
            indptr.astype(np.int64, copy=False),
        ),
        shape=(rows, cols),
    )


def require(arrays: Mapping[str, NDArray[Any]], key: str) -> NDArray[Any]:
    """``arrays[key]`` as an ndarray, or IndexFormatError naming what is missing."""
    try:
        value = arrays[key]
    except KeyError as exc:
        raise IndexFormatError(f"index arrays lack {key!r}") from exc
    if not isinstance(value, np.ndarray):
        raise IndexFormatError(f"{key!r} is not an array")
    return value
