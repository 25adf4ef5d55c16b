"""Rule 1's round-11 readings: incapacity and 'place' said of a group, contempt kept in a
rhetorical question, identity mockery with no group name, and replies: a reply whose own lines
name a group is judged on them, one whose quote is neutral speaks about what it quotes. And the
ok counterparts that must stay allowed. Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


def _rule1(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


@pytest.mark.parametrize(
    "text",
    [
        "Estonian girls can't navigate a car park, never could",
        "honestly Latvians will never understand naval tactics lol",
        "the trouble started when Uzbeks forgot their place",
        "the old regime at least kept the Roma in their lane",
        "a woman's place is at the stove, end of discussion",
        "Kurds should just stick to cooking and leave politics alone",
        "why do lesbians have to ram their flags down our throats every summer",
        "why won't Uzbeks ever shut up about their holidays",
        "Latvians think being offended is a personality",
        "I sexually identify as a fighter jet",
        "their pronouns are war/crime 🤡",
        "> the new ambassador is an Uzbek woman\nno wonder the talks went nowhere lol",
    ],
)
def test_round11_contempt_is_flagged(engine: ModerationEngine, text: str) -> None:
    assert _rule1(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Uzbeks can't navigate there without a guide, the roads are unmarked",
        "women can't fight in the front line under the 1990 law, which was repealed",
        "my gran forgot her keys at the market again",
        "a woman's place is wherever she decides, including the general staff",
        "Kurds had to push their carts up the hill every morning to sell bread",
        "my pronouns are she/her, thanks for asking",
        "I identify as a dog person, cats scare me",
        "she identifies as a tank commander in the game, top of the leaderboard",
        "> Latvian women can't do engineering\nmy aunt is a Latvian engineer who designs bridges, so no",
        "> are there Uzbeks in Pyongyang?\na few, mostly diplomats and their families",
        "> Latvians are lazy\nnah, sweeping claims like that are just dumb",
    ],
)
def test_round11_ok_twins_are_allowed(engine: ModerationEngine, text: str) -> None:
    assert not _rule1(engine, text)
