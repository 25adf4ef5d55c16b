"""The "no good match" gate: what an excerpt matches of a question, and the logistic score of it.

The gate reads what a passage (with its title) matches of the question, and of the ranking only
ratios that read alike at any archive size (QueryContext): the share of the question's concept weight it
holds, its cosine to the question, how many concepts it matches, whether it holds the kind of
answer asked for and the numbers the question names, how rare (for this archive's size) the
rarest and the second rarest question words it matches are, and the share it matches of the
question words the archive knows at all (a chatty "ppl" or a misspelling no passage could
match does not count against it); and how the candidate list stands, as query-performance
prediction reads it: how far the best lexical score stands out from the second, the spread of
the first ten over their mean (NQC), the best cosine of question and candidate and how far it
stands above the candidates' mean (WIG on the dense side): a question nothing in the archive
answers gets a flat list of chance matches (bench/RESULTS.md "search-gate" for every feature's
figures). It also reads what the passage matches of what is asked of the question's subject
(relation.py, soft_match.py), whether a candidate answer of the asked type stands near (and in
one clause with) the question's subject (asked_fact.py, asked_subject.py); weights may grow per
decade of the archive's size. The weights and the bar are data (``bot/search/data/gate.json``), fitted by
training/gate_loso.py.

A question's words that sklearn's stop list holds but the index keeps searchable ("get", "made",
"up", "back", "find": text.SPARED_STOP_WORDS) are not the gate's concepts: in a small archive
they weigh as rare words, so a chatty "how many ... can actually get on the internet" or "...
before the north quit picking up" read as half unmatched (held out 2026-12-06: refused 52 -> 46
and 101 -> 93, off-topic answered unchanged). A question of such words only keeps them all.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import Stemmer

from bot.search.domain.asked_beyond import beyond
from bot.search.domain.asked_check import numbers_said
from bot.search.domain.asked_fact import FactHeld, asked_fact, fact_held
from bot.search.domain.asked_outcome import outcome
from bot.search.domain.asked_subject import subject_apart
from bot.search.domain.focus import Holds, asked, holds
from bot.search.domain.gate_features import FEATURES as FEATURES
from bot.search.domain.gate_features import GateFeatures as GateFeatures
from bot.search.domain.query import Question
from bot.search.domain.query_context import QueryContext as QueryContext
from bot.search.domain.relation import relation
from bot.search.domain.rival_name import rival_name
from bot.search.domain.soft_match import soft_features
from bot.search.domain.text import SPARED_STOP_WORDS

# Whether rarity also reads a word's rarity within the passage's source (source_rarity.py).
USE_SOURCE_RARITY = True


# The spared stop words as the analyzer writes them, stemmed or not.
_SPARED = SPARED_STOP_WORDS | frozenset(Stemmer.Stemmer("english").stemWords(SPARED_STOP_WORDS))


def _counted(concepts: tuple[tuple[frozenset[str], ...], ...]) -> list[int]:
    """The concepts the gate reads: not a lone spared stop word with no other spelling (all of
    them when nothing else is left)."""
    kept = [
        c
        for c, options in enumerate(concepts)
        if not (len(options) == 1 and len(options[0]) == 1 and options[0] <= _SPARED)
    ]
    return kept or list(range(len(concepts)))


@dataclass(frozen=True)
class GateWeights:
    """A logistic score of what a passage matches (weights by feature name, missing ones 0;
    ``per_decade_weights``: a feature's extra weight per decade of the archive's size, so that
    a rare word matched counts for more where chance matches of common words abound), and its
    bar: min_gate + per_decade x log10(articles), and past ``knee_articles`` (the largest
    archive but one it was calibrated on) per_decade_above per decade instead."""

    weights: tuple[tuple[str, float], ...]
    bias: float
    min_gate: float
    per_decade: float
    per_decade_weights: tuple[tuple[str, float], ...] = ()
    # The smallest archive the gate was calibrated on: a smaller one reads as this size.
    min_articles: int = 1
    # Past this size the bar grows by per_decade_above (0: one line throughout).
    knee_articles: int = 0
    per_decade_above: float = 0.0

    def past_knee(self, articles: int) -> float:
        """What the bar adds past the knee to min_gate + per_decade x log10(articles): the
        bars were chosen at three sizes, which one line does not meet."""
        if self.knee_articles <= 0:
            return 0.0
        beyond = self.decades(articles) - math.log10(self.knee_articles)
        return max(beyond, 0.0) * (self.per_decade_above - self.per_decade)

    def decades(self, articles: int) -> float:
        """log10 of the archive's size as the gate reads it."""
        return math.log10(max(articles, self.min_articles, 1))

    def score(self, f: GateFeatures, articles: int = 1) -> float:
        """The gate's score of a passage in an archive of ``articles`` (higher: more likely
        to answer)."""
        decades = self.decades(articles)
        linear = sum(w * float(getattr(f, name)) for name, w in self.weights)
        grows = sum(w * float(getattr(f, name)) for name, w in self.per_decade_weights)
        return linear + decades * grows + self.bias

    def bar(
        self, articles: int, min_gate: float | None = None, per_decade: float | None = None
    ) -> float:
        """The score a passage needs in an archive of ``articles`` (``min_gate`` and
        ``per_decade`` in place of the fitted ones, as answer settings may set them)."""
        base = self.min_gate if min_gate is None else min_gate
        slope = self.per_decade if per_decade is None else per_decade
        return base + slope * self.decades(articles) + self.past_knee(articles)

    def passes(self, f: GateFeatures, articles: int) -> bool:
        """Whether a passage with these features is shown in an archive of ``articles``."""
        return self.score(f, articles) >= self.bar(articles)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GateWeights:
        """The gate described by a gate.json document."""
        weights, growing = data["weights"], data.get("per_decade_weights", {})
        unknown = (set(weights) | set(growing)) - set(FEATURES)
        if unknown:
            raise ValueError(f"gate.json names unknown features: {sorted(unknown)}")
        return cls(
            tuple((name, float(weights[name])) for name in FEATURES if name in weights),
            float(data["bias"]),
            float(data["min_gate"]),
            float(data["per_decade"]),
            tuple((name, float(growing[name])) for name in FEATURES if name in growing),
            int(data.get("min_articles", 1)),
            int(data.get("knee_articles", 0)),
            float(data.get("per_decade_above", 0.0)),
        )

    def to_json(self) -> dict[str, Any]:
        """The gate.json document of these weights (without its "about")."""
        return {
            "weights": dict(self.weights),
            "per_decade_weights": dict(self.per_decade_weights),
            "bias": self.bias,
            "min_gate": self.min_gate,
            "per_decade": self.per_decade,
            "min_articles": self.min_articles,
            "knee_articles": self.knee_articles,
            "per_decade_above": self.per_decade_above,
        }


_READ = ("focus_missing", "filler_missing", "filler_gap", "fact_unmet", "fact_missing")
_SOFT = ("relation_soft", "fact_soft", "fact_apart", "fact_unquoted", "fact_noun")
_BEYOND = ("ask_missing", "scope_unmet", "subject_apart")
_OUTCOME = ("echo", "outcome_unsaid", "rival_name")
ANSWERABILITY = (*_READ, *_SOFT, *_BEYOND, *_OUTCOME)
SOFT_ALWAYS = False  # whether every answerability feature is read, weighed or not (training)


def with_answerability(features: GateFeatures, question: Question, text: str) -> GateFeatures:
    """``features`` with what the passage ``text`` holds of the question's focus."""
    return answerability_of(features, question.text, text)


def _read_held(f: GateFeatures, question: str, text: str) -> GateFeatures:
    held = holds(asked(question), text)
    fact = fact_held(asked_fact(question), text)
    return replace(
        f,
        focus_missing=held.focus_missing,
        filler_missing=held.filler_missing,
        filler_gap=held.filler_gap,
        fact_unmet=fact.unmet,
        fact_missing=fact.missing,
    )


def _read_beyond(f: GateFeatures, question: str, text: str) -> GateFeatures:
    ask = _beyond(question, text)
    return replace(f, ask_missing=ask[0], scope_unmet=ask[1], subject_apart=ask[2])


def _read_outcome(f: GateFeatures, question: str, text: str) -> GateFeatures:
    said = _outcome(question, text)
    return replace(f, echo=said[0], outcome_unsaid=said[1], rival_name=said[2])


def _read_soft(f: GateFeatures, question: str, text: str) -> GateFeatures:
    soft = _soft(question, text)
    return replace(
        f,
        relation_soft=soft[0],
        fact_soft=soft[1],
        fact_apart=soft[2],
        fact_unquoted=soft[3],
        fact_noun=soft[4],
    )


# The answerability features in stages, cheapest first; soft_match.py's reading (about two
# thirds of the cost) last. gate_stages.py stops after a stage that puts a passage below the bar.
ANSWERABILITY_STAGES = (_read_held, _read_beyond, _read_outcome, _read_soft)


def answerability_of(features: GateFeatures, question: str, text: str) -> GateFeatures:
    """``features`` with the answerability features of the plain question ``question`` and
    the passage ``text`` (what training/gate_loso.py recomputes on recorded excerpts)."""
    for stage in ANSWERABILITY_STAGES:
        features = stage(features, question, text)
    return features


def _soft(question: str, text: str) -> tuple[float, int, int, int, int]:
    """soft_match.py's features if the gate weighs them (or ``SOFT_ALWAYS``: training)."""
    if not (SOFT_ALWAYS or reads_soft(shipped_gate())):
        return 0.0, 0, 0, 0, 0
    return soft_features(question, text)


def _beyond(question: str, text: str) -> tuple[int, int, int]:
    """asked_beyond.py's and asked_subject.py's features if weighed (``SOFT_ALWAYS``: always)."""
    weighed = shipped_gate()
    if not (SOFT_ALWAYS or reads_beyond(weighed)):
        return 0, 0, 0
    said = beyond(question, text)
    apart = SOFT_ALWAYS or reads_beyond(weighed, ("subject_apart",))
    return said.ask_missing, said.scope_unmet, subject_apart(question, text) if apart else 0


def _outcome(question: str, text: str) -> tuple[int, int, int]:
    """asked_outcome.py's and rival_name.py's features if weighed (``SOFT_ALWAYS``: always)."""
    weighed = shipped_gate()
    if not (SOFT_ALWAYS or reads_beyond(weighed, _OUTCOME)):
        return 0, 0, 0
    said = outcome(question, text)
    rival = SOFT_ALWAYS or reads_beyond(weighed, ("rival_name",))
    return said.echo, said.unsaid, rival_name(question, text) if rival else 0


@cache
def reads_beyond(gate: GateWeights, names: tuple[str, ...] = _BEYOND) -> bool:
    """Whether ``gate`` weighs one of ``names`` (asked_beyond.py's, asked_subject.py's)."""
    return any(w and n in names for n, w in (*gate.weights, *gate.per_decade_weights))


@lru_cache(maxsize=64)  # a gate has a handful of weights; /ask asks this of every passage
def answerability_only_lowers(gate: GateWeights, articles: int | None = None) -> bool:
    """Whether the answerability features (all at or above 0) can only lower ``gate``'s
    score in an archive of ``articles`` (their weight, with what it grows per decade there,
    at or below 0; without ``articles``: no weight above 0 and none growing): a passage
    below the bar without them stays below."""
    weights = dict(gate.weights)
    growing = dict(gate.per_decade_weights)
    if articles is None:
        return all(weights.get(n, 0.0) <= 0 and n not in growing for n in ANSWERABILITY)
    decades = gate.decades(articles)
    return all(weights.get(n, 0.0) + decades * growing.get(n, 0.0) <= 0 for n in ANSWERABILITY)


@cache
def reads_relation(gate: GateWeights) -> bool:
    """Whether ``gate`` weighs relation_unmatched or relation_missing."""
    named = {n for n, w in (*gate.weights, *gate.per_decade_weights) if w}
    return not named.isdisjoint(("relation_unmatched", "relation_missing"))


@cache
def reads_soft(gate: GateWeights) -> bool:
    """Whether ``gate`` weighs one of soft_match.py's features."""
    named = {n for n, w in (*gate.weights, *gate.per_decade_weights) if w}
    return not named.isdisjoint(_SOFT)


@cache
def reads_answerability(gate: GateWeights) -> bool:
    """Whether ``gate`` weighs any answerability feature."""
    named = {n for n, w in (*gate.weights, *gate.per_decade_weights) if w}
    return any(n in named for n in ANSWERABILITY)


@cache
def shipped_gate() -> GateWeights:
    """The gate of bot/search/data/gate.json."""
    text = resources.files("bot.search").joinpath("data", "gate.json").read_text("utf-8")
    return GateWeights.from_json(json.loads(text))


def _number_missing(question: str, unsaid: list[frozenset[str]], text: str) -> int:
    """1 when a number of the question is neither an index term of the passage nor said in
    another writing or corrected in a check question (asked_check.py)."""
    if not unsaid:
        return 0
    tokens = [next(iter(n)) for n in unsaid if len(n) == 1]
    return int(len(tokens) < len(unsaid) or not numbers_said(question, tokens, text))


def gate_features(
    question: Question,
    present: set[str],
    text: str,
    cosine: float,
    articles: int,
    in_source: tuple[tuple[float, ...], ...] | None = None,
    context: QueryContext | None = None,
    lexical: float = 0.0,
    answerability: bool = True,
    relation_read: bool = True,
) -> GateFeatures:
    """The gate's features of a passage: ``present`` are the index terms of its title and
    text, ``text`` the passage itself, ``cosine`` its similarity to the question, ``articles``
    the archive's size, ``in_source`` each concept's rarity within the passage's source,
    ``context`` the candidate list's and ``lexical`` the passage's lexical score;
    ``answerability``: whether to read focus_missing, filler_missing and filler_gap (0 when
    not; ``with_answerability`` adds them); ``relation_read``: whether to read
    relation_unmatched (0 when not: a gate that does not weigh it need not pay for it)."""
    vector = question.vector
    counted = _counted(vector.concepts)
    concepts = [vector.concepts[c] for c in counted]
    concept_idf = [vector.concept_idf[c] for c in counted]
    scale = math.log(max(articles, 1) + 1)
    rarities = []
    hits = []
    for c, options in zip(counted, concepts, strict=True):
        matched = [o for o, option in enumerate(options) if option <= present]
        hits.append(bool(matched))
        if not matched:
            continue
        rarity = vector.concept_idf[c] / scale
        # Within the source, the rarity of the way of writing the passage actually matched.
        if USE_SOURCE_RARITY and in_source is not None and c < len(in_source):
            rarity = max([rarity, *(in_source[c][o] for o in matched)])
        rarities.append(rarity)
    rarities.sort(reverse=True)
    known = [question.known[c] for c in counted] if question.known else [True] * len(counted)
    weight = [idf * idf for idf in concept_idf]
    total = sum(weight)
    share = sum(w for w, h in zip(weight, hits, strict=True) if h) / total if total > 0 else 0.0
    known_total = sum(w for w, k in zip(weight, known, strict=True) if k)
    known_found = sum(w for w, k, h in zip(weight, known, hits, strict=True) if k and h)
    kind = question.answer_type
    numbers = [options[0] for options in concepts if all(t.isdigit() for t in options[0])]
    held = holds(asked(question.text), text) if answerability else Holds()
    fact = fact_held(asked_fact(question.text), text) if answerability else FactHeld()
    said = relation(concepts, hits, question.text, text) if relation_read else None
    return GateFeatures(
        share,
        cosine,
        sum(hits),
        len(concepts) - sum(hits),
        int(kind is not None and not kind.matches_answer(text)),
        _number_missing(question.text, [n for n in numbers if not n <= present], text),
        rarities[0] if rarities else 0.0,
        rarities[1]
        if len(rarities) > 1
        else (rarities[0] if len(concepts) == 1 and rarities else 0.0),
        known_found / known_total if known_total > 0 else 0.0,
        sum(r * r for r in rarities),
        context.top_gap if context else 0.0,
        context.nqc if context else 0.0,
        lexical / context.best if context and context.best > 0 else 0.0,
        context.dense_best if context else 0.0,
        context.dense_gap if context else 0.0,
        held.focus_missing,
        held.filler_missing,
        held.filler_gap,
        said.unmatched if said else 0.0,
        said.missing if said else 0,
        fact.unmet,
        fact.missing,
        *(_soft(question.text, text) if answerability else (0.0, 0, 0, 0, 0)),
        *(_beyond(question.text, text) if answerability else (0, 0, 0)),
        *(_outcome(question.text, text) if answerability else (0, 0, 0)),
    )
