"""Round 21: a foreign visitor of rank received by the leader reads higher (layout.VISIT_LEAD)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.archive.domain.articles import Article
from bot.digest.domain import layout
from bot.digest.domain.build import build_digest
from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week, make_article

VISIT = "Kim Jong Un Receives Sergei Shoigu, Secretary of Security Council of Russian Federation"


def _week() -> list[Article]:
    body = (
        "Pyongyang, October 12 (EW) -- Sergei Shoigu, secretary of the Security Council of "
        "the Russian Federation, was received on Saturday during his visit to Pyongyang. The "
        "envoy from Moscow and his hosts discussed strategic dialogue, the treaty between "
        "the two countries and security cooperation, and exchanged views on regional affairs."
    )
    when = datetime(2024, 10, 12, 15, 0, tzinfo=SEOUL)
    return [*example_week(), make_article("v1", body, when, title=VISIT)]


def _position(monkeypatch: pytest.MonkeyPatch, lead: float) -> int:
    monkeypatch.setattr(layout, "VISIT_LEAD", lead)
    articles = _week()
    digest = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    order = [h.title for t in digest.topics for h in t.highlighted]
    return order.index(VISIT)


def test_the_visitor_reads_higher_with_the_shipped_lead(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = layout.VISIT_LEAD
    assert 0.0 < shipped < 0.55  # more lifts the visitor's section's other highlights too
    without = _position(monkeypatch, 0.0)
    assert _position(monkeypatch, shipped) == without - 1  # past the flood recovery
    assert _position(monkeypatch, 2.0) == 0  # a large lead would put it above the missile test
