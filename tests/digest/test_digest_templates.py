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
    assert alike[0, 6] == 0.0  # one opening formula, the other a tail: not one formula


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
