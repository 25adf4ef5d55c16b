"""Rule 1's round-8 readings: hedges that are no counter-speech, frames for implicit derogation,
conspiracy, 'by nature' stereotypes and jokes, and the statement reading of backhanded verdicts
(cases written for these tests, not from any data file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_context import counter_speech, hedged
from bot.moderation.domain.hate_rules import frame_patterns
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.statements import read_clause


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


def rule1(engine: ModerationEngine, text: str) -> list[tuple[str, str]]:
    """(action, record) of rule 1's hits on ``text``."""
    return [
        (h.effective_action.value, h.record)
        for h in engine.check(MessageInput(text)).hits
        if h.rule == 1
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I'm just saying, Estonians are all thieves",
        "not saying it's proven, but the Basques planned the floods",
        "Is it racist to say Flemish people have no taste?",
        "it's not racism if it's true, Walloons are lazy",
        "no offence but Sikhs drive like maniacs",
    ],
)
def test_a_hedge_is_no_counter_speech(text: str) -> None:
    plain = normalize(text).plain
    assert hedged(plain)
    assert not counter_speech(plain).any


@pytest.mark.parametrize(
    "text",
    [
        "It's wrong to say Estonians are thieves",
        "saying Basques are lazy is plain racism",
        "I'm not saying Sikhs are bad drivers, I never said that",
    ],
)
def test_counter_speech_outside_a_hedge_still_counts(text: str) -> None:
    assert counter_speech(normalize(text).plain).any


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("two Albanians sat next to me on the tram, kept my hand on my wallet", "implicit-01"),
        ("new Moldovan family on the street, better lock your doors", "implicit-01"),
        ("give the Hungarians control of the budget and watch it vanish", "implicit-02"),
        ("the whole district went downhill once the Kurds arrived", "implicit-02"),
        ("Bulgarians just live off our taxes", "implicit-03"),
        ("the Tamils moved in and the bins overflowed, funny how that works", "implicit-04"),
        ("the Druze are quietly taking over the council", "conspiracy-01"),
        ("Mennonites want to outbreed everyone else in the valley", "conspiracy-01"),
        ("Uzbeks are cunning by nature, always were", "stereotype-01"),
        ("Belgians are born to be servants, it's what they're good at", "stereotype-01"),
        ("knock knock. who's there? a Latvian. a Latvian who? exactly, nobody cares", "joke-01"),
        ("why do Croatians carry ladders? because they can't reach anything lol", "joke-01"),
        ("the day the Kurds moved in upstairs we put the flat on the market", "implicit-05"),
        ("I would never let my son marry a Hungarian", "implicit-06"),
        ("keep those Albanian kids away from my children", "implicit-06"),
        ("quite articulate for a Somali, I was surprised", "implicit-07"),
        ("Latvia for Latvians, nobody else", "dogwhistle-03"),
    ],
)
def test_round8_frames_flag(engine: ModerationEngine, text: str, record: str) -> None:
    hits = rule1(engine, text)
    assert hits, text
    assert all(action == "flag" for action, _ in hits), hits  # frames never remove
    found = frame_patterns().find(normalize(text).plain, frozenset(normalize(text).tokens), True)
    assert found is not None and found[0].id == record


@pytest.mark.parametrize(
    "text",
    [
        "Uzbeks aren't cunning by nature, that's an old slur",
        "No, the Druze don't secretly run the council, that's a conspiracy myth",
        "a Czech, a Slovak and a Pole walk into a bar and argue about beer all night",
        "I left my wallet at the Albanian restaurant, the owner ran after me with it",
        "why do Croatians love the coast? because it's beautiful",
        "Belgians are born storytellers and lovely hosts",
        "my sister married a Hungarian and we adore him",
        "I have no problem with Albanian kids playing near my children",
        "we moved house in May, the new Kurdish neighbours brought us soup",
    ],
)
def test_round8_frames_leave_these_alone(engine: ModerationEngine, text: str) -> None:
    ours = ("implicit-", "conspiracy-", "stereotype-", "joke-", "dogwhistle-03")
    assert not [r for _, r in rule1(engine, text) if r.startswith(ours)]


def test_a_frame_stands_although_its_words_read_as_praise(engine: ModerationEngine) -> None:
    # 'good at' is praise to the statement reading; the frame says what the message means.
    assert rule1(engine, "Belgians are born to be servants, it's what they're good at")


@pytest.mark.parametrize(
    ("clause", "contempt"),
    [
        ("why are north qqg such mindless fools", True),  # an adjective between copula and group
        ("qqg are only good at copying others", True),  # a backhanded verdict
        ("qqg are good at chess", False),
        ("why are some qqg so generous", False),
        ("qqg should be paid the same as qqg", False),  # equality, not contempt
    ],
)
def test_statement_reading_of_questions_and_backhanded_verdicts(
    clause: str, contempt: bool
) -> None:
    said = read_clause(clause, "them")
    assert said is not None
    assert said.contempt is contempt, said


@pytest.mark.parametrize(
    ("clause", "denies_positive", "denies_negative"),
    [
        ("who actually thinks qqg are honest", True, False),  # asked of no one: they are not
        ("who actually thinks qqg are dishonest", False, True),  # ... nor are they this
        ("who else thinks qqg are honest", False, False),  # seeks company: said, not denied
    ],
)
def test_a_rhetorical_who_denies_what_follows(
    clause: str, denies_positive: bool, denies_negative: bool
) -> None:
    said = read_clause(clause, "them")
    assert said is not None
    assert (said.denies_positive, said.denies_negative) == (denies_positive, denies_negative), said
