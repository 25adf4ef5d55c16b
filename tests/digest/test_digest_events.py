"""Events, not articles: copies, reports of one event, series and roundups in the example week."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest.domain.build import Digest, build_digest
from bot.digest.domain.events import is_roundup, join_copies, lede_names, listed_items, week_names
from bot.digest.domain.series import (
    TitleHistory,
    describe_series,
    find_series,
    match_titles,
    title_words,
)
from tests.digest.support import (
    EVENTS,
    EXAMPLE_WEEK,
    ROUNDUPS,
    SEOUL,
    SERIES,
    example_week,
    make_article,
)


@pytest.fixture(scope="module")
def digest() -> Digest:
    articles = example_week()
    return build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)


def cited(item) -> set[str]:  # type: ignore[no-untyped-def]
    return {report.article_id for report in item.reports}


def test_reports_of_one_event_are_one_highlight_citing_them_all(digest: Digest) -> None:
    for name, ids in EVENTS.items():
        holders = [item for item in digest.highlighted if cited(item) & ids]
        assert len(holders) == 1, f"{name} is told by {len(holders)} highlights"
        assert cited(holders[0]) == ids, name
        assert holders[0].report_count == len(ids)


def test_no_two_highlights_tell_the_same_event_or_series(digest: Digest) -> None:
    groups = {**EVENTS, **SERIES, "roundups": ROUNDUPS}
    for name, ids in groups.items():
        assert sum(1 for item in digest.highlighted if cited(item) & ids) <= 1, name
    every = [i for item in digest.highlighted for i in cited(item)]
    assert len(every) == len(set(every))


def test_a_series_is_one_line_listing_its_slot_values(digest: Digest) -> None:
    greetings = next(item for item in digest.highlighted if cited(item) == SERIES["greetings"])
    assert greetings.kind == "series"
    assert greetings.title == "Kim Jong Un Receives Greetings from …"
    assert set(greetings.slots) == {"Egyptian President", "Lao President", "Abroad"}
    for slot in ("Egyptian President", "Lao President", "Abroad"):
        assert slot in greetings.summary


def test_roundups_and_series_never_come_before_the_news(digest: Digest) -> None:
    # Round 15b: a series that repeats a news heading's subject (greetings beside "Diplomacy
    # and greetings") is shown last in that section; every other routine line after the news.
    folded = [t for t in digest.topics if not t.label.startswith("Series:")]
    for topic in folded:
        kinds = [item.kind for item in topic.highlighted]
        first_routine = next((i for i, kind in enumerate(kinds) if kind != "event"), len(kinds))
        assert all(kind != "event" for kind in kinds[first_routine:])
    greetings = [t.label for t in folded if any(h.kind == "series" for h in t.highlighted)]
    assert greetings == ["Diplomacy and greetings"]
    rest = [item.kind for t in digest.topics if t not in folded for item in t.highlighted]
    kinds = [item.kind for t in folded for item in t.highlighted] + rest
    assert [item.kind for item in digest.highlighted] == kinds
    assert "roundup" not in kinds[:5]
    # The routine heading no longer names the greetings (here no routine line is left).
    assert not any("Greetings" in t.label for t in digest.topics if t not in folded)


def test_the_ranking_puts_the_weeks_main_events_first(digest: Digest) -> None:
    # Several reports and listed in the press reviews: the flood, the delegation, the missile.
    top = [story for story in digest.ranking if story.highlighted][:4]
    covered = {article_id for story in top for article_id in story.article_ids}
    for name in ("flood", "delegation", "missile"):
        assert EVENTS[name] & covered, name
    ranked = [story.title for story in digest.ranking]
    assert ranked.index("Great Leadership Brings Bumper Harvest") > 4


def test_identical_copies_and_a_titled_photo_are_one_item() -> None:
    articles = [a for a in example_week() if a.id in EVENTS["missile"]]
    assert len(join_copies(articles, SEOUL)) == 1


def test_the_same_title_over_different_texts_is_two_items() -> None:
    when = datetime(2024, 10, 8, 1, tzinfo=UTC)
    first = make_article("s1", "The spokesman condemned the drone flights over the capital.", when)
    second = make_article("s2", "The spokesman condemned the sanctions monitoring team.", when)
    first = first.__class__(**{**_fields(first), "title": "Press Statement of the Spokesman"})
    second = second.__class__(**{**_fields(second), "title": "Press Statement of the Spokesman"})
    assert len(join_copies([first, second], SEOUL)) == 2


def _fields(article):  # type: ignore[no-untyped-def]
    return {name: getattr(article, name) for name in article.__slots__}


def test_roundups_are_recognised_and_their_items_listed() -> None:
    reviews = [a for a in example_week() if a.id in ROUNDUPS]
    assert all(is_roundup(a) for a in reviews)
    assert len(listed_items(reviews[0])) == 4
    others = [a for a in example_week() if a.id in EVENTS["flood"]]
    assert not any(is_roundup(a) for a in others)


# --- title patterns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "pattern"),
    [
        (
            "Kim Jong Un Receives Greetings from Egyptian President",
            "Kim Jong Un Receives Greetings from Abroad",
            "Kim Jong Un Receives Greetings from {…}",
        ),
        (
            "104th Candlelight Rally and Demo Staged in Puppet ROK",
            "103rd Candlelight Rally and Demo in Puppet ROK",
            "{…} Candlelight Rally and Demo Staged in Puppet ROK",
        ),
        (
            "New Houses Built in Sohung County",
            "New Houses Built in Anak County",
            "New Houses Built in {…} County",
        ),
    ],
)
def test_titles_of_one_pattern(a: str, b: str, pattern: str) -> None:
    match = match_titles(title_words(a), title_words(b))
    assert match is not None
    assert " ".join(match.pattern) == pattern


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # What follows the verb is the story, not a slot.
        ("Kim Jong Un Inspects Regional Factories", "Kim Jong Un Inspects Army Corps Headquarters"),
        # One subject doing two things is one event, not a series.
        ("Mongolian Parliamentary Delegation Arrives", "Mongolian Parliamentary Delegation Leaves"),
        # Too little in common.
        ("Mongolian Delegation Arrives in Pyongyang", "Flood Reconstruction Begins in Sinuiju"),
        # The same title is no pattern (it is the same item, or two items with one title).
        ("Press Review", "Press Review"),
    ],
)
def test_titles_that_are_not_one_pattern(a: str, b: str) -> None:
    assert match_titles(title_words(a), title_words(b)) is None


def test_series_are_found_and_described() -> None:
    titles = [
        title_words(t)
        for t in (
            "Kim Jong Un Receives Greetings from Egyptian President",
            "Flood Reconstruction Begins in Sinuiju",
            "Kim Jong Un Receives Greetings from Lao President",
        )
    ]
    assert find_series(titles) == [[0, 2]]
    pattern, slots = describe_series([titles[0], titles[2]])
    assert pattern == "Kim Jong Un Receives Greetings from {…} President"
    assert slots == ["Egyptian", "Lao"]


def test_recurrence_counts_earlier_weeks_of_a_pattern() -> None:
    history = TitleHistory(
        [
            ("New Houses Built in Kangdong County", datetime(2024, 9, 25).date()),
            ("New Houses Built in Unsan County", datetime(2024, 10, 2).date()),
            ("New Houses Built in Unsan County", datetime(2024, 10, 3).date()),
            ("Tractor Factory Turns Out New Model", datetime(2024, 10, 4).date()),
        ]
    )
    assert history.recurrence("New Houses Built in Sohung County").weeks == 2
    assert history.recurrence("Flood Reconstruction Begins in Sinuiju").weeks == 0


def test_a_name_glued_to_the_next_word_is_no_rare_name_of_its_own() -> None:
    glued = make_article(
        "glued",
        "Pyongyang, August 2 (KCNA) -- ComradeKim Jong Unreceived the delegation of Roman Chekushov.\n"
        "More followed.",
        datetime(2024, 8, 2, 1, tzinfo=UTC),
        title="Kim Jong Un Receives Delegation",
    )
    other = make_article(
        "other",
        "Pyongyang, August 1 (KCNA) -- Kim Jong Un met the delegation.",
        datetime(2024, 8, 1, 1, tzinfo=UTC),
    )
    known = week_names([glued, other])
    assert "Kim Jong Un" in known

    def rare(name: str) -> bool:
        return name.casefold() != "kim jong un"  # the one frequent newsmaker

    def is_common(name: str) -> bool:
        return not rare(name)

    unsplit = lede_names(glued, is_common)  # type: ignore[arg-type]
    split = lede_names(glued, is_common, known)  # type: ignore[arg-type]
    assert "kim jong unreceived" in unsplit
    assert split == {"roman chekushov"}
