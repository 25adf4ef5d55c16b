"""Misspelt question words: a word the archive never uses, one edit away from one it does.

Members ask in a hurry ("the helong facilty", "kozhemiako", "defecters"): a word that is in
no article weighs nothing, so the question loses its rarest and most telling word. A word of
at least ``min_letters`` letters whose stem the index has never seen is replaced by the most
common archive word one edit away (a letter dropped, added, changed, or two swapped); a word
with no such neighbour stays as asked, and so does a common English word the archive happens
not to use ("place" is not a typo of "peace"): one that the embeddings' tokenizer holds whole,
itself or its base ("scared" is not a typo of "scaled": "scare" is a whole token). Only /ask reads this (bot/search/domain/index.py):
/search keeps the query's words as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.search.domain.dense import StaticEmbedder
    from bot.search.domain.vectors import TermWeights

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | swaps | changes | inserts) - {word}


# Inflections whose base a common word may carry ("scared" -> "scare", "drying" -> "dry").
_SUFFIXES = ("ing", "ies", "ied", "ers", "est", "es", "ed", "er", "ly", "s", "d")


def _bases(word: str) -> list[str]:
    """``word`` and the bases it may inflect ("strapped" -> "strapp", "strappe", "strap")."""
    out = [word]
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            out += [stem, stem + "e"]
            if suffix in ("ies", "ied"):
                out.append(stem + "y")
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def respelled(
    words: list[str],
    stem: Callable[[list[str]], list[str]],
    vocabulary: Mapping[str, int],
    idf: Callable[[str], float],
    min_letters: int,
    common: Callable[[str], bool],
) -> list[str]:
    """``words`` with each long unknown word that is not a ``common`` word replaced by its
    commonest known neighbour."""
    out = list(words)
    stems = stem(words)
    for i, (word, own) in enumerate(zip(words, stems, strict=True)):
        if len(word) < min_letters or not word.isalpha() or own in vocabulary:
            continue
        if any(common(base) for base in _bases(word)):
            continue
        near = sorted(one_edit(word))
        known = [(idf(s), w) for w, s in zip(near, stem(near), strict=True) if s in vocabulary]
        if known:
            out[i] = min(known)[1]
    return out


def respeller(
    weights: TermWeights, min_letters: int, embedder: StaticEmbedder | None
) -> Callable[[list[str]], list[str]] | None:
    """What respells a question's words for the index fitted as ``weights`` (None: nothing,
    without embeddings to tell common words from typos or with ``min_letters`` 0)."""
    if not min_letters or embedder is None:
        return None
    whole = embedder.is_whole_token

    def respell(words: list[str]) -> list[str]:
        analyzer = weights.analyzer
        return respelled(
            words, analyzer.stem_words, weights.vocabulary, weights.term_idf, min_letters, whole
        )

    return respell
