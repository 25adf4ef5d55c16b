"""Rule 1's round-12b readings: romanised Korean slurs (flagged, never removed), a trans person's
gender denied with no group name, a woman insulted through her sex, 'gay' as an insult,
incapacity of running a state, serious work left to men, a person attacked through an identity.
And the ok counterparts that must stay allowed. Cases written for these tests, not from any
data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


def _rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


@pytest.mark.parametrize(
    "text",
    [
        "왜놈들은 다 똑같아",
        "쪽바리새끼들 또 시작이네",
        "sorry sweetie, you'll never be a real man, whatever the clinic says",
        "born a male, stays a male, end of story",
        "the envoy and her trans 'girls' again",
        "those influencers are confused men cosplaying as ladies",
        "Hyon Song-wol is a dumb broad with a microphone",
        "the vice minister should go back to the kitchen, she's useless",
        "that treaty signing was the gayest photo op of the decade",
        "the new mod is a closeted homo, watch",
        "Estonian women can't run a nation, full stop",
        "women in the thread should leave the artillery talk to the men",
        "who let you out of the zoo to post about Korea",
        "the analyst is a Muslim, so of course he spins it",
        "lol my pronouns are attack helicopter",
    ],
)
def test_round12b_contempt_is_flagged(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # Korean words that romanise close to a slur, and a slur reported in quote marks
        "굶는 사람이 많다는 소문은 다 장사 속셈이다",
        "my colleague keeps saying 'jjokbari' about tourists and I hate it",
        # bodies, kitchens and wigs that insult nobody
        "my dog had a litter, she's a good bitch and a great mum",
        "she cooked for the delegation in the kitchen of the embassy",
        "the man with a wig shop in Dandong sells to traders",
        "she was born a woman in Hamhung and died in Seoul",
        "Homo sapiens reached the peninsula long ago",
        "the attack helicopter joke was never funny, it's a way to mock trans people",
        "we went back to the desert for another week of hiking",
        "diplomats can't travel freely, so of course they see little",
    ],
)
def test_round12b_ok_is_allowed(engine: ModerationEngine, text: str) -> None:
    assert not _rule1(engine, text)


def test_korean_slur_is_flagged_not_removed(engine: ModerationEngine) -> None:
    verdict = engine.check(MessageInput("짱깨새끼들 전부 꺼져"))
    assert verdict.outcome == "flag"
