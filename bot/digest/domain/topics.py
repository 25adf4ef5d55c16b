"""Grouping a week's stories into a few topics: spherical k-means over an LSA projection.

Deterministic by construction: the projection is an exact eigendecomposition, k-means runs
with a seeded generator and a fixed number of restarts, and ties are broken by order.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.metrics import silhouette_score

MIN_TOPICS = 2
MAX_TOPICS = 5
_SEED = 20240930
_SVD_COMPONENTS = 40


def cluster(vectors: csr_matrix, max_topics: int = MAX_TOPICS) -> NDArray[np.int_]:
    """A topic number per row: k-means for k in 2..max_topics, the best silhouette wins.

    Clustering runs on a small dense LSA projection of the TF-IDF rows, which groups related
    wording better than raw terms and costs milliseconds. Fewer than three rows, or rows
    without any terms, make a single topic 0.
    """
    rows = vectors.shape[0]
    upper = min(max_topics, rows - 1)
    if rows < 3 or upper < MIN_TOPICS or vectors.nnz == 0:
        return np.zeros(rows, dtype=np.int_)
    points = lsa_project(vectors)
    best_labels: NDArray[np.int_] | None = None
    best_score = -2.0
    for k in range(MIN_TOPICS, upper + 1):
        labels = spherical_kmeans(points, k)
        if len(set(labels.tolist())) < 2:
            continue
        score = float(silhouette_score(points, labels, metric="cosine"))
        # A more detailed split has to earn its place: a small handicap per extra topic.
        score -= 0.005 * k
        if score > best_score:
            best_score, best_labels = score, labels
    if best_labels is None:
        return np.zeros(rows, dtype=np.int_)
    return renumber_by_size(best_labels)


def lsa_project(vectors: csr_matrix, components: int = _SVD_COMPONENTS) -> NDArray[np.float64]:
    """Unit rows of the top LSA components, computed exactly from the small Gram matrix.

    A week has at most a few hundred articles, so the rows x rows eigenproblem is tiny and,
    unlike randomized SVD, has no randomness at all.
    """
    gram = np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)
    eigenvalues, eigenvectors = np.linalg.eigh(gram)
    order = np.argsort(-eigenvalues, kind="stable")[:components]
    strength = np.sqrt(np.clip(eigenvalues[order], 0.0, None))
    points = eigenvectors[:, order] * strength
    norms = np.linalg.norm(points, axis=1, keepdims=True)
    # A row without terms sits at the origin; a tiny constant keeps cosine distances defined.
    points = np.where(norms > 0, points / np.where(norms > 0, norms, 1.0), 1e-9)
    return np.asarray(points, dtype=np.float64)


def spherical_kmeans(
    points: NDArray[np.float64], k: int, *, restarts: int = 8, iterations: int = 50
) -> NDArray[np.int_]:
    """k-means on unit vectors by cosine similarity, k-means++ seeded, best of ``restarts``.

    Written out (rather than sklearn's KMeans) because it is deterministic with a seeded
    generator and free of thread-pool start-up costs, which dominate at this size.
    """
    rng = np.random.default_rng(_SEED + k)
    best: NDArray[np.int_] = np.zeros(len(points), dtype=np.int_)
    best_fit = -np.inf
    for _ in range(restarts):
        centres = _plus_plus(points, k, rng)
        labels = np.zeros(len(points), dtype=np.int_)
        for step in range(iterations):
            similarity = points @ centres.T
            new_labels = np.asarray(similarity.argmax(axis=1), dtype=np.int_)
            if step and np.array_equal(new_labels, labels):
                break
            labels = new_labels
            for centre in range(k):
                members = points[labels == centre]
                if len(members):
                    mean = members.sum(axis=0)
                    norm = float(np.linalg.norm(mean))
                    centres[centre] = mean / norm if norm > 0 else centres[centre]
        fit = float((points * centres[labels]).sum())
        if fit > best_fit:
            best_fit, best = fit, labels
    return best


def _plus_plus(
    points: NDArray[np.float64], k: int, rng: np.random.Generator
) -> NDArray[np.float64]:
    chosen = [int(rng.integers(len(points)))]
    distance = 1.0 - points @ points[chosen[0]]
    for _ in range(1, k):
        weights = np.clip(distance, 0.0, None)
        total = float(weights.sum())
        if total <= 0:
            candidate = int(rng.integers(len(points)))
        else:
            candidate = int(rng.choice(len(points), p=weights / total))
        chosen.append(candidate)
        distance = np.minimum(distance, 1.0 - points @ points[candidate])
    return np.array(points[chosen], dtype=np.float64)


def renumber_by_size(labels: NDArray[np.int_]) -> NDArray[np.int_]:
    """Topic 0 is the biggest; ties go to the topic whose first article comes first."""
    counts = Counter(labels.tolist())
    first_seen = {label: int(np.argmax(labels == label)) for label in counts}
    order = sorted(counts, key=lambda label: (-counts[label], first_seen[label]))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping[label] for label in labels.tolist()], dtype=np.int_)
