"""Rule 1's round-13 readings: a mock accent in quote marks (the speaker's caricature), Korean
insults of a group, misgendering by body, voice or scare quotes, a woman's worth reduced to her
body or service, 'gay' as an insult, code words, agreement with a bigoted line, a reporting word
beside a contempt frame, homonym slurs after 'total', 'next'. None of it removes. And the
ok counterparts that must stay allowed. Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


def _rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


def _outcome(engine: ModerationEngine, text: str) -> str:
    return engine.check(MessageInput(text)).outcome


FLAGGED = [
    'the trade envoy at the forum: "vely good deal, numbah one pa" 🤣',
    '"lussia and nolth kolea best fliends" lol',
    "탈북자 새끼들은 다 똑같음",
    "게이들은 정신병자임",
    "여자가 무슨 지도자야 ㅋㅋ",
    "the vice minister is obviously a dude, check the shoulders lmao",
    "our new admin says she's a woman, sure, listen to that voice lol",
    "it/its is all those freaks get from me",
    "women exist to serve men, that's just how it is",
    "a wife's only value is her body, sorry not sorry",
    "that treaty is gay and so are you",
    "the new flag design? gay.",
    "what a queer, real men read defector memoirs",
    "the mods are total homos lol, deleting my posts again",
    "whoever wrote that guide is a total faggot",
    "next tranny that joins gets banned",
    "funny how senators with certain last names always vote the same",
    'the ministry called the migrants "barbarians" and for once they\'re right',
    "> the Chinese are all thieves\nsay it louder for the people in the back",
    "what's the point of educating girls if they marry at 20 anyway?",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_round13_contempt_is_flagged(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text)


@pytest.mark.parametrize("text", FLAGGED)
def test_round13_contempt_only_flags(engine: ModerationEngine, text: str) -> None:
    assert _outcome(engine, text) != "remove"


@pytest.mark.parametrize(
    "text",
    [
        # quotes that are no caricature, Korean that insults nobody
        'the envoy said "very sorry, no data" and left',
        "탈북자 지원 예산이 또 줄었다",
        "연변 조선족 식당 진짜 맛있음",
        # bodies, voices and pronouns that misgender nobody
        "the vice minister is a man with broad shoulders and a deep voice",
        "mira asked us to use 'she' now, please respect that",
        "women exist in every ministry now, even in Pyongyang",
        # 'gay', 'homo' and slurs in innocent or reclaimed use
        "Homo sapiens crossed the land bridge long ago",
        "as a gay guy myself, the pride march in Seoul was lovely",
        "my tranny is slipping again, the mechanic says it's the fluid",
        # endorsement of a line that insults no group
        'KCNA called the sanctions "cruel" and for once they\'re right',
        "what's the point of educating officials who never read the reports?",
    ],
)
def test_round13_ok_is_allowed(engine: ModerationEngine, text: str) -> None:
    assert not _rule1(engine, text)
