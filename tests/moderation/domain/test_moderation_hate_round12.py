"""Rule 1's round-12 readings: a quoted or reported line of contempt that the speaker endorses,
a caricature of a protected trait with no group name (a leader mocked through it), and a
question whose shape answers itself with contempt. And the ok counterparts that must stay
allowed. Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.attribution import endorsed, speaker_attribution
from bot.moderation.domain.normalize import normalize


def _rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


@pytest.mark.parametrize(
    "text",
    [
        "the old poster called Sikhs 'vermin from the west' and honestly they weren't wrong",
        "my neighbour says 'Kurds are parasites' and for once I agree",
        "the general with the slanty eyes is shouting at the sea again",
        "the dictator is a limp-wristed little prince lol",
        "what else would you expect from Uzbeks",
        "has anyone on here ever met an Estonian who wasn't a liar",
    ],
)
def test_round12_contempt_is_flagged(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # the quote is condemned, or what is endorsed holds no contempt
        "the old poster called Sikhs 'vermin from the west' and that is disgusting",
        "a study says Kurds face discrimination in housing, and they're right",
        "my gran says 'Estonians are the kindest people' and she's not wrong",
        # the question asks, it does not answer
        "what do you expect from the Uzbek delegation's proposal?",
        "has anyone met an Estonian who isn't on the embassy list?",
        "she narrowed her eyes at the missile footage",
    ],
)
def test_round12_ok_stays_allowed(engine: ModerationEngine, text: str) -> None:
    assert not _rule1(engine, text)


def test_endorsement_makes_a_quote_the_speakers_own() -> None:
    def always(own: str) -> bool:
        return True

    quoted = "he said 'Kurds are lazy' and he's right"
    assert endorsed(quoted)
    assert speaker_attribution(normalize(quoted), always) == "endorse"
    condemned = "he said 'Kurds are lazy' and he's right that it's racist"
    assert not endorsed(condemned)
    assert speaker_attribution(normalize("he said 'Kurds are lazy'"), always) == "quote"


@pytest.mark.parametrize(
    "text",
    [
        "the farm next door sold me a female dog and two male pigs",
        "our cat had kittens and the female cat is very protective now",
    ],
)
def test_an_animals_sex_is_not_a_group(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text) == []


def test_a_group_called_animals_is_still_caught(engine: ModerationEngine) -> None:
    verdict = engine.check(MessageInput("females are dogs and should be kept on a leash"))
    assert verdict.outcome != "allow"
