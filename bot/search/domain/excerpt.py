"""Excerpts: the part of a passage that answers, trimmed around its best sentence."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.archive.domain.articles import normalize_whitespace
from bot.archive.domain.passages import split_sentences
from bot.search.domain.text import AnalyzerConfig, TextAnalyzer

EXCERPT_CHARS = 500
# Sentences whose index terms are remembered (the same passages are candidates question after
# question) before the memory starts afresh.
_REMEMBERED = 32_768
_ANALYZED: dict[tuple[AnalyzerConfig, str], tuple[str, ...]] = {}


def _analyzed(analyzer: TextAnalyzer, sentence: str) -> tuple[str, ...]:
    """``analyzer.analyze(sentence)``, remembered per analyzer configuration."""
    global _ANALYZED
    key = (analyzer.config, sentence)
    terms = _ANALYZED.get(key)
    if terms is None:
        if len(_ANALYZED) >= _REMEMBERED:
            _ANALYZED = {}
        terms = _ANALYZED[key] = tuple(analyzer.analyze(sentence))
    return terms


def best_excerpt(
    text: str,
    analyzer: TextAnalyzer,
    term_weights: Mapping[str, float],
    max_chars: int = EXCERPT_CHARS,
    prefer: Callable[[str], bool] | None = None,
    bonus: float = 0.0,
    context: bool = False,
    core: tuple[int, int] | None = None,
    best_preferred_only: bool = False,
    avoid: Sequence[tuple[int, int]] = (),
    words: bool = True,
) -> tuple[str, tuple[str, ...], tuple[int, int]]:
    """The best excerpt of ``text``, the surface words that matched, and its span in ``text``.

    Among runs of consecutive sentences that fit in ``max_chars``, the excerpt is the one holding
    the most query weight (each distinct term counted once), then the shortest, then the first:
    so an answer split over two sentences ("... only cooperated ... But now ... tenfold") stays
    whole, and a single sentence is preferred when it already holds every matched word. A run
    with a sentence that ``prefer`` accepts (one holding a number with its unit, for a how-far
    question) gains ``bonus``. With ``context``, the chosen run then grows by its neighbouring
    sentences while it stays within ``max_chars``. With ``core`` (a character span of ``text``),
    the chosen run lies in the sentences that overlap it (the rest only grow it); with
    ``best_preferred_only``, of the sentences ``prefer`` accepts only those holding the most
    query weight earn the bonus. A sentence overlapping a span of ``avoid`` (already shown) is
    neither in the run nor grown into; with every sentence avoided the excerpt is empty.
    Without ``words`` the matched words are left empty (a caller that may drop the excerpt
    reads them later with ``matched_words``).
    """
    spans = split_sentences(text)
    if not spans:
        return "", (), (0, 0)
    terms = [set(_analyzed(analyzer, text[a:b])) & term_weights.keys() for a, b in spans]
    preferred = [prefer is not None and prefer(text[a:b]) for a, b in spans]
    if best_preferred_only and any(preferred):
        own = [
            sum(term_weights[t] for t in terms[j]) if preferred[j] else -1.0
            for j in range(len(spans))
        ]
        top = max(own)
        preferred = [p and own[j] == top for j, p in enumerate(preferred)]
    inside = [core is None or (b > core[0] and a < core[1]) for a, b in spans]
    if not any(inside):
        inside = [True] * len(spans)
    free = [not any(a < e and s < b for s, e in avoid) for a, b in spans]
    if not any(free):
        return "", (), (0, 0)
    if not any(i and f for i, f in zip(inside, free, strict=True)):
        inside = [True] * len(spans)
    inside = [i and f for i, f in zip(inside, free, strict=True)]
    best: tuple[float, int, int] | None = None  # (-gain, length, first index) to minimise
    best_run = (0, 0)
    for first in range(len(spans)):
        if not inside[first]:
            continue
        covered: set[str] = set()
        has_preferred = False
        for last in range(first, len(spans)):
            length = spans[last][1] - spans[first][0]
            if (length > max_chars and last > first) or not inside[last]:
                break
            covered |= terms[last]
            has_preferred = has_preferred or preferred[last]
            gain = sum(term_weights[t] for t in covered) + (bonus if has_preferred else 0.0)
            key = (-gain, length, first)
            if best is None or key < best:
                best, best_run = key, (first, last)
    first, last = best_run
    if context:
        # Neighbouring sentences while they fit: the answer is often the sentence right after
        # (or before) the one that repeats the question's words.
        while (
            last + 1 < len(spans)
            and free[last + 1]
            and spans[last + 1][1] - spans[first][0] <= max_chars
        ):
            last += 1
        while first > 0 and free[first - 1] and spans[last][1] - spans[first - 1][0] <= max_chars:
            first -= 1
    start, end = spans[first][0], spans[last][1]
    # Paragraph breaks inside a passage would read as stray gaps in a one-paragraph excerpt.
    excerpt = normalize_whitespace(text[start:end])
    matched = matched_words(excerpt, analyzer, term_weights) if words else ()
    return excerpt, matched, (start, end)


def matched_words(
    text: str, analyzer: TextAnalyzer, term_weights: Mapping[str, float]
) -> tuple[str, ...]:
    """Distinct surface words of ``text`` (first spelling, in order) whose term is in the query."""
    seen: dict[str, str] = {}
    for _, _, word in analyzer.surface_matches(text, frozenset(term_weights)):
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())
