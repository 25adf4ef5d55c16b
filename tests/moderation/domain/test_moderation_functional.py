"""The built-in detectors against our own functional cases (rules 1, 2 and 3)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from tests.moderation.cases import ALL_CASES, Case


@pytest.mark.parametrize(("category", "text", "expected"), ALL_CASES, ids=lambda v: str(v)[:40])
def test_functional_case(
    engine: ModerationEngine, category: str, text: str, expected: int | None
) -> None:
    verdict = engine.check(MessageInput(text=text))
    if expected is None:
        assert verdict.allowed, f"[{category}] should be allowed: {verdict.reason}"
    else:
        assert not verdict.allowed, f"[{category}] should break rule {expected}"
        assert expected in {hit.rule for hit in verdict.hits}, verdict.reason


def test_suite_is_large_and_balanced() -> None:
    cases: list[Case] = ALL_CASES
    assert len(cases) >= 150
    assert sum(1 for *_, rule in cases if rule is None) >= 60
    assert {rule for *_, rule in cases} == {None, 1, 2, 3}
