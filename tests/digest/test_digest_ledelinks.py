"""Statements naming one rare thing in their ledes are linked; other statements, dates and
common words link nothing; the day windows and the rarity bound are honoured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from bot.digest.domain.copies import join_copies
from bot.digest.domain.events import NameCommonness, vectorize_week
from bot.digest.domain.ledelinks import join_ledes, lede_pairs, lede_terms, links_of
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 10, 11, 1, tzinfo=UTC)
DRONE = (
    "Pyongyang, October {d} (KCNA) -- The {who} issued the following statement on Friday: "
    "{opening} The enemy must answer for it. {extra}"
)


def _week() -> tuple[list, list]:  # type: ignore[type-arg]
    history = [
        make_article(
            f"h{n}",
            f"Farmers of county {n} harvested rice on Friday and warned the enemy.",
            DAY - timedelta(days=20 + n),
            title=f"Harvest in County {n}",
        )
        for n in range(120)
    ] + [
        make_article(
            f"s{n}",
            DRONE.format(d=1, who="ministry", opening=f"Fishing quota {n} is unfair.", extra=""),
            DAY - timedelta(days=30 + n),
            title="Press Statement of Spokesman for Ministry",
        )
        for n in range(12)
    ]
    week = [
        make_article(
            "fm",
            DRONE.format(
                d=11, who="Foreign Ministry", opening="Drones intruded over the capital.", extra=""
            ),
            DAY,
            title="Crucial Statement of DPRK Foreign Ministry",
        ),
        make_article(
            "mnd",
            DRONE.format(
                d=13, who="defence spokesman", opening="The drones were launched.", extra="Wait."
            ),
            DAY + timedelta(days=2),
            title="Press Statement of Spokesman for Ministry of National Defence",
        ),
        make_article(
            "nato",
            DRONE.format(d=12, who="institute", opening="The summit is a threat.", extra="Stop."),
            DAY + timedelta(days=1),
            title="Press Statement of Institute Spokesman",
        ),
        make_article(
            "farm",
            "Pyongyang, October 12 (KCNA) -- Drones sprayed the fields of a farm. It grew.",
            DAY + timedelta(days=1),
            title="Farm Uses Drones",
        ),
    ]
    return week, history


def _pairs() -> tuple[dict[str, int], list]:  # type: ignore[type-arg]
    week, history = _week()
    copies = join_copies(week, SEOUL)
    text = vectorize_week(week, copies, history)
    items = [[c] for c in range(len(copies))]
    kinds = ["event"] * len(copies)
    pairs = lede_pairs(items, kinds, copies, week, text, NameCommonness(text))
    return {
        copies[c].members and week[copies[c].members[0]].id: c for c in range(len(copies))
    }, pairs


def test_lede_terms_leave_out_dates_and_numbers() -> None:
    terms = lede_terms("Statement", "Pyongyang, October 3 (KCNA) -- On Friday 80 drones flew.")
    assert "drones" in terms and "drones flew" in terms
    assert not {"friday", "october", "80", "on friday", "80 drones"} & terms


def test_statements_naming_one_rare_thing_are_paired_and_others_not() -> None:
    index, pairs = _pairs()
    found = {(p.first, p.second): p for p in pairs}
    drone = found[tuple(sorted((index["fm"], index["mnd"])))]  # type: ignore[index]
    assert drone.kind == "statement" and drone.gap == 2
    assert any(term.startswith("drone") for term, _ in drone.shared)
    # The institute's statement names nothing rare they name; the farm is no statement.
    assert all(index["nato"] not in key and index["farm"] not in key for key in found)
    assert not any(term in {"friday", "enemy"} for term, _ in drone.shared)


def test_links_honour_the_day_window_and_the_joined_similarity() -> None:
    _, pairs = _pairs()
    (pair,) = pairs
    assert links_of(pair, rare_docs=0, terms=1, statement_days=2)
    assert not links_of(pair, rare_docs=0, terms=1, statement_days=1)
    assert not links_of(pair, rare_docs=0, terms=len(pair.shared) + 1, statement_days=2)
    assert not links_of(pair, rare_docs=0, terms=1, statement_days=-1)
    alike = np.zeros((4, 4))
    joined = join_ledes(alike, pairs, (0, 1, 2, None))
    assert joined[pair.first, pair.second] == joined[pair.second, pair.first] == 0.5
    assert join_ledes(alike, pairs, (0, 1, -1, None)).max() == 0.0
