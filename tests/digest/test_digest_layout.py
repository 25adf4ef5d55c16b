"""How the news sections are capped (bot/digest/domain/layout.py)."""

from __future__ import annotations

from bot.digest.domain import newsweight
from bot.digest.domain.headingcap import cap_sections as _cap_sections
from bot.digest.domain.sections import OTHER


def _sections(count: int) -> dict[str, list[int]]:
    # Section "S0" holds stories 0-4 (five highlights); "S1".."S{count}" one each (10, 11, ...).
    out = {"S0": [0, 1, 2, 3, 4]}
    out.update({f"S{n}": [9 + n] for n in range(1, count + 1)})
    return out


def test_the_lowest_placed_single_sections_join_other_news() -> None:
    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}  # S0's five lead the week; S1 best of the rest
    capped = _cap_sections(sections, shown, place.__getitem__, 5)  # type: ignore[arg-type]
    # Eight headings: the first to join opens "Other news", each further one saves a heading.
    assert list(capped) == ["S0", "S1", "S2", "S3", OTHER]
    assert sorted(capped[OTHER]) == [13, 14, 15, 16]


def test_a_single_section_among_the_first_five_by_place_stays() -> None:
    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}
    place[16] = 2.0  # the week's best story sits alone in S7
    capped = _cap_sections(sections, shown, place.__getitem__, 5)  # type: ignore[arg-type]
    assert capped["S7"] == [16]
    assert 16 not in capped.get(OTHER, [])


def test_singles_a_shown_section_takes_fold_before_the_catch_all_opens(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Round 18b: S6 (placed above S7) has a shown home, S7 has none. With a cap of 7 one heading
    # must go: S6 joins S0 and nothing opens the catch-all (before: S7 opened "Other news").
    from bot.digest.domain import headingcap

    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}

    def refile(i: int, names: object) -> str:
        return "S0" if i == 15 else OTHER

    capped = _cap_sections(sections, shown, place.__getitem__, 7, refile=refile)  # type: ignore[arg-type]
    assert OTHER not in capped and capped["S0"] == [0, 1, 2, 3, 4, 15] and "S7" in capped
    monkeypatch.setattr(headingcap, "JOIN_FIRST", False)
    capped = _cap_sections(sections, shown, place.__getitem__, 7, refile=refile)  # type: ignore[arg-type]
    assert capped[OTHER] == [16]


def test_a_statement_the_cap_folds_goes_back_under_its_genre() -> None:
    from datetime import UTC, datetime

    from bot.digest.domain.leftovers import STATEMENTS, nearest_shown
    from bot.digest.domain.model import DigestArticle

    statement = DigestArticle(
        article_id="a",
        title="Press Statement by Vice-Minister for International Organizations",
        url=None,
        source="s",
        published=datetime(2024, 9, 12, tzinfo=UTC),
        summary="The UN human rights resolution is a political provocation.",
        score=0.5,
        topic=0,
    )
    home = "Human rights and sanctions at the UN"
    assert nearest_shown(statement, [STATEMENTS, "Culture and sports"], home, STATEMENTS) == (
        STATEMENTS
    )
    assert nearest_shown(statement, ["Culture and sports"], home, STATEMENTS) == OTHER


def test_no_cap_needed_changes_nothing() -> None:
    sections = _sections(2)
    shown = {i: None for members in sections.values() for i in members}
    assert _cap_sections(sections, shown, lambda i: 0.0, 5) == sections  # type: ignore[arg-type]


def test_a_single_section_among_the_first_five_by_importance_stays() -> None:
    # Placed low (its section's lead is low) but among the week's five most important: its
    # heading stays rather than "Other news" holding the week's main news.
    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}
    importance = {i: 0.1 for i in shown}
    importance[16] = 0.9
    capped = _cap_sections(
        sections,
        shown,  # type: ignore[arg-type]
        place.__getitem__,
        5,
        importance.__getitem__,
    )
    assert capped["S7"] == [16]


def test_a_highlight_reads_higher_with_more_reports_up_to_full_coverage() -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    from bot.digest.domain import layout
    from bot.digest.domain.model import DigestArticle, Report

    when = datetime(2024, 10, 8, tzinfo=UTC)
    report = Report(article_id="a", title="t", url=None, source="s", published=when)
    one = DigestArticle(
        article_id="a",
        title="t",
        url=None,
        source="s",
        published=when,
        summary="",
        score=0.5,
        topic=0,
        reports=(report,),
    )
    units = [newsweight.reports_unit(replace(one, reports=(report,) * n)) for n in (1, 3, 8, 20)]
    assert 0.0 < units[0] < units[1] < units[2] == units[3] == 1.0
    assert layout.REPORTS_LEAD > 0 and layout.WEIGHTY_LEAD > 0  # fitted, on (round 15)


def test_a_single_section_holding_major_news_keeps_its_heading() -> None:
    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}
    capped = _cap_sections(
        sections,
        shown,  # type: ignore[arg-type]
        place.__getitem__,
        5,
        None,
        lambda i: i == 16,  # the week's test-fire, placed last
    )
    assert capped["S7"] == [16]
    assert 16 not in capped.get(OTHER, [])


def test_a_statements_speaker_does_not_make_its_headline_weighty() -> None:
    assert newsweight.weighty_headline("Ballistic Missile Test-fire Conducted in DPRK")
    assert newsweight.weighty_headline("DPRK Foreign Minister Meets Lavrov")
    assert not newsweight.weighty_headline(
        "Press Statement of Spokesperson for DPRK Foreign Ministry"
    )
    assert not newsweight.weighty_headline("Youth Day Celebrated")


def test_an_act_with_consequences_is_told_apart_from_routine() -> None:
    # Round 18 (newsroom.yaml ``consequences``; the lead ships at 0, the tuner fits it).
    assert newsweight.tells_consequence("Roads and Railways to ROK Completely Blocked")
    assert newsweight.tells_consequence("Treaty on Comprehensive Strategic Partnership Signed")
    assert not newsweight.tells_consequence("Kim Jong Un Inspects Shipbuilding")
    assert not newsweight.tells_consequence("Greetings to Vietnamese President")


def test_a_headline_the_last_weeks_said_recurs() -> None:
    from datetime import UTC, datetime, timedelta

    from bot.archive.domain.articles import Article

    now = datetime(2024, 10, 7, tzinfo=UTC)

    def said(title: str, days: int) -> Article:
        when = now - timedelta(days=days)
        return Article(id=title, title=title, body="", source="s", published=when, ingested=when)

    history = newsweight.earlier_headlines(
        [said("Press Statement of Spokesperson for Foreign Ministry", 3), said("Old News", 90)]
    )
    assert len(history) == 1  # the headline of 90 days before is past RECUR_DAYS
    assert (
        newsweight.recurrence("Press Statement of Spokesperson for Foreign Ministry", history) == 1
    )
    assert newsweight.recurrence("Roads and Railways Blocked", history) == 0


def test_a_single_kept_by_importance_joins_a_higher_section_that_takes_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Round 19: S7's highlight is among the five most important (kept from the catch-all) but
    # placed last; S0 takes it and reads higher, so it joins S0 and one leftover keeps its
    # heading. Off (PROTECTED_JOIN False), S7 stays and two singles fall to "Other news".
    from bot.digest.domain import headingcap

    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}
    importance = {i: 0.1 for i in shown}
    importance[16] = 0.9

    def refile(i: int, names: object) -> str:
        return "S0" if i == 16 else OTHER

    def cap() -> dict[str, list[int]]:
        return _cap_sections(
            sections,
            shown,  # type: ignore[arg-type]
            place.__getitem__,
            7,
            importance.__getitem__,
            refile=refile,
        )

    capped = cap()
    assert capped["S0"] == [0, 1, 2, 3, 4, 16] and "S7" not in capped and OTHER not in capped
    monkeypatch.setattr(headingcap, "PROTECTED_JOIN", False)
    capped = cap()
    assert capped["S7"] == [16] and capped[OTHER] == [15, 14]


def test_a_kept_single_never_joins_a_section_that_reads_lower() -> None:
    sections = _sections(7)
    shown = {i: None for members in sections.values() for i in members}
    place = {i: 1.0 - i / 100 for i in shown}
    place[16] = 0.93  # above every highlight of S6 (0.94 is S5's)
    importance = {i: 0.1 for i in shown}
    importance[16] = 0.9

    def refile(i: int, names: object) -> str:
        return "S6" if i == 16 else OTHER

    capped = _cap_sections(
        sections,
        shown,  # type: ignore[arg-type]
        place.__getitem__,
        7,
        importance.__getitem__,
        refile=refile,
    )
    assert capped["S7"] == [16]
