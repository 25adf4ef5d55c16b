"""The parts of one occasion (an anniversary's march and reception, a minister's talks and
wreath abroad) are one story; other anniversaries, a leader's speech or greetings on the day, a visit
recalled, and reports days apart stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from bot.digest.domain.copies import join_copies
from bot.digest.domain.occasions import (
    Anniversary,
    OccasionPair,
    anniversaries,
    initials,
    join_occasions,
    occasion_pairs,
    visits,
)
from tests.digest.support import SEOUL, make_article

DAY = datetime(2024, 7, 27, 1, tzinfo=UTC)


def _common(name: str) -> bool:
    # The one frequent newsmaker of these weeks.
    return name.casefold() == "kim jong un"


def test_initials_read_acronyms_names_and_hyphens() -> None:
    assert initials("Workers' Party of Korea") == "WPK"
    assert initials("DPRK") == "DPRK"
    assert initials("Democratic People's Republic of Korea") == "DPRK"
    assert initials("DPRK-China Friendship") == "DPRKCF"


def test_one_anniversary_worded_two_ways_is_one() -> None:
    march = anniversaries(
        "A ceremony was held on July 27 to mark the 71st anniversary of great victory in the "
        "Fatherland Liberation War."
    )
    reception = anniversaries(
        "A reception was given to celebrate the 71st anniversary of the victory in the "
        "Fatherland Liberation War."
    )
    assert march == reception == {Anniversary(71, "FLW")}
    officials = anniversaries("All the people are greeting the founding anniversary of the DPRK.")
    gala = anniversaries("A gala marked the 76th founding anniversary of the DPRK.")
    assert any(a.same(b) for a in officials for b in gala)
    party = anniversaries("They greeted the birthday of the great Workers' Party of Korea.")
    banquet = anniversaries("A banquet was given on the 79th founding anniversary of the WPK.")
    assert any(a.same(b) for a in party for b in banquet)
    # Another ordinal, or another thing marked, is another anniversary.
    other = anniversaries("Officials marked the 75th anniversary of the Fatherland Liberation War.")
    assert not any(a.same(b) for a in march for b in other)
    assert not any(a.same(b) for a in gala for b in party)


def test_a_visit_under_way_names_its_traveller_and_country() -> None:
    text = (
        "Choe Son Hui, foreign minister of the DPRK, and her party on an official visit to the "
        "Russian Federation laid a wreath on Nov. 1."
    )
    assert visits(text) == {("Choe Son Hui", "russi")}
    recalled = "Ties grew after Comrade Kim Jong Un's visit to Vietnam, he said."
    assert visits(recalled) == frozenset()


def _occasion_week() -> list:  # type: ignore[type-arg]
    def report(key: str, title: str, body: str, days: int) -> object:
        return make_article(
            key,
            f"Pyongyang, July {27 + days} (KCNA) -- {body}",
            DAY + timedelta(days=days),
            title=title,
        )

    return [
        report(
            "march",
            "Ceremony of Commemorative March Held",
            "A ceremony of commemorative march was held to mark the 71st anniversary of great "
            "victory in the Fatherland Liberation War.",
            0,
        ),
        report(
            "reception",
            "Reception Given",
            "A reception was given at the Mokran House to celebrate the 71st anniversary of the "
            "victory in the Fatherland Liberation War.",
            1,
        ),
        report(
            "leader",
            "Kim Jong Un Visits Martyrs Cemetery",
            "Kim Jong Un visited the martyrs cemetery on the 71st anniversary of the victory in "
            "the Fatherland Liberation War.",
            0,
        ),
        report(
            "speech",
            "Kim Jong Un Makes Speech at Meeting",
            "Kim Jong Un made a speech at a meeting on the 71st anniversary of the victory in "
            "the Fatherland Liberation War.",
            0,
        ),
        report(
            "greetings",
            "Kim Jong Un Receives Greetings from Lao President",
            "Kim Jong Un received greetings on the 71st anniversary of the victory in the "
            "Fatherland Liberation War.",
            0,
        ),
        report(
            "later",
            "Veterans Meet",
            "Veterans met to mark the 71st anniversary of the victory in the Fatherland "
            "Liberation War.",
            6,
        ),
        report(
            "wreath",
            "Foreign Minister Lays Wreath",
            "Choe Son Hui, foreign minister of the DPRK, and her party on an official visit to "
            "the Russian Federation laid a wreath in Moscow.",
            1,
        ),
        report(
            "tablet",
            "Tablet Displayed in Russia",
            "A tablet was unveiled at a station in Moscow, Russia. Present there were Choe Son "
            "Hui, foreign minister of the DPRK, and the Russian foreign minister.",
            1,
        ),
    ]


def test_occasion_pairs_join_parts_and_keep_the_leader_and_later_days_apart() -> None:
    week = _occasion_week()
    copies = join_copies(week, SEOUL)
    items = [[c] for c in range(len(copies))]
    index = {copies[c].members[0]: c for c in range(len(copies))}
    at = {a.id: index[n] for n, a in enumerate(week)}
    pairs = occasion_pairs(items, ["event"] * len(items), copies, week, _common)
    joined = join_occasions(np.eye(len(items)), pairs)
    assert joined[at["march"], at["reception"]] >= 0.5
    assert joined[at["wreath"], at["tablet"]] >= 0.5
    # Round 15: the leader's ceremonial part (a cemetery, a wreath) is a part of the occasion;
    # his speech (major news) and the greetings he receives (a message) are news of their own.
    assert joined[at["march"], at["leader"]] >= 0.5
    assert joined[at["march"], at["speech"]] == 0.0
    assert joined[at["march"], at["greetings"]] == 0.0
    assert joined[at["march"], at["later"]] == 0.0  # six days later: beyond the window
    assert joined[at["march"], at["wreath"]] == 0.0
    # A series is not an event: no occasion ties it.
    kinds = ["series" if at["reception"] == i else "event" for i in range(len(items))]
    assert not any(
        at["reception"] in (p.first, p.second)
        for p in occasion_pairs(items, kinds, copies, week, _common)
    )


def test_join_occasions_makes_one_occasion_of_linked_events_within_the_window() -> None:
    pairs = [OccasionPair(0, 1, "anniversary", 1), OccasionPair(1, 2, "anniversary", 2)]
    joined = join_occasions(np.eye(4), pairs)
    assert joined[0, 2] >= 0.5  # linked through 1: one occasion
    assert joined[0, 3] == 0.0
    assert join_occasions(np.eye(4), pairs, days=1)[1, 2] == 0.0
    assert join_occasions(np.eye(4), pairs, days=-1)[0, 1] == 0.0


def test_a_work_quoted_by_its_title_ties_a_speech_and_the_papers_on_it() -> None:
    from bot.digest.domain.occasions import works

    speech = works(
        'Kim Jong Un made an important speech, titled, "Let Us Make Redoubled Efforts for the '
        'Prosperity of Our Great State", on September 9.'
    )
    papers = works(
        "Kim Jong Un made an important speech “Let Us Make Redoubled Efforts for the "
        "Prosperity of Our Great State” on the occasion of the national day."
    )
    assert (
        speech == papers == {"let us make redoubled efforts for the prosperity of our great state"}
    )
    assert works('Crowds shouted "Long live!" and "Glory to the party".') == frozenset()
