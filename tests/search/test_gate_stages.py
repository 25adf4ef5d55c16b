"""/ask's staged answerability verdict (gate_stages.py) is the verdict of the full features."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search.domain import gate as gate_module
from bot.search.domain import gate_stages
from bot.search.domain.gate import (
    ANSWERABILITY_STAGES,
    GateFeatures,
    answerability_of,
    shipped_gate,
)

ARTICLES = 100
BASE = GateFeatures(0.5, 0.5, 2, 1, 0, 0)
# Each loses score at a different stage (read, beyond, outcome, soft) with the shipped gate.
PAIRS = [
    ("how old is Kim Jong Un?", "Kim Jong Un visited a farm in the spring."),
    ("who won the football match between North Korea and Japan?", "North Korea will play Japan."),
    ("how much does a bag of rice cost in Pyongyang?", "Rice prices in Pyongyang rose sharply."),
    ("when did South Korea launch its satellite?", "North Korea launched its satellite in May."),
    ("when did North Korea launch its satellite?", "North Korea launched its satellite in May."),
]


@pytest.mark.parametrize(("question", "text"), PAIRS)
def test_the_staged_verdict_is_the_full_one_at_every_bias(question: str, text: str) -> None:
    shipped = shipped_gate()
    full = shipped.score(answerability_of(BASE, question, text), ARTICLES)
    without = shipped.score(BASE, ARTICLES)
    verdicts = set()
    # Biases that put the bar below, between and above the scores with and without the features.
    for step in range(-30, 31):
        gate = replace(shipped, bias=shipped.bias + step * 0.5 + (without - full) * step / 30)
        bar = gate.bar(ARTICLES)
        expected = gate.score(answerability_of(BASE, question, text), ARTICLES) >= bar
        assert gate_stages.passes_with_answerability(gate, BASE, question, text, ARTICLES, bar) == (
            expected
        )
        verdicts.add(expected)
    assert verdicts == {True, False}


def test_a_passage_already_below_the_bar_is_not_read_further(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question, text = PAIRS[0]  # its focus (an age) is missing: the first stage lowers it
    shipped = shipped_gate()
    after_read = shipped.score(ANSWERABILITY_STAGES[0](BASE, question, text), ARTICLES)
    drop = shipped.score(BASE, ARTICLES) - after_read
    assert drop > 0
    gate = replace(shipped, bias=shipped.bias + shipped.bar(ARTICLES) - after_read - drop / 2)
    bar = gate.bar(ARTICLES)

    def unread(*_: object) -> object:
        raise AssertionError("read past the stage that put the passage below the bar")

    monkeypatch.setattr(gate_module, "_soft", unread)
    monkeypatch.setattr(gate_module, "_beyond", unread)
    assert not gate_stages.passes_with_answerability(gate, BASE, question, text, ARTICLES, bar)
