"""The statement analysis: target, predicate, polarity, negation scope and attribution."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.attribution import attribution
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.statements import read_clause
from bot.moderation.domain.valence import valences


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


@pytest.mark.parametrize(
    "text",
    [
        "Black people are beautiful",
        "I don't think women are stupid",
        "Muslims are wonderful neighbours",
        "Jews are lovely people",
        "Trans people are valid.",
        "Gay people should be allowed to marry.",
        "Koreans are some of the kindest people I've met.",
        "Women are no worse at strategy than men.",
    ],
)
def test_praise_and_denied_stereotypes_are_allowed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text))
    assert 1 not in {h.rule for h in verdict.hits}, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Women are too stupid to vote",
        "Why are Muslims all terrorists?",
        "Gay people are no better than rats.",
        "Women are only good for cooking and cleaning.",
        "Immigrantsare filthy parasites.",
    ],
)
def test_contempt_is_caught(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text))
    assert 1 in {h.rule for h in verdict.hits}, verdict.reason


def test_polarity_and_negation_scope() -> None:
    praise = read_clause("qqg are wonderful neighbours", "muslims")
    assert praise is not None and praise.praises and not praise.contempt
    denied = read_clause("i do not think qqg are stupid", "women")
    assert denied is not None and denied.denies_negative and not denied.contempt
    said = read_clause("qqg are too stupid to vote", "women")
    assert said is not None and said.contempt and not said.praises


def test_conditionals_are_neither_negation_nor_praise() -> None:
    # "I'd be fine with them if they weren't ...": the rest is a condition, not a negation.
    said = read_clause("i would be fine with qqp if qqp were not so loud", "them")
    assert said is not None and not said.denies_negative and not said.praises


def test_sentence_adverbs_and_nouns_are_not_verbs() -> None:
    # 'clearly' carries no praise; 'contempt' in 'your contempt for X' is not a verb.
    adverb = read_clause("qqg are clearly here", "immigrants")
    assert adverb is not None and not adverb.praises
    noun = read_clause("your contempt for qqg is showing", "jews")
    assert noun is not None and noun.predicate.split()[0] != "contempt"


def test_passives_describe_what_is_done_to_a_group() -> None:
    said = read_clause("qqg are often harassed online", "trans people")
    assert said is not None and said.described and not said.contempt


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ('He wrote "Jews are vermin" and got banned', "quote"),
        ("Some people say immigrants are criminals", "report"),
        ("It's wrong to call immigrants animals.", "denounce"),
        ("That comment is racist, please remove it", "denounce"),
        ("Are immigrants more likely to commit crimes?", "question"),
        ("Immigrants are criminals", ""),
    ],
)
def test_attribution(text: str, frame: str) -> None:
    assert attribution(normalize(text)) == frame


def test_the_shipped_lexicon_is_vaders() -> None:
    table = valences()
    assert table["wonderful"] > 2 and table["stupid"] < -2
    assert len(table) > 7000
