"""Questions no news archive answers by their kind: the community's procedures, live values,
predictions (answerability.py). Every question here is written for these tests."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from seed_page_index import seed_and_page_index

from bot.archive.domain.community_page import COMMUNITY_SOURCE
from bot.core.payloads import payload_to_text
from bot.search.domain import answerability
from bot.search.domain.index import SearchIndex
from bot.search.render import answer_payload, search_payload

DATA = json.loads(
    resources.files("bot.search").joinpath("data", "answerability.json").read_text("utf-8")
)
EXAMPLES = [(kind["name"], text, True) for kind in DATA["kinds"] for text in kind["match"]] + [
    (kind["name"], text, False) for kind in DATA["kinds"] for text in kind["no_match"]
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return seed_and_page_index()


@pytest.mark.parametrize(("kind", "text", "expected"), EXAMPLES)
def test_the_data_file_s_examples(kind: str, text: str, expected: bool) -> None:
    assert (answerability.kind_of(text) == kind) is expected


def test_every_pattern_names_the_sets_it_was_written_from() -> None:
    for reading in answerability.readings():
        assert reading.patterns
        for pattern in reading.patterns:
            assert pattern.written_from
            assert pattern.shown in {"present", "never"}


def test_a_community_procedure_gets_no_excerpt_but_says_where_to_look(index: SearchIndex) -> None:
    answer = index.ask("how can I become a moderator on this server?", k=3)
    assert answer.hits == [] and answer.kind == "community"
    text = payload_to_text(answer_payload(answer))
    assert "does not say" in text and "/rules" in text and "moderators" in text
    assert index.search("how can I become a moderator on this server?") == []
    assert "does not say" in payload_to_text(search_payload("how do I appeal my ban", []))


@pytest.mark.parametrize(
    "question",
    [
        "who moderates here, who are the admins?",
        "who set up this forum",
        "how can I report a troll",
    ],
)
def test_who_runs_the_community_points_to_rules_not_to_the_description(
    index: SearchIndex, question: str
) -> None:
    answer = index.ask(question, k=3)
    assert answer.hits == [] and answer.kind == "community"
    text = payload_to_text(answer_payload(answer))
    assert "does not say" in text and "moderators list (both shown by /rules)" in text


def test_the_page_s_age_and_a_thread_s_starter_are_still_answered(index: SearchIndex) -> None:
    founded = index.ask("when was this community founded?", k=3)
    assert founded.kind is None and founded.hits
    assert founded.hits[0].source == COMMUNITY_SOURCE and "founded" in founded.hits[0].excerpt
    assert answerability.kind_of("who started the thread about kim yo-jong's health?") is None


def test_what_the_page_states_is_still_answered_by_its_entry(index: SearchIndex) -> None:
    answer = index.ask("is homophobic content allowed here?", k=3)
    assert answer.kind == "allowed"
    assert answer.hits and all(h.source == COMMUNITY_SOURCE for h in answer.hits)
    assert "Rule 1:" in answer.hits[0].excerpt
    assert answerability.ALLOWED_NOTICE in payload_to_text(answer_payload(answer))


def test_a_market_value_or_tomorrow_is_never_answered(index: SearchIndex) -> None:
    for question in (
        "what is the yuan to won exchange rate",
        "how many mobile connections will north korea have tomorrow",
    ):
        answer = index.ask(question, k=3)
        assert answer.hits == [] and answer.kind == "live"
        assert "not live" in payload_to_text(answer_payload(answer))


def test_a_present_figure_is_shown_with_a_note_that_it_is_not_live(index: SearchIndex) -> None:
    answer = index.ask("how many mobile phone connections does north korea have right now", k=3)
    assert answer.kind == "live" and answer.hits
    assert "7.51 million" in answer.hits[0].excerpt
    assert answerability.LIVE_NOTICE in payload_to_text(answer_payload(answer))


def test_live_keeps_only_a_sentence_that_states_a_present_number() -> None:
    question = "how many defectors are in Seoul right now?"
    assert answerability.keeps("live", question, "There are now 3,000 of them in Seoul.")
    assert not answerability.keeps("live", question, "Many were seen in Seoul last year.")
    assert not answerability.keeps("live", question, "In 2019, 1,000 arrived.")


def test_a_prediction_shows_background_under_its_heading(index: SearchIndex) -> None:
    answer = index.ask("will china ever stop sending defectors back to north korea?", k=3)
    assert answer.kind == "prediction"
    assert answer.notice == answerability.PREDICTION_NOTICE
    if answer.hits:
        text = payload_to_text(answer_payload(answer))
        assert text.index("cannot tell the future") < text.index(answer.hits[0].title[:20])


def test_other_questions_are_untouched(index: SearchIndex) -> None:
    answer = index.ask("how many people in north korea can go online?", k=3)
    assert answer.kind is None and answer.notice is None
    assert all(answerability.keeps(None, "q", h.excerpt) for h in answer.hits)
