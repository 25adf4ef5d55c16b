"""Round 47 (moderation47): the endorsed wellbeing claim ('people there are fine') and the
kana gate of the Chinese reading. The examples of data/rule3_wellbeing.json and cases written
for these tests, not taken from the training or development files."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.chinese import has_han
from bot.moderation.domain.denial_wellbeing import wellbeing_claim, wellbeing_hit
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action


def _examples(key: str) -> list[str]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_wellbeing.json")
    examples: list[str] = json.loads(data.read_text(encoding="utf-8"))["examples"][key]
    return examples


@pytest.mark.parametrize("text", _examples("must_match"))
def test_the_wellbeing_examples_are_read(text: str) -> None:
    hit = wellbeing_hit("denial", normalize(text))
    assert hit is not None
    assert hit.action is Action.FLAG
    assert hit.rule == 3


@pytest.mark.parametrize("text", _examples("must_not_match"))
def test_the_wellbeing_counter_examples_are_not(text: str) -> None:
    assert wellbeing_claim(normalize(text)) == ""


@pytest.mark.parametrize(
    "text",
    [
        "honestly the farmers up north are doing fine, you only hear about the bad years",
        "workers in russia get paid well and go home with savings, nobody is forced there",
    ],
)
def test_an_endorsed_claim_that_people_are_fine_is_flagged(
    engine: ModerationEngine, text: str
) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert not verdict.allowed
    assert verdict.outcome == "flag"


@pytest.mark.parametrize(
    "text",
    [
        "state tv insists the farmers are doing fine; the UN's survey says otherwise",
        "would the workers in russia be happy to be there if they could leave?",
        "our cat is doing fine after the surgery, thanks everyone",
    ],
)
def test_a_reported_asked_or_unrelated_claim_is_not_read(text: str) -> None:
    assert wellbeing_claim(normalize(text)) == ""


def test_kana_keeps_a_message_from_the_chinese_reading() -> None:
    assert has_han("饥荒是假的，大家都吃得饱")
    assert not has_han("北朝鮮の人たちは元気だよ")
    assert not has_han("only latin letters here")
