"""The gate's verdict with the answerability features read in stages (/ask's hot path).

gate.answerability_of reads every answerability feature of a passage; /ask only needs the
verdict. While those features can only lower the score (gate.answerability_only_lowers), a
passage whose score, with the features read so far, is already below the bar stays below
whatever the rest hold: the rest are not read. The verdict is the one the full features give
(the features of a passage that passes are all read; tests/search/test_gate_stages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.search.domain.asked_fact import asked_fact, fact_held
from bot.search.domain.focus import asked, holds
from bot.search.domain.gate import (
    GateFeatures,
    GateWeights,
    _beyond,
    _outcome,
    _soft,
    answerability_of,
    answerability_only_lowers,
    reads_answerability,
)

# A stop below the bar by less than this is not trusted (rounding): the next stage is read.
_MARGIN = 1e-9


def _read(f: GateFeatures, question: str, text: str) -> GateFeatures:
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


def _beyond_stage(f: GateFeatures, question: str, text: str) -> GateFeatures:
    ask = _beyond(question, text)
    return replace(f, ask_missing=ask[0], scope_unmet=ask[1], subject_apart=ask[2])


def _outcome_stage(f: GateFeatures, question: str, text: str) -> GateFeatures:
    said = _outcome(question, text)
    return replace(f, echo=said[0], outcome_unsaid=said[1], rival_name=said[2])


def _soft_stage(f: GateFeatures, question: str, text: str) -> GateFeatures:
    soft = _soft(question, text)
    return replace(
        f,
        relation_soft=soft[0],
        fact_soft=soft[1],
        fact_apart=soft[2],
        fact_unquoted=soft[3],
        fact_noun=soft[4],
    )


# Cheapest first; soft_match.py's reading (about two thirds of the cost) last.
STAGES: tuple[Callable[[GateFeatures, str, str], GateFeatures], ...] = (
    _read,
    _beyond_stage,
    _outcome_stage,
    _soft_stage,
)


def passes_with_answerability(
    gate: GateWeights, features: GateFeatures, question: str, text: str, articles: int, bar: float
) -> bool:
    """Whether ``gate`` scores ``features`` with the answerability features of ``question``
    and ``text`` at ``bar`` or above in an archive of ``articles``: the verdict of
    ``gate.score(answerability_of(features, question, text), articles) >= bar`` (without
    reading them when the gate does not weigh them).
    """
    score = gate.score(features, articles)
    lowers = answerability_only_lowers(gate, articles)
    if (score < bar and lowers) or not reads_answerability(gate):
        return score >= bar
    if not lowers:
        return gate.score(answerability_of(features, question, text), articles) >= bar
    f = features
    for stage in STAGES:
        f = stage(f, question, text)
        if gate.score(f, articles) < bar - _MARGIN:
            return False
    return gate.score(f, articles) >= bar
