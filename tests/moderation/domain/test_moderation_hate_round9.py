"""Rule 1's round-9 readings: coded references beside a derogatory claim, predicate classes of
implicit derogation (burden, danger, filth, not belonging), backhanded praise, joke templates and
politely hedged generalisations; and the ok counterparts that must stay allowed (negations,
counter-speech, warm statements, look-alike phrasings). Cases written for these tests, not from
any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


@pytest.mark.parametrize(
    "text",
    [
        "the burglaries began the week those new arrivals settled on our road",
        "a certain community always seems to end up running the banks",
        "kids like that shouldn't be born, everyone knows it",
        "Lithuanians just live off benefits and never pay their way",
        "Somalis cause trouble wherever they go",
        "Romanians smell like wet dogs",
        "why do Nigerians always blow things up",
        "Sikhs don't belong here and never will",
        "women simply aren't built for command",
        "you're one of the good Pakistanis, not like the rest of them",
        "he's alright for a Pakistani guy, at least he showers",
        "for a deaf guy she's surprisingly clever",
        "how many Somalis does it take to fix a car? none, they steal a new one",
        "what do you call a Nigerian with a job? a myth",
        "Romanians and paying taxes, name a more iconic disaster",
        "why do Pakistanis run so fast? practice stealing bikes 😂",
        "no offence, but Nigerians tend to be lazy",
        "with respect, women are naturally less capable at maths",
        "I say this kindly, but gay men are usually just confused",
        "she's Muslim but actually pretty chill, for once",
        "Sikhs out of parliament",
        "no more Somalis",
        "I'm not racist, but Nigerians tend to be loud",
        "why do Romanians never shower",
    ],
)
def test_implicit_and_coded_hate_is_caught(engine: ModerationEngine, text: str) -> None:
    assert any(h.rule == 1 for h in engine.check(MessageInput(text)).hits)


@pytest.mark.parametrize(
    "text",
    [
        "the new arrivals opened a bakery and the bread is lovely",
        "those new arrivals were targeted by thugs, which is disgusting",
        "Lithuanians don't live off benefits, that's a myth",
        "Somalis don't cause trouble, the data shows the opposite",
        "Romanian cooking smells wonderful",
        "Sikhs belong here as much as anyone else",
        "you're one of the kindest people I know",
        "that was alright for a first attempt",
        "what do you call a person from Kaesong?",
        "my Romanian mate burned the toast again lol",
        "no offence, but the new timetable is confusing",
        "with respect, I think the article gets the dates wrong",
        "Muslims are wonderful neighbours",
        "I love my trans sister and she is brilliant",
        "Immigrants make this country stronger",
        "no more dead Somalis at sea, fund the rescue boats",
        "it's cold but actually nice out",
        "I'm not racist and I think Nigerians are great neighbours",
    ],
)
def test_ok_counterparts_are_allowed(engine: ModerationEngine, text: str) -> None:
    assert not [h for h in engine.check(MessageInput(text)).hits if h.rule == 1]


def test_a_new_frame_only_flags(engine: ModerationEngine) -> None:
    """The round-9 records never remove: a moderator decides."""
    verdict = engine.check(MessageInput("no offence, but Nigerians tend to be lazy"))
    assert verdict.outcome == "flag"
    verdict = engine.check(MessageInput("Somalis cause trouble wherever they go"))
    assert verdict.outcome == "flag"


def test_a_denied_way_of_living_is_no_threat(engine: ModerationEngine) -> None:
    """'X don't live off benefits' denies a stereotype; threat-05 reads 'don't live' only as
    'should not live', never before 'off', 'in', 'near' and the like."""
    verdict = engine.check(MessageInput("Latvians don't live near the coast, mostly inland"))
    assert verdict.outcome != "remove"
