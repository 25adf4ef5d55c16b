"""Several statements on one subject are one story; statements on other subjects stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from bot.digest.domain.copies import join_copies
from bot.digest.domain.events import vectorize_week
from bot.digest.domain.subjects import join_subjects, subject_pairs
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 10, 11, 1, tzinfo=UTC)
DRONES = (
    "Pyongyang, October {d} (KCNA) -- The {who} issued the following statement: Enemy drones "
    "intruded into the airspace over the capital again. The drones scattered leaflets and "
    "rubbish. Such drone provocations across the border are a grave case, and the border "
    "guards will shoot down the next drone. {extra}"
)
OTHER = (
    "Pyongyang, October {d} (KCNA) -- The {who} issued the following statement: The NATO "
    "summit declaration is a threat to peace. NATO arms Ukraine and NATO courts Tokyo, and "
    "its warships sail near sovereign states. {extra}"
)


def _week() -> tuple[list, list]:  # type: ignore[type-arg]
    history = [
        make_article(
            f"h{n}",
            f"Farmers of county {n} harvested rice and maize early.",
            DAY - timedelta(days=20 + n),
            title=f"Harvest in County {n}",
        )
        for n in range(120)
    ]
    week = [
        make_article(
            "fm",
            DRONES.format(d=11, who="Foreign Ministry", extra="We warn."),
            DAY,
            title="Crucial Statement of DPRK Foreign Ministry",
        ),
        make_article(
            "kyj",
            DRONES.format(d=12, who="vice director", extra="Beware."),
            DAY + timedelta(days=1),
            title="Press Statement of Vice Department Director",
        ),
        make_article(
            "mnd",
            DRONES.format(d=13, who="defence spokesman", extra="Units wait."),
            DAY + timedelta(days=2),
            title="Press Statement of Spokesman for Ministry of National Defence",
        ),
        make_article(
            "nato",
            OTHER.format(d=12, who="institute", extra="It must stop."),
            DAY + timedelta(days=1),
            title="Press Statement of Institute Spokesman",
        ),
        make_article(
            "late",
            DRONES.format(d=17, who="army", extra="Later."),
            DAY + timedelta(days=6),
            title="Statement of General Staff Spokesman",
        ),
    ]
    return week, history


def test_statements_repeating_one_subjects_rare_words_are_one_story() -> None:
    week, history = _week()
    copies = join_copies(week, SEOUL)
    text = vectorize_week(week, copies, history)
    items = [[c] for c in range(len(copies))]
    title = {copies[c].title: c for c in range(len(copies))}
    pairs = {(p.first, p.second): p.shared for p in subject_pairs(items, copies, week, text)}
    fm = title["Crucial Statement of DPRK Foreign Ministry"]
    mnd = title["Press Statement of Spokesman for Ministry of National Defence"]
    nato = title["Press Statement of Institute Spokesman"]
    late = title["Statement of General Staff Spokesman"]
    assert {"drone", "drones", "border"} <= set(pairs[(min(fm, mnd), max(fm, mnd))])
    assert not any(nato in key for key in pairs)  # another subject
    assert not any(late in key and fm in key for key in pairs)  # six days later
    alike = join_subjects(np.eye(len(copies)), list(subject_pairs(items, copies, week, text)))
    assert alike[fm, mnd] >= 0.5
    assert alike[fm, nato] == 0.0
