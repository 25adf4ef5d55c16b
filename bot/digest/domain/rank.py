"""Ranking a week's articles and choosing the highlights.

An article ranks high when it is central to the week's themes (close to its topic and to the
week as a whole), new compared with earlier weeks, substantial, and liked where its source
gives a score (Lemmy-style votes). Highlights then take every topic's best article first
and fill up by rank, skipping near-duplicates, with a small diversity penalty (MMR).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from bot.archive.domain.articles import Article

WEIGHT_CENTRALITY = 0.45
WEIGHT_NOVELTY = 0.25
WEIGHT_SUBSTANCE = 0.20
WEIGHT_SOURCE = 0.10
# Two articles this similar tell the same story: the second one goes to "and N more".
NEAR_DUPLICATE = 0.8
DIVERSITY_PENALTY = 0.3
_SUBSTANCE_WORDS = 600  # an article this long (in words) counts as fully substantial

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class ArticleScores:
    """Per-article ranking signals for the week, all in [0, 1], aligned with the week's rows."""

    centrality: FloatArray
    novelty: FloatArray
    substance: FloatArray
    source: FloatArray | None  # None when no article of the week has a source score
    total: FloatArray


def rank_week_articles(
    articles: Sequence[Article],
    week_vectors: csr_matrix,
    history_vectors: csr_matrix,
    labels: NDArray[np.int_],
) -> ArticleScores:
    """Score every article of the week; higher ``total`` ranks first."""
    centrality = _centrality(week_vectors, labels)
    novelty = _novelty(week_vectors, history_vectors)
    substance = np.array(
        [min(1.0, np.log1p(len(a.body.split())) / np.log1p(_SUBSTANCE_WORDS)) for a in articles],
        dtype=np.float64,
    )
    source = _source_scores(articles)
    total = WEIGHT_CENTRALITY * centrality + WEIGHT_NOVELTY * novelty
    total = total + WEIGHT_SUBSTANCE * substance
    # Without source scores the other signals share the whole scale.
    total = total + WEIGHT_SOURCE * source if source is not None else total / (1 - WEIGHT_SOURCE)
    return ArticleScores(
        centrality=centrality,
        novelty=novelty,
        substance=substance,
        source=source,
        total=np.clip(total, 0.0, 1.0),
    )


def _centrality(vectors: csr_matrix, labels: NDArray[np.int_]) -> FloatArray:
    rows = vectors.shape[0]
    if rows == 0 or vectors.nnz == 0:
        return np.zeros(rows, dtype=np.float64)
    week_centroid = normalize(np.asarray(vectors.mean(axis=0)))
    to_week = np.asarray(vectors @ week_centroid.T).ravel()
    to_topic = np.zeros(rows, dtype=np.float64)
    for topic in set(labels.tolist()):
        mask = labels == topic
        centroid = normalize(np.asarray(vectors[mask].mean(axis=0)))
        to_topic[mask] = np.asarray(vectors[mask] @ centroid.T).ravel()
    raw = 0.6 * to_topic + 0.4 * to_week
    top = float(raw.max())
    # Relative to the week's most central article: a diffuse week still has a centre.
    return raw / top if top > 0 else np.zeros(rows, dtype=np.float64)


def _novelty(week: csr_matrix, history: csr_matrix) -> FloatArray:
    rows = week.shape[0]
    if history.shape[0] == 0 or rows == 0:
        return np.ones(rows, dtype=np.float64)
    similarity = (week @ history.T).tocsr()
    closest = np.asarray(similarity.max(axis=1).todense()).ravel()
    return np.clip(1.0 - closest, 0.0, 1.0).astype(np.float64)


def _source_scores(articles: Sequence[Article]) -> FloatArray | None:
    """Source scores as percentiles within the week; unscored articles sit at the median."""
    given = [(i, a.score) for i, a in enumerate(articles) if a.score is not None]
    if not given:
        return None
    result = np.full(len(articles), 0.5, dtype=np.float64)
    if len(given) == 1:
        result[given[0][0]] = 1.0
        return result
    values = np.array([score for _, score in given], dtype=np.float64)
    # Average ranks for ties, so equal votes get equal credit.
    order = values.argsort(kind="stable")
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.arange(len(values), dtype=np.float64)
    for value in set(values.tolist()):
        tie = values == value
        ranks[tie] = ranks[tie].mean()
    for (index, _), rank in zip(given, ranks / (len(values) - 1), strict=True):
        result[index] = rank
    return result


def allocate_highlights(sizes: Sequence[int], count: int) -> list[int]:
    """Highlights per topic: one each, the rest in proportion to size (largest remainder).

    ``sizes`` are ordered biggest first; when ``count`` is below the number of topics, the
    biggest topics get one each.
    """
    topics = len(sizes)
    if count <= 0 or topics == 0:
        return [0] * topics
    if count <= topics:
        return [1 if index < count else 0 for index in range(topics)]
    quotas = [1] * topics
    spare = count - topics
    total = sum(sizes)
    # Integer arithmetic: float remainders would break ties by rounding noise.
    for index, size in enumerate(sizes):
        quotas[index] += spare * size // total
    left = count - sum(quotas)
    # Largest remainders first; ties go to the bigger (earlier) topic.
    by_remainder = sorted(range(topics), key=lambda i: (-(spare * sizes[i] % total), i))
    for index in by_remainder[:left]:
        quotas[index] += 1
    # Never promise a topic more highlights than it has articles: hand the excess on.
    excess = 0
    for index, size in enumerate(sizes):
        if quotas[index] > size:
            excess += quotas[index] - size
            quotas[index] = size
    for index, size in enumerate(sizes):
        grant = min(excess, size - quotas[index])
        quotas[index] += grant
        excess -= grant
    return quotas


def select_highlights(
    scores: ArticleScores,
    labels: NDArray[np.int_],
    vectors: csr_matrix,
    count: int,
    minimum: int = 3,
    titles: Sequence[str] = (),
) -> list[int]:
    """Indices of the articles to highlight, topic by topic (topics are numbered biggest first).

    Each topic gets a share of ``count`` in proportion to its size (at least one) and fills it
    by rank with a diversity penalty (MMR), skipping near-duplicates of earlier picks; shares a
    topic cannot fill go to the best remaining articles of any topic. Near-duplicates are used
    only when otherwise fewer than ``minimum`` articles would be highlighted. Articles with the
    same title (a wire service's daily "Press Review") count as near-duplicates of each other.
    """
    rows = len(scores.total)
    count = min(count, rows)
    if count <= 0:
        return []
    topics = sorted(set(labels.tolist()))
    sizes = [int(np.sum(labels == topic)) for topic in topics]
    quotas = allocate_highlights(sizes, count)
    similarity = (vectors @ vectors.T).toarray() if vectors.nnz else np.zeros((rows, rows))
    if titles:
        keys = [" ".join(title.casefold().split()) for title in titles]
        same: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            same.setdefault(key, []).append(index)
        same.pop("", None)  # no title says nothing about sameness
        for group in same.values():
            if len(group) > 1:
                block = np.ix_(group, group)
                similarity[block] = np.maximum(similarity[block], NEAR_DUPLICATE)
    order = sorted(range(rows), key=lambda i: (-scores.total[i], i))
    picks: list[int] = []
    for topic, quota in zip(topics, quotas, strict=True):
        candidates = [i for i in order if labels[i] == topic]
        picks.extend(_fill(candidates, quota, picks, scores.total, similarity))
    if len(picks) < count:
        picks.extend(_fill(order, count - len(picks), picks, scores.total, similarity))
    if len(picks) < min(count, minimum):
        rest = [i for i in order if i not in picks]
        picks.extend(rest[: min(count, minimum) - len(picks)])
    return picks


def _fill(
    candidates: Sequence[int],
    quota: int,
    taken: Sequence[int],
    total: FloatArray,
    similarity: NDArray[np.float64],
) -> list[int]:
    """Pick up to ``quota`` of ``candidates`` by MMR against everything already taken."""
    chosen: list[int] = []
    pool = [i for i in candidates if i not in taken]
    while len(chosen) < quota and pool:
        selected = [*taken, *chosen]
        best, best_value = -1, -np.inf
        for index in pool:
            closest = float(similarity[index, selected].max()) if selected else 0.0
            if closest >= NEAR_DUPLICATE:
                continue
            value = float(total[index]) - DIVERSITY_PENALTY * closest
            if value > best_value:
                best, best_value = index, value
        if best < 0:
            break
        chosen.append(best)
        pool.remove(best)
    return chosen
