"""A community question takes the page's excerpt for sure only when it asks what a page says."""

from __future__ import annotations

import pytest

from bot.search.domain.answers import sure_for
from bot.search.domain.community_asks import asks_what_the_page_says, similar, within_edits
from bot.search.domain.query import answer_type_of

# A community page of our own (not the shipped seed's), one excerpt per part.
DESCRIPTION = "This community, Birdwatch, is for: sightings and photos of garden birds."
FOUNDING = "This community was founded 3 years ago and listed 210 readers when captured."
RULES = "Rule 1: Be kind to newcomers. Rule 2: No selling of eggs or feathers."


@pytest.mark.parametrize(
    ("question", "excerpt"),
    [
        ("what are the rulez in this server?", RULES),  # misspelt aspect word
        ("who are the moderatrs of this group", DESCRIPTION),
        ("how old is this comunity", FOUNDING),  # misspelt name of the community
        ("what is this community?", DESCRIPTION),  # nothing asked beyond the community
        ("can i sell feathers on this server", RULES),  # a word the excerpt says
        ("is this channel about garden birds or all birds", DESCRIPTION),
        ("how many ppl are in this sub", FOUNDING),
    ],
)
def test_questions_asking_what_the_page_says_take_it_for_sure(question: str, excerpt: str) -> None:
    assert asks_what_the_page_says(question, excerpt)
    kind = answer_type_of(question)
    assert kind is not None and kind.name == "community"
    assert sure_for(kind, question, excerpt)


@pytest.mark.parametrize(
    "question",
    [
        "how do i unlock the gold colour on this server",
        "where do i change my profile picture on this server",
        "what is the wifi password in your channel",
    ],
)
def test_questions_the_page_cannot_answer_go_through_the_gate(question: str) -> None:
    kind = answer_type_of(question)
    assert kind is not None and kind.name == "community"
    assert not any(asks_what_the_page_says(question, e) for e in (DESCRIPTION, FOUNDING, RULES))
    assert not sure_for(kind, question, RULES)


def test_four_letter_words_are_not_matched_by_an_edit() -> None:
    # "role" against a page's "Rule": one edit, but four letters say too little.
    assert not similar("role", "rule")
    assert not asks_what_the_page_says("how do i earn the helper role on this server", RULES)
    assert similar("read", "readers")  # a beginning of four letters
    assert similar("moderatrs", "moderators")
    assert similar("comunity", "community")
    assert not similar("photos", "photon" + "ic")


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("kitten", "sitting", 2, False),
        ("kitten", "sitting", 3, True),
        ("ruels", "rules", 1, True),  # a swap of neighbours is one edit
        ("abc", "abc", 0, True),
        ("abcdef", "ab", 3, False),
    ],
)
def test_within_edits(a: str, b: str, limit: int, expected: bool) -> None:
    assert within_edits(a, b, limit) is expected
