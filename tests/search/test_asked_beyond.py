"""What a question asks beyond its story (asked_beyond.py), on a lighthouse story written here."""

from __future__ import annotations

import pytest

import bot.search.domain.gate as gate
from bot.search.domain.asked_beyond import asked_attributes, asked_scopes, beyond
from bot.search.domain.gate import GateFeatures, answerability_of

LIGHTHOUSE = (
    "The old lighthouse at Varne Point was restored last spring. "
    "The keeper, a 58-year-old former sailor, lives in the cottage beside it. "
    "Repairs to the lamp cost about $40,000, the harbour board said. "
    "About 300 visitors climb the tower every week."
)
# The same story without the keeper's age, the repairs' cost or any number.
PLAIN = (
    "The old lighthouse at Varne Point was restored last spring. "
    "The keeper, a former sailor, lives in the cottage beside it. "
    "Visitors climb the tower every week."
)
NAMED = "The keeper of the lighthouse at Varne Point, named Tom Harrow, lives beside it."


@pytest.mark.parametrize(
    ("question", "attribute"),
    [
        ("how old is the lighthouse keeper", "age"),
        ("lighthouse keeper age", "age"),
        ("What was the name of the keeper at Varne Point?", "name"),
        ("how much did the lamp repairs cost", "money"),
        ("price of a ticket to the tower", "money"),
        ("in which town is the lighthouse", "city"),
        ("On what date was the lighthouse restored?", "date"),
        ("how many tons of stone were used", "weight"),
        ("what illness did the keeper have", "illness"),
        ("what percentage of visitors climb the tower", "percentage"),
        ("which construction company restored the lighthouse", "builder"),
        ("the keeper is from which country", "country"),
    ],
)
def test_a_question_asks_an_attribute_of_its_kind(question: str, attribute: str) -> None:
    assert attribute in asked_attributes(question)


@pytest.mark.parametrize(
    "question",
    ["who keeps the lighthouse", "why was the lighthouse restored", "when was it restored"],
)
def test_a_plain_question_asks_no_attribute_beyond_its_story(question: str) -> None:
    assert asked_attributes(question) == ()
    assert beyond(question, PLAIN).ask_missing == 0


def test_the_attribute_said_near_the_story_is_held() -> None:
    assert beyond("how old is the lighthouse keeper", LIGHTHOUSE).ask_missing == 0
    assert beyond("how much did the lamp repairs cost", LIGHTHOUSE).ask_missing == 0
    assert beyond("what is the name of the lighthouse keeper", NAMED).ask_missing == 0


def test_the_story_without_the_asked_attribute_misses_it() -> None:
    assert beyond("how old is the lighthouse keeper", PLAIN).ask_missing == 1
    assert beyond("how much did the lamp repairs cost", PLAIN).ask_missing == 1
    assert beyond("what is the name of the keeper at Varne Point", PLAIN).ask_missing == 1
    assert beyond("On what date was the lighthouse restored?", LIGHTHOUSE).ask_missing == 1


def test_a_builder_is_a_company_shaped_name_not_any_new_name() -> None:
    asked = "which construction company restored the lighthouse"
    unnamed = (
        "The Varne Point lighthouse was restored last spring. The Selby county office said "
        "it had hired a local building company for the work."
    )
    assert beyond(asked, unnamed).ask_missing == 1
    for named in (
        "The lighthouse was restored last spring by the firm Hallam Stone.",
        "Hallam Stone Ltd restored the lighthouse last spring.",
        "The lighthouse, restored last spring, was rebuilt by Hallam Stone.",
    ):
        assert beyond(asked, named).ask_missing == 0


def test_a_speaker_is_not_the_name_asked() -> None:
    quoted = PLAIN + " The keeper is well liked, harbour official Ann Pell said."
    assert beyond("what is the name of the keeper at Varne Point", quoted).ask_missing == 1
    told = PLAIN + " Ann Pell said the keeper is well liked."
    assert beyond("what is the name of the keeper at Varne Point", told).ask_missing == 1
    keeper = PLAIN + " The keeper, Tom Harrow, has lived there since 1990."
    assert beyond("what is the name of the keeper at Varne Point", keeper).ask_missing == 0


def test_a_place_is_not_the_name_asked_and_a_speaker_is_when_asked() -> None:
    placed = PLAIN + " The keeper moved here from Dunmore last year."
    assert beyond("what is the name of the keeper at Varne Point", placed).ask_missing == 1
    quoted = PLAIN + " The keeper is well liked, harbour official Ann Pell said."
    asked = "what is the name of the harbour official who said the keeper is well liked"
    assert beyond(asked, quoted).ask_missing == 0


def test_a_date_split_by_the_sentence_pattern_is_still_read() -> None:
    dated = "The Varne Point lighthouse was restored on Jan. 22 after a storm."
    assert beyond("On what date was the lighthouse restored?", dated).ask_missing == 0


def test_an_idiom_or_a_who_question_asks_no_attribute() -> None:
    assert asked_attributes("who said ties are entering a golden age") == ()
    assert asked_attributes("there are tons of visitors, how many exactly?") == ()
    assert asked_scopes("there are tons of visitors, how many exactly?") == ("exact",)
    assert asked_scopes("the lighthouse is related to the harbour how exactly?") == ()


def test_an_attribute_said_only_far_from_the_story_is_not_held() -> None:
    far = PLAIN + " Elsewhere. Nothing else. Unrelated: a 40-year-old ferry sank off Dover."
    assert beyond("how old is the lighthouse keeper", far).ask_missing == 1


@pytest.mark.parametrize(
    ("question", "scopes"),
    [
        ("how many visitors climb the tower right now", ("now",)),
        ("how many visitors in total", ("total",)),
        ("exact number of visitors", ("exact",)),
        ("how many visitors climb the tower", ()),
    ],
)
def test_a_question_sets_its_scope(question: str, scopes: tuple[str, ...]) -> None:
    assert asked_scopes(question) == scopes


def test_an_exact_count_is_not_met_by_a_hedged_number() -> None:
    assert beyond("exact number of visitors to the tower", LIGHTHOUSE).scope_unmet == 1
    exact = "Exactly 312 visitors climbed the Varne Point lighthouse tower last week."
    assert beyond("exact number of visitors to the tower", exact).scope_unmet == 0


def test_right_now_needs_a_present_cue() -> None:
    assert beyond("how many visitors climb the tower right now", PLAIN).scope_unmet == 1
    current = "The tower currently draws 300 visitors a week."
    assert beyond("how many visitors climb the tower right now", current).scope_unmet == 0


def test_the_gate_reads_both_features(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gate, "SOFT_ALWAYS", True)  # as training reads them, weighed or not
    base = GateFeatures(1.0, 0.5, 3, 0, 0, 0)
    missed = answerability_of(base, "how old is the lighthouse keeper right now", PLAIN)
    assert (missed.ask_missing, missed.scope_unmet) == (1, 1)
    held = answerability_of(base, "how old is the lighthouse keeper", LIGHTHOUSE)
    assert (held.ask_missing, held.scope_unmet) == (0, 0)


@pytest.mark.parametrize(
    "asked",
    [
        "what is the name of the harbour official at Varne Point",
        "what's the name of the official who talked up the keeper",
        "name of the harbour board's director?",
    ],
)
def test_a_speaker_is_the_name_asked_when_the_question_asks_for_an_official(asked: str) -> None:
    # Round 18b: the question names the office (or the speaking) the name holds.
    quoted = PLAIN + " The harbour board's director, official Ann Pell, stated that it is safe."
    assert beyond(asked, quoted).ask_missing == 0
    assert beyond("what is the name of the keeper at Varne Point", quoted).ask_missing == 1
