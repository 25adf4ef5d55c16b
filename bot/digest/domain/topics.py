"""Grouping a week's articles into 2 to 5 topics and naming each by its key terms.

Deterministic by construction: TF-IDF has no randomness, KMeans runs with a fixed seed and a
fixed number of restarts, and ties are broken by the articles' order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import silhouette_score

from bot.archive.domain.articles import Article

MIN_TOPICS = 2
MAX_TOPICS = 5
LABEL_TERMS = 3
_SEED = 20240930
_TOKEN = r"(?u)\b[^\W\d_][\w'’-]*[^\W_]\b"
_TOKEN_RE = re.compile(_TOKEN)
# Words that every North Korea story shares, and wire-service filler: they name no topic.
_DOMAIN_STOP = frozenset(
    re.findall(
        r"\S+",
        "north korea korean koreans dprk pyongyang kcna said says according source sources told "
        "also year years week month new people country countries time report reported reports "
        "including one two three ",
    )
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | _DOMAIN_STOP)


# The gist of a news story is in its first paragraphs; long speeches would only cost time.
TEXT_CHARS = 4000
_SVD_COMPONENTS = 40
_HISTORY_CHARS = 1500


@dataclass(frozen=True)
class WeekVectors:
    """L2-normalised TF-IDF rows for the week's articles and for the history, in one space.

    The space (vocabulary and IDF) is fitted on the week alone: history rows are projected
    into it, which is all novelty needs (words the week never uses cannot make it similar).
    """

    week: csr_matrix
    history: csr_matrix
    terms: NDArray[np.str_]


def article_text(article: Article, max_chars: int = TEXT_CHARS) -> str:
    """The text that represents an article: the title counts twice, as headlines name the story."""
    return f"{article.title}\n{article.title}\n{article.body[:max_chars]}"


def vectorize(week: Sequence[Article], history: Sequence[Article]) -> WeekVectors:
    """TF-IDF (unigrams and bigrams, sublinear tf) fitted on the week, applied to the history."""
    vectorizer = TfidfVectorizer(
        lowercase=True,
        token_pattern=_TOKEN,
        stop_words=STOP_WORDS,
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
        max_df=0.9 if len(week) >= 10 else 1.0,
        dtype=np.float64,
    )
    try:
        matrix = csr_matrix(vectorizer.fit_transform([article_text(a) for a in week]))
    except ValueError:
        # Only stop words (or nothing) in every text: an empty space, every similarity 0.
        empty = csr_matrix((len(week), 1), dtype=np.float64)
        return WeekVectors(empty, csr_matrix((len(history), 1)), np.array(["article"]))
    terms = vectorizer.get_feature_names_out()
    past = (
        csr_matrix(vectorizer.transform([article_text(a, _HISTORY_CHARS) for a in history]))
        if history
        else csr_matrix((0, matrix.shape[1]), dtype=np.float64)
    )
    return WeekVectors(week=matrix, history=past, terms=terms)


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


def label_topics(
    vectors: csr_matrix,
    labels: NDArray[np.int_],
    terms: NDArray[np.str_],
    articles: Sequence[Article],
    n_terms: int = LABEL_TERMS,
) -> dict[int, str]:
    """Name each topic by the terms that weigh most in it compared with the rest of the week."""
    surface = _surface_forms(articles)
    names: dict[int, str] = {}
    topics = sorted(set(labels.tolist()))
    for topic in topics:
        members = vectors[labels == topic]
        inside = np.asarray(members.mean(axis=0)).ravel()
        weight = inside
        if len(topics) > 1:
            # Distinctive, not merely frequent: subtract what the rest of the week uses.
            outside = np.asarray(vectors[labels != topic].mean(axis=0)).ravel()
            weight = inside - outside
        if members.shape[0] > 1:
            # Shared by several of the topic's articles, not one article's pet word.
            coverage = np.asarray((members > 0).sum(axis=0)).ravel() / members.shape[0]
            weight = weight * coverage
        order = np.argsort(-weight, kind="stable")
        chosen: list[str] = []
        for index in order:
            if weight[index] <= 0 or len(chosen) >= n_terms:
                break
            term = str(terms[index])
            if any(_overlaps(term, other) for other in chosen):
                continue
            chosen.append(term)
        shown = [_display(term, surface) for term in chosen]
        names[topic] = " · ".join(shown) if shown else f"Topic {topic + 1}"
    return _unique(names)


def _overlaps(term: str, other: str) -> bool:
    words, other_words = set(term.split()), set(other.split())
    return bool(words & other_words)


def _surface_forms(articles: Sequence[Article]) -> dict[str, str]:
    """The most common spelling of each lower-cased word ("russia" -> "Russia")."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for token in _TOKEN_RE.findall(f"{article.title} {article.body[:TEXT_CHARS]}"):
            seen[token.casefold()][token] += 1
    forms: dict[str, str] = {}
    for key, counter in seen.items():
        # Prefer the lower-case form when it is common: sentence-initial capitals are noise.
        best, count = counter.most_common(1)[0]
        lower = counter.get(key, 0)
        forms[key] = key if lower * 2 >= count else best
    return forms


def _display(term: str, surface: dict[str, str]) -> str:
    return " ".join(surface.get(word, word) for word in term.split())


def _unique(names: dict[int, str]) -> dict[int, str]:
    seen: Counter[str] = Counter()
    result: dict[int, str] = {}
    for topic, name in names.items():
        seen[name] += 1
        result[topic] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return result
