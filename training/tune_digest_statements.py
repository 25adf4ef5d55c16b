"""bot.digest.domain.events.STATEMENT_TITLE_SIMILARITY held out week by week (used by
training/tune_digest.py --statements)."""

from __future__ import annotations

from typing import Any

from tune_digest import Figures, evaluate, judged_weeks, leave_one_week_out, objective, totals

import bot.digest.domain.rank as rank

STATEMENT_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: a statement's headline never ties


def tune_statements(articles: list[Any], judgements: dict[str, dict[str, Any]]) -> None:
    """bot.digest.domain.events.STATEMENT_TITLE_SIMILARITY, each value with the shipped
    constants (the weeks are analysed again per value): all weeks, then leave one week out."""
    import bot.digest.domain.events as events

    shipped = events.STATEMENT_TITLE_SIMILARITY
    table: list[list[Figures]] = []
    names: list[str] = []
    for value in STATEMENT_GRID:
        events.STATEMENT_TITLE_SIMILARITY = value
        weeks = judged_weeks(articles, judgements)
        names = [w.week for w in weeks]
        table.append([evaluate(w, rank.WEIGHTS, rank.FOLD_SIMILARITY) for w in weeks])
        print(
            f"  statement headlines tie at >= {value}: {totals(table[-1])}; "
            f"objective {objective(table[-1])}"
        )
    events.STATEMENT_TITLE_SIMILARITY = shipped
    leave_one_week_out(table, names, lambda i: f">= {STATEMENT_GRID[i]}")
