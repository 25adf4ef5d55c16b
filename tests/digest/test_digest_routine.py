"""The routine section's label names its series (bot.digest.domain.routine)."""

from __future__ import annotations

import pytest

from bot.digest.domain.routine import ROUTINE_FALLBACK, routine_label, series_name


def never_common(phrase: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Kim Jong Un Receives Greetings from {…}", "Greetings"),
        (
            "DPRK Advances into {…} of 2024 FIFA U-20 Women's World Cup",
            "2024 FIFA U-20 Women's World Cup",
        ),
        ("{…} in Celebration of New Year 2024", "New Year 2024"),
        ("{…}th Candlelight Rally and Demo Staged in Puppet ROK", "Candlelight Rally"),
        ("New Houses Built in {…}", "New Houses"),
        ("Press Review", "Press Review"),
    ],
)
def test_a_line_is_named_by_what_it_holds_not_who_acts(title: str, name: str) -> None:
    assert series_name(title, never_common) == name


def test_the_label_lists_the_lines_best_first_without_repeats() -> None:
    titles = ["Kim Jong Un Receives Greetings from {…}", "Greetings to {…} FM", "Press Review"]
    assert routine_label(titles, never_common) == "Series: Greetings, Press Review"


def test_a_frequent_newsmaker_never_names_the_section() -> None:
    assert series_name("Kim Jong Un", lambda phrase: phrase == "Kim Jong Un") is None
    assert routine_label(["Kim Jong Un"], lambda phrase: phrase == "Kim Jong Un") == (
        ROUTINE_FALLBACK
    )
