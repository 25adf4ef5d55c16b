"""The gate's verdict with the answerability features read in stages (/ask's hot path).

gate.answerability_of reads every answerability feature of a passage; /ask only needs the
verdict. While those features can only lower the score (gate.answerability_only_lowers), a
passage whose score, with the features read so far, is already below the bar stays below
whatever the rest hold: the rest are not read. The verdict is the one the full features give
(the features of a passage that passes are all read; tests/search/test_gate_stages.py).
"""

from __future__ import annotations

from bot.search.domain.gate import (
    ANSWERABILITY_STAGES,
    GateFeatures,
    GateWeights,
    answerability_of,
    answerability_only_lowers,
    reads_answerability,
)

# A stop below the bar by less than this is not trusted (rounding): the next stage is read.
_MARGIN = 1e-9


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
    for stage in ANSWERABILITY_STAGES:
        f = stage(f, question, text)
        if gate.score(f, articles) < bar - _MARGIN:
            return False
    return gate.score(f, articles) >= bar
