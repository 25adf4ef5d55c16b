"""Round 19: a single the heading cap folds goes under a shown heading of its kin
(sections.yaml ``leftover_kin``; leftovers.nearest_shown), and the cap's first-five guard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digest.domain import leftovers
from bot.digest.domain.headingcap import _reads_at
from bot.digest.domain.leftovers import nearest_shown, parse_kin, shipped_kin
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER

SEMINAR = DigestArticle(
    article_id="a",
    title="28th Seminar of World Political Parties on Building New Society Held in Mexico",
    url=None,
    source="s",
    published=datetime(2024, 10, 1, tzinfo=UTC),
    summary="The seminar was held in Mexico City with representatives of many parties.",
    score=0.4,
    topic=0,
)
HOME = "Support from abroad"


def test_a_folded_single_goes_under_a_shown_kin_heading() -> None:
    assert nearest_shown(SEMINAR, ["Diplomacy and greetings", "Culture and sports"], HOME) == (
        "Diplomacy and greetings"
    )
    # Its words name no shown heading and no kin is shown: the catch-all.
    assert nearest_shown(SEMINAR, ["Culture and sports"], HOME) == OTHER


def test_kin_off_keeps_round_18s_catch_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leftovers, "FILE_BY_KIN", False)
    assert nearest_shown(SEMINAR, ["Diplomacy and greetings"], HOME) == OTHER


def test_shipped_kin_names_only_known_headings() -> None:
    kin = shipped_kin()
    assert kin[HOME][0] == "Diplomacy and greetings"
    assert "Editorials and articles" not in kin  # tried: W37's article then read 7th


def test_kin_naming_no_section_fails_fast() -> None:
    text = """
sections:
  - name: Diplomacy and greetings
    words: [delegation*]
leftovers:
  - name: Support from abroad
    words: [abroad]
leftover_kin:
  Support from abroad: [Diplomacy and greeting]
"""
    with pytest.raises(ValueError, match="names no section"):
        parse_kin(text)
    assert parse_kin(text.replace("greeting]", "greetings]")) == {
        HOME: ("Diplomacy and greetings",)
    }


def test_where_a_joining_single_would_read() -> None:
    # A reads first (best 3.0, two items), B next (best 2.0, two items): a single placed 1.5
    # joining B reads 5th (after A's two and B's two); joining A, 3rd (after A's two).
    place = {0: 3.0, 1: 2.5, 2: 2.0, 3: 1.8, 9: 1.5, 7: 0.1}
    shown = {"A": [0, 1], "B": [2, 3], OTHER: [7]}
    assert _reads_at(9, "B", shown, place.__getitem__) == 5
    assert _reads_at(9, "A", shown, place.__getitem__) == 3


def test_a_minor_single_never_joins_into_the_first_five(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.digest.domain import headingcap
    from bot.digest.domain.headingcap import cap_sections

    # S0 holds 0-2 and reads first; S1..S6 one each, placed below. S6's single (16) would join
    # S0 and read 4th: it falls to the catch-all instead (READ_AFTER_FIRST); off, it joins.
    sections = {"S0": [0, 1, 2], **{f"S{n}": [10 + n] for n in range(1, 7)}}
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}

    def refile(i: int, names: object) -> str:
        return "S0" if i == 16 else OTHER

    def cap() -> dict[str, list[int]]:
        return cap_sections(sections, shown, place.__getitem__, 6, refile=refile)  # type: ignore[arg-type]

    assert 16 in cap()[OTHER]
    monkeypatch.setattr(headingcap, "READ_AFTER_FIRST", False)
    assert cap()["S0"] == [0, 1, 2, 16]


def _article(title: str) -> DigestArticle:
    return DigestArticle(
        article_id=title,
        title=title,
        url=None,
        source="s",
        published=datetime(2024, 9, 5, tzinfo=UTC),
        summary="",
        score=0.5,
        topic=0,
    )


def test_a_long_section_spills_its_lower_highlights_to_a_shown_section_they_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Round 19 (W36): five of the leader's inspections are read whole before the week's
    # statement; the fourth-placed and lower that read below the statement's section and whose
    # headline a shown section takes move there.
    from bot.digest.domain import headingcap
    from bot.digest.domain.headingcap import spill_long

    inspections = "Kim Jong Un's inspections and visits"
    economy = "Economy and construction"
    titles = [
        "Kim Jong Un Inspects Artillery Academy",
        "Kim Jong Un Inspects Site for Construction of New Naval Base",
        "Kim Jong Un Inspects Defence Industrial Enterprise",
        "Kim Jong Un Gives Field Guidance at Regional-Industry Factories under Construction",
        "Kim Jong Un Guides Shipbuilding",
        "Press Statement of Defence Ministry on US-ROK Drills",
        "Rural Housing Construction Hastened in DPRK",
    ]
    highlights = {i: _article(t) for i, t in enumerate(titles)}
    place = {0: 1.95, 1: 1.76, 2: 1.72, 3: 1.46, 4: 1.18, 5: 1.67, 6: 0.4}
    sections = {inspections: [0, 1, 2, 3, 4], "South Korea and the US": [5], economy: [6]}
    out = spill_long(sections, highlights, place.__getitem__)
    assert out[inspections] == [0, 1, 2, 4]  # shipbuilding names no shown section: stays
    assert out[economy] == [6, 3]
    monkeypatch.setattr(headingcap, "LONG_RUN", 0)
    assert spill_long(sections, highlights, place.__getitem__) == sections


def test_a_section_of_highlights_above_every_other_section_keeps_them() -> None:
    from bot.digest.domain.headingcap import spill_long

    highlights = {i: _article(f"Kim Jong Un Inspects Factory No. {i}") for i in range(5)}
    highlights[5] = _article("Rural Housing Construction Hastened in DPRK")
    place = {0: 2.0, 1: 1.9, 2: 1.8, 3: 1.7, 4: 1.6, 5: 0.4}
    sections = {
        "Kim Jong Un's inspections and visits": [0, 1, 2, 3, 4],
        "Economy and construction": [5],
    }
    assert spill_long(sections, highlights, place.__getitem__) == sections
