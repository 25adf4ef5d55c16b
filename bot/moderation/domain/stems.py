"""English stems for the trained models, rule 3's score bound and the example filters.

One stemmer and one memory of the stems it gave, for all of them: a new word of a message is
stemmed once, not once by each reader (the bound, the models' features, the examples, each
with its own stemmer before), and a known word costs a dict lookup in C, not a call into the
stemmer's own cache.
"""

from __future__ import annotations

import Stemmer

# Without PyStemmer's own cache (maxCacheSize 0): _stems below remembers every stem, and
# that cache's miss costs a KeyError and a traceback in Cython, 3.5x the stemming itself.
_STEMMER = Stemmer.Stemmer("english", 0)
_stems: dict[str, str] = {}
# Bounded memory: chat vocabulary is small, and a dropped word's stem comes back the same.
_MAX_STEMS = 131_072


def _fresh_memory() -> dict[str, str]:
    global _stems
    _stems = {}  # a new dict, not clear(): another thread may be reading this one
    return _stems


def stem_words(words: list[str]) -> list[str]:
    """``Stemmer.Stemmer("english").stemWords(words)``: a new list, one stem per word."""
    stems = _stems
    new = set(words).difference(stems)
    if new:
        if len(stems) > _MAX_STEMS:
            stems = _fresh_memory()
            new = set(words)
        for word in new:
            stems[word] = _STEMMER.stemWord(word)
    return list(map(stems.__getitem__, words))


def stem_word(word: str) -> str:
    """``Stemmer.Stemmer("english").stemWord(word)``."""
    stems = _stems
    stem = stems.get(word)
    if stem is None:
        if len(stems) > _MAX_STEMS:
            stems = _fresh_memory()
        stem = stems[word] = _STEMMER.stemWord(word)
    return stem
