"""The catch-all heading and routine lines that repeat a heading (issue 15, round 15b)."""

from __future__ import annotations

from bot.digest.domain import catchall
from bot.digest.domain.catchall import (
    CATCHALL_PREFIX,
    EDITORIALS,
    FEATURES,
    HONEST,
    catchall_label,
    features_apart,
    is_catchall,
    repeated_heading,
    split_catchall,
    tells_no_action,
)
from bot.digest.domain.labels import StoryText, build_vocabulary
from bot.digest.domain.sections import OTHER


def story(headline: str, lead: str) -> StoryText:
    return StoryText((headline,), lead, 1.0, shown=True, title=headline, summary=lead[:200])


def test_the_catch_all_is_headed_by_what_sets_its_highlights_apart() -> None:
    shown = [
        story(
            "Laotian Friendship Delegation Visits Pyongyang",
            "A friendship delegation of the Lao People's Revolutionary Party arrived in Pyongyang.",
        ),
        story(
            "Science Exhibition Opens at Sci-Tech Complex",
            "A science exhibition opened at the Sci-Tech Complex in Pyongyang on Tuesday.",
        ),
    ]
    contrast = [
        [
            story(
                "Kim Jong Un Watches Test-fire of New Solid-fuel Missile",
                "Kim Jong Un watched the test-fire of a new solid-fuel missile in Pyongyang.",
            )
        ]
    ]
    vocabulary = build_vocabulary(s.headlines[0] for s in [*shown, *contrast[0]])
    label = catchall_label(shown, contrast, vocabulary, lambda phrase: False)
    assert label.startswith(CATCHALL_PREFIX)
    parts = label.removeprefix(CATCHALL_PREFIX).split(" · ")
    assert len(parts) == 2
    assert any("Science Exhibition" in p for p in parts)
    assert not any(p.casefold() in {"pyongyang", "kim jong un"} for p in parts)
    assert is_catchall(label) and is_catchall(OTHER) and not is_catchall("Floods and recovery")


def test_a_catch_all_with_nothing_to_name_stays_other_news() -> None:
    assert catchall_label([], [], build_vocabulary([]), lambda phrase: False) == OTHER


def test_a_series_repeating_a_heading_finds_that_heading() -> None:
    headings = ["Military tests and drills", "Diplomacy and greetings", "Also this week: Greet"]
    assert repeated_heading("Greetings", headings) == 1
    assert repeated_heading("New Year 2024", ["Year Celebrations · DPRK"]) == 0
    # Numbers, short and function words say no subject; the catch-all is no target.
    assert repeated_heading("2024 Press Review", ["Relations with Russia 2024"]) is None
    assert repeated_heading("Greetings", ["Also this week: Greetings · Laos"]) is None
    assert repeated_heading(None, headings) is None


UNNAMEABLE = story("Kyongru-dong", "A street in Pyongyang.")  # one word: no part to name


def split(
    picked: list[int], texts: list[StoryText], filed: dict[int, str], room: int | None = None
):  # type: ignore[no-untyped-def]
    return split_catchall(
        picked,
        texts,
        [],
        build_vocabulary(t.headlines[0] for t in texts),
        lambda p: False,
        filed.__getitem__,
        room,
    )


def test_a_catch_all_naming_most_of_its_items_keeps_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catchall, "NAME_BY_HEADLINES", True)  # round 16-18's named heading
    texts = [
        story("Science Exhibition Opens at Sci-Tech Complex", "A science exhibition opened."),
        story("Laotian Friendship Delegation Visits Pyongyang", "A delegation arrived."),
        UNNAMEABLE,
    ]
    label, kept, loose = split([1, 2, 3], texts, {1: OTHER, 2: "Diplomacy and greetings", 3: OTHER})
    assert label.startswith(CATCHALL_PREFIX) and kept == [1, 2, 3] and loose == []


def test_items_it_cannot_name_go_back_to_their_sections_until_it_names_most(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catchall, "NAME_BY_HEADLINES", True)  # round 16-18's named heading
    texts = [
        story("Science Exhibition Opens at Sci-Tech Complex", "A science exhibition opened."),
        UNNAMEABLE,
        story("Rallies", "Rallies were held."),
    ]
    filed = {1: OTHER, 2: "Economy and construction", 3: "South Korea and the US"}
    label, kept, loose = split([1, 2, 3], texts, filed)
    # Named 1 of 3 (poor): the two unnamed leave, lowest first, until 1 of 1 is named.
    assert loose == [3, 2] and kept == [1]
    assert "Science Exhibition" in label
    # A highlight alone in the catch-all is headed by its own section (round 18).
    assert split([2], [UNNAMEABLE], {2: "Economy and construction"}) == (
        "Economy and construction",
        [2],
        [],
    )


def test_no_more_headings_leave_than_the_room_the_cap_leaves(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catchall, "NAME_BY_HEADLINES", True)  # round 16-18's named heading
    texts = [
        story("Science Exhibition Opens at Sci-Tech Complex", "A science exhibition opened."),
        UNNAMEABLE,
        story("Rallies", "Rallies were held."),
    ]
    filed = {1: OTHER, 2: "Economy and construction", 3: "South Korea and the US"}
    assert split([1, 2, 3], texts, filed, room=2)[2] == [3, 2]
    _, kept, loose = split([1, 2, 3], texts, filed, room=1)
    assert kept == [1, 2, 3] and loose == []


def test_nothing_leaves_when_the_heading_would_still_be_poor(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catchall, "NAME_BY_HEADLINES", True)
    texts = [UNNAMEABLE, story("Rallies", "Rallies were held."), UNNAMEABLE]
    _, kept, loose = split([1, 2, 3], texts, {1: OTHER, 2: "South Korea and the US", 3: OTHER})
    assert kept == [1, 2, 3] and loose == []
    monkeypatch.setattr(catchall, "SPLIT_UNNAMED", False)
    texts = [story("Science Exhibition Opens at Sci-Tech Complex", "x"), UNNAMEABLE, UNNAMEABLE]
    filed = {1: OTHER, 2: "Economy and construction", 3: "Culture and sports"}
    assert split([1, 2, 3], texts, filed)[1:] == ([1, 2, 3], [])


def test_features_join_the_articles_section() -> None:
    sections = {"Military tests and drills": [0], OTHER: [1, 2, 3, 4]}
    feature = {2, 3}.__contains__
    out = features_apart(sections, lambda i: i != 4, feature)
    assert out == {"Military tests and drills": [0], OTHER: [1, 4], FEATURES: [2, 3]}
    # One feature alone stays, unless the week shows an articles section to join.
    assert features_apart(sections, lambda i: True, {2}.__contains__) == sections
    with_articles = {EDITORIALS: [5], OTHER: [1, 2]}
    assert features_apart(with_articles, lambda i: True, {2}.__contains__) == {
        OTHER: [1],
        FEATURES: [5, 2],
    }


def test_a_feature_headline_tells_no_action() -> None:
    assert tells_no_action("Tourism in DPRK")
    assert tells_no_action("People's Demands and Interests Are Standard of All Work")
    assert not tells_no_action("Explosion of Ukishima-maru Shows Japan's Unethical Crime")
    assert not tells_no_action("National Forum of Koreans in Japan Held")


def test_the_shipped_catch_all_is_never_named_by_its_items_headlines() -> None:
    # Round 18b: readers 9, 11, 12 and 13 called "Also this week: <headline> · <headline>" poor
    # (W40 with genres_by_topic on: "International Day of Older Persons" over three unrelated
    # items). The shipped catch-all is headed honestly, or by the one section all its items share.
    texts = [
        story("Science Exhibition Opens at Sci-Tech Complex", "A science exhibition opened."),
        story("Laotian Friendship Delegation Visits Pyongyang", "A delegation arrived."),
        UNNAMEABLE,
    ]
    filed = {1: OTHER, 2: "Diplomacy and greetings", 3: "Economy and construction"}
    assert split([1, 2, 3], texts, filed) == (HONEST, [1, 2, 3], [])
    assert split([1, 3], [texts[0], UNNAMEABLE], {1: OTHER, 3: OTHER}) == (HONEST, [1, 3], [])
    assert split([1], [texts[0]], {1: OTHER}) == (HONEST, [1], [])
    # Items of one section the heading cap folded are headed by that section, which fits all.
    both = {2: "Diplomacy and greetings", 4: "Diplomacy and greetings"}
    assert split([2, 4], [texts[1], texts[1]], both)[0] == "Diplomacy and greetings"
    assert is_catchall(HONEST) and not HONEST.startswith(CATCHALL_PREFIX)
