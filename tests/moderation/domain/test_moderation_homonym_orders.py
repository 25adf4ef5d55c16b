"""A homonym slur opening a message, followed by an order to the person it names ('spic go
home'), is read as the subject of its clause, as a verb after it already was ('tranny freaks
should ...'); its other sense ('spic and span') never opens a message that way. Cases written
for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


def _hate_hits(engine: ModerationEngine, text: str) -> list[str]:
    return [h.filter_name for h in engine.check(MessageInput(text)).hits if h.rule == 1]


@pytest.mark.parametrize("text", ["spic go home", "spic get out of this server"])
def test_a_slur_given_an_order_is_read_by_the_rules_not_left_to_the_model(
    engine: ModerationEngine, text: str
) -> None:
    hits = _hate_hits(engine, text)
    assert hits and "builtin:rule1-model" not in hits
    assert engine.check(MessageInput(text)).outcome == "flag"


@pytest.mark.parametrize(
    "text",
    ["my gran swore by spic and span for the kitchen floor", "go home and get some rest"],
)
def test_the_other_sense_and_a_plain_order_stay_allowed(
    engine: ModerationEngine, text: str
) -> None:
    assert _hate_hits(engine, text) == []
