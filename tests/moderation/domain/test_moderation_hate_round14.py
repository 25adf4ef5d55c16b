"""Rule 1's round-14 readings: approval of a group's persecution, agreement with a name someone
called a person, trans identities denied as unreal or a sickness, pronouns in scare quotes, race
science, antisemitic tropes, calls to exclude a group, backhanded praise ('for a X'), jokes whose
punchline is a stereotype, coded hints. None of it removes. And the ok counterparts that must stay
allowed. Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


def _rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


def _outcome(engine: ModerationEngine, text: str) -> str:
    return engine.check(MessageInput(text)).outcome


FLAGGED = [
    "Beijing jailing gay men is the right call honestly, more countries should",
    "the regime sending lesbians to labour camps is one thing they got right",
    "state TV called the senator an ape and tbh they weren't wrong",
    "genderfluid isn't real, it's attention seeking",
    "transgenderism is a mental illness, end of story",
    "genderfluid is a delusion, nothing more",
    "my coworker wants 'they' now lol, you're a dude, pick one",
    "Vietnamese have the genes for obedience, that's why the party lasts",
    "those two peoples were bred apart so long they're a separate race now",
    "the rothschilds fund both sides of every war on the peninsula",
    "the zionists own half of congress, look it up",
    "the holocaust was hugely exaggerated and everyone knows it",
    "Japan had it right, we should get rid of the Filipinos too",
    "no more Africans into Korea, the country is full",
    "you're pretty smart for a Filipino, honestly",
    "for a woman she's surprisingly good at strategy",
    "Thai girls make great wives because they actually obey",
    "the new Korean place downtown serves stray cats lol",
    "Mexicans and a work ethic? you know what i mean",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_round14_contempt_is_flagged(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text)


# Round 15: 'we should get rid of the Filipinos too' is removed by threat-02 ('get rid of' a
# group), now that the statement model refitted on writers A-P agrees (p 0.51 >= 0.5); round
# 14's own records still only flag it.
@pytest.mark.parametrize("text", [t for t in FLAGGED if "get rid of the Filipinos" not in t])
def test_round14_contempt_only_flags(engine: ModerationEngine, text: str) -> None:
    assert _outcome(engine, text) != "remove"


@pytest.mark.parametrize(
    "text",
    [
        # persecution reported or condemned, approval of something else
        "it is horrifying that Beijing jails gay men, the world should say so",
        "the regime sending lesbians to labour camps is monstrous",
        "banning the parade route was the right call, the bridge was unsafe",
        # trans people's identities affirmed, transphobia denied
        "genderfluid people aren't confused, they know who they are",
        "being trans isn't a mental illness, the WHO says so",
        "my coworker asked us to use 'they' now, easy enough",
        # genetics and Jewish history without a trope
        "the gene for lactose tolerance spread with dairy farming",
        "Jews don't control the banks, that's an old conspiracy theory",
        "the holocaust museum in Berlin is worth a visit",
        # exclusion denied, praise with no 'for a X'
        "I don't think we should deport anyone who fled the famine",
        "you're pretty smart, honestly, thanks for the sources",
        "the Korean place downtown has a cat that sleeps by the door",
        "Japan's government milked the abductee issue, call it what it is",
    ],
)
def test_round14_ok_is_allowed(engine: ModerationEngine, text: str) -> None:
    assert not _rule1(engine, text)
