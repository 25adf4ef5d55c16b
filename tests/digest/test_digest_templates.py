"""Feature formulas learnt from the archive: two commentaries are one line, two statements or
two inspections are two stories."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from bot.digest.domain.templates import FormulaHistory, join_templates, template_pairs

FIRST_MONDAY = date(2024, 8, 5)
UNDATED = "Pyongyang, October 1 (KCNA) -- The U.S. keeps talking of peace while it arms others."
DATED = "Pyongyang, October 1 (KCNA) -- Kim Jong Un inspected a factory on Tuesday."


def _archive(weeks: int) -> FormulaHistory:
    """``weeks`` earlier weeks, each with a commentary (no date in its lead), a press statement
    and an inspection (both dated), and a title-only photo of a commentary."""
    reports: list[tuple[str, date, str | None]] = []
    for n in range(weeks):
        day = FIRST_MONDAY + timedelta(weeks=n)
        reports += [
            (f"KCNA Commentary on Subject Number {n}", day, UNDATED),
            (f"KCNA Commentary on Subject Number {n}", day, None),
            (f"Topic {n} Will Fail: KCNA Commentary", day, UNDATED),
            (f"Press Statement of Spokesman Number {n}", day, DATED),
            (f"Kim Jong Un Inspects Factory Number {n}", day, DATED),
        ]
    return FormulaHistory(reports)


WEEK_TITLES = [
    "KCNA Commentary on Japan's Crime",  # 0
    "KCNA Commentary on Ridiculous Rumor",  # 1
    "Press Statement of Foreign Ministry Spokesman",  # 2
    "Press Statement of Defence Ministry Spokesman",  # 3
    "Kim Jong Un Inspects Artillery Academy",  # 4
    "Kim Jong Un Inspects Shipyard",  # 5
    "Troop Dispatch Is Prelude to Invasion: KCNA Commentary",  # 6
    "Kim Jong Un Receives Delegation",  # 7
]


def test_commentaries_of_one_formula_fold_but_statements_and_inspections_do_not() -> None:
    history = _archive(4)
    pairs = template_pairs(WEEK_TITLES, history)
    found = {(p.first, p.second): p for p in pairs}
    assert found[(0, 1)].formula == "kcna commentari on …"
    assert found[(0, 1)].weeks == 4 and found[(0, 1)].dated_share == 0.0
    assert found[(2, 3)].dated_share == 1.0  # statements say when: news
    assert (4, 5) not in found  # "Inspects {…}": what follows the verb is the story
    assert (4, 7) not in found  # "Kim Jong Un" stops inside a name
    alike = join_templates(np.eye(len(WEEK_TITLES)), pairs, min_weeks=2, max_dated=0.5)
    assert alike[0, 1] == alike[1, 0] == 1.0
    assert alike[2, 3] == 0.0
    assert alike[4, 5] == 0.0
    assert alike[0, 6] == 1.0  # "KCNA Commentary on …" and "…: KCNA Commentary": one source


def test_a_tail_after_a_colon_is_a_formula_too() -> None:
    titles = [
        "Troop Dispatch Is Prelude to Invasion: KCNA Commentary",
        "Whether War Stops: KCNA Commentary",
    ]
    pairs = template_pairs(titles, _archive(3))
    assert [(p.formula, p.weeks) for p in pairs] == [("… kcna commentari", 3)]
    assert join_templates(np.eye(2), pairs, min_weeks=3, max_dated=0.5)[0, 1] == 1.0


def test_a_formula_the_archive_has_not_seen_often_is_no_formula() -> None:
    pairs = template_pairs(WEEK_TITLES[:2], _archive(1))
    assert pairs[0].weeks == 1
    assert join_templates(np.eye(2), pairs, min_weeks=2, max_dated=0.5)[0, 1] == 0.0


def test_a_source_named_after_a_colon_and_at_the_opening_is_one_formula() -> None:
    titles = [
        "Times Call for Pioneering Spirit; Rodong Sinmun",
        "Rodong Sinmun Calls Upon Officials",
    ]
    reports = [
        (f"Subject {n} Is Important: Rodong Sinmun", FIRST_MONDAY + timedelta(weeks=n), UNDATED)
        for n in range(3)
    ]
    pairs = template_pairs(titles, FormulaHistory(reports))
    assert [(p.formula, p.weeks, p.dated_share) for p in pairs] == [("… rodong sinmun", 3, 0.0)]


STATEMENT = (
    "Pyongyang, July 13 (KCNA) -- A spokesman issued the following press statement on "
    "Saturday: {subject}"
)
NATO = (
    "The NATO summit declaration adopted in Washington is a grave threat to peace. The bloc "
    "expands its alliance eastward, arming Ukraine and courting Tokyo. Its members spend ever "
    "more on missiles, bombers and warships aimed at sovereign states. Such a confrontational "
    "summit only proves that the bloc is a war machine serving hegemony across Europe and Asia."
)
BORDER = (
    "Enemy soldiers crossed the demarcation line at the front again. Loudspeakers blared "
    "leaflets and rubbish balloons drifted over villages. Guards fired warning shots, and "
    "engineers laid mines along the fences near the railway. Farmers in the nearby fields "
    "watched the patrols, and the sentries reported every incident to the command at dawn."
)


def _statement_similarity(title_a: str, title_b: str, subject_b: str) -> float:
    from datetime import UTC, datetime

    from bot.digest.domain.copies import join_copies
    from bot.digest.domain.events import similarity, vectorize_week
    from tests.digest.support import SEOUL, make_article

    when = datetime(2024, 7, 13, 1, tzinfo=UTC)
    week = [
        make_article("s1", STATEMENT.format(subject=NATO), when, title=title_a),
        make_article(
            "s2",
            STATEMENT.format(subject=subject_b),
            when,
            title=title_b,
        ),
    ]
    copies = join_copies(week, SEOUL)
    return float(similarity(vectorize_week(week, copies, []), copies, week)[0, 1])


def test_statements_of_two_speakers_are_tied_by_their_texts_not_their_headlines() -> None:
    apart = _statement_similarity(
        "Press Statement of DPRK Foreign Ministry Spokesman",
        "Press Statement of Spokesman for DPRK Ministry of National Defence",
        BORDER,
    )
    assert apart < 0.2
    # One speaker's statement under two headlines ("Press Statement of X", "Statement of X").
    one = _statement_similarity(
        "Press Statement of DPRK Foreign Ministry Spokesman",
        "Statement of DPRK Foreign Ministry Spokesman",
        BORDER,
    )
    assert one >= 0.2
