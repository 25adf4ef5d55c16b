"""Rule 3, round 10: statements about work and a group's rights are outside rule 3's scope;
a bare dismissal of an account of the crisis ('cope', 'ok and?') is flagged; a denial said
inside a contrast or a sarcastic frame is flagged, never removed. Cases written for these
tests, not taken from the training or development files."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_scope import elsewhere, framed
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

ENGINE = ModerationEngine()


def rule3(text: str) -> list[tuple[str, Action]]:
    hits = ENGINE.check(MessageInput(text=text)).hits_for_rule(3)
    return [(hit.reason, hit.action) for hit in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Migrant workers on the farms here deserve the same labour protections as anyone.",
        "Warehouse workers keep getting injured and the union wants an inquiry.",
        "Disabled people should have the same access to jobs as everyone else.",
        "Survivors of sexual assault should be believed and supported.",
        "Victims of domestic abuse need more shelters in this city.",
    ],
)
def test_work_and_rights_statements_are_outside_rule_3(text: str) -> None:
    assert elsewhere(normalize(text))
    assert rule3(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # North Korea, or a crisis word only it uses, keeps a message in scope.
        "Workers in North Korea's labour camps are fine, they get fed and paid.",
        "the defectors should get nothing, they are liars",
        # Words of denial or blame keep it in scope, whatever else it names.
        "the victims had it coming, support them? no thanks",
        "those prisoners deserve hard labour, the workers who snitched too",
        # Naming a group without a rights statement is not enough.
        "gay men in the camps? propaganda lol",
    ],
)
def test_the_scope_check_leaves_the_crisis_and_denial_in_scope(text: str) -> None:
    assert not elsewhere(normalize(text))


@pytest.mark.parametrize(
    "answer",
    ["cope", "ok and?", "sure buddy", "mid fanfic lol", "yawn. next", "cool story bro"],
)
def test_a_bare_dismissal_of_an_account_is_flagged(answer: str) -> None:
    text = f"> My grandmother lost two sons to hunger in 1996\n{answer}"
    assert [action for _, action in rule3(text)] == [Action.FLAG]


@pytest.mark.parametrize(
    "text",
    [
        # Sympathy, agreement and source questions are not dismissals.
        "> My grandmother lost two sons to hunger in 1996\nso sorry",
        "> My grandmother lost two sons to hunger in 1996\nsource?",
        "> My grandmother lost two sons to hunger in 1996\nsame, my uncle too",
        # Answering a denial, the regime's claim or another subject dismisses that.
        "> the hunger in the 90s never happened\ncope",
        "> KCNA says every child gets milk at school\nsure buddy",
        "> the U-23 side won 3-0 last night\nmid lol",
    ],
)
def test_other_short_replies_are_not_dismissals_of_an_account(text: str) -> None:
    assert not any("waves away an account" in reason for reason, _ in rule3(text))


@pytest.mark.parametrize(
    "text",
    [
        "You can criticise one defector without implying the camps are made up.",
        "yeah sure, the prison camps are a hoax, and the satellites photograph clouds",
        "Every time someone mentions the camps a guy shows up to say they are fake.",
    ],
)
def test_a_framed_denial_is_never_removed(text: str) -> None:
    assert framed(normalize(text))
    assert all(action is not Action.REMOVE for _, action in rule3(text))


def test_a_plain_denial_still_removes() -> None:
    text = "The prison camps are a complete fabrication, nobody was ever locked up there."
    assert not framed(normalize(text))
    assert rule3(text) and rule3(text)[0][1] is Action.REMOVE
