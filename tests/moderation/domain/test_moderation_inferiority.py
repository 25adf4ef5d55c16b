"""Rule 1's inferiority predicates and group names of round 21 (issue 14): a capacity, a place
or an identity denied to a group is flagged (never removed); denied, reported or treated as
what others think, it is not. Sentences written for this test, not taken from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_lexicon import load_lexicon
from bot.moderation.domain.hate_reading import own_valences
from bot.moderation.domain.statement_forms import inferior, inferior_claim
from bot.moderation.domain.statements import read_clause


def _outcome(engine: ModerationEngine, text: str) -> str:
    return engine.check(MessageInput(text=text)).outcome


@pytest.mark.parametrize(
    "text",
    [
        "Honestly women are too emotional to run a country.",
        "Gay men just can't handle real responsibility.",
        "Muslims don't belong in our police force.",
        "Girls should stay in the kitchen and out of parliament.",
        "Trans women are not real women and never will be.",
        "Africans are incapable of running a modern economy.",
        "Koreans simply lack the intelligence for invention.",
        "women leaders are always more cruel, everyone knows it",
        "those asiatic hordes are too primitive to govern themselves",
        "Women cannot be trusted with command, full stop.",
    ],
)
def test_an_inferiority_claim_about_a_group_is_flagged_not_removed(
    engine: ModerationEngine, text: str
) -> None:
    assert _outcome(engine, text) == "flag"


@pytest.mark.parametrize(
    "text",
    [
        "I don't think women are too emotional to lead.",
        "Who says women can't lead? Plenty have.",
        "The state media treats gay people as a mental illness, which is cruel.",
        "Women in the North are seen as unfit to lead by the party elders.",
        "Uzbeks can't drive into the city since the new rule.",
        "Women leaders like Choe Son Hui now run the foreign ministry.",
    ],
)
def test_denied_reported_or_unrelated_uses_are_allowed(engine: ModerationEngine, text: str) -> None:
    assert _outcome(engine, text) == "allow"


def test_inferior_reads_after_the_group_and_respects_a_negator() -> None:
    assert inferior(["are", "too", "emotional", "to", "lead"]) == "too emotional to lead"
    assert inferior(["are", "not", "too", "emotional", "to", "lead"]) == ""
    assert inferior(["don't", "belong", "in", "the", "army"]) == "don't belong in"
    assert inferior(["like", "a", "mental", "illness"]) == ""  # a comparison, what others do
    assert inferior_claim(["they", "call"], ["a", "disease"]) == ""


def test_read_clause_marks_inferiority_as_contempt_and_its_denial_as_denied() -> None:
    extra = own_valences(load_lexicon())
    said = read_clause("qqg can't handle the pressure", "women", extra)
    assert said is not None and said.contempt
    denied = read_clause("i don't think qqg can't lead", "women", extra)
    assert denied is not None and not denied.contempt and denied.denies_negative
