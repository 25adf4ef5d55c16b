"""Round 21b's groups of soft_match.json (branch search40): testimonies collected are recorded,
a reporter's contact is its source, and to talk to someone is to tell or speak to them (a story
of our own about a lighthouse keeper, not of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.soft_match import relation_soft, relation_words, said

ARCHIVE = (
    "The coastal archive has recorded the accounts of at least 40 keepers who served at the "
    "Changjon lighthouse before it was automated."
)
PAPER = (
    "A source in Wonsan told the Harbour Gazette on May 3 that the lighthouse keepers had been "
    "moved inland, speaking on condition of anonymity."
)
WEATHER = "Fog closed the Changjon lighthouse for three days in May; the ferries stayed in port."


@pytest.mark.parametrize(
    ("question", "word", "excerpt"),
    [
        ("how many accounts did the archive collect from changjon keepers", "collect", ARCHIVE),
        ("which accounts were gathered about the lighthouse", "gathered", ARCHIVE),
        ("when did the gazette's contact in wonsan talk to them", "contact", PAPER),
        ("when did the gazette's contact in wonsan talk to them", "talk", PAPER),
        ("what day did their informant speak to the paper", "speak", PAPER),
    ],
)
def test_everyday_words_are_said_by_the_excerpts_words(
    question: str, word: str, excerpt: str
) -> None:
    assert said(question, [word], excerpt).by[word]


def test_the_reporters_contact_question_reads_as_fully_said() -> None:
    question = "when did the gazette's contact in wonsan talk to them"
    assert relation_soft(question, PAPER) == 0.0


def test_a_passage_saying_none_of_it_still_leaves_the_words_unsaid() -> None:
    question = "when did the gazette's contact in wonsan talk to them"
    assert relation_soft(question, WEATHER) > 0.5
    assert not said(question, ["collect"], WEATHER).by["collect"]


FESTIVAL = (
    "At the lantern festival in Sinpo last month, the keepers' choir sang for the first time."
)


def test_an_event_verb_closing_a_where_question_asks_nothing_besides_the_place() -> None:
    assert relation_words("where was the lantern festival held", FESTIVAL) == [
        "lantern",
        "festival",
    ]
    assert relation_soft("where was the lantern festival held", FESTIVAL) == 0.0
    assert "happen" not in relation_words("when did the lantern festival happen", FESTIVAL)


@pytest.mark.parametrize(
    "question",
    [
        "where do keepers held at changjon get sent",  # not closing: who is held stays asked
        "why was the keeper held",  # a why-question asks no place
    ],
)
def test_held_elsewhere_stays_a_relation_word(question: str) -> None:
    assert "held" in relation_words(question, FESTIVAL)
