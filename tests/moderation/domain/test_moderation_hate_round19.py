"""Rule 1, round 19 (moderation43): a woman's sex as the reason she fails, women told to leave
a field to men, sex and sexuality words as insults, trans people called sick or two genders
only, and persecution held up as a model. All flagged, never removed; quotes, reports and
negations stay allowed. Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import ModerationEngine
from tests.moderation.verdicts import rule1


@pytest.mark.parametrize(
    "text",
    [
        "the Latvian trade envoy can't bargain, she's a woman, she'll cave by Friday",
        "that Reuters stringer is a woman so i'd wait for a second source",
        "typical female, threatens everyone and then sulks",
        "the spokeswoman must be on her period again, look at that statement",
        "a woman's place is in the kitchen, even in the foreign ministry",
        "leave arms control to the boys, sweetheart",
        "women shouldn't do diplomacy, it needs a cool head",
        "what are you, a girl? it's three paragraphs",
        "quit being such a sissy and read the treaty",
        "that's such a girly take on the missile tests",
        "there are only two genders and the rest is fashion",
        "pronouns are a mental illness, and so is the regime",
        "he/him or whatever that thing wants to be called this week",
        "no pride marches in Pyongyang, and honestly we should copy that",
        "I wish our parliament did what Pyongyang does to gay people",
        "gays should be fixed, not celebrated",
        "women make terrible diplomats, every summit proves it",
        "the envoy takes it up the ass from Moscow",
        "the two premiers can have their gay little honeymoon in Vladivostok",
        "a bunch of limp-wristed fairies in the security council",
        "the only way Kim Yo-jong kept her post is on her knees",
        "Yo-jong needs a strong husband to keep her in line",
        "Ri Sol-ju should be cooking dinner not writing statements",
    ],
)
def test_round19_frames_are_flagged(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text) == {"flag"}, text


@pytest.mark.parametrize(
    "text",
    [
        "not because she's a woman, but she'll struggle without the army behind her",
        "the typical female defector arrives through China in her thirties",
        "she's a woman of her word, she'll keep the ceasefire",
        "leave the analysis to the experts at 38 North",
        "women shouldn't have to risk their lives to cross the Tumen",
        "are you a girl or a boy, the border form asks",
        "my little girl asked about the news tonight",
        "the DPRK recognises only two genders on its identity cards",
        "trans people are not mentally ill, the regime's doctors are wrong",
        "we should copy the South's resettlement centres",
        "I wish the mods did what they promised about spam",
        "the heating in the hostel should be fixed by now",
        "the kitchen in the resettlement dormitory is tiny",
        "Ri Sol-ju was probably at home when the statement came out",
        "none of my trans coworkers are mentally ill",
        "I don't think trans people are mentally ill",
        "'women shouldn't do diplomacy' says the man who lost every negotiation",
        "that 'everyone must copy the leader's coat' story was a hoax",
        "women make up half of the defectors who reach Seoul",
        "Sikhs make wonderful neighbours",
        "my gay friends went on their honeymoon to Jeju",
    ],
)
def test_round19_neighbours_pass(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


def test_a_group_run_together_with_its_region_is_read(engine: ModerationEngine) -> None:
    assert rule1(engine, "southkoreansarevermin honestly")
    assert not rule1(engine, "northkoreansarebrave, read their memoirs")


@pytest.mark.parametrize(
    "text",
    [
        "the Sikhs in that province are suffering and nobody reports it",
        "gay people are struggling in the camps, read the UN report",
        "women are starving in the border towns this winter",
    ],
)
def test_what_befalls_a_group_is_no_contempt(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


def test_a_progressive_verb_of_contempt_still_counts(engine: ModerationEngine) -> None:
    assert rule1(engine, "Sikhs are struggling to be normal lol")
