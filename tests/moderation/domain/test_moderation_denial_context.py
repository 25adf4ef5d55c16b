"""Rule 3's context readings: everyday senses of crisis words, quoted lines, named tactics."""

from __future__ import annotations

import pytest

from bot.moderation.domain.denial_context import everyday_words, own_lines
from bot.moderation.domain.denial_model import discussion_signal, read
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize

ANY = LinearTextModel(intercept=0.0, weights={"_": 0.0}, features="statement")


@pytest.mark.parametrize(
    "text",
    [
        "im starving, anyone wanna grab lunch?",
        "camping trip got rained out again",
        "stuck in meeting prison all afternoon",
        "they will execute another launch next week",
        "log off and go touch some grass, my guy",
    ],
)
def test_everyday_senses_are_chat_not_the_crisis(text: str) -> None:
    reading = read(ANY, normalize(text))
    assert everyday_words(normalize(text))
    assert (reading.on_topic, reading.chat) == (False, True)


@pytest.mark.parametrize(
    "text",
    [
        "nobody is starving there, stop lying",
        "the camps are just farms",
        "im starving lol, like the north koreans pretend to be",  # North Korea named
        "the famine? lol go touch grass",  # touching grass is chat, the famine is not
    ],
)
def test_crisis_senses_stay_on_topic_or_not_chat(text: str) -> None:
    reading = read(ANY, normalize(text))
    assert not reading.chat


def test_own_lines_drop_the_quoted_lines_only_when_answered() -> None:
    answered = normalize("> there was never a famine\nthe state itself admits the Arduous March")
    assert own_lines(answered).tokens[:3] == ("the", "state", "itself")
    alone = normalize("> there was never a famine")
    assert own_lines(alone) is alone


@pytest.mark.parametrize(
    "text",
    [
        "that's whataboutism. guantanamo being bad doesn't make yodok fine",
        "'they had it coming' about political prisoners is indefensible.",
    ],
)
def test_naming_the_tactic_speaks_against_denial(text: str) -> None:
    assert discussion_signal(normalize(text))
