"""A question's words said in other words (soft_match.py): stems, groups, embedding neighbours."""

from __future__ import annotations

import pytest

from bot.search.domain import soft_match
from bot.search.domain.dense import default_embedder
from bot.search.domain.gate import GateFeatures, answerability_of
from bot.search.domain.soft_match import (
    fact_soft,
    relation_soft,
    relation_words,
    said,
    soft_features,
)

# A story of our own, not of the seed page or any development set.
BORDER = (
    "Chinese police repatriated eleven North Korean women caught near the Tumen river in March. "
    "Activists said the women had been detained for two weeks in a jail in Yanji. "
    "The youngest of them purchased a train ticket with money her brother sent."
)

needs_embedder = pytest.mark.skipif(default_embedder() is None, reason="wordllama missing")


def test_relation_words_leave_out_names_stop_and_frame_words() -> None:
    words = relation_words("What did the article say about Kim's trip to Yanji by train?", BORDER)
    assert words == ["trip", "train"]


def test_a_chatty_lower_case_name_is_a_name_when_the_excerpt_capitalises_it() -> None:
    assert "yanji" not in relation_words("how long were they held in yanji", BORDER)


def test_an_inflection_is_said() -> None:
    assert relation_soft("were the women detained", BORDER, threshold=2.0) == 0.0


def test_a_stem_said_by_a_longer_word_it_begins() -> None:
    text = "The detention lasted two weeks."
    assert said("how long was the detent", ["detent"], text, threshold=2.0).by["detent"]


def test_a_paraphrase_group_says_the_question_words() -> None:
    question = "were the women sent back to north korea"
    # "sent back" / "repatriated" is a synonym group of aliases.json.
    assert said(question, ["sent"], BORDER, threshold=2.0).by["sent"]


def test_a_word_of_no_group_and_no_neighbour_is_not_said() -> None:
    assert relation_soft("were the soldiers executed", BORDER, threshold=2.0) == 1.0


@needs_embedder
def test_an_embedding_neighbour_says_a_word_the_tables_lack() -> None:
    question = "what did the youngest woman buy"
    assert said(question, ["buy"], BORDER, threshold=2.0).by["buy"] == frozenset()
    assert "purchas" in said(question, ["buy"], BORDER, threshold=0.6).by["buy"]


@needs_embedder
def test_an_unrelated_word_is_no_neighbour() -> None:
    assert relation_soft("how many missiles were fired", BORDER, threshold=0.6) == 1.0


def test_the_threshold_of_the_data_file_is_read() -> None:
    assert 0.0 < soft_match.THRESHOLD <= 1.5


def test_fact_soft_credits_a_paraphrased_subject_beside_the_fact() -> None:
    question = "how many women were sent back"
    # "eleven" beside "repatriated": the subject said in other words holds the count.
    assert fact_soft(question, BORDER, threshold=2.0) == 0


def test_fact_soft_still_misses_a_fact_the_excerpt_does_not_give() -> None:
    # The story names no amount of money near the ticket.
    assert fact_soft("how much did the train ticket cost", BORDER, threshold=2.0) == 1


def test_the_gate_reads_the_soft_features_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.search.domain.gate as gate

    monkeypatch.setattr(gate, "SOFT_ALWAYS", True)
    base = GateFeatures(0.5, 0.5, 2, 1, 0, 0)
    read = answerability_of(base, "were the soldiers executed", BORDER)
    assert read.relation_soft == 1.0
    read = answerability_of(base, "were the women detained", BORDER)
    assert read.relation_soft == 0.0


def test_the_asked_types_own_words_are_not_relation_words() -> None:
    # "long" asks for the value ("how long"); "report" and "stats" ask where it comes from.
    assert relation_words("how long were the women in the jail", BORDER) == ["women", "jail"]
    assert relation_words("which report had the stats on the river crossings", BORDER) == [
        "river",
        "crossings",
    ]


def test_a_question_word_finds_its_group_through_a_stem_it_begins() -> None:
    # "creation" is not in the group of "create" / "founded", but begins like "create".
    text = "The club was founded in 1990."
    assert said("club creation date", ["creation"], text, threshold=2.0).by["creation"]


@pytest.mark.parametrize(
    "question",
    [
        "how many women were sent back",
        "how much did the train ticket cost",
        "who bought the ticket for the youngest woman",
        "were the soldiers executed",
    ],
)
def test_the_gates_one_reading_gives_both_features(question: str) -> None:
    assert soft_features(question, BORDER)[:2] == (
        relation_soft(question, BORDER),
        fact_soft(question, BORDER),
    )


# A passage of our own about access, not of the seed page or any development set.
ACCESS = (
    "Fewer than two thousand students at the university in Wonsan have access to the campus "
    "intranet, a teacher who left in 2019 said."
)


def test_a_relation_group_says_use_as_have_access_to() -> None:
    question = "How many students in Wonsan can use the intranet?"
    assert relation_words(question, ACCESS) == ["students", "use", "intranet"]
    assert "access" in said(question, ["use"], ACCESS, threshold=2.0).by["use"]
    assert relation_soft(question, ACCESS, threshold=2.0) == 0.0


def test_a_relation_group_needs_its_phrase_in_the_excerpt() -> None:
    text = "Students at the university in Wonsan study the campus intranet's history."
    assert relation_soft("can students in Wonsan use the intranet", text, threshold=2.0) > 0.0


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("were the fishermen sent back", "sent", "The fishermen were deported in May."),
        ("how long was the pastor held", "held", "The pastor was imprisoned for a year."),
        ("when did the family leave", "leave", "The family fled across the river in 2011."),
    ],
)
def test_relation_groups_say_everyday_words(question: str, word: str, text: str) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("how many sailors are stuck in jail", "stuck", "Forty sailors are languishing in jail."),
        ("when did the ferry start up again", "start", "The ferry service resumed in May."),
        ("has the port stopped picking up calls", "picking", "The port stopped answering calls."),
        ("how often do people google the island", "google", "The island gets 900 searches."),
        ("why do officials expect more rain", "expect", "Officials predict more rain soon."),
        ("how many birds do experts think are left", "think", "Experts estimated 300 birds."),
        ("what happened in jan 2020", "jan", "The harbour froze in January 2020."),
    ],
)
def test_round_18_groups_say_everyday_words(question: str, word: str, text: str) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


def test_a_month_is_not_said_by_another_month() -> None:
    assert not said("what happened in jan 2020", ["jan"], "It froze in June.", threshold=2.0).by[
        "jan"
    ]


def test_round_18b_a_drowned_man_is_said_dead() -> None:
    text = "The body of a fisherman who drowned off the island was found on Monday."
    assert said("how old was the dead fisherman", ["dead"], text, threshold=2.0).by["dead"]
    assert not said("how old was the dead fisherman", ["dead"], BORDER, threshold=2.0).by["dead"]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("what position does the harbour master hold", "position"),
        ("what is the keeper's role", "role"),
        ("who are the handful of keepers", "handful"),
        ("who's the director the post quoted", "quoted"),
        ("what is the poster asking about the ferry", "poster"),
        ("whats the sub's blurb", "blurb"),
    ],
)
def test_round_18b_asked_type_and_page_reference_words_are_no_relation_words(
    question: str, word: str
) -> None:
    assert word not in relation_words(question, BORDER)
    assert "ferry" in relation_words("what is the poster asking about the ferry", BORDER)
