"""Round 45 (moderation45): where rule 3's pipeline misread a denial the model read, and the
'just asking' insinuation. The examples of data/rule3_insinuation.json and cases written for
these tests, not taken from the training or development files."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_cues import AT_DEFENDERS
from bot.moderation.domain.denial_insinuation import insinuation_hit
from bot.moderation.domain.denial_model import ENDORSED_CLAIM, WAVED_AWAY, strong_signal
from bot.moderation.domain.denial_personal import crisis_stems, personal_frame
from bot.moderation.domain.denial_stance import affirms_crisis
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action


def _examples(key: str) -> list[str]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_insinuation.json")
    examples: list[str] = json.loads(data.read_text(encoding="utf-8"))["examples"][key]
    return examples


@pytest.mark.parametrize("text", _examples("match"))
def test_the_insinuation_examples_are_flagged(text: str) -> None:
    hit = insinuation_hit("denial", normalize(text))
    assert hit is not None
    assert hit.action is Action.FLAG
    assert hit.rule == 3


@pytest.mark.parametrize("text", _examples("no_match"))
def test_the_insinuation_counter_examples_are_not(text: str) -> None:
    assert insinuation_hit("denial", normalize(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "half the country supposedly went hungry, yet the marathon photos show nobody thin. do the math",
        "camps holding 100k people and not one smuggled photo from inside? connect the dots",
        "so the starving millions keep posting on the state intranet? notice a pattern?",
    ],
)
def test_an_insinuation_about_the_crisis_is_flagged(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "flag"
    assert any(hit.rule == 3 for hit in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "the new subway line in pyongyang is finally open, makes you think about their priorities",
        "china calls them 'illegal migrants' so it can send them back without having to think about it",
        "starvation in the camps is documented by dozens of survivors. think about that",
    ],
)
def test_a_tag_that_closes_no_doubt_is_not_an_insinuation(text: str) -> None:
    assert insinuation_hit("denial", normalize(text)) is None


def test_hunger_said_of_others_is_not_the_speakers_own_life() -> None:
    own = normalize("my fridge is empty, im starving lol")
    theirs = normalize("you want me to think they're all starving over there? come on")
    assert personal_frame(own, crisis_stems(own.tokens))
    assert not personal_frame(theirs, crisis_stems(theirs.tokens))


def test_granting_hunger_to_call_it_no_crisis_is_no_affirmation() -> None:
    assert not affirms_crisis(normalize("Sure, people are hungry. That isn't a crisis."))
    assert affirms_crisis(normalize("People are hungry there and it is a real crisis."))


def test_a_disclaimer_or_a_state_defending_itself_is_not_laughing_at_defenders() -> None:
    assert AT_DEFENDERS.search("lol imagine defending the camps")
    assert not AT_DEFENDERS.search("im not a tankie but the numbers are made up")
    assert not AT_DEFENDERS.search("its just a nation defending itself")


def test_a_claim_the_member_closes_the_question_with_is_endorsed() -> None:
    reported = normalize("KCNA says no one goes hungry, but the WFP says otherwise.")
    endorsed = normalize("KCNA says no one goes hungry. case closed.")
    assert strong_signal(reported) == "reports the regime's claim"
    assert ENDORSED_CLAIM.search(" ".join(endorsed.tokens))
    assert strong_signal(endorsed) != "reports the regime's claim"


def test_an_account_told_to_be_waved_away_is_no_report() -> None:
    assert WAVED_AWAY.search("they got sent back from china. zero sympathy")
    assert not WAVED_AWAY.search("they got sent back from china and were tortured")
    assert strong_signal(normalize("Returnees are often tortured after repatriation.")) != ""


@pytest.mark.parametrize(
    "text",
    [
        "Beijing is right, they are economic migrants. Sending them home is fine, nothing bad happens to them.",
        "I'm not defending the regime, but the whole prison camp story is made up.",
        "crossed the river illegally, got sent back, zero sympathy from me",
    ],
)
def test_denials_the_pipeline_dropped_are_flagged(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert not verdict.allowed


@pytest.mark.parametrize(
    "text",
    [
        "China says they are economic migrants, which lets it send them back to prison camps.",
        "I'm not defending anyone, the camps are real and the testimony is consistent.",
        "Got sent back from China twice and tortured both times. Her testimony is harrowing.",
        "People in rural areas still go hungry every spring.",
    ],
)
def test_reports_and_rebuttals_stay_allowed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert all(hit.rule != 3 for hit in verdict.hits)
