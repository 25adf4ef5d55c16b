"""Rule 3, round 9: requests for sources stay discussion wherever the question sits; the
witnesses called liars as a class and accounts said to be invented by an agency are flagged
for a moderator, while a doubt about one witness is not."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_questions import asks_for_sources
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

ENGINE = ModerationEngine()


def rule3(text: str) -> list[str]:
    hits = ENGINE.check(MessageInput(text=text)).hits_for_rule(3)
    return [hit.record for hit in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Can anyone suggest a documentary on the prison camps? Preferably one with interviews.",
        "looking for good books about the arduous march, academic if possible",
        "Which estimates of the famine deaths are the most careful? I keep seeing very different ones",
    ],
)
def test_a_request_for_reading_or_figures_is_discussion(text: str) -> None:
    assert asks_for_sources(normalize(text))
    assert rule3(text) == []


def test_a_question_that_plays_the_numbers_down_is_not_a_request() -> None:
    # The question opens like a request, but the message plays the toll down.
    text = "Are there any real figures? It was only a few hundred people, like any bad harvest."
    assert not asks_for_sources(normalize(text))


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("The escapees are all coached before they ever meet a journalist.", "smear-frame-01"),
        ("camp testimonies are rehearsed, every single one of them", "smear-frame-01"),
        ("the NIS cooked up the camp stories to keep the aid money flowing", "conspiracy-frame-01"),
        ("the hunger stories were dreamed up by think tanks", "conspiracy-frame-02"),
    ],
)
def test_witnesses_as_liars_and_invented_accounts_are_flagged(text: str, record: str) -> None:
    hits = ENGINE.check(MessageInput(text=text)).hits_for_rule(3)
    assert [(hit.record, hit.action) for hit in hits] == [(record, Action.FLAG)]


@pytest.mark.parametrize(
    "text",
    [
        "One escapee was clearly coached for that interview, the rest of her story holds up.",
        "Survivors are not liars, they are people who lived through it.",
        "Defectors are brave people who risked everything to get out.",
    ],
)
def test_doubt_about_one_witness_or_praise_is_not(text: str) -> None:
    assert not {"smear-frame-01", "conspiracy-frame-01", "conspiracy-frame-02"} & set(rule3(text))
