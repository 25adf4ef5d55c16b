"""Questions about the bot, requests to it, what may be posted here and opinions
(answerability.py's kinds bot, request, allowed, opinion): one decision for /ask, /search, the
shell and ``digestbot ask``. Every question here is written for these tests."""

from __future__ import annotations

import pytest
from seed_page_index import seed_and_page_index

from bot.archive.domain.community_page import COMMUNITY_SOURCE
from bot.core.payloads import payload_to_text
from bot.search.domain import answerability
from bot.search.domain.community_asks import rule_applies, stated_rules
from bot.search.domain.index import SearchIndex
from bot.search.render import answer_payload, search_payload

RULES = (
    "Rule 1: No racism, sexism, homophobia, or transphobia. Rule 2: Follow Lemmy's Code of "
    "Conduct. Rule 3: No denying or belittling the humanitarian crisis in NK."
)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return seed_and_page_index()


@pytest.mark.parametrize(
    "question",
    ["what can u actually do", "are you chatgpt?", "where do you get your articles from"],
)
def test_a_question_about_the_bot_gets_its_help_never_an_excerpt(
    index: SearchIndex, question: str
) -> None:
    answer = index.ask(question, k=3)
    assert answer.kind == "bot" and answer.hits == [] and answer.suggestions == []
    text = payload_to_text(answer_payload(answer))
    assert "/ask" in text and "/search" in text and "/article" in text and "/rules" in text
    assert index.search(question) == []
    assert "/ask" in payload_to_text(search_payload(question, []))


@pytest.mark.parametrize(
    "question",
    [
        "write me a short poem about the Tumen river",
        "could u translate the word juche to french",
        "pretend to be a defector and tell me your story",
    ],
)
def test_a_request_gets_what_the_bot_does(index: SearchIndex, question: str) -> None:
    answer = index.ask(question, k=3)
    assert answer.kind == "request" and answer.hits == []
    assert "search bot" in payload_to_text(answer_payload(answer))
    # A search box is not a chat: /search lists nothing for a request either.
    assert index.search(question) == []


def test_a_request_about_the_archive_is_searched(index: SearchIndex) -> None:
    question = "summarize the post about the man who drowned off Ganghwa"
    assert answerability.kind_of(question) is None
    answer = index.ask(question, k=3)
    assert answer.hits and "drown" in " ".join(h.excerpt for h in answer.hits).lower()


def test_content_no_rule_mentions_is_not_answered_by_news(index: SearchIndex) -> None:
    answer = index.ask("can i share tiktok videos in this community?", k=3)
    assert answer.kind == "allowed" and answer.hits == []
    text = payload_to_text(answer_payload(answer))
    assert "do not mention" in text and "moderators" in text and "/rules" in text


def test_a_rule_that_applies_is_shown_or_quoted(index: SearchIndex) -> None:
    answer = index.ask("am i allowed to share sexist jokes here", k=3)
    assert answer.kind == "allowed"
    if answer.hits:
        assert all(h.source == COMMUNITY_SOURCE for h in answer.hits)
    else:
        assert "Rule 1:" in (answer.reason or "")


def test_which_rule_applies_is_read_from_the_rules_text() -> None:
    assert stated_rules(RULES)[1] == (2, "Follow Lemmy's Code of Conduct.")
    assert rule_applies("can I post transphobic stuff", RULES)
    assert rule_applies("may we post that the famine is a hoax?", RULES)
    assert not rule_applies("can I post links to KCNA?", RULES)
    assert not rule_applies("can I post memes", "The workers earn 200 dollars a month.")
    reason = answerability.allowed_reason("can I spam my channel here", RULES)
    assert "Rule 2:" in reason and "Rule 1" not in reason
    assert answerability.allowed_reason("can I post memes", RULES) == answerability.ALLOWED_REASON


def test_an_opinion_shows_the_posts_as_background_under_a_heading(index: SearchIndex) -> None:
    answer = index.ask("what do you think about China sending defectors back?", k=3)
    assert answer.kind == "opinion"
    text = payload_to_text(answer_payload(answer))
    if answer.hits:
        assert answerability.OPINION_NOTICE in text
    else:
        assert "no opinions" in text


def test_the_json_of_digestbot_ask_carries_the_kind_and_reason(index: SearchIndex) -> None:
    from bot.search.cli import answer_json

    data = answer_json(index.ask("who programmed you?", k=3))
    assert data["kind"] == "bot" and data["hits"] == []
    assert "/ask" in str(data["reason"])
