"""training/rule1_operating_point.py: one pass with the flag bars open reproduces the engine's
verdicts under any bars (texts written for this test; no training data read)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput
from bot.moderation.domain import detectors_hate as dh
from training.eval_dev import Row, engine_with
from training.rule1_operating_point import BARS, BARS_HEDGED, flagged, score_open

TEXTS = [
    "Trans people are valid and deserve respect.",
    "Women are too stupid to vote.",
    "Why are Muslims all terrorists?",
    "no offence but koreans are just different from us",
    "gay people in north korea have no rights at all",
    "Chinese tourists were at the trade park again today.",
    "The weather in Pyongyang was cold this week.",
    "women should stay out of politics, they are too emotional",
    # texts that reach the detector's last step, one or more per bar (statement P in brackets
    # with the shipped model when written: 0.97, 0.97, 0.99, 0.95, 0.92, 0.75)
    "koreans are so annoying honestly",
    "muslims are a problem in europe",
    "black people are loud",
    "i hate how women talk",
    "no offence but koreans are just different from us",
    "just asking, are chinese people really like that?",
]
NAMES = (*BARS, BARS_HEDGED)


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return engine_with(None, None)


def _verdicts(engine, bars):  # type: ignore[no-untyped-def]
    saved = {n: getattr(dh, n) for n in NAMES}
    try:
        for name, value in bars.items():
            setattr(dh, name, value)
        return [not engine.check(MessageInput(text=t)).allowed for t in TEXTS]
    finally:
        for name, value in saved.items():
            setattr(dh, name, value)


@pytest.mark.parametrize(
    "bars",
    [
        (0.97, 0.8, 0.96, 0.5),
        (0.5, 0.3, 0.4, 0.2),
        (0.9, 0.6, 0.7, 0.3),
        (0.99, 0.9, 0.99, 0.9),
        (0.97, 0.974, 0.99, 0.8),
        (0.97, 0.96, 0.97, 0.93),
    ],
)
def test_open_pass_reproduces_the_engine(engine, bars) -> None:  # type: ignore[no-untyped-def]
    today = {n: getattr(dh, n) for n in NAMES}
    rows = [Row(t, 1, False, "test", "test") for t in TEXTS]
    scored = score_open(engine, rows)
    assert {n: getattr(dh, n) for n in NAMES} == today  # the bars are put back
    chosen = dict(zip(NAMES, bars, strict=True))
    assert [flagged(s, chosen) for s in scored] == _verdicts(engine, chosen)


def test_low_bars_flag_more(engine) -> None:  # type: ignore[no-untyped-def]
    rows = [Row(t, 1, False, "test", "test") for t in TEXTS]
    scored = score_open(engine, rows)
    low = dict(zip(NAMES, (0.0, 0.0, 0.0, 0.0), strict=True))
    high = dict(zip(NAMES, (1.1, 1.1, 1.1, 1.1), strict=True))
    assert sum(flagged(s, low) for s in scored) > sum(flagged(s, high) for s in scored)


def test_every_bar_is_exercised(engine) -> None:  # type: ignore[no-untyped-def]
    rows = [Row(t, 1, False, "test", "test") for t in TEXTS]
    kinds = {kind for s in score_open(engine, rows) for *_, kind in s.steps}
    assert kinds == {"hedged", "negative", "neutral"}
