"""A question that names the community or its rules, though the answer type does not read it
as a community question, takes the page's entry for sure (community_asks.page_named_and_asked)."""

from __future__ import annotations

import pytest

from bot.search.domain.answers import sure_for
from bot.search.domain.community_asks import page_named_and_asked
from bot.search.domain.query import answer_type_of

# A community page of our own (not the shipped seed's), one excerpt per part.
ENTRY = (
    "This community, Birdwatch, is for: sightings and photos of garden birds. This community "
    "was founded 3 years ago and listed 210 readers when its page was captured. "
    "Rule 1: Be kind to newcomers. Rule 2: No selling of eggs or feathers."
)
RULES = "Rule 1: Be kind to newcomers. Rule 2: No selling of eggs or feathers."
NEWS = "The county's birdwatching club was founded in 1990 and meets on Sundays."


@pytest.mark.parametrize(
    ("question", "excerpt"),
    [
        ("whats the second rule about", RULES),
        ("rule 2, what does it forbid", RULES),
        ("what is the community's one-line description", ENTRY),
        ("community creation date", ENTRY),
        ("when was this place founded", ENTRY),
        ("who are the moderators", ENTRY),
    ],
)
def test_a_question_naming_the_page_takes_its_entry_for_sure(question: str, excerpt: str) -> None:
    kind = answer_type_of(question)
    assert kind is None or kind.name != "community"  # the answer type does not read it
    assert page_named_and_asked(question, excerpt)
    assert sure_for(kind, question, excerpt)


@pytest.mark.parametrize(
    "question",
    [
        "what did the international community say about the birds",
        "what are the rules of cricket",
        "how old is the oldest garden bird",
    ],
)
def test_a_question_naming_no_page_is_left_to_the_gate(question: str) -> None:
    assert not page_named_and_asked(question, ENTRY)
    assert not sure_for(answer_type_of(question), question, ENTRY)


def test_only_the_pages_own_entry_is_taken() -> None:
    # A news excerpt is never the page's entry, whatever the question names.
    assert not page_named_and_asked("when was the community club founded", NEWS)
    assert not sure_for(answer_type_of("community creation date"), "community creation date", NEWS)
