"""The catch-all heading and routine lines that repeat a heading (issue 15, round 15b)."""

from __future__ import annotations

from bot.digest.domain.catchall import (
    CATCHALL_PREFIX,
    catchall_label,
    is_catchall,
    repeated_heading,
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
