"""Major news (a military event, the leader's meeting) leads its topic (issue 15, round 12b)."""

from __future__ import annotations

import pytest

from bot.digest.domain.major import is_major


@pytest.mark.parametrize(
    ("title", "major"),
    [
        ("Cruise Missile Test-fire Conducted off East Coast", True),
        ("Artillery Firing Drill Held by Frontline Units", True),
        ("Kim Jong Un Receives Visiting Defence Minister of Ruritania", True),
        ("Kim Jong Un Makes Speech at Youth Conference", True),
        ("Kim Jong Un Receives Greetings from Ruritanian President", False),
        ("Kim Jong Un Sends Message to Ruritanian President", False),
        ("Handicrafts Exhibition Opens in Kaesong", False),
        ("Wreath Laid at Monument in Ruritania", False),
        ("Rocket-shaped Lanterns Lit at Festival", False),
    ],
)
def test_major_headlines(title: str, major: bool) -> None:
    assert is_major(title) is major


def test_major_news_leads_its_topic_in_the_example_week() -> None:
    from bot.digest.domain.build import build_digest
    from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week

    articles = example_week()
    digest = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    assert any(is_major(h.title) for t in digest.topics for h in t.highlighted)
    for topic in digest.topics:
        flags = [is_major(h.title) for h in topic.highlighted]
        assert flags == sorted(flags, reverse=True), [h.title for h in topic.highlighted]
