"""A statement on a test joins the test; a speaker's follow-up joins the first statement; other
statements and tests stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from bot.digest.domain.copies import join_copies
from bot.digest.domain.rank import order_highlights
from bot.digest.domain.reactions import (
    join_reactions,
    reaction_links,
    reaction_pairs,
    weapon_test_words,
)
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 10, 31, 1, tzinfo=UTC)
STATEMENT = "Press Statement of Spokesperson for DPRK Foreign Ministry"
SPEAKER = "Press Statement of Kim Yo Jong, Vice Department Director"


def _stories(specs: list[tuple[str, str, int]]) -> tuple[list, list]:  # type: ignore[type-arg]
    articles = [
        make_article(f"a{n}", body, DAY + timedelta(days=day), title=title)
        for n, (title, body, day) in enumerate(specs)
    ]
    copies = join_copies(articles, SEOUL)
    return articles, copies


def _pairs(
    specs: list[tuple[str, str, int]], shared: dict[tuple[int, int], tuple[str, ...]] | None = None
) -> list[tuple[int, int, str]]:
    articles, copies = _stories(specs)
    items = [[c] for c in range(len(copies))]
    said = [title.startswith("Press Statement") for title, _, _ in specs]
    found = reaction_pairs(items, ["event"] * len(items), said, copies, articles, shared or {})
    return [(p.first, p.second, p.kind) for p in found]


TEST = (
    "ICBM Test-fire Conducted in DPRK",
    "Pyongyang, October 31 (KCNA) -- An ICBM test-fire was conducted on Thursday morning.",
    0,
)


def test_a_headline_of_a_test_gives_its_event_and_weapon_words() -> None:
    assert weapon_test_words("ICBM Test-fire Conducted in DPRK") == (
        frozenset({"test-fire", "test"}),
        frozenset({"icbm"}),
    )
    assert weapon_test_words("Kim Jong Un Sends Greetings on Missile Test") == (
        frozenset(),
        frozenset(),
    )
    assert weapon_test_words("Youth Day Celebrated") == (frozenset(), frozenset())


def test_a_statement_whose_lede_names_the_test_joins_it() -> None:
    reaction = (
        STATEMENT,
        "Pyongyang, November 2 (KCNA) -- A spokesperson issued the following statement: The "
        "test-fire of the latest ICBM recently conducted by the DPRK is legitimate self-defence.",
        2,
    )
    assert _pairs([TEST, reaction]) == [(0, 1, "test")]


def test_a_statement_on_something_else_or_too_late_stays_apart() -> None:
    other = (
        STATEMENT,
        "Pyongyang, November 2 (KCNA) -- A spokesperson issued the following statement: The "
        "NATO summit is a threat to peace, and its drills near the peninsula must stop.",
        2,
    )
    late = (
        STATEMENT,
        "Pyongyang, November 5 (KCNA) -- A spokesperson said: the test-fire of the ICBM was just.",
        5,
    )
    before = (
        STATEMENT,
        "Pyongyang, October 30 (KCNA) -- A spokesperson said: an ICBM test-fire would be just.",
        -1,
    )
    assert _pairs([TEST, other]) == []
    assert _pairs([TEST, late]) == []
    assert _pairs([TEST, before]) == []


def test_one_speakers_statements_join_only_when_close_and_on_one_subject() -> None:
    first = (SPEAKER, "Pyongyang, October 12 (KCNA) -- Drones came over the capital.", 0)
    second = (SPEAKER, "Pyongyang, October 13 (KCNA) -- The gangsters sent drones.", 1)
    far = (SPEAKER, "Pyongyang, October 18 (KCNA) -- The gangsters sent drones.", 6)
    assert _pairs([first, second], {(0, 1): ("gangsters",)}) == [(0, 1, "speaker")]
    assert _pairs([first, second], {}) == []  # no subject word shared
    assert _pairs([first, far], {(0, 1): ("gangsters",)}) == []  # days apart
    other_speaker = (STATEMENT, "Pyongyang, October 13 (KCNA) -- The gangsters sent drones.", 1)
    assert _pairs([first, other_speaker], {(0, 1): ("gangsters",)}) == []


def test_joined_pairs_are_alike_enough_to_fold() -> None:
    articles, copies = _stories([TEST, (STATEMENT, "The test-fire of the ICBM was just.", 1)])
    pairs = reaction_pairs([[0], [1]], ["event", "event"], [False, True], copies, articles, {})
    alike = join_reactions(np.array([[1.0, 0.08], [0.08, 1.0]]), pairs)
    assert alike[0, 1] == alike[1, 0] == 0.5


def test_a_follow_up_is_linked_to_the_highlight_of_its_first_statement() -> None:
    articles, copies = _stories(
        [
            (STATEMENT, "Pyongyang, October 11 (KCNA) -- Drones came over the capital.", 0),
            (SPEAKER, "Pyongyang, October 12 (KCNA) -- Drones came over the capital.", 1),
            (SPEAKER, "Pyongyang, October 13 (KCNA) -- The gangsters sent drones.", 2),
        ]
    )
    pairs = reaction_pairs(
        [[0], [1], [2]], ["event"] * 3, [True] * 3, copies, articles, {(1, 2): ("drones",)}
    )
    links = reaction_links(np.zeros((3, 3), dtype=np.bool_), pairs)
    assert links[1, 2] and links[2, 1] and not links[0, 2]
    # The follow-up (story 2) is not alike enough to the crucial statement that leads the
    # highlight holding the first (story 1), so only the link brings it home.
    alike = join_reactions(np.array([[1, 0.5, 0.07], [0.5, 1, 0.17], [0.07, 0.17, 1]]), pairs)
    groups = order_highlights(["event"] * 3, [0.9, 0.8, 0.7], 3, alike, linked=links)
    assert groups == [[0, 1, 2]]
