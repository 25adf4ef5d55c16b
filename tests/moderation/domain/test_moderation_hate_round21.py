"""Rule 1's lexical gaps of round 21 (moderation53): regional and derived slurs, 'gay' or 'homo'
as a pejorative for a thing or an act, deficiency claims about a group. Sentences written for
this test, not taken from any training or dev file. Every addition flags only."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


@pytest.mark.parametrize(
    "text",
    [
        # slurs the lexicon did not read (flag_only: never removed)
        "the chinky shopkeeper shortchanged me again",
        "typical intsik landlord, raising the rent every month",
        "ask the aseng, they always know where the money is",
        "the indons next door are loud again",
        "that keling at the counter ignored me",
        "some bencong was running the stall",
        "pondan like him should keep quiet in here",
        "only lezzas would sign up for that rota",
        "bugmen queueing for phones again, no soul at all",
        # epithets with an ordinary sense, read only as person words
        "the depot runs on cheap slant labour",
        "we got stopped by a bunch of slopes at the crossing",
        "the whole yellow lot can go back where they came from",
        # 'gay' or 'homo' as a pejorative of a thing or an act
        "changing the meeting time again is such a gay move",
        "that was the gayest excuse i have heard from the council",
        "quit being gay and pick a side",
        "the new dress code is the most homo thing the club has done",
        # deficiency claims about a group with no list word
        "Mexicans don't value human life the way we do",
        "women dont have the spine for command",
        "Malays can't handle responsibility, everyone knows it",
    ],
)
def test_flagged_not_removed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "flag", (text, verdict.reason)


@pytest.mark.parametrize(
    "text",
    [
        # self-reference in Tagalog and English
        "kaming mga bading sa office, we organised the pride lunch",
        "as a bakla myself, I loved the parade",
        # ordinary senses
        "the ski slopes near the border reopened this week",
        "the slopes below the fence are where the crossings happen",
        "the report has a heavy slant towards the ministry",
        "park in the yellow lot behind the stadium",
        "they finally built a proper dyke after the floods",
        "Homo sapiens reached the peninsula early",
        "my cousin was told to stop being gay by his pastor, he left that church",
        "women dont have the vote in that council until next year",
        "gay couples in Seoul still cannot marry",
        "Malays make up most of the population of that state",
        "the pinoys in our guild won the tournament last night",
    ],
)
def test_ordinary_uses_allowed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "allow", (text, verdict.reason)
