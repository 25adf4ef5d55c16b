"""Word valences for the statement analysis: VADER's shipped lexicon with rule 1's own words over
it, and the valence of a misspelt word ('amazng') or a comparative ('kindest') from its base."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

VALENCE_FILE = "vader_valence.json"
RULE1_VALENCE_FILE = "valence_rule1.json"


@cache
def valences() -> dict[str, float]:
    """VADER's word valences with rule 1's own additions over them (package data, read once)."""
    table: dict[str, float] = {}
    for name in (VALENCE_FILE, RULE1_VALENCE_FILE):
        resource = resources.files("bot.moderation").joinpath("data", name)
        payload = json.loads(resource.read_text(encoding="utf-8"))
        table.update({str(k): float(v) for k, v in payload["valence"].items()})
    return table


@cache
def _misspelling_index() -> dict[str, str]:
    """Single deletions of clearly valenced words (|v| >= 1.5, 5+ letters) -> the word, so
    'amazng', 'awsome' and 'lovly' read as praise."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word, value in valences().items():
        if abs(value) < 1.5 or len(word) < 5 or not word.isalpha():
            continue
        for i in range(1, len(word)):
            key = word[:i] + word[i + 1 :]
            if index.setdefault(key, word) != word:
                ambiguous.add(key)
    for key in ambiguous:
        del index[key]
    return index


def misspelt_valence(word: str) -> float:
    """The valence of the word ``word`` misspells by a missing letter ('amazng') or an extra
    one ('amaizing', 'wellcome'); 0 for a word of its own."""
    if len(word) < 4 or not word.isalpha() or word in _dictionary():
        return 0.0
    index = _misspelling_index()
    table = valences()
    found = index.get(word)
    if found is None:
        for i in range(1, len(word)):
            shorter = word[:i] + word[i + 1 :]
            if shorter in table and abs(table[shorter]) >= 1.5 and len(shorter) >= 5:
                found = shorter
                break
    return table.get(found, 0.0) if found else 0.0


def _dictionary() -> frozenset[str]:
    from bot.moderation.domain.hate_spelling import english_words

    return english_words()


def comparative(word: str, table: dict[str, float]) -> float:
    """The valence of 'kindest' or 'braver' from 'kind' and 'brave' (VADER lists base forms)."""
    for suffix, stem_end in (("iest", "y"), ("ier", "y"), ("est", ""), ("est", "e"), ("er", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + stem_end
            if base in table:
                return table[base]
    return 0.0


def preload() -> None:
    """Build the misspelling index now (~30 ms), not on the first message that needs it."""
    _misspelling_index()
