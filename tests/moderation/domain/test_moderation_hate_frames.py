"""Rule 1's group names and statement frames added in round 6: groups named by a two-word
adjective or a condition, starred-out slurs, slurs in a crowd, jokes, made-up statistics,
collective blame and calls to exclude (cases written for these tests, not from any data file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import ModerationEngine
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.hate_rules import frame_patterns
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.rulebook import PatternRecord
from tests.moderation.verdicts import rule1


@pytest.fixture(scope="module")
def detector() -> HateDetector:
    return HateDetector()


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("People with epilepsy are a burden", "qqg are a burden"),
        ("The mentally ill are animals", "qqg are animals"),
        ("Non-binary is fake", "qqg is fake"),
        ("Special needs kids are useless", "qqg are useless"),
        ("Dyslexics are morons", "qqg are morons"),
    ],
)
def test_groups_named_by_phrases_are_tagged(detector: HateDetector, text: str, clause: str) -> None:
    assert detector.tagged_clauses(text) == [clause]


def test_a_two_word_adjective_after_a_copula_is_what_is_said(detector: HateDetector) -> None:
    # 'are not mentally ill' says something of the group; it names none.
    assert detector.tagged_clauses("Trans folks are not mentally ill") == [
        "qqg are not mentally ill"
    ]
    assert detector.tagged_clauses("the North Korean army is huge") == [
        "the north korean army is huge"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "people with autism are freaks and should be kept away from normal kids",
        "Dwarfs are vermin",
        "what do you call a Nigerian with a laptop? a scammer",
        "Two Hindus walk into a bar and nobody can breathe",
        "Pakistanis commit 90 percent of the thefts here",
        "Hindus have lower IQs, it is what it is",
        "every Turk shares the blame for it",
        "ban Somalis from this server",
        "Syrians out",
        "look at this bunch of chinks in the comments",
        "the k*kes run the banks",
    ],
)
def test_new_frames_are_caught(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text), text


@pytest.mark.parametrize(
    "text",
    [
        "People with epilepsy deserve better care in the DPRK",
        "the mentally ill in North Korea get no treatment at all",
        "Immigrants make up 5 percent of the population",
        "ban spammers from this server",
        "How many people does it take to run a ministry there?",
        "Asian parents get a bad rap but mine were lovely",
        "found a chink in the armour of their argument",
        "what the f*ck is going on in Pyongyang",
        "Trans folks are not mentally ill",
    ],
)
def test_neutral_and_kind_phrasings_pass(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


def test_only_the_slurs_a_star_spells_unambiguously_are_read(detector: HateDetector) -> None:
    assert detector.tagged_clauses("k*kes everywhere") == ["qqs everywhere"]
    # 'd*mn' spells no group or slur; 'n***s' could be several words.
    assert detector.tagged_clauses("d*mn n***s") == ["d*mn n***s"]


@pytest.mark.parametrize(
    "text",
    [
        "It's not true that deaf people can't hold a job",
        "it is a myth that Hindus are dirty",
        "Nobody should believe Haitians are criminals",
        "Anti-Filipino hate on this server has to stop",
        "Not all Syrian refugees are dangerous, that kind of fearmongering hurts everyone",
    ],
)
def test_denied_claims_and_stances_pass(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


@pytest.mark.parametrize(
    "text",
    [
        "It's not racist to say Somalis are lazy",
        "Hindus are dirty, that's not bigotry, it's just facts",
        "I'm not being sexist but women are too emotional to lead",
    ],
)
def test_a_disclaimer_does_not_excuse_a_stereotype(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text), text


@pytest.mark.parametrize(
    "text",
    [
        'My uncle was called a "spic" at work for years',
        "a raccoon, or a coon as we said back home, got into the trash",
        "the spooks at the agency missed the whole purge",
        "People who hate Hindus are scum",
        "Uzbeks can't drive into the city since the new rule",
    ],
)
def test_mentions_objects_and_other_senses_pass(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Trans men are just women having fun in fake beards",
        "the Iranians deserve a few nukes",
        "Somalis can't integrate anywhere they go",
        "the Mormons secretly control the banks",
        "men are naturally superior and women exist to cook for them",
        "I'd love to see every Afghan in this town deported",
        "those spics are vermin",
    ],
)
def test_round6_statements_are_caught(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text), text


def test_what_is_said_of_a_relative_clause_subject_is_not_removed(
    engine: ModerationEngine,
) -> None:
    # The statement model may still flag it for a moderator; no statement record removes it.
    assert "remove" not in rule1(engine, "Smugglers who sell refugee kids are vermin")


def test_a_slur_used_outside_quote_marks_still_counts(engine: ModerationEngine) -> None:
    assert rule1(engine, "shut up, you spic")
    assert not rule1(engine, "he kept saying 'spic' like it was nothing, so I reported him")


FRAMES = frame_patterns().records


@pytest.mark.parametrize(
    ("record", "text", "expected"),
    [
        pytest.param(record, text, expected, id=f"{record.id}-{expected}-{i}")
        for record in FRAMES
        for expected, texts in ((True, record.must_match), (False, record.must_not_match))
        for i, text in enumerate(texts)
    ],
)
def test_frame_record_examples(record: PatternRecord, text: str, expected: bool) -> None:
    """Frame records read the plain text of the whole message."""
    assert (record.regex.search(normalize(text).plain) is not None) is expected, record.id


@pytest.mark.parametrize(
    "text",
    [
        "the new desk editor is a Sikh, no wonder the coverage is slanted",
        "Of course the Somali was the one who got arrested",
        "Is it just me or are Somalis genetically lazy?",
        "aren't Hindus a bit too primitive for democracy?",
        "Is it wrong to think Afghans are a drain on the rest of us?",
    ],
)
def test_blame_frames_and_asked_stereotypes_are_flagged(
    engine: ModerationEngine, text: str
) -> None:
    assert rule1(engine, text) == {"flag"}, text


@pytest.mark.parametrize(
    "text",
    [
        "the new desk editor is a Sikh and the coverage got better",
        "Are Uzbeks allowed to work in Seoul?",
        "Were there any Somalis in the 1966 World Cup crowd?",
        "Is it racist to call Koreans gooks?",
        "nobody should call the new Sikh analyst a diversity hire without a reason",
    ],
)
def test_neutral_questions_and_mentions_pass(engine: ModerationEngine, text: str) -> None:
    assert not rule1(engine, text), text


def test_misgendering_needs_no_group_name(engine: ModerationEngine) -> None:
    assert rule1(engine, "@sam you're just a guy in a wig, I'm not using your pronouns") == {"flag"}
    assert not rule1(engine, "what a lovely dress, where did you get it?")
    assert not rule1(engine, "I would never call a trans woman a man in a dress")


def test_coded_hate_is_flagged_unless_quoted(engine: ModerationEngine) -> None:
    assert rule1(engine, "the think tanks are all run by (((them))) anyway") == {"flag"}
    assert rule1(engine, "kung flu strikes the border towns again") == {"flag"}
    assert not rule1(engine, 'calling it "kung flu" got people attacked, drop it')
    assert not rule1(engine, "see you at dinner ;)))")
