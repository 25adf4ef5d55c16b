"""Questions about the community itself reach its page's entry, even without a shared word."""

from __future__ import annotations

import pytest
from seed_page_index import seed_and_page_index

from bot.archive.domain.community_page import COMMUNITY_SOURCE
from bot.core.payloads import payload_to_text
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import answer_type_of
from bot.search.render import answer_payload


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return seed_and_page_index()


@pytest.mark.parametrize(
    "question",
    [
        "how old is this comunity",  # no word in common with the page, and misspelt
        "is racist stuff allowed here or nah",
        "r there rules against bigotry in here or is it a free for all",
    ],
)
def test_community_questions_get_the_page_first(index: SearchIndex, question: str) -> None:
    hits = index.ask(question).hits
    assert hits and hits[0].source == COMMUNITY_SOURCE


def test_a_health_question_is_not_taken_for_a_question_about_the_rules() -> None:
    kind = answer_type_of("is it ok to take ibuprofen on an empty stomach")
    assert kind is None or kind.name != "community"
    found = answer_type_of("is it ok to post memes?")
    assert found is not None and found.name == "community"


def test_who_moderates_points_to_the_page_s_moderators_list(index: SearchIndex) -> None:
    # Written for this test: no post that happens to say "moderate" and not the page's
    # description (search42: a short reply without excerpts), but /rules, which shows the
    # page's MODERATORS list as it stands (tests/search/test_rules_moderators.py).
    answer = index.ask("who are the moderators of this community?", k=3)
    assert answer.hits == [] and answer.kind == "community"
    assert "/rules" in payload_to_text(answer_payload(answer))
