"""What a verdict quotes and says never shows the analysis's internal tags (qqg, qqs, qqp):
cases written for this test, each one that showed a tag before the fix."""

from __future__ import annotations

import re

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_reading import spoken

TAG = re.compile(r"\bqq[gsp]\b")


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


@pytest.mark.parametrize(
    "text",
    [
        "Me and my girls are a bunch of bad bitches and we just aced our finals",
        "trans people deserve to be beaten until they stop pretending",
        "some bitches just have no luck with men lmao",
        "all women got a little bitch in em",
    ],
)
def test_no_internal_tag_reaches_a_verdict(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text))
    assert verdict.hits, "each case is flagged, so its evidence is shown"
    for hit in verdict.hits:
        assert not TAG.search(hit.matched), hit.matched
        assert not TAG.search(hit.reason), hit.reason
    assert not TAG.search(verdict.reason)


def test_spoken_says_each_tag_in_words() -> None:
    assert spoken("qqg are qqs and qqp know it", "women") == "women are a slur and they know it"
    assert spoken("qqgx stays") == "qqgx stays"
