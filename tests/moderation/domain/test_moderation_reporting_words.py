"""Reporting words (data/attribution_reporting.json): a message that describes what someone
else said or did reports it; the speaker's own description still asserts."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.attribution import attribution, speaker_attribution
from bot.moderation.domain.normalize import normalize


def _never(_own: str) -> bool:
    return False


@pytest.mark.parametrize(
    "text",
    [
        "The court filing describes a man yelling that the neighbours should be strung up",
        "the paper described two teens chanting at a mosque door",
        "My aunt recounts how a drunk on the tram screamed at her family",
        "Police reported a man threatening the shop owners with a knife",
        "A neighbour witnessed the driver spit at the women",
        "we witnessed a crowd chanting outside the shelter",
        "The piece details how the gang harassed refugees for weeks",
        "a bystander was heard shouting at the families to go home",
    ],
)
def test_reporting_words_make_a_report(text: str) -> None:
    assert attribution(normalize(text), narration=True) == "report"
    assert speaker_attribution(normalize(text), _never) == "report"


@pytest.mark.parametrize(
    "text",
    [
        "I described them as rats and I stand by it",
        "they are best described as parasites",
        "that lot can only be described as animals",
        "the reports are fake and so is the whole story",
        "the quotes in this thread are wild",
        "the plan as described would never pass the council",
        "the economist the paper quoted lives in Busan",
        "two eyewitnesses came forward yesterday",
    ],
)
def test_the_speakers_own_description_is_no_report(text: str) -> None:
    assert attribution(normalize(text), narration=True) == ""


def test_rule3_reads_without_reporting_verbs() -> None:
    # A denial names what a report describes; rule 3's reading stays the speaker's own.
    text = "the inquiry describes prison camps that were never there"
    assert attribution(normalize(text)) == ""
    assert attribution(normalize(text), narration=True) == "report"


@pytest.mark.parametrize(
    "text",
    [
        "The local paper describes a man shouting that all Muslims should be burned alive",
        "The report recounts a guard screaming that Jews should be shot",
    ],
)
def test_rule1_does_not_remove_a_report_of_a_threat(text: str) -> None:
    assert ModerationEngine().check(MessageInput(text=text)).outcome != "remove"


def test_rule1_still_acts_on_the_speakers_own_description() -> None:
    text = "Muslims are best described as vermin and should be burned alive"
    assert ModerationEngine().check(MessageInput(text=text)).outcome != "allow"
