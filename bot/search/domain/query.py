"""Questions as index queries: aliases and synonyms folded in, and the kind of answer wanted.

The rules are data (``bot/search/data/aliases.json``, ``paraphrases.json``; the kind of answer
is asks.py's reading of ``answer_types.json``); this module interprets them. Aliases ("UN" / "U.N." / "United Nations",
"DPRK" / "North Korea" / "NK") count as the word itself, synonyms ("sent back" / "repatriated")
at ``SYNONYM_WEIGHT``, looser everyday equivalents ("web" / "internet") at ``PARAPHRASE_WEIGHT``;
for the confidence gate a question word is matched by any of its alternatives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from bot.search.domain.asks import AskKind, kinds, ranking_kind
from bot.search.domain.text import TextAnalyzer
from bot.search.domain.vectors import QueryVector, TermWeights

# Weight of a name's other spellings and of a synonym, against 1 for the word as asked
# (training/tune_search.py, section "search-tuning" of bench/RESULTS.md).
ALIAS_WEIGHT = 1.0
SYNONYM_WEIGHT = 0.4
# Everyday words for the articles' words (paraphrases.json), chosen leave-one-set-out by
# training/gate_loso.py (section "search-gate").
PARAPHRASE_WEIGHT = 0.3
NAME_AS_COMMONEST = True
_MAX_PHRASE = 6

Phrase = tuple[str, ...]


# The ranking's reading of what a question asks (asks.py), under its older names.
AnswerType = AskKind


@dataclass(frozen=True)
class Question:
    """A question ready to score: its vector, and its answer type if it asks for a number."""

    vector: QueryVector
    answer_type: AnswerType | None = None
    words: tuple[str, ...] = field(default=())
    text: str = ""
    # Per concept of the vector, whether the archive holds some way of writing it (empty: all).
    known: tuple[bool, ...] = field(default=())


@dataclass(frozen=True)
class _Expansions:
    """Phrase (stems) -> alternative phrases, with the weight of an alternative."""

    alternatives: dict[Phrase, list[tuple[Phrase, float]]]
    # Phrase -> its other spellings as a name (aliases, not synonyms).
    names: dict[Phrase, frozenset[Phrase]] = field(default_factory=dict)


@cache
def _rules_json(name: str) -> Any:
    return json.loads(resources.files("bot.search").joinpath("data", name).read_text("utf-8"))


def answer_types() -> tuple[AnswerType, ...]:
    """The answer types of ``answer_types.json``, in order."""
    return kinds("ranking")


_EXPANSIONS: dict[tuple[int, float, float, float], _Expansions] = {}


def _paraphrase_groups() -> list[list[str]]:
    groups: list[list[str]] = _rules_json("paraphrases.json")["groups"]
    return groups


def _expansions(
    analyzer: TextAnalyzer, alias_weight: float, synonym_weight: float, paraphrase_weight: float
) -> _Expansions:
    key = (id(analyzer), alias_weight, synonym_weight, paraphrase_weight)
    cached = _EXPANSIONS.get(key)
    if cached is not None:
        return cached
    rules = _rules_json("aliases.json")
    table: dict[Phrase, dict[Phrase, float]] = {}
    names: dict[Phrase, set[Phrase]] = {}
    groups = [("names", g, alias_weight) for g in rules["names"]]
    groups += [("synonyms", g, synonym_weight) for g in rules["synonyms"]]
    groups += [("paraphrases", g, paraphrase_weight) for g in _paraphrase_groups()]
    for kind, group, weight in groups:
        if kind != "paraphrases" or weight > 0:
            phrases = [tuple(analyzer.analyze(p)) for p in group]
            phrases = [p for p in phrases if p]
            for phrase in phrases:
                alternatives = table.setdefault(phrase, {})
                for other in phrases:
                    if other != phrase:
                        alternatives[other] = max(alternatives.get(other, 0.0), weight)
                        if kind == "names":
                            names.setdefault(phrase, set()).add(other)
    built = _Expansions(
        {p: sorted(alts.items()) for p, alts in table.items()},
        {p: frozenset(others) for p, others in names.items()},
    )
    if len(_EXPANSIONS) > 16:
        _EXPANSIONS.clear()
    _EXPANSIONS[key] = built
    return built


_SHOUTED = re.compile(r"\b[^\W\d_a-z]{5,}\b")


def plain_form(text: str) -> str:
    """``text`` with width, accents and shouting folded, case otherwise kept ("ＨＯＷ" -> "HOW",
    "KÓREA" -> "Korea"): the form patterns and the embeddings read (acronyms stay upper-case)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = unicodedata.normalize("NFC", stripped)
    return _SHOUTED.sub(lambda m: m.group().capitalize(), text)


def answer_type_of(text: str) -> AnswerType | None:
    """The first answer type whose question pattern matches ``text``."""
    return _answer_type(plain_form(text))


_answer_type = ranking_kind


def build_question(
    weights: TermWeights,
    text: str,
    *,
    alias_weight: float | None = None,
    synonym_weight: float | None = None,
) -> Question:
    """The query vector of ``text``: its terms, their aliases and synonyms, and its concepts."""
    analyzer = weights.analyzer
    plain = plain_form(text)
    kind = _answer_type(plain)
    words = analyzer.words(text)
    if kind is not None:
        words = [w for w in words if w not in kind.drop]
    stems = analyzer.stem_words(words)
    expansions = _expansions(
        analyzer,
        ALIAS_WEIGHT if alias_weight is None else alias_weight,
        SYNONYM_WEIGHT if synonym_weight is None else synonym_weight,
        PARAPHRASE_WEIGHT,
    )
    term_weight: dict[str, float] = {}
    concepts: list[tuple[frozenset[str], ...]] = []
    concept_idf: list[float] = []
    i = 0
    while i < len(stems):
        phrase, alternatives = _longest_match(stems, i, expansions)
        phrase_idf = _phrase_idf(weights, phrase) / np.sqrt(len(phrase))
        # A name weighs as its most common spelling: "NK" in an archive that writes "DPRK"
        # everywhere says no more than "DPRK" does, though "NK" itself is rare there.
        spellings = expansions.names.get(phrase, frozenset()) if NAME_AS_COMMONEST else ()
        common = min(
            [phrase_idf]
            + [_phrase_idf(weights, other) / np.sqrt(len(other)) for other in spellings]
        )
        own = min(1.0, common / max(phrase_idf, 1e-6))
        for stem in phrase:
            term_weight[stem] = term_weight.get(stem, 0.0) + own
        for alternative, weight in alternatives:
            # Words the question already has count once ("China" in "People's Republic of China").
            extra = [stem for stem in alternative if stem not in phrase]
            for stem in extra:
                # A spelling rarer than the name's commonest ("NK" for "North Korea") must
                # not outweigh it: its weight is scaled to that rarity.
                scale = min(1.0, common / max(weights.term_idf(stem), 1e-6))
                share = weight * scale / len(alternative)
                term_weight[stem] = term_weight.get(stem, 0.0) + share
        options = (frozenset(phrase), *(frozenset(a) for a, _ in alternatives))
        if options not in concepts:
            concepts.append(options)
            concept_idf.append(common * np.sqrt(len(phrase)))
        i += len(phrase)
    known = sorted(
        (weights.vocabulary[t], w) for t, w in term_weight.items() if t in weights.vocabulary
    )
    vector = QueryVector(
        np.asarray([t for t, _ in known], dtype=np.int64),
        np.asarray([w for _, w in known], dtype=np.float32),
        tuple(concepts),
        tuple(concept_idf),
    )
    vocabulary = weights.vocabulary
    in_archive = tuple(
        any(all(t in vocabulary for t in option) for option in options) for options in concepts
    )
    return Question(vector, kind, tuple(words), plain, in_archive)


def once_per_word(question: Question) -> Question:
    """``question`` with each term's weight capped at 1: a word a long claim repeats ("cells
    ... cell") says no more about what is searched than said once. /search only (its articles'
    lexical scores and its query embedding); /ask keeps the sums. SciFact's tuning half: +0.003
    nDCG@10, XQuAD level (section "search" of bench/RESULTS.md)."""
    vector = question.vector
    if vector.is_empty or float(vector.weights.max()) <= 1.0:
        return question
    capped = np.minimum(vector.weights, np.float32(1.0))
    return replace(question, vector=replace(vector, weights=capped))


def _longest_match(
    stems: list[str], start: int, expansions: _Expansions
) -> tuple[Phrase, list[tuple[Phrase, float]]]:
    for length in range(min(_MAX_PHRASE, len(stems) - start), 0, -1):
        phrase = tuple(stems[start : start + length])
        alternatives = expansions.alternatives.get(phrase)
        if alternatives is not None:
            return phrase, alternatives
    return (stems[start],), []


def _phrase_idf(weights: TermWeights, phrase: Phrase) -> float:
    return float(np.sqrt(sum(weights.term_idf(t) ** 2 for t in phrase)))


def coverage(question: QueryVector, present: set[str] | frozenset[str]) -> float:
    """Share of the question's concept weight (squared idf) that ``present`` terms match."""
    total = question.total_idf2
    if total <= 0:
        return 0.0
    found = sum(
        idf * idf
        for options, idf in zip(question.concepts, question.concept_idf, strict=True)
        if any(option <= present for option in options)
    )
    return found / total


def proximity(question: QueryVector, tokens: list[str], width: int) -> float:
    """The best ``coverage`` of any ``width`` consecutive ``tokens``: a passage that names
    the question's words together (one sentence about them) beats one that scatters them."""
    wanted = {t for options in question.concepts for option in options for t in option}
    found = [(p, t) for p, t in enumerate(tokens) if t in wanted]
    best = 0.0
    for j, (start, _) in enumerate(found):
        window = {t for p, t in found[j:] if p < start + width}
        best = max(best, coverage(question, window))
    return best
