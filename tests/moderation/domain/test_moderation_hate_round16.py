"""Rule 1, rounds 15b-16: an insult through sex, gender or sexuality aimed at one person
(records gendered-01, gendered-02 and sexuality-01, read with hate_referent) is flagged, never
removed, when the message names who it is aimed at; crude chat that names no woman, a man's
hyphenated name, a female dog, a slur quoted or condemned, and 'son of a bitch' about a thing
are left alone. Cases written for these tests, not from any data file."""

from __future__ import annotations

import re

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine, hate_referent
from bot.moderation.domain.hate_referent import aimed_at_woman


@pytest.mark.parametrize(
    "text",
    [
        "Ri Sol-ju is nothing but a gold-digging whore",
        "honestly Choe Son-hui is such a bitch in every press conference",
        "the new spokeswoman is a lying slut",
        "Yojong = stupid bitch",
        "Choe Son-hui is a lying wh0re",
        "the first lady is a c*nt",
        "they hired some stupid broad to host the concert",
        "the foreign minister's wife is an ugly old hag",
        "the ministry spokeswoman is the regime's favourite cunt",
        "Madam Hyon is a two-faced whore who sold out her band",
        "Ju-ae will need a good dicking before they let her rule",
        "the first lady slept her way into the palace",
        "Putin's new boyfriend Kim arrived by armoured train",
        "xi is gonna be a pillow biter after this summit",
        "that trade deal is so gay lmao",
    ],
)
def test_insult_through_sex_at_one_person_is_flagged(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "flag", (text, verdict.reason)
    assert verdict.rule == 1


@pytest.mark.parametrize(
    "text",
    [
        "our collie is a champion bitch, she won best in show",
        "son of a bitch, the train to Dandong was cancelled again",
        "life's a bitch and then the sanctions hit, she wrote",
        "calling her a 'whore' in the headline was vile misogyny",
        "nobody should call her a bitch for doing her job",
        "she isn't a slut, she's a singer with a career",
        "she was bitching about the visa office all week",
        "this lock is a bitch to open, she said",
        "the report paints the reforms in broad strokes, she notes",
        "lmao shut up bitch",
        "bitch please, the game was rigged",
        "she planted beans with a hoe in the garden",
        "Kim Jong-un is a fat coward and a liar",
        "she wrote the report. The other guy at the ministry is a total bitch about deadlines",
        "she's a bad bitch and I love her",  # a pronoun names no one (PRONOUN_REACH 0)
        "the regime is getting fucked by sanctions",
        "I'm so gay for this new K-drama soundtrack",
        "gay rights do not exist in the DPRK",
        "Kim's wife Ri Sol-ju attended the concert",
        "she worked her way up the foreign ministry",
    ],
)
def test_look_alikes_are_allowed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "allow", (text, verdict.reason)


SLUR = re.compile(r"(?P<p>bitch)")


@pytest.mark.parametrize(
    ("plain", "woman"),
    [
        ("kim yo jong is a bitch", True),  # a woman of the news, without the hyphen
        ("yojong is a bitch", True),
        ("kim jong-un is a bitch", False),  # a hyphen does not make a name a woman's
        ("choe ryong-hae is a bitch", False),  # unknown: not a woman
        ("you are a bitch", False),  # addressed, gender unknown
        ("@mira is a bitch", False),
        ("she is a bitch", False),  # a pronoun names no one (shipped PRONOUN_REACH 0)
        ("she said the new guy in accounting over there is a bitch", False),
        ("the spokeswoman left. that guy is a bitch", True),  # a title names her anywhere
    ],
)
def test_referent(plain: str, woman: bool) -> None:
    match = SLUR.search(plain)
    assert match is not None
    assert aimed_at_woman(plain, match) is woman


@pytest.mark.parametrize(
    ("plain", "woman"),
    [
        ("she is a bitch", True),
        ("his wife is a bitch", True),
        ("she said the new guy in accounting over there is a bitch", False),  # out of reach
        ("she left. he is a bitch", False),  # another sentence
    ],
)
def test_pronoun_reach_when_on(monkeypatch: pytest.MonkeyPatch, plain: str, woman: bool) -> None:
    monkeypatch.setattr(hate_referent, "PRONOUN_REACH", 6)
    match = SLUR.search(plain)
    assert match is not None
    assert hate_referent.aimed_at_woman(plain, match) is woman
