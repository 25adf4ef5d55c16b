"""One event, one highlight: re-edited copies, occasions, a newsmaker's separate activities,
routine formulas, and the signals that say a report is news."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bot.digest.domain.activities import activity, distinct_activities
from bot.digest.domain.alike import join_routine_families, occasions
from bot.digest.domain.build import analyse_week, build_digest, select_week_articles
from bot.digest.domain.copies import join_copies
from bot.digest.domain.lexicon import is_dated, newsroom
from tests.digest.support import SEOUL, UTC_TZ, make_article

MONDAY = datetime(2024, 10, 7, 1, tzinfo=UTC)

INSPECTION = (
    "Pyongyang, October {day} (KCNA) -- Kim Jong Un inspected the {site} on October {day}. "
    "He was accompanied by officials of the Central Committee. Kim Jong Un looked round the "
    "{site} and praised the officials, workers and soldiers, who have done their best for the "
    "country. He set forth tasks for the {site} and expressed his expectation that they would "
    "fulfil them. He had a photo session with them."
)


# A report of a visit runs long (a protocol note does not): the formula that closes every visit.
PRAISE = (
    "He praised the officials and set forth tasks for the coming year, and he had a photo "
    "session with them."
)


def _history() -> list:  # type: ignore[type-arg]
    """Earlier weeks in which the leader is in every other report (a frequent newsmaker)."""
    start = MONDAY - timedelta(days=70)
    history = []
    for n in range(60):
        when = start + timedelta(days=n)
        body = (
            f"Pyongyang (KCNA) -- Kim Jong Un sent greetings number {n} to a foreign leader. "
            f"Farm {n} reported its harvest of wheat and maize in the province."
        )
        history.append(make_article(f"h{n:02d}", body, when, title=f"Report {n} of the Week"))
    return history


def test_a_re_edited_version_is_a_copy_not_a_series() -> None:
    body = INSPECTION.format(day=7, site="Nuclear Weapons Institute")
    edited = body.replace("praised the officials", "highly praised the officials")
    first = make_article(
        "e1", body, MONDAY, title="Kim Jong Un Inspects Nuclear Weapons Institute and Base"
    )
    second = make_article(
        "e2",
        edited,
        MONDAY + timedelta(hours=3),
        title="Kim Jong Un Inspects Nuclear Weapons Institute and the Base",
    )
    (item,) = join_copies([first, second], SEOUL)
    assert item.members == (0, 1)
    other = make_article("e3", INSPECTION.format(day=7, site="shipyard"), MONDAY, title="Other")
    other = other.__class__(
        **{**{k: getattr(other, k) for k in other.__slots__}, "body": "A different text."}
    )
    assert len(join_copies([first, other], SEOUL)) == 2


def test_a_frequent_newsmakers_separate_activities_are_separate_highlights() -> None:
    history = _history()
    # Each report words its own visit; the agency's formula around it is the same.
    visits = {
        "naval base construction site": "Dredging of the harbour for large warships and "
        "submarines is ahead of schedule, and the breakwater will be finished next spring. "
        "Engineers showed him the dry dock, where two frigates are being refitted with new "
        "radars, and the quay where tugboats and a floating crane are moored. He said the "
        "base must take destroyers by the autumn and asked for a second slipway.",
        "artillery academy": "Cadets fired howitzers at sea targets, and the new "
        "curriculum on reconnaissance drones and counter-battery radar was explained. "
        "Instructors presented the simulators, the ballistics laboratory and the library of "
        "firing tables; graduates demonstrated rapid redeployment of self-propelled guns "
        "across the range and hit every buoy in the bay.",
        "munitions factory": "Shell production lines were modernised, and the output of "
        "fuses and casings doubled over the five-year plan. Managers walked him through the "
        "forging shop, the automated filling hall and the warehouse of brass and steel; he "
        "asked that the night shift keep the new presses running and that the canteen and "
        "dormitories of the workers be renovated.",
    }
    week = [
        make_article(
            f"k{n}",
            f"Pyongyang, October {8 + n} (KCNA) -- Kim Jong Un inspected the {site} on "
            f"October {8 + n}. {detail} He was accompanied by officials of the Central "
            f"Committee. {PRAISE}",
            MONDAY + timedelta(days=1 + n),
            title=f"Kim Jong Un Inspects {site.title()}",
        )
        for n, (site, detail) in enumerate(visits.items())
    ]
    digest = build_digest(history + week, "2024-W41", SEOUL, history=history)
    told = [{r.article_id for r in item.reports} for item in digest.highlighted]
    for article in week:
        assert sum(article.id in ids for ids in told) == 1
    assert all(len(ids & {a.id for a in week}) <= 1 for ids in told)


def test_activities_of_a_rare_actor_are_left_to_their_texts() -> None:
    lede = "Choe Son Hui, DPRK foreign minister, left Pyongyang for Moscow on October 8."
    a = activity("Choe Son Hui Leaves for Moscow", lede)
    b = activity("Choe Son Hui Lays Wreath at Tomb", lede)
    assert a is not None and b is not None and a.actor == "choe son hui"
    assert not distinct_activities(a, b, lambda name: False)
    assert distinct_activities(a, b, lambda name: True)
    same = activity("Choe Son Hui Leaves for Moscow Today", lede)
    assert not distinct_activities(a, same, lambda name: True)
    assert activity("Youth Day Celebrated", "Young people celebrated Youth Day.") is None


def test_reports_of_one_occasion_share_its_key() -> None:
    gala = occasions("Evening Gala Marks 76th Founding Anniversary of DPRK")
    wreaths = occasions("Wreaths were laid on the 76th founding anniversary of the DPRK.")
    assert gala & wreaths == {"76th anniversary"}
    assert occasions("Dancing parties were held on Youth Day.") == {"youth day"}
    assert not occasions("Farmers harvested wheat in the province.")


def test_protocol_notes_of_one_formula_are_one_line_but_statements_are_not() -> None:
    titles = [
        "Greetings to FM of Turkmenistan",
        "Greetings to Armenian PM",
        "Kim Jong Un Sends Reply Message",
        "Kim Jong Un Inspects Factory",
    ]
    alike = join_routine_families(np.eye(4), titles, [60, 60, 60, 60])
    assert alike[0, 1] == 1.0
    assert alike[2, 3] < 1.0  # "Kim Jong" stops inside a name, before the formula
    long_notes = join_routine_families(np.eye(4), titles, [60, 900, 60, 60])
    assert long_notes[0, 1] < 1.0


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        ("Pyongyang, October 8 (KCNA) -- Kim Jong Un inspected the base on October 7.", True),
        ("Pyongyang, October 8 (KCNA) -- The ministry said on Tuesday that talks ended.", True),
        ("Pyongyang, October 8 (KCNA) -- Moran Hill is a scenic spot in the capital.", False),
    ],
)
def test_a_lead_that_says_when_it_happened_is_dated(body: str, dated: bool) -> None:
    assert is_dated(body) is dated


def test_the_ranking_explains_the_new_signals() -> None:
    history = _history()
    week = [
        make_article(
            "k0",
            INSPECTION.format(day=8, site="artillery academy"),
            MONDAY + timedelta(days=1),
            title="Kim Jong Un Inspects Artillery Academy",
        )
    ]
    digest = build_digest(history + week, "2024-W41", UTC_TZ, history=history)
    (story,) = digest.ranking
    reasons = {reason.signal: reason for reason in story.importance.reasons}
    assert reasons["dated"].value == 1.0
    assert reasons["actor"].value == 1.0 and "Kim Jong Un" in reasons["actor"].text


def _trip_week(return_title: str) -> list:  # type: ignore[type-arg]
    """A win abroad on Monday, unrelated news between, the players back five days later."""
    win = (
        "Pyongyang (KCNA) -- The women's under-17 football team won the Asian Cup final in "
        "Jakarta, beating the hosts 3-1 before a full stadium; the striker Ri Hyang scored twice."
    )
    back = (
        "Pyongyang (KCNA) -- The women's under-17 football team, winners of the Asian Cup in "
        "Jakarta, arrived at the airport, where officials and citizens welcomed the players."
    )
    others = [
        "Farmers of the province threshed rice and maize ahead of the autumn rains.",
        "A new chemical fertiliser works began production in the eastern port city.",
        "Engineers finished the railway bridge across the river before the winter floods.",
    ]
    week = [make_article("t0", win, MONDAY, title="Women Footballers Win Asian Cup")]
    week += [
        make_article(f"t{n + 1}", f"Pyongyang (KCNA) -- {text}", MONDAY + timedelta(days=n + 1))
        for n, text in enumerate(others)
    ]
    week.append(make_article("t9", back, MONDAY + timedelta(days=5), title=return_title))
    return week


def _win_and_return_alike(return_title: str) -> float:
    history = _history()
    week = _trip_week(return_title)
    start = MONDAY.astimezone(SEOUL).replace(hour=0)
    selected = select_week_articles(week, start, start + timedelta(days=7))
    analysed = analyse_week(selected, history, start, SEOUL)
    (win,) = [
        n for n, s in enumerate(analysed.stories) if "Win" in analysed.copies[s.items[0]].title
    ]
    (back,) = [
        n for n, s in enumerate(analysed.stories) if "Home" in analysed.copies[s.items[0]].title
    ]
    return float(analysed.alike[win, back])


@pytest.mark.parametrize(
    ("title", "travel"),
    [
        ("Successful Women Players Return Home", True),
        ("DPRK Foreign Minister Leaves for Russia", True),
        ("Delegation Leaves Here", True),
        ("Home Appliances Exhibition Opens", False),
        ("Returns of the Harvest", False),
    ],
)
def test_departures_and_returns_are_told_by_their_headlines(title: str, travel: bool) -> None:
    assert newsroom().tells_travel(title) is travel


@pytest.mark.parametrize(
    ("title", "weighty"),
    [
        ("Ceremony for Transfer of New-type Tactical Ballistic Missile Weapon Systems", True),
        ("Kim Jong Un Visits Helicopter Unit of KPA Air Force", True),
        ("Press Statement of Spokesperson for DPRK Foreign Ministry", True),
        ("Talchon Hot Spring in DPRK", False),
        ("Forces of Nature Exhibition Opens", False),
    ],
)
def test_military_and_foreign_policy_headlines_are_weighty(title: str, weighty: bool) -> None:
    assert newsroom().tells_weighty(title) is weighty


def test_signals_say_which_stories_are_statements_weighty_news_or_features() -> None:
    history = _history()
    texts = {
        "Press Statement of Spokesperson for DPRK Foreign Ministry": (
            "Pyongyang (KCNA) -- The spokesperson said the drills of the warships near the "
            "coast are a grave provocation that the country will answer in kind."
        ),
        "Talchon Hot Spring in DPRK": (
            "Pyongyang (KCNA) -- The hot spring in the mountains has long been loved by the "
            "people for its warm water, which eases the pains of many visitors."
        ),
        "Kim Jong Un Inspects Artillery Academy": INSPECTION.format(day=8, site="academy"),
    }
    week = [
        make_article(f"s{n}", body, MONDAY + timedelta(days=n + 1), title=title)
        for n, (title, body) in enumerate(texts.items())
    ]
    start = MONDAY.astimezone(SEOUL).replace(hour=0)
    selected = select_week_articles(week, start, start + timedelta(days=7))
    analysed = analyse_week(selected, history, start, SEOUL)
    flags = {
        analysed.copies[story.items[0]].title: (s.statement, s.weighty, s.is_feature)
        for story, s in zip(analysed.stories, analysed.signals, strict=True)
    }
    assert flags == {
        "Press Statement of Spokesperson for DPRK Foreign Ministry": (True, True, True),
        "Talchon Hot Spring in DPRK": (False, False, True),
        "Kim Jong Un Inspects Artillery Academy": (False, True, False),
    }


def test_a_return_days_after_the_trip_is_not_damped_as_another_event() -> None:
    # The same report under a headline that is no return is damped by the five days.
    returned = _win_and_return_alike("Women Players Return Home")
    other = _win_and_return_alike("Women Players Honoured Home")
    assert returned > 1.5 * other > 0
