"""Rule 3's sarcastic records (rule3_denial.yaml 'sarcastic: true'): the words that would rebut
('... is real') sit inside a frame that mocks them, so no rebuttal word, report or discussion
signal exempts the hit; plain rebuttals stay allowed. Sentences written for this test."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_rules import RECORDS, SARCASTIC


def test_sarcastic_records_are_read_from_the_file() -> None:
    assert {"sarcasm-21-01", "sarcasm-21-02", "sarcasm-21-03"} <= SARCASTIC
    assert all(r.sarcastic == (r.id in SARCASTIC) for r in RECORDS)


@pytest.mark.parametrize(
    "text",
    [
        "sure, and next you will tell me the labour camps are real. get a grip",
        "oh right, the executions are real because some guy said so in a podcast",
        "if people there had been starving for thirty years, there would be nobody left. think",
    ],
)
def test_sarcasm_about_the_crisis_is_flagged(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    hits = [h for h in verdict.hits if h.rule == 3]
    assert hits and hits[0].record in SARCASTIC, verdict.hits
    assert all(h.effective_action.value == "flag" for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "the camps are real, and the satellite images have shown them for decades",
        "the executions are real and documented by the UN commission of inquiry",
        "the camps are real because survivors, satellites and the UN all say so",
    ],
)
def test_rebuttals_stay_allowed(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert not [h for h in verdict.hits if h.rule == 3], verdict.hits
