"""A plain news report (an outlet or source reporting an event of the crisis) is not denial;
an added sentence, a question or a dismissal of the member's own keeps it from counting
(cases written for these tests, not from any data file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain.denial_news import news_report
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.phrases import sentences


def reads_as_report(text: str) -> bool:
    normalized = normalize(text)
    return news_report(normalized, [words for _, words in sentences(normalized)])


@pytest.mark.parametrize(
    "text",
    [
        "Radio Free Asia reported a new execution in Hyesan.",
        "Daily NK sources say two people were publicly executed in Hyesan.",
        "Yesterday the UN confirmed that repatriated women are held in detention camps.",
    ],
)
def test_an_outlet_reporting_an_event_is_a_report(text: str) -> None:
    assert reads_as_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "Radio Free Asia reported a new execution in Hyesan. Total fabrication.",
        "Daily NK says people are starving again? They've been saying that for 20 years",
        "un rapporteur says 1500 north koreans in chinese prisons. number pulled out of thin air",
        "UN says a lot of things. next",
        "RFA reported that nobody was executed, the camps are a myth",
    ],
)
def test_a_report_with_the_members_own_stance_is_not(text: str) -> None:
    assert not reads_as_report(text)


def test_the_detector_allows_the_plain_report() -> None:
    from bot.moderation.domain import MessageInput, ModerationEngine

    verdict = ModerationEngine().check(
        MessageInput("Radio Free Asia reported a new execution in Hyesan.")
    )
    assert verdict.outcome == "allow"
